import Testing

@testable import Extraction

@Suite("Frames and roles on hand-built trees")
struct FrameStageTests {
    @Test func subjectIsSourceAndObjectTarget() throws {
        // Given "Kenya urged Uganda to reopen the border ."
        let t = HandTrees.tree([
            "Kenya/PROPN/2/nsubj", "urged/VERB/0/root/urge", "Uganda/PROPN/2/obj", "to/PART/5/mark", "reopen/VERB/2/xcomp",
            "the/DET/7/det", "border/NOUN/5/obj", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "REQUEST")
        #expect(d.status == "occurred")
        #expect(HandTrees.codes(d, "source") == ["KEN"])
        #expect(HandTrees.codes(d, "target") == ["UGA"])
    }

    @Test func passiveSubjectIsTargetAndAgentSource() throws {
        // "Belarus was sanctioned by Canada ."
        let t = HandTrees.tree([
            "Belarus/PROPN/3/nsubj:pass", "was/AUX/3/aux:pass/be", "sanctioned/VERB/0/root/sanction", "by/ADP/5/case",
            "Canada/PROPN/3/obl", "./PUNCT/3/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(HandTrees.codes(d, "source") == ["CAN"])
        #expect(HandTrees.codes(d, "target") == ["BLR"])
    }

    @Test func directedActSplitsByTargetAcrossConjuncts() {
        // "Norway condemned Syria , Iran and Belarus ."
        let t = HandTrees.tree([
            "Norway/PROPN/2/nsubj", "condemned/VERB/0/root/condemn", "Syria/PROPN/2/obj", ",/PUNCT/5/punct", "Iran/PROPN/3/conj",
            "and/CCONJ/7/cc", "Belarus/PROPN/3/conj", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(out.count == 3)
        #expect(Set(out.flatMap { HandTrees.codes($0, "target") }) == ["SYR", "IRN", "BLR"])
        #expect(out.allSatisfy { HandTrees.codes($0, "source") == ["NOR"] && $0.type == "ACCUSE" })
    }

    @Test func agreedToMeetIsAPlannedConsultNotAnAgreement() throws {
        // "Chile and Peru agreed to meet in Lima ."
        let t = HandTrees.tree([
            "Chile/PROPN/4/nsubj", "and/CCONJ/3/cc", "Peru/PROPN/1/conj", "agreed/VERB/0/root/agree", "to/PART/6/mark",
            "meet/VERB/4/xcomp", "in/ADP/8/case", "Lima/PROPN/6/obl", "./PUNCT/4/punct",
        ])
        let out = HandTrees.extract([t])
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "CONSULT")
        #expect(d.status == "planned")
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "PER"])
        #expect(d.location == "Lima")
    }

    @Test func negatedActIsNoDevelopment() {
        // "Ghana did not recognise Morocco ."
        let t = HandTrees.tree([
            "Ghana/PROPN/4/nsubj", "did/AUX/4/aux/do", "not/PART/4/advmod", "recognise/VERB/0/root", "Morocco/PROPN/4/obj",
            "./PUNCT/4/punct",
        ])
        #expect(HandTrees.extract([t]).isEmpty)
    }

    @Test func heldTalksWithTakesTheLightVerbsArguments() throws {
        // "Egypt held talks with Qatar on Tuesday ." (published on a Wednesday)
        let t = HandTrees.tree([
            "Egypt/PROPN/2/nsubj", "held/VERB/0/root/hold", "talks/NOUN/2/obj/talk", "with/ADP/5/case", "Qatar/PROPN/2/obl",
            "on/ADP/7/case", "Tuesday/PROPN/2/obl", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(d.mode == "meeting")
        #expect(Set(d.participants.compactMap(\.country)) == ["EGY", "QAT"])
        #expect(d.date == "2024-03-05")
    }

    @Test func betweenXAndYGivesBothParties() throws {
        // "Talks between Serbia and Kosovo resumed ."
        let t = HandTrees.tree([
            "Talks/NOUN/6/nsubj/talk", "between/ADP/3/case", "Serbia/PROPN/1/nmod", "and/CCONJ/5/cc", "Kosovo/PROPN/3/conj",
            "resumed/VERB/0/root/resume", "./PUNCT/6/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["SRB", "XKX"])
    }

    @Test func phraseOnTheObjectFillsTheVerbsSlot() throws {
        // "Qatar broke ties with Chad ." with "with Chad" parsed under "ties"
        let t = HandTrees.tree([
            "Qatar/PROPN/2/nsubj", "broke/VERB/0/root/break", "ties/NOUN/2/obj/tie", "with/ADP/5/case", "Chad/PROPN/3/nmod",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(HandTrees.codes(d, "source") == ["QAT"])
        #expect(HandTrees.codes(d, "target") == ["TCD"])
    }

    @Test func nounTriggerOnAVerbOfItsTypeIsOneAct() throws {
        // "Oman signed an accord with Jordan ." with "with Jordan" under "accord"
        let t = HandTrees.tree([
            "Oman/PROPN/2/nsubj", "signed/VERB/0/root/sign", "an/DET/4/det", "accord/NOUN/2/obj", "with/ADP/6/case",
            "Jordan/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "AGREE")
        #expect(Set(d.participants.compactMap(\.country)) == ["OMN", "JOR"])
    }

    @Test func passiveRaisingVerbHandsItsSubjectToTheInfinitive() throws {
        // "Peru is expected to meet Chile ."
        let t = HandTrees.tree([
            "Peru/PROPN/3/nsubj:pass", "is/AUX/3/aux:pass/be", "expected/VERB/0/root/expect", "to/PART/5/mark", "meet/VERB/3/xcomp",
            "Chile/PROPN/5/obj", "./PUNCT/3/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(d.status == "possible")
        #expect(Set(d.participants.compactMap(\.country)) == ["PER", "CHL"])
    }

    @Test func nonFiniteAdjunctSharesTheSubject() throws {
        // "Chile met Peru before signing an accord with Bolivia ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/PROPN/2/obj", "before/SCONJ/5/mark", "signing/VERB/2/advcl/sign",
            "an/DET/7/det", "accord/NOUN/5/obj", "with/ADP/9/case", "Bolivia/PROPN/7/nmod", "./PUNCT/2/punct",
        ])
        let agree = try #require(HandTrees.extract([t]).first { $0.type == "AGREE" })
        #expect(Set(agree.participants.compactMap(\.country)) == ["CHL", "BOL"])
    }

    @Test func conjunctVerbSharesTheObjectAfterBoth() {
        // "Norway condemned and sanctioned Syria ."
        let t = HandTrees.tree([
            "Norway/PROPN/2/nsubj", "condemned/VERB/0/root/condemn", "and/CCONJ/4/cc", "sanctioned/VERB/2/conj/sanction",
            "Syria/PROPN/2/obj", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(Set(out.map(\.type)) == ["ACCUSE", "SANCTION"])
        #expect(out.allSatisfy { HandTrees.codes($0, "source") == ["NOR"] && HandTrees.codes($0, "target") == ["SYR"] })
    }

    @Test func pronounRefersToThePreviousSentencesSubject() throws {
        // "Ruto spoke with Museveni ." then "He blamed Sudan ."
        let first = HandTrees.tree([
            "Ruto/PROPN/2/nsubj", "spoke/VERB/0/root/speak", "with/ADP/4/case", "Museveni/PROPN/2/obl", "./PUNCT/2/punct",
        ])
        let second = HandTrees.tree(["He/PRON/2/nsubj", "blamed/VERB/0/root/blame", "Sudan/PROPN/2/obj", "./PUNCT/2/punct"])
        let accuse = try #require(HandTrees.extract([first, second]).first { $0.type == "ACCUSE" })
        #expect(HandTrees.codes(accuse, "source") == ["KEN"])
        #expect(HandTrees.codes(accuse, "target") == ["SDN"])
    }

    @Test func liftingRestrictionsIsARetreat() throws {
        // "Oman lifted restrictions on Yemen ."
        let t = HandTrees.tree([
            "Oman/PROPN/2/nsubj", "lifted/VERB/0/root/lift", "restrictions/NOUN/2/obj/restriction", "on/ADP/5/case",
            "Yemen/PROPN/3/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "RETREAT")
        #expect(HandTrees.codes(d, "source") == ["OMN"])
        #expect(HandTrees.codes(d, "target") == ["YEM"])
    }

    @Test func possessorOfSupportIsItsSource() throws {
        // "Ghana assured Togo 's support for Benin ."
        let t = HandTrees.tree([
            "Ghana/PROPN/2/nsubj", "assured/VERB/0/root/assure", "Togo/PROPN/5/nmod:poss", "'s/PART/3/case", "support/NOUN/2/obj",
            "for/ADP/7/case", "Benin/PROPN/5/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SUPPORT")
        #expect(HandTrees.codes(d, "target") == ["BEN"])
        #expect(HandTrees.codes(d, "source").contains("TGO"))
    }

    @Test func phrasalAndNounTriggersOfTheFramesFile() {
        // "Peru turned down Chile 's offer ." and "Ghana imposed restrictive measures on Togo ."
        let rejected = HandTrees.tree([
            "Peru/PROPN/2/nsubj", "turned/VERB/0/root/turn", "down/ADP/2/compound:prt", "Chile/PROPN/6/nmod:poss", "'s/PART/4/case",
            "offer/NOUN/2/obj", "./PUNCT/2/punct",
        ])
        let measures = HandTrees.tree([
            "Ghana/PROPN/2/nsubj", "imposed/VERB/0/root/impose", "restrictive/ADJ/4/amod", "measures/NOUN/2/obj/measure",
            "on/ADP/6/case", "Togo/PROPN/2/obl", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([rejected, measures])
        #expect(out.map(\.type) == ["REJECT", "SANCTION"])
        #expect(out.map { HandTrees.codes($0, "target") } == [["CHL"], ["TGO"]])
    }

    @Test func aListGoesOnInTheTextWhereTheParseDropsIt() {
        // "Norway sanctioned Syria , Iran , the Czech Republic and Belarus ." with the last two
        // items hung on the wrong words
        let t = HandTrees.tree([
            "Norway/PROPN/2/nsubj", "sanctioned/VERB/0/root/sanction", "Syria/PROPN/2/obj", ",/PUNCT/5/punct", "Iran/PROPN/3/conj",
            ",/PUNCT/9/punct", "the/DET/9/det", "Czech/ADJ/9/amod", "Republic/PROPN/2/obl", "and/CCONJ/11/cc",
            "Belarus/PROPN/9/conj", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(Set(out.flatMap { HandTrees.codes($0, "target") }) == ["SYR", "IRN", "CZE", "BLR"])
    }

    @Test func infinitiveParsedAsAnAdjunctReadsAsTheComplement() throws {
        // "Peru called on Chile to free the prisoners ." with "to free" parsed as an advcl
        let t = HandTrees.tree([
            "Peru/PROPN/2/nsubj", "called/VERB/0/root/call", "on/ADP/4/case", "Chile/PROPN/2/obl", "to/PART/6/mark",
            "free/VERB/2/advcl", "the/DET/8/det", "prisoners/NOUN/6/obj/prisoner", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "REQUEST")
        #expect(HandTrees.codes(d, "source") == ["PER"])
        #expect(HandTrees.codes(d, "target") == ["CHL"])
    }

    @Test func nounTriggerAtTheRootReadsItsGovernorsSlotsOnItself() throws {
        // "Chile and Peru talks ." (a headline-like parse with the noun at the root)
        let t = HandTrees.tree([
            "Chile/PROPN/4/nsubj", "and/CCONJ/3/cc", "Peru/PROPN/1/conj", "talks/NOUN/0/root/talk", "./PUNCT/4/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "PER"])
    }

    @Test func dateAndPlaceHungOnTheObjectBelongToTheEvent() throws {
        // "Kenya met Uganda in Kampala on Monday ." with both phrases under "Uganda"
        let t = HandTrees.tree([
            "Kenya/PROPN/2/nsubj", "met/VERB/0/root/meet", "Uganda/PROPN/2/obj", "in/ADP/5/case", "Kampala/PROPN/3/nmod",
            "on/ADP/7/case", "Monday/PROPN/5/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.date == "2024-03-04")
        #expect(d.location == "Kampala")
    }

    @Test func anEarlierYearIsBackground() throws {
        // "Chile visited Peru in 2017 ." published in 2024
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "visited/VERB/0/root/visit", "Peru/PROPN/2/obj", "in/ADP/5/case", "2017/NUM/2/obl",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.status == "background")
        #expect(d.date == "2017")
    }

    @Test func demonymTaggedAsAComplementIsTheObject() throws {
        // "Chile met Peruvian President X ." with "Peruvian" an ADJ xcomp and the name under it
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/ADJ/2/xcomp", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "PER"])
    }

    @Test func participleWithAnObjectSaysWhatItsNounDoes() throws {
        // "Chile and Peru holding talks ." with the noun phrase at the root
        let t = HandTrees.tree([
            "Chile/PROPN/0/root", "and/CCONJ/3/cc", "Peru/PROPN/1/conj", "holding/VERB/1/acl/hold", "talks/NOUN/4/obj/talk",
            "./PUNCT/1/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "PER"])
    }

    @Test func doubledConsonantLeftByTheLemmatizerFindsTheTrigger() throws {
        // "Chile expelled Peru 's envoy ." with the lemma "expell"
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "expelled/VERB/0/root/expell", "Peru/PROPN/5/nmod:poss", "'s/PART/3/case", "envoy/NOUN/2/obj",
            "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(HandTrees.codes(d, "target") == ["PER"])
    }

    @Test func dayHungOnTheSubjectDatesTheEvent() throws {
        // "Chile on Monday expelled Peru 's envoy ." with "on Monday" under "Chile"
        let t = HandTrees.tree([
            "Chile/PROPN/4/nsubj", "on/ADP/3/case", "Monday/PROPN/1/nmod", "expelled/VERB/0/root/expel", "Peru/PROPN/7/nmod:poss",
            "'s/PART/5/case", "envoy/NOUN/4/obj", "./PUNCT/4/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.date == "2024-03-04")
    }
}
