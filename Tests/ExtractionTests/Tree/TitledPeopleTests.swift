import Testing

@testable import Extraction

@Suite("People named beside a title")
struct TitledPeopleTests {
    func mentions(_ sentence: String, day: String = "2025-03-05") -> [Mention] {
        let finder = NameFinder(lexicon: .builtIn, day: CalendarDay(iso: day)!.dayNumber)
        return finder.mentions(Tokenizer.tokens(sentence), memory: ArticleMemory()).mentions
    }

    // The names below are invented.
    @Test func nameBeforeADemonymTitle() throws {
        let m = try #require(mentions("Kwame Asante, the Ghanaian president, spoke.").first)
        #expect(m.name == "Kwame Asante")
        #expect(m.code == "GHA")
        #expect(m.kind == .person)
    }

    @Test func theNamedPersonWinsOverTheDictionaryHolder() throws {
        let m = try #require(mentions("The president of Ghana, Kwame Asante, spoke.").first)
        #expect(m.name == "Kwame Asante")
        #expect(m.code == "GHA")
        let known = try #require(mentions("The president of Ghana, John Mahama, spoke.").first)
        #expect(known.name == "John Dramani Mahama")
    }

    @Test func aSentenceOpeningOrAPlaceIsNoName() {
        #expect(mentions("Meanwhile, the Ghanaian president spoke.").allSatisfy { $0.name != "Meanwhile" })
        #expect(mentions("In Accra, the Ghanaian president spoke.").allSatisfy { !$0.name.contains("Accra") })
    }

    @Test func theSurnameIsRememberedForLaterSentences() throws {
        // "Kwame Asante , the Ghanaian president , arrived ." then "Asante condemned Togo ."
        let first = HandTrees.tree([
            "Kwame/PROPN/8/nsubj", "Asante/PROPN/1/flat", ",/PUNCT/6/punct", "the/DET/6/det", "Ghanaian/ADJ/6/amod",
            "president/NOUN/1/appos", ",/PUNCT/1/punct", "arrived/VERB/0/root/arrive", "./PUNCT/8/punct",
        ])
        let second = HandTrees.tree(["Asante/PROPN/2/nsubj", "condemned/VERB/0/root/condemn", "Togo/PROPN/2/obj", "./PUNCT/2/punct"])
        let out = HandTrees.extract([first, second], published: "2025-03-05")
        let d = try #require(out.first { $0.type == "ACCUSE" })
        #expect(d.participants.contains { $0.name == "Kwame Asante" && $0.country == "GHA" && $0.role == "source" })
    }
}
