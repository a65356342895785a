import Testing

@testable import Extraction

@Suite("Negative evaluation in speech and verbs of judging, on hand-built trees")
struct EvaluationTests {
    func dyads(_ out: [Development]) -> [String] {
        out.map { d in
            let s = d.participants.filter { $0.role == "source" }.compactMap(\.country).sorted().joined(separator: ",")
            let t = d.participants.filter { $0.role == "target" }.compactMap(\.country).sorted().joined(separator: ",")
            return "\(d.type)\(d.mode.map { "/" + $0 } ?? "") \(s)>\(t)"
        }
    }

    @Test func callingAStateATerrorStateAccusesItAndIsNoPhoneCall() {
        // "Chile called Peru a terrorist state ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "called/VERB/0/root/call", "Peru/PROPN/2/obj", "a/DET/6/det", "terrorist/ADJ/6/amod",
            "state/NOUN/2/xcomp", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE CHL>PER"])
    }

    @Test func describingAStatesMoveAsIllegitimate() {
        // "Ghana described the Togolese decision as illegitimate ."
        let t = HandTrees.tree([
            "Ghana/PROPN/2/nsubj", "described/VERB/0/root/describe", "the/DET/5/det", "Togolese/ADJ/5/amod", "decision/NOUN/2/obj",
            "as/ADP/7/case", "illegitimate/ADJ/2/obl", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE GHA>TGO"])
    }

    @Test func aSpeakerWhoSaysAStatesRemarksWereProvocative() {
        // "Peru said Chile 's remarks were provocative ."
        let t = HandTrees.tree([
            "Peru/PROPN/2/nsubj", "said/VERB/0/root/say", "Chile/PROPN/5/nmod:poss", "'s/PART/3/case", "remarks/NOUN/7/nsubj/remark",
            "were/AUX/7/cop/be", "provocative/ADJ/2/ccomp", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE PER>CHL"])
    }

    @Test func aQuotedSubjectsHostileActsAccuseItInTheSpeakersName() {
        // "“ Niger has never ended its hostile acts , ” the Malian minister said ."
        let t = HandTrees.tree([
            "“/PUNCT/5/punct", "Niger/PROPN/5/nsubj", "has/AUX/5/aux/have", "never/ADV/5/advmod", "ended/VERB/14/ccomp/end",
            "its/PRON/8/nmod:poss", "hostile/ADJ/8/amod", "acts/NOUN/5/obj/act", ",/PUNCT/5/punct", "”/PUNCT/5/punct",
            "the/DET/13/det", "Malian/ADJ/13/amod", "minister/NOUN/14/nsubj", "said/VERB/0/root/say", "./PUNCT/14/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE MLI>NER"])
    }

    @Test func actsAStateVowsToEndAreNoOnesDeed() {
        // "Ghana and Togo pledged to end all hostile acts , the Malian minister said ."
        let t = HandTrees.tree([
            "Ghana/PROPN/4/nsubj", "and/CCONJ/3/cc", "Togo/PROPN/1/conj", "pledged/VERB/14/ccomp/pledge", "to/PART/6/mark",
            "end/VERB/4/xcomp", "all/DET/9/det", "hostile/ADJ/9/amod", "acts/NOUN/6/obj/act", ",/PUNCT/4/punct", "the/DET/13/det",
            "Malian/ADJ/13/amod", "minister/NOUN/14/nsubj", "said/VERB/0/root/say", "./PUNCT/14/punct",
        ])
        #expect(!dyads(HandTrees.extract([t])).contains { $0.hasPrefix("ACCUSE") })
    }

    @Test func anEvaluationInTheArticlesOwnVoiceOrOfADomesticMatterAccusesNoOne() {
        // "Chile 's hostile stance alarmed Peru ." (no speaker, no judge) and
        // "Peru said the opposition 's bill was illegal ." (no state judged)
        let voice = HandTrees.tree([
            "Chile/PROPN/4/nmod:poss", "'s/PART/1/case", "hostile/ADJ/4/amod", "stance/NOUN/5/nsubj", "alarmed/VERB/0/root/alarm",
            "Peru/PROPN/5/obj", "./PUNCT/5/punct",
        ])
        let domestic = HandTrees.tree([
            "Peru/PROPN/2/nsubj", "said/VERB/0/root/say", "the/DET/4/det", "opposition/NOUN/6/nmod:poss", "'s/PART/4/case",
            "bill/NOUN/8/nsubj", "was/AUX/8/cop/be", "illegal/ADJ/2/ccomp", "./PUNCT/2/punct",
        ])
        #expect(HandTrees.extract([voice]).isEmpty)
        #expect(HandTrees.extract([domestic]).isEmpty)
    }

    @Test func aCallWithTwoObjectsJudgesAndIsNoPhoneCall() {
        // "Chile called Peru a rogue state ." parsed with two objects, as a phone call's frame would read it.
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "called/VERB/0/root/call", "Peru/PROPN/2/obj", "a/DET/6/det", "rogue/ADJ/6/amod", "state/NOUN/2/obj",
            "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE CHL>PER"])
    }

    @Test func theEvaluationDictionaryIsCheckedLikeTheOthers() {
        let text = "ADJ|hostile; rogue\nVERB|slander\nNOUN|Bad Faith\nJUDGE|brand"
        let problems = Lexicon.dictionaryProblems(name: "evaluations", text: text)
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[0].message.contains("expected KIND | words"))
        #expect(Lexicon.dictionaryProblems(name: "evaluations", text: Lexicon.embeddedDictionaries["evaluations"] ?? "").isEmpty)
        #expect(Lexicon.builtIn.frameBook.evaluations.contains("hostile/ADJ"))
        #expect(Lexicon.builtIn.frameBook.judgingVerbs.contains("brand"))
        #expect(Lexicon.builtIn.frameBook.eventForms.contains("hostile"))
    }
}
