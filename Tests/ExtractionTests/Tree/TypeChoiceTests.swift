import Testing

@testable import Extraction

/// Which type an act is where frames overlap (a pledge or a delivery of aid, sanctions imposed or
/// lifted, a shared view or a deal), and roles read through passives and infinitives.
@Suite("Type choice between overlapping frames")
struct TypeChoiceTests {
    @Test func theLiftingOfSanctionsIsARetreat() throws {
        // "Canada announced the lifting of sanctions on Belarus ."
        let t = HandTrees.tree([
            "Canada/PROPN/2/nsubj", "announced/VERB/0/root/announce", "the/DET/4/det", "lifting/NOUN/2/obj", "of/ADP/6/case",
            "sanctions/NOUN/4/nmod/sanction", "on/ADP/8/case", "Belarus/PROPN/6/nmod", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "RETREAT")
        #expect(HandTrees.codes(d, "source") == ["CAN"])
        #expect(HandTrees.codes(d, "target") == ["BLR"])
    }

    @Test func aidAnnouncedIsAPledgeAndAidDeliveredIsAid() throws {
        // "Japan announced new aid for Kenya ." and "Japan delivered aid to Kenya ."
        let pledged = HandTrees.tree([
            "Japan/PROPN/2/nsubj", "announced/VERB/0/root/announce", "new/ADJ/4/amod", "aid/NOUN/2/obj", "for/ADP/6/case",
            "Kenya/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let p = try #require(HandTrees.extract([pledged]).first)
        #expect(p.type == "AGREE")
        #expect(HandTrees.codes(p, "source") == ["JPN"])
        #expect(HandTrees.codes(p, "target") == ["KEN"])
        let delivered = HandTrees.tree([
            "Japan/PROPN/2/nsubj", "delivered/VERB/0/root/deliver", "aid/NOUN/2/obj", "to/ADP/5/case", "Kenya/PROPN/2/obl",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([delivered]).first)
        #expect(d.type == "AID")
        #expect(d.status == "occurred")
        #expect(HandTrees.codes(d, "target") == ["KEN"])
    }

    @Test func aDealToProvideLoansIsPlannedAidByTheSigner() throws {
        // "Japan signed a deal to provide loans to Kenya ."
        let t = HandTrees.tree([
            "Japan/PROPN/2/nsubj", "signed/VERB/0/root/sign", "a/DET/4/det", "deal/NOUN/2/obj", "to/PART/6/mark",
            "provide/VERB/4/acl", "loans/NOUN/6/obj/loan", "to/ADP/9/case", "Kenya/PROPN/6/obl", "./PUNCT/2/punct",
        ])
        let aid = try #require(HandTrees.extract([t]).first { $0.type == "AID" })
        #expect(aid.status == "planned")
        #expect(HandTrees.codes(aid, "source") == ["JPN"])
        #expect(HandTrees.codes(aid, "target") == ["KEN"])
    }

    @Test func aSharedViewIsNoAgreement() {
        // "Chile and Peru agreed that stability is important ."
        let t = HandTrees.tree([
            "Chile/PROPN/4/nsubj", "and/CCONJ/3/cc", "Peru/PROPN/1/conj", "agreed/VERB/0/root/agree", "that/SCONJ/8/mark",
            "stability/NOUN/8/nsubj", "is/AUX/8/cop/be", "important/ADJ/4/ccomp", "./PUNCT/4/punct",
        ])
        #expect(HandTrees.extract([t]).isEmpty)
    }

    @Test func whatItCalledIsNoCall() {
        // "Chile condemned what it called Peru 's aggression ." (the parser makes "aggression" a complement)
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "condemned/VERB/0/root/condemn", "what/PRON/2/obj", "it/PRON/5/nsubj",
            "called/VERB/3/acl:relcl/call", "Peru/PROPN/8/nmod:poss", "'s/PART/6/case", "aggression/NOUN/5/xcomp",
            "./PUNCT/2/punct",
        ])
        #expect(HandTrees.extract([t]).allSatisfy { $0.type != "CONSULT" })
    }

    @Test func receivingSomethingFromAStateIsNoMeeting() {
        // "Chilean envoys received pressure from Peru ."
        let t = HandTrees.tree([
            "Chilean/ADJ/2/amod", "envoys/NOUN/3/nsubj/envoy", "received/VERB/0/root/receive", "pressure/NOUN/3/obj",
            "from/ADP/6/case", "Peru/PROPN/3/obl", "./PUNCT/3/punct",
        ])
        #expect(HandTrees.extract([t]).allSatisfy { $0.type != "CONSULT" })
    }

    @Test func aRecalledEnvoyIsHisOwnStatesAct() throws {
        // "Chile 's ambassador was recalled from Peru ."
        let t = HandTrees.tree([
            "Chile/PROPN/3/nmod:poss", "'s/PART/1/case", "ambassador/NOUN/5/nsubj:pass", "was/AUX/5/aux:pass/be",
            "recalled/VERB/0/root/recall", "from/ADP/7/case", "Peru/PROPN/5/obl", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(HandTrees.codes(d, "source") == ["CHL"])
        #expect(HandTrees.codes(d, "target") == ["PER"])
    }

    @Test func sailorsReleasedByAStateAreARetreat() throws {
        // "Two Chilean sailors were released by Peru ."
        let t = HandTrees.tree([
            "Two/NUM/3/nummod", "Chilean/ADJ/3/amod", "sailors/NOUN/5/nsubj:pass/sailor", "were/AUX/5/aux:pass/be",
            "released/VERB/0/root/release", "by/ADP/7/case", "Peru/PROPN/5/obl:agent", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "RETREAT")
        #expect(HandTrees.codes(d, "source") == ["PER"])
        #expect(HandTrees.codes(d, "target") == ["CHL"])
    }

    @Test func threeStatesAttendingASummitMeetThere() throws {
        // "Chile , Peru and Bolivia attended the summit ."
        let t = HandTrees.tree([
            "Chile/PROPN/6/nsubj", ",/PUNCT/3/punct", "Peru/PROPN/1/conj", "and/CCONJ/5/cc", "Bolivia/PROPN/1/conj",
            "attended/VERB/0/root/attend", "the/DET/8/det", "summit/NOUN/6/obj", "./PUNCT/6/punct",
        ])
        let out = HandTrees.extract([t])
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "CONSULT")
        #expect(d.mode == "multilateral")
        #expect(HandTrees.codes(d, "both") == ["BOL", "CHL", "PER"])
    }

    @Test func aSpeakerDuringACallIsAParty() throws {
        // "Chile told Peru in a phone call that trade would grow ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "told/VERB/0/root/tell", "Peru/PROPN/2/obj", "in/ADP/7/case", "a/DET/7/det",
            "phone/NOUN/7/compound", "call/NOUN/2/obl", "that/SCONJ/11/mark", "trade/NOUN/11/nsubj", "would/AUX/11/aux",
            "grow/VERB/2/ccomp", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first { $0.type == "CONSULT" })
        #expect(d.mode == "phone")
        #expect(HandTrees.codes(d, "both") == ["CHL", "PER"])
    }

    @Test func theOneAddressedDuringAMeetingIsItsOtherParty() throws {
        // "Chile urged Peru during the meeting to reopen the border ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "urged/VERB/0/root/urge", "Peru/PROPN/2/obj", "during/ADP/6/case", "the/DET/6/det",
            "meeting/NOUN/2/obl", "to/PART/8/mark", "reopen/VERB/2/xcomp", "the/DET/10/det", "border/NOUN/8/obj", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(Set(out.map(\.type)) == ["CONSULT", "REQUEST"])
        let d = try #require(out.first { $0.type == "CONSULT" })
        #expect(HandTrees.codes(d, "both") == ["CHL", "PER"])
        #expect(d.mode == "meeting")
    }

    @Test func aSumOfAidHangsOnTheVerbThatGivesIt() throws {
        // "Japan delivered $ 2 billion in aid to Kenya ."
        let t = HandTrees.tree([
            "Japan/PROPN/2/nsubj", "delivered/VERB/0/root/deliver", "$/SYM/2/obj", "2/NUM/5/compound", "billion/NUM/3/nummod",
            "in/ADP/7/case", "aid/NOUN/3/nmod", "to/ADP/9/case", "Kenya/PROPN/7/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "AID")
        #expect(HandTrees.codes(d, "source") == ["JPN"])
        #expect(HandTrees.codes(d, "target") == ["KEN"])
    }
}
