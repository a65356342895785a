import Testing

@testable import Extraction

/// The material acts read by lemma class and relation: easing an embargo and a truce taking
/// effect (RETREAT), arms provided or delivered (AID), drills held and troops massed (MOBILIZE),
/// an offensive launched (ASSAULT), and who does what an infinitive on a noun says.
@Suite("Lemma classes of the material acts")
struct LemmaClassTests {
    @Test func liftingAnEmbargoIsARetreat() throws {
        // "Egypt lifted its embargo on Libya ."
        let t = HandTrees.tree([
            "Egypt/PROPN/2/nsubj", "lifted/VERB/0/root/lift", "its/PRON/4/nmod:poss/its", "embargo/NOUN/2/obj", "on/ADP/6/case",
            "Libya/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "RETREAT")
        #expect(HandTrees.codes(d, "source") == ["EGY"])
        #expect(HandTrees.codes(d, "target") == ["LBY"])
    }

    @Test func aTruceComingIntoEffectIsARetreatOfBothSides() throws {
        // "A truce between Sudan and Chad came into effect ."
        let t = HandTrees.tree([
            "A/DET/2/det/a", "truce/NOUN/7/nsubj", "between/ADP/4/case", "Sudan/PROPN/2/nmod", "and/CCONJ/6/cc",
            "Chad/PROPN/4/conj", "came/VERB/0/root/come", "into/ADP/9/case", "effect/NOUN/7/obl", "./PUNCT/7/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first { $0.type == "RETREAT" })
        #expect(HandTrees.codes(d, "both") == ["SDN", "TCD"])
    }

    @Test func providingAStateWithAmmunitionIsAid() throws {
        // "Poland provided Moldova with ammunition ."
        let t = HandTrees.tree([
            "Poland/PROPN/2/nsubj", "provided/VERB/0/root/provide", "Moldova/PROPN/2/obj", "with/ADP/5/case", "ammunition/NOUN/2/obl",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "AID")
        #expect(HandTrees.codes(d, "source") == ["POL"])
        #expect(HandTrees.codes(d, "target") == ["MDA"])
    }

    @Test func drillsHeldNearAStateAreAMobilisationAimedAtIt() throws {
        // "Russia held drills near Finland ."
        let t = HandTrees.tree([
            "Russia/PROPN/2/nsubj", "held/VERB/0/root/hold", "drills/NOUN/2/obj/drill", "near/ADP/5/case", "Finland/PROPN/3/nmod",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "MOBILIZE")
        #expect(HandTrees.codes(d, "source") == ["RUS"])
        #expect(HandTrees.codes(d, "target") == ["FIN"])
    }

    @Test func jointDrillsStayCooperation() throws {
        // "Russia held joint drills with Belarus ."
        let t = HandTrees.tree([
            "Russia/PROPN/2/nsubj", "held/VERB/0/root/hold", "joint/ADJ/4/amod", "drills/NOUN/2/obj/drill", "with/ADP/6/case",
            "Belarus/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(out.contains { $0.type == "COOPERATE" })
        #expect(!out.contains { $0.type == "MOBILIZE" })
    }

    @Test func anOffensiveLaunchedIsAnAssault() throws {
        // "Armenia launched an offensive against Azerbaijan ."
        let t = HandTrees.tree([
            "Armenia/PROPN/2/nsubj", "launched/VERB/0/root/launch", "an/DET/4/det/a", "offensive/NOUN/2/obj", "against/ADP/6/case",
            "Azerbaijan/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "ASSAULT")
        #expect(HandTrees.codes(d, "source") == ["ARM"])
        #expect(HandTrees.codes(d, "target") == ["AZE"])
    }

    @Test func whoRejectsAProposalDoesNotDoWhatItProposes() {
        // "Japan rejected a proposal to provide loans to Kenya ."
        let t = HandTrees.tree([
            "Japan/PROPN/2/nsubj", "rejected/VERB/0/root/reject", "a/DET/4/det", "proposal/NOUN/2/obj", "to/PART/6/mark",
            "provide/VERB/4/acl", "loans/NOUN/6/obj/loan", "to/ADP/9/case", "Kenya/PROPN/6/obl", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(!out.contains { $0.type == "AID" && HandTrees.codes($0, "source") == ["JPN"] })
    }
}
