import Testing

@testable import Extraction

/// Subjects the parser hangs elsewhere, taken back by the verb that has none: the conjuncts of a
/// fronted time phrase, a vocative before a relative clause, and a second state read as part of
/// the first one's name. The sentences are invented; the trees copy the parser's mistakes.
@Suite("Subjects the parser misplaces")
struct SubjectRepairTests {
    @Test func theConjunctsOfAFrontedTimePhraseAreTheSubject() throws {
        // "On Tuesday , Chile and Peru held talks ." with both states hung on "Tuesday".
        let t = HandTrees.tree([
            "On/ADP/2/case", "Tuesday/PROPN/7/obl", ",/PUNCT/4/punct", "Chile/PROPN/2/conj", "and/CCONJ/6/cc", "Peru/PROPN/2/conj",
            "held/VERB/0/root/hold", "talks/NOUN/7/obj/talk", "./PUNCT/7/punct",
        ])
        #expect(t.nodes[3].deprel == "nsubj" && t.head(of: 3) == 6)
        #expect(t.nodes[5].deprel == "conj" && t.head(of: 5) == 3)
        let d = try #require(HandTrees.extract([t]).first { $0.type == "CONSULT" })
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "PER"])
        // A verb with a subject of its own keeps it, and days listed after the phrase stay there.
        let days = HandTrees.tree([
            "On/ADP/2/case", "Monday/PROPN/7/obl", ",/PUNCT/4/punct", "Tuesday/PROPN/2/conj", "and/CCONJ/6/cc", "Chile/PROPN/7/nsubj",
            "met/VERB/0/root/meet", "Peru/PROPN/7/obj", "./PUNCT/7/punct",
        ])
        #expect(days.nodes[3].deprel == "conj")
    }

    @Test func aVocativeBeforeARelativeClauseIsTheSubject() throws {
        // "Chile , which protested on Sunday , condemned Peru ." with "Chile" a vocative.
        let t = HandTrees.tree([
            "Chile/PROPN/8/vocative", ",/PUNCT/1/punct", "which/PRON/4/nsubj", "protested/VERB/8/advcl/protest", "on/ADP/6/case",
            "Sunday/PROPN/4/obl", ",/PUNCT/4/punct", "condemned/VERB/0/root/condemn", "Peru/PROPN/8/obj", "./PUNCT/8/punct",
        ])
        #expect(t.nodes[0].deprel == "nsubj")
        // The same with the vocative hung on the relative clause's verb.
        let hung = HandTrees.tree([
            "Chile/PROPN/4/vocative", ",/PUNCT/1/punct", "which/PRON/4/nsubj", "protested/VERB/8/advcl/protest", "on/ADP/6/case",
            "Sunday/PROPN/4/obl", ",/PUNCT/4/punct", "condemned/VERB/0/root/condemn", "Peru/PROPN/8/obj", "./PUNCT/8/punct",
        ])
        #expect(hung.nodes[0].deprel == "nsubj" && hung.head(of: 0) == 7)
        let d = try #require(HandTrees.extract([t]).first { $0.type == "ACCUSE" && $0.participants.contains { $0.country == "PER" } })
        #expect(d.participants.contains { $0.country == "CHL" && $0.role == "source" })
        #expect(d.participants.contains { $0.country == "PER" && $0.role == "target" })
    }

    @Test func aStateHungOnAnotherStatesNameAfterAndIsAConjunct() throws {
        // "Chile and South Africa held talks ." read as one name: "Africa" flat under "Chile".
        let t = HandTrees.tree([
            "Chile/PROPN/5/nsubj", "and/CCONJ/3/cc", "South/PROPN/4/compound", "Africa/PROPN/1/flat", "held/VERB/0/root/hold",
            "talks/NOUN/5/obj/talk", "./PUNCT/5/punct",
        ])
        let d = try #require(HandTrees.extract([t]).first)
        #expect(d.type == "CONSULT")
        #expect(Set(d.participants.compactMap(\.country)) == ["CHL", "ZAF"])
    }
}
