import CSyntaxModel
import Foundation
import Testing

@testable import Syntax

@Suite struct BuiltInModelTests {
    let model = SyntaxModel.builtIn

    /// The token of `s` with the given form.
    func at(_ s: ParsedSentence, _ form: String) -> Int { s.tokens.firstIndex { $0.form == form }! }

    @Test func loadsAndParsesSubjectsAndObjects() {
        #expect(model.isTrained)
        let s = model.parse("The minister visited Paris on Monday.")
        #expect(s.tokens.map(\.form) == ["The", "minister", "visited", "Paris", "on", "Monday", "."])
        let verb = at(s, "visited")
        #expect(s.tokens[verb].head == -1 && s.tokens[verb].deprel == "root")
        #expect(s.tokens[verb].upos == "VERB" && s.tokens[verb].lemma == "visit")
        #expect(s.tokens[at(s, "minister")].head == verb && s.tokens[at(s, "minister")].deprel == "nsubj")
        #expect(s.tokens[at(s, "Paris")].head == verb && s.tokens[at(s, "Paris")].deprel == "obj")
        #expect(s.tokens[at(s, "Paris")].upos == "PROPN" && s.tokens[at(s, "Paris")].lemma == "Paris")
    }

    @Test func namesTheCallerKnowsAreProperNounsAtTheStartOfASentence() {
        // Suffix features alone read a first "Kaplanburg" as a verb in -ing or an adjective.
        let s = model.parse("Harrowing talks ended.", names: ["harrowing"])
        #expect(s.tokens[0].upos == "PROPN" && s.tokens[0].xpos == "NNP" && s.tokens[0].lemma == "Harrowing")
        let verb = at(s, "ended")
        #expect(s.tokens[at(s, "talks")].head == verb)
        // Only capitalised words, and not words the tag dictionary holds as another kind.
        let lower = model.parse("The harrowing talks ended.", names: ["harrowing"])
        #expect(lower.tokens[at(lower, "harrowing")].upos != "PROPN")
        let known = model.parse("The talks ended.", names: ["the"])
        #expect(known.tokens[0].upos == "DET")
    }

    @Test func parsesAPassiveAndANegatedClause() {
        let s = model.parse("The treaty was signed by both leaders.")
        let verb = at(s, "signed")
        #expect(s.tokens[at(s, "treaty")].head == verb && s.tokens[at(s, "treaty")].deprel == "nsubj:pass")
        #expect(s.tokens[at(s, "was")].deprel == "aux:pass" && s.tokens[at(s, "was")].lemma == "be")
        #expect(s.tokens[at(s, "leaders")].head == verb && s.tokens[at(s, "leaders")].deprel.hasPrefix("obl"))

        let t = model.parse("My neighbours didn't sell their old car.")
        let sell = at(t, "sell")
        #expect(t.tokens[at(t, "neighbours")].head == sell && t.tokens[at(t, "neighbours")].deprel == "nsubj")
        #expect(t.tokens[at(t, "car")].head == sell && t.tokens[at(t, "car")].deprel == "obj")
        #expect(t.tokens[at(t, "n't")].head == sell && t.tokens[at(t, "n't")].lemma == "not")
    }

    @Test func everySentenceIsOneTree() {
        for text in [
            "Officials said talks would resume next week, although no date was set.",
            "She asked him to call the embassy and to wait.", "Yes.", "",
        ] {
            let s = model.parse(text)
            #expect(s.tokens.filter { $0.head == -1 }.count == (s.tokens.isEmpty ? 0 : 1))
            for (i, t) in s.tokens.enumerated() {
                // Following heads from any token reaches the root without a cycle.
                var h = t.head
                var steps = 0
                while h != -1 && steps <= s.tokens.count {
                    h = s.tokens[h].head
                    steps += 1
                }
                #expect(h == -1, "token \(i) of \(text)")
            }
        }
    }
}

@Suite struct EmbeddedModelTests {
    @Test func theBinaryEmbedsTheCommittedModelFile() throws {
        // Given the model file in the source tree
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CSyntaxModel/syntax.model")
        let file = try Data(contentsOf: path)
        // Then the bytes built into the binary are the same
        let embedded = Data(bytes: csyntax_model_bytes(), count: csyntax_model_size())
        #expect(embedded == file)
    }
}
