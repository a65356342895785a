import Testing

@testable import Extraction

/// Who the actors are: groups and pronouns, titles, institutions and dated offices. The people
/// named below are invented unless the test is about the dictionaries' record.
@Suite("Actors and their states")
struct ActorTests {
    static func day(_ iso: String) -> Int { CalendarDay(iso: iso)!.dayNumber }

    /// The mentions of each sentence in turn, with the article's memory carried between them.
    func mentions(_ sentences: [String], day: String = "2025-03-05") -> [[Mention]] {
        let finder = NameFinder(lexicon: .builtIn, day: Self.day(day))
        var memory = ArticleMemory()
        var out: [[Mention]] = []
        for s in sentences {
            let (found, places) = finder.mentions(Tokenizer.tokens(s), memory: memory)
            MentionStage.remember(MentionStage.Found(mentions: found, places: places), nil, into: &memory)
            out.append(found)
        }
        return out
    }

    func codes(at word: String, in sentence: String, _ found: [Mention]) -> Set<String> {
        let tokens = Tokenizer.tokens(sentence)
        guard let i = tokens.firstIndex(where: { $0.lower == word }) else { return [] }
        return Set(found.filter { $0.start <= i && i < $0.end }.compactMap(\.code))
    }

    @Test func aMonarchOfSeveralRealmsActsForTheFirstListed() throws {
        let m = try #require(mentions(["King Charles III spoke."], day: "2024-05-01")[0].first)
        #expect(m.code == "GBR")
        let q = try #require(mentions(["Queen Elizabeth II spoke."], day: "2019-05-01")[0].first)
        #expect(q.code == "GBR")
    }

    @Test func aTitleResolvesByTheArticlesDate() throws {
        let then = try #require(mentions(["The Costa Rican president spoke."], day: "2023-01-10")[0].first)
        #expect(then.name == "Rodrigo Chaves Robles")
        let now = try #require(mentions(["The Costa Rican president spoke."], day: "2026-06-10")[0].first)
        #expect(now.name == "Laura Fernández")
        // By name, a former holder still acts for the state of the office.
        let former = try #require(mentions(["Laura Chinchilla spoke."], day: "2025-01-10")[0].first)
        #expect(former.code == "CRI")
    }
}
