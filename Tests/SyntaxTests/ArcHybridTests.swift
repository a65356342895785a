import Testing

@testable import Syntax

@Suite struct ArcHybridTests {
    /// Follows the cheapest valid move (the first on ties), as a static oracle.
    func oracleParse(_ heads: [Int]) -> [Int] {
        let n = heads.count
        let gold = heads.map { $0 == -1 ? n : $0 }
        var c = ArcHybrid(count: n)
        while !c.isTerminal {
            let move = ArcHybrid.Move.allCases.filter { c.isValid($0) }.min { c.cost($0, gold: gold) < c.cost($1, gold: gold) }!
            c.apply(move)
        }
        return (0..<n).map { c.heads[$0] == n ? -1 : c.heads[$0] }
    }

    @Test func staticOracleReproducesEveryTree() throws {
        let sentences = try Treebank.parse(TinyTreebank.conllu)
        #expect(sentences.count == 8)
        for s in sentences {
            #expect(Projectivize.isProjective(s.heads))
            #expect(oracleParse(s.heads) == s.heads)
        }
    }

    @Test func liftsNonProjectiveArcs() {
        // The arcs 2 -> 0 and 0 -> 3 both span the root, 1: each is lifted to its head's head.
        let heads = [2, -1, 1, 0]
        #expect(!Projectivize.isProjective(heads))
        let lifted = Projectivize.lift(heads)
        #expect(Projectivize.isProjective(lifted))
        #expect(lifted == [1, -1, 1, 1])
        #expect(oracleParse(lifted) == lifted)
    }

    @Test func dynamicOracleCosts() {
        // "The cat chased a mouse ." with the root as 6.
        let gold = [1, 2, 6, 4, 2, 2]
        var c = ArcHybrid(count: 6)
        #expect(c.isValid(.shift) && !c.isValid(.left) && !c.isValid(.right))
        #expect(c.cost(.shift, gold: gold) == 0)
        c.apply(.shift)
        // Stack [root, The], buffer "cat ...": the root takes no dependent while words remain.
        #expect(!c.isValid(.right))
        #expect(c.cost(.left, gold: gold) == 0)
        #expect(c.cost(.shift, gold: gold) == 1)
        c.apply(.shift)
        // Stack [root, The, cat], buffer "chased ...".
        #expect(c.cost(.left, gold: gold) == 0)
        #expect(c.cost(.right, gold: gold) == 1)
        // Shifting "chased" loses cat <- chased and chased <- root.
        #expect(c.cost(.shift, gold: gold) == 2)
        c.apply(.right)
        // After a wrong arc ("cat" under "The"), the lost arc The <- cat costs nothing more.
        #expect(c.cost(.left, gold: gold) == 0)
        #expect(c.cost(.shift, gold: gold) == 1)
    }

    @Test func labelsAndDependentsAreRecorded() {
        var c = ArcHybrid(count: 3)
        c.apply(.shift)
        c.apply(.left, label: 4)
        c.apply(.shift)
        c.apply(.shift)
        c.apply(.right, label: 5)
        c.apply(.right, label: 0)
        #expect(c.isTerminal)
        #expect(c.heads[0...2] == [1, 3, 1])
        #expect(c.left1[1] == 0 && c.right1[1] == 2)
        #expect(c.leftLabels[1] == 1 << 4 && c.rightLabels[1] == 1 << 5)
    }
}
