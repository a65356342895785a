import Testing

@testable import Extraction

@Suite("Status, modality and negation on hand-built trees")
struct StatusStageTests {
    @Test func aDecisionToActIsTheAct() throws {
        // "Mali decided to expel the Ivorian envoy ."
        let t = HandTrees.tree([
            "Mali/PROPN/2/nsubj", "decided/VERB/0/root/decide", "to/PART/4/mark", "expel/VERB/2/xcomp", "the/DET/7/det",
            "Ivorian/ADJ/7/amod", "envoy/NOUN/4/obj", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(d.status == "occurred")
    }

    @Test func anAnnouncedVisitIsPlannedAndAnAnnouncedExpulsionDone() throws {
        // "Chile announced a visit to Peru ." and "Mali announced the expulsion of the Ivorian envoy ."
        let visit = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "announced/VERB/0/root/announce", "a/DET/4/det", "visit/NOUN/2/obj", "to/ADP/6/case",
            "Peru/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        let v = try #require(HandTrees.extract([visit]).first)
        #expect(v.type == "CONSULT")
        #expect(v.status == "planned")
        let expulsion = HandTrees.tree([
            "Mali/PROPN/2/nsubj", "announced/VERB/0/root/announce", "the/DET/4/det", "expulsion/NOUN/2/obj", "of/ADP/8/case",
            "the/DET/8/det", "Ivorian/ADJ/8/amod", "envoy/NOUN/4/nmod", "./PUNCT/2/punct",
        ])
        let e = try #require(HandTrees.extract([expulsion]).first)
        #expect(e.type == "SANCTION")
        #expect(e.status == "occurred")
    }

    @Test func modalityFromTheGovernorsChain() throws {
        // "Chile may move to sign a pact with Peru ."
        let t = HandTrees.tree([
            "Chile/PROPN/3/nsubj", "may/AUX/3/aux", "move/VERB/0/root", "to/PART/5/mark", "sign/VERB/3/xcomp", "a/DET/7/det",
            "pact/NOUN/5/obj", "with/ADP/9/case", "Peru/PROPN/5/obl", "./PUNCT/3/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "AGREE")
        #expect(d.status == "possible")
    }

    @Test func refusedAndDidNotAreNoDevelopment() {
        // "Chile refused to meet Peru ." and "Chile did not condemn Peru ."
        let refused = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "refused/VERB/0/root/refuse", "to/PART/4/mark", "meet/VERB/2/xcomp", "Peru/PROPN/4/obj",
            "./PUNCT/2/punct",
        ])
        let didNot = HandTrees.tree([
            "Chile/PROPN/4/nsubj", "did/AUX/4/aux/do", "not/PART/4/advmod", "condemn/VERB/0/root", "Peru/PROPN/4/obj",
            "./PUNCT/4/punct",
        ])
        #expect(HandTrees.extract([refused]).allSatisfy { $0.type != "CONSULT" })
        #expect(HandTrees.extract([didNot]).isEmpty)
    }

    @Test func aVowToRetaliateIsAThreatMade() throws {
        // "Chile vowed to retaliate against Peru ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "vowed/VERB/0/root/vow", "to/PART/4/mark", "retaliate/VERB/2/xcomp", "against/ADP/6/case",
            "Peru/PROPN/4/obl", "./PUNCT/2/punct",
        ])
        let out = HandTrees.extract([t])
        #expect(!out.isEmpty)
        #expect(out.allSatisfy { $0.type == "THREATEN" && $0.status == "occurred" })
    }

    @Test func anOldMonthOrYearIsBackground() {
        let published = CalendarDay(year: 2024, month: 3, day: 6)
        #expect(StatusStage.isOld(.month(CalendarDay(year: 2023, month: 12, day: 1)), published: published))
        #expect(!StatusStage.isOld(.month(CalendarDay(year: 2024, month: 2, day: 1)), published: published))
        #expect(StatusStage.isOld(.year(2021), published: published))
        #expect(!StatusStage.isOld(.year(2023), published: published))
        #expect(StatusStage.isOld(.day(CalendarDay(year: 2024, month: 1, day: 20)), published: published))
        #expect(!StatusStage.isOld(.day(CalendarDay(year: 2024, month: 2, day: 20)), published: published))
    }

    @Test func scopedCuesAndTheirProblems() {
        #expect(StatusStage.scoped("announce@CONSULT,AID").lemma == "announce")
        #expect(StatusStage.scoped("announce@CONSULT,AID").types == ["CONSULT", "AID"])
        #expect(StatusStage.scoped("will").types.isEmpty)
        let problems = Lexicon.dictionaryProblems(name: "status", text: "planned|gov=announce@CONSULT\noccurred|gov=decide@MEET\n")
        #expect(problems.map(\.line) == [2])
        #expect(problems.first?.message.contains("unknown type MEET") == true)
    }

    @Test func datesAndPlacesHungOnTheObject() throws {
        // "Chile met Peru in Lima on Monday ." with the place and day read as the object's.
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/PROPN/2/obj", "in/ADP/5/case", "Lima/PROPN/3/nmod",
            "on/ADP/7/case", "Monday/PROPN/5/nmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.location == "Lima")
        #expect(d.date == "2024-03-04")
    }

    @Test func aToClauseOfPurposeUnderAPastVerbIsDone() throws {
        // "Chile sent a delegation to sign a pact with Peru ." and "Chile plans to sign a pact with Peru ."
        let sent = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "sent/VERB/0/root/send/VBD", "a/DET/4/det", "delegation/NOUN/2/obj", "to/PART/6/mark",
            "sign/VERB/2/advcl", "a/DET/8/det", "pact/NOUN/6/obj", "with/ADP/10/case", "Peru/PROPN/6/obl", "./PUNCT/2/punct",
        ])
        let done = try #require(HandTrees.extract([sent]).first { $0.type == "AGREE" })
        #expect(done.status == "occurred")
        let plans = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "plans/VERB/0/root/plan/VBZ", "to/PART/4/mark", "sign/VERB/2/xcomp", "a/DET/6/det",
            "pact/NOUN/4/obj", "with/ADP/8/case", "Peru/PROPN/4/obl", "./PUNCT/2/punct",
        ])
        let planned = try #require(HandTrees.extract([plans]).first { $0.type == "AGREE" })
        #expect(planned.status == "planned")
    }

    @Test func anActDatedAfterPublicationIsPlanned() throws {
        // "Chile meets Peru tomorrow ." published 2024-03-06
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "meets/VERB/0/root/meet", "Peru/PROPN/2/obj", "tomorrow/NOUN/2/obl:tmod", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.status == "planned")
        #expect(d.date == "2024-03-07")
        let published = CalendarDay(year: 2024, month: 3, day: 6)
        #expect(StatusStage.dated("occurred", .month(CalendarDay(year: 2024, month: 4, day: 1)), published: published) == "planned")
        #expect(StatusStage.dated("occurred", .year(2023), published: published) == "occurred")
        #expect(StatusStage.dated("possible", .day(CalendarDay(year: 2024, month: 3, day: 9)), published: published) == "possible")
    }

    @Test func anEnvoysPostIsNoPlaceOfTheExpulsion() throws {
        // "Chile expelled the Peruvian consul in Istanbul ." and "Chile met Peru in Istanbul ."
        let expelled = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "expelled/VERB/0/root/expel", "the/DET/5/det", "Peruvian/ADJ/5/amod", "consul/NOUN/2/obj",
            "in/ADP/7/case", "Istanbul/PROPN/5/nmod", "./PUNCT/2/punct",
        ])
        let e = try #require(HandTrees.extract([expelled]).first)
        #expect(e.type == "SANCTION")
        #expect(e.location == nil)
        let met = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/PROPN/2/obj", "in/ADP/5/case", "Istanbul/PROPN/3/nmod",
            "./PUNCT/2/punct",
        ])
        #expect(HandTrees.extract([met]).first?.location == "Istanbul")
    }

    @Test func afterSigningIsTheDaysStepNotBackground() throws {
        // "Chile met Peru after signing an accord with Bolivia ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/PROPN/2/obj", "after/SCONJ/5/mark", "signing/VERB/2/advcl/sign/VBG",
            "an/DET/7/det", "accord/NOUN/5/obj", "with/ADP/9/case", "Bolivia/PROPN/5/obl", "./PUNCT/2/punct",
        ])
        let agree = try #require(HandTrees.extract([t]).first { $0.type == "AGREE" })
        #expect(agree.status == "occurred")
    }

    @Test func aCueOfAnEarlierEventWithARecentDateIsTheDaysNews() throws {
        let published = CalendarDay(year: 2024, month: 3, day: 6)
        #expect(StatusStage.dated("background", .day(CalendarDay(year: 2024, month: 3, day: 4)), published: published) == "occurred")
        #expect(StatusStage.dated("background", .month(CalendarDay(year: 2024, month: 3, day: 1)), published: published) == "occurred")
        #expect(StatusStage.dated("background", .year(2019), published: published) == "background")
        #expect(StatusStage.dated("background", nil, published: published) == "background")
        // "Chile met Peru after talks with Bolivia on Monday ." published on a Wednesday
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "met/VERB/0/root/meet", "Peru/PROPN/2/obj", "after/ADP/5/case", "talks/NOUN/2/obl/talk",
            "with/ADP/7/case", "Bolivia/PROPN/5/nmod", "on/ADP/9/case", "Monday/PROPN/5/nmod", "./PUNCT/2/punct",
        ])
        let talks = try #require(HandTrees.extract([t]).first { $0.participants.contains { $0.country == "BOL" } })
        #expect(talks.status == "occurred")
        #expect(talks.date == "2024-03-04")
    }
}
