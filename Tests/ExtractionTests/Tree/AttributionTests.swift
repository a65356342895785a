import Testing

@testable import Extraction

@Suite("Speech attribution, headlines and actors on hand-built trees")
struct AttributionTests {
    @Test func speakerIsTheSourceOfTheVerbalActItUtters() throws {
        // "Japan 's foreign ministry said it strongly opposed the Russian move ."
        let t = HandTrees.tree([
            "Japan/PROPN/4/nmod:poss", "'s/PART/1/case", "foreign/ADJ/4/amod", "ministry/NOUN/5/nsubj", "said/VERB/0/root/say",
            "it/PRON/8/nsubj", "strongly/ADV/8/advmod", "opposed/VERB/5/ccomp/oppose", "the/DET/11/det", "Russian/ADJ/11/amod",
            "move/NOUN/8/obj", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "ACCUSE")
        #expect(HandTrees.codes(d, "source") == ["JPN"])
        #expect(HandTrees.codes(d, "target") == ["RUS"])
    }

    @Test func accordingToXGivesTheSpeakerOfARequest() throws {
        // "Iran was urged to return to talks , according to Brazil ." (a request without a subject)
        let t = HandTrees.tree([
            "Iran/PROPN/3/nsubj:pass", "was/AUX/3/aux:pass/be", "urged/VERB/0/root/urge", "to/PART/5/mark", "return/VERB/3/xcomp",
            "to/ADP/7/case", "talks/NOUN/5/obl/talk", ",/PUNCT/11/punct", "according/VERB/11/case", "to/ADP/9/fixed",
            "Brazil/PROPN/3/obl", "./PUNCT/3/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "REQUEST")
        #expect(HandTrees.codes(d, "source") == ["BRA"])
        #expect(HandTrees.codes(d, "target") == ["IRN"])
    }

    @Test func reporterOfAMeetingIsNoParticipant() throws {
        // "France said the ministers of Chad and Niger met ."
        let t = HandTrees.tree([
            "France/PROPN/2/nsubj", "said/VERB/0/root/say", "the/DET/4/det", "ministers/NOUN/9/nsubj/minister", "of/ADP/6/case",
            "Chad/PROPN/4/nmod", "and/CCONJ/8/cc", "Niger/PROPN/6/conj", "met/VERB/2/ccomp/meet", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["TCD", "NER"])
    }

    @Test func headlineWithToIsPlannedAndMergesWithTheBody() throws {
        // Title "Peru to expel Bolivian envoy" and body "Peru will expel the Bolivian envoy ."
        let title = HandTrees.tree([
            "Peru/PROPN/3/nsubj", "to/PART/3/mark", "expel/VERB/0/root", "Bolivian/ADJ/5/amod", "envoy/NOUN/3/obj",
        ])
        let body = HandTrees.tree([
            "Peru/PROPN/3/nsubj", "will/AUX/3/aux", "expel/VERB/0/root", "the/DET/6/det", "Bolivian/ADJ/6/amod", "envoy/NOUN/3/obj",
            "./PUNCT/3/punct",
        ])
        let out = HandTrees.extract([title, body], title: title.text)
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "SANCTION")
        #expect(d.status == "planned")
        #expect(HandTrees.codes(d, "source") == ["PER"])
        #expect(HandTrees.codes(d, "target") == ["BOL"])
    }

    @Test func unknownPersonIsResolvedThroughADemonymTitle() throws {
        // "Ghanaian President Kofi Mensah visited Togo ." (an invented name)
        let t = HandTrees.tree([
            "Ghanaian/ADJ/4/amod", "President/PROPN/4/compound", "Kofi/PROPN/4/compound", "Mensah/PROPN/5/nsubj",
            "visited/VERB/0/root/visit", "Togo/PROPN/5/obj", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.mode == "visit")
        let source = try #require(d.participants.first { $0.role == "source" })
        #expect(source.name == "Kofi Mensah")
        #expect(source.country == "GHA")
        #expect(HandTrees.codes(d, "target") == ["TGO"])
    }

    @Test func hamasIsCodedPalestinian() throws {
        // "Egypt urged Hamas to accept the truce ."
        let t = HandTrees.tree([
            "Egypt/PROPN/2/nsubj", "urged/VERB/0/root/urge", "Hamas/PROPN/2/obj", "to/PART/5/mark", "accept/VERB/2/xcomp",
            "the/DET/7/det", "truce/NOUN/5/obj", "./PUNCT/2/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(HandTrees.codes(d, "target") == ["PSE"])
    }

    @Test func dictionaryProblemsNameTheLineAndTheFault() {
        let text =
            "# comment\nCONSULT|meeting|meet/VERB nsubj=party\nACCUSE||Condemn/VERB nsubj=source\nREQUEST||urge/VERB nsubj=boss\nFOO||x/NOUN\n"
        let problems = Lexicon.dictionaryProblems(name: "frames", text: text)
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems[1].message.contains("unknown role boss"))
        #expect(Lexicon.dictionaryProblems(name: "frames", text: "AGREE||sign/VERB <ink|seal\n").map(\.line) == [1])
        #expect(Lexicon.dictionaryProblems(name: "status", text: "planned|aux=will\nsoon|advmod=soon\n").map(\.line) == [2])
    }

    @Test func builtInFramesHaveNoProblems() {
        for name in ["frames", "status"] {
            #expect(Lexicon.dictionaryProblems(name: name, text: Lexicon.embeddedDictionaries[name] ?? "").isEmpty)
        }
    }

    @Test func officesDatedToTheMonthResolveByTheArticlesDate() {
        // Given two holders of an office of an invented state, dated to the month only
        let people = "Ana Lima|XYZ|foreign minister|2019-05|2021-02|\nBea Rojas|XYZ|foreign minister|2021-02||\n"
        let lexicon = Lexicon(extraDictionaries: ["people": people])
        let day = { (iso: String) in CalendarDay(iso: iso)!.dayNumber }
        #expect(
            lexicon.holder(code: "XYZ", office: "foreign minister", day: day("2020-06-01")).map { lexicon.people[$0].name } == "Ana Lima")
        #expect(
            lexicon.holder(code: "XYZ", office: "foreign minister", day: day("2022-06-01")).map { lexicon.people[$0].name } == "Bea Rojas")
    }
}
