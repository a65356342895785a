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

    @Test func aNumberedGroupIsThatManyStatesNamedBefore() {
        let s = ["Envoys of Chile, Peru and Bolivia arrived in Quito on Monday.", "The three countries signed a water accord."]
        let found = mentions(s)
        #expect(codes(at: "countries", in: s[1], found[1]) == ["CHL", "PER", "BOL"])
        // A group of a size the article never named stays unresolved.
        let four = ["Envoys of Chile and Peru arrived.", "The four nations signed."]
        #expect(codes(at: "nations", in: four[1], mentions(four)[1]).isEmpty)
    }

    @Test func theyAfterAListIsTheList() {
        let s = "Chile, Peru and Bolivia said they would recognise the new council."
        let found = mentions([s])[0]
        #expect(codes(at: "they", in: s, found) == ["CHL", "PER", "BOL"])
    }

    @Test func aTitleAfterPlainWordsStillNamesItsState() throws {
        let s = "Venezuela's opposition leader Ana Ruiz met envoys."
        let m = try #require(mentions([s])[0].first)
        #expect(m.kind == .person)
        #expect(m.name == "Ana Ruiz")
        #expect(m.code == "VEN")
        let body = try #require(mentions(["Ecowas Commission chief Amadou Sow spoke."])[0].first)
        #expect(body.name == "Amadou Sow")
        #expect(body.code == "ECOWAS")
    }

    @Test func aQualifiedTitleIsNoOfficeHolder() throws {
        // The deputy is not the foreign minister the record knows for the day.
        let m = try #require(mentions(["Russia's deputy foreign minister spoke."])[0].first)
        #expect(m.kind == .state)
        #expect(m.code == "RUS")
    }

    @Test func theMinisterIsTheLastMinisterNamed() throws {
        let s = ["Peruvian Foreign Minister Rosa Quispe arrived in Quito.", "The minister said talks went well."]
        let m = try #require(mentions(s)[1].first)
        #expect(m.name == "Rosa Quispe")
        #expect(m.code == "PER")
    }

    @Test func aStateNounWithItsOwnDemonymIsThatState() throws {
        // "Chile protested ." then "The Norwegian kingdom condemned Chile ."
        let first = HandTrees.tree(["Chile/PROPN/2/nsubj", "protested/VERB/0/root/protest", "./PUNCT/2/punct"])
        let second = HandTrees.tree([
            "The/DET/3/det/the", "Norwegian/ADJ/3/amod", "kingdom/NOUN/4/nsubj", "condemned/VERB/0/root/condemn", "Chile/PROPN/4/obj",
            "./PUNCT/4/punct",
        ])
        let d = try #require(HandTrees.extract([first, second]).first { $0.type == "ACCUSE" })
        #expect(d.participants.contains { $0.country == "NOR" && $0.role == "source" })
        #expect(d.participants.contains { $0.country == "CHL" && $0.role == "target" })
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

    @Test func aDemonymOfSeveralWordsOwnsItsNoun() throws {
        // "North Korean state media accused Japan ." with the demonym hung on the noun as a compound.
        let t = HandTrees.tree([
            "North/PROPN/4/compound", "Korean/PROPN/1/flat", "state/NOUN/4/compound", "media/NOUN/5/nsubj",
            "accused/VERB/0/root/accuse", "Japan/PROPN/5/obj", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "ACCUSE")
        #expect(d.participants.contains { $0.country == "PRK" && $0.role == "source" })
        #expect(d.participants.contains { $0.country == "JPN" && $0.role == "target" })
    }

    @Test func theMinistryIsTheStateLastSpokenOf() throws {
        // "Peru protested ." then "The ministry condemned the Chilean move ."
        let first = HandTrees.tree(["Peru/PROPN/2/nsubj", "protested/VERB/0/root/protest", "./PUNCT/2/punct"])
        let second = HandTrees.tree([
            "The/DET/2/det/the", "ministry/NOUN/3/nsubj", "condemned/VERB/0/root/condemn", "the/DET/6/det", "Chilean/ADJ/6/amod",
            "move/NOUN/3/obj", "./PUNCT/3/punct",
        ])
        let d = try #require(HandTrees.extract([first, second]).first { $0.type == "ACCUSE" })
        #expect(d.participants.contains { $0.country == "PER" && $0.role == "source" })
        #expect(d.participants.contains { $0.country == "CHL" && $0.role == "target" })
    }

    @Test func aRecalledEnvoyIsRecalledByItsOwnState() throws {
        // "The Chilean ambassador to Peru was recalled ."
        let t = HandTrees.tree([
            "The/DET/3/det/the", "Chilean/ADJ/3/amod", "ambassador/NOUN/7/nsubj:pass", "to/ADP/5/case", "Peru/PROPN/3/nmod",
            "was/AUX/7/aux:pass/be", "recalled/VERB/0/root/recall", "./PUNCT/7/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "SANCTION")
        #expect(d.participants.contains { $0.country == "CHL" && $0.role == "source" })
        #expect(d.participants.contains { $0.country == "PER" && $0.role == "target" })
    }

    @Test func demonymsCoordinatedOnOneNounAreEachAParty() throws {
        // "Peruvian and Chilean officials held talks ."
        let t = HandTrees.tree([
            "Peruvian/ADJ/4/amod", "and/CCONJ/3/cc", "Chilean/ADJ/1/conj", "officials/NOUN/5/nsubj/official", "held/VERB/0/root/hold",
            "talks/NOUN/5/obj/talk", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["PER", "CHL"])
    }

    @Test func aSurnameAfterAnotherGivenNameIsSomeoneElse() {
        // The record knows Marco Rubio; "Kyle Rubio" is another person, and no office holder.
        let other = mentions(["Kyle Rubio told reporters the match was over."])[0]
        #expect(!other.contains { $0.name == "Marco Rubio" })
        // A given name that begins another known name is still a given name.
        #expect(!mentions(["John Rubio told reporters."])[0].contains { $0.name == "Marco Rubio" })
        // The surname alone, the full name, and a title before the surname still resolve.
        for s in ["Rubio told reporters the talks were over.", "Marco Rubio told reporters.", "Later Rubio flew to Rome."] {
            #expect(mentions([s])[0].contains { $0.name == "Marco Rubio" && $0.code == "USA" }, "\(s)")
        }
        // A given name the record spells with a hyphen is that person's ("Jean - Noel Barrot" in the tree).
        #expect(mentions(["Jean - Noel Barrot met envoys."])[0].contains { $0.name == "Jean-Noel Barrot" })
        // A headline in title case capitalises its verbs.
        #expect(mentions(["Peru Says Rubio Will Visit Lima Soon"])[0].contains { $0.name == "Marco Rubio" })
        // The same for a person introduced earlier in the article.
        let s = ["Peruvian Foreign Minister Rosa Quispe arrived in Quito.", "Nilda Quispe, a singer, gave a concert."]
        #expect(!mentions(s)[1].contains { $0.name == "Rosa Quispe" })
    }

    @Test func anUnknownPersonWithATitleAndADemonymActsForThatState() throws {
        let s = "Nigerian President Emeka Obiora met envoys in Abuja."
        let m = try #require(mentions([s])[0].first { $0.kind == .person })
        #expect(m.name == "Emeka Obiora")
        #expect(m.code == "NGA")
        let k = try #require(mentions(["Wanjiru Kamau, Kenya's foreign minister, met envoys."])[0].first { $0.kind == .person })
        #expect(k.name == "Wanjiru Kamau")
        #expect(k.code == "KEN")
        let z = try #require(mentions(["Zambian Foreign Minister Mutale Banda, who arrived on Monday, met envoys."])[0].first)
        #expect(z.name == "Mutale Banda")
        #expect(z.code == "ZMB")
    }
}
