/// A few sentences written for these tests, in CoNLL-U.
enum TinyTreebank {
    static let conllu = """
        # text = The cat chased a mouse.
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tchased\tchase\tVERB\tVBD\t_\t0\troot\t_\t_
        4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
        5\tmouse\tmouse\tNOUN\tNN\t_\t3\tobj\t_\t_
        6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

        # text = My sister bakes bread on Sundays.
        1\tMy\tmy\tPRON\tPRP$\t_\t2\tnmod:poss\t_\t_
        2\tsister\tsister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tbakes\tbake\tVERB\tVBZ\t_\t0\troot\t_\t_
        4\tbread\tbread\tNOUN\tNN\t_\t3\tobj\t_\t_
        5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
        6\tSundays\tSunday\tPROPN\tNNPS\t_\t3\tobl\t_\t_
        7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

        # text = The letter was written by a child.
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tletter\tletter\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
        3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
        4\twritten\twrite\tVERB\tVBN\t_\t0\troot\t_\t_
        5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_
        6\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_
        7\tchild\tchild\tNOUN\tNN\t_\t4\tobl:agent\t_\t_
        8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

        # text = We painted the fence and the gate.
        1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
        2\tpainted\tpaint\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
        4\tfence\tfence\tNOUN\tNN\t_\t2\tobj\t_\t_
        5\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_
        6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
        7\tgate\tgate\tNOUN\tNN\t_\t4\tconj\t_\t_
        8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        # text = Dogs bark.
        1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_
        3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        # text = She wants to leave early.
        1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
        2\twants\twant\tVERB\tVBZ\t_\t0\troot\t_\t_
        3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_
        4\tleave\tleave\tVERB\tVB\t_\t2\txcomp\t_\t_
        5\tearly\tearly\tADV\tRB\t_\t4\tadvmod\t_\t_
        6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        # text = The boy who I met yesterday sings.
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tboy\tboy\tNOUN\tNN\t_\t7\tnsubj\t_\t_
        3\twho\twho\tPRON\tWP\t_\t5\tobj\t_\t_
        4\tI\tI\tPRON\tPRP\t_\t5\tnsubj\t_\t_
        5\tmet\tmeet\tVERB\tVBD\t_\t2\tacl:relcl\t_\t_
        6\tyesterday\tyesterday\tNOUN\tNN\t_\t5\tobl:unmarked\t_\t_
        7\tsings\tsing\tVERB\tVBZ\t_\t0\troot\t_\t_
        8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_

        # text = Nobody saw the cars they said crashed.
        1\tNobody\tnobody\tPRON\tNN\t_\t2\tnsubj\t_\t_
        2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
        4\tcars\tcar\tNOUN\tNNS\t_\t2\tobj\t_\t_
        5\tthey\tthey\tPRON\tPRP\t_\t6\tnsubj\t_\t_
        6\tsaid\tsay\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_
        7\tcrashed\tcrash\tVERB\tVBD\t_\t6\tccomp\t_\t_
        8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        """
}
