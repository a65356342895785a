import Testing

@testable import Syntax

@Suite struct TrainingTests {
    func trainTiny(seed: UInt64) throws -> [UInt8] {
        var trainer = SyntaxTrainer(seed: seed)
        trainer.taggerEpochs = 5
        trainer.parserEpochs = 8
        trainer.folds = 2
        trainer.minUpdates = 1
        return try trainer.train(conllu: TinyTreebank.conllu, dev: TinyTreebank.conllu)
    }

    @Test func trainingIsDeterministicForASeed() throws {
        let a = try trainTiny(seed: 7)
        let b = try trainTiny(seed: 7)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func aTrainedModelReadsBackAndParsesItsTrainingSentences() throws {
        let bytes = try trainTiny(seed: 3)
        let model = try bytes.withUnsafeBytes { try SyntaxModel(bytes: $0) }
        #expect(model.isTrained)
        let s = model.parse(tokens: ["The", "cat", "chased", "a", "mouse", "."])
        #expect(s.tokens.map(\.upos) == ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
        #expect(s.tokens.map(\.head) == [1, 2, -1, 4, 2, 2])
        #expect(s.tokens.map(\.deprel) == ["det", "nsubj", "root", "det", "obj", "punct"])
        #expect(s.tokens[2].lemma == "chase")
        #expect(s.children(of: 2) == [1, 4, 5])
    }

    @Test func aDamagedModelFileIsRefused() throws {
        let bytes = try trainTiny(seed: 3)
        let cut = Array(bytes[0..<(bytes.count / 2)])
        #expect(throws: ModelFileError.self) { try cut.withUnsafeBytes { try SyntaxModel(bytes: $0) } }
        var wrong = bytes
        wrong[0] ^= 0xFF
        #expect(throws: ModelFileError.self) { try wrong.withUnsafeBytes { try SyntaxModel(bytes: $0) } }
    }

    @Test func lemmatizerLearnsRulesAndExceptions() throws {
        let l = Lemmatizer.learn(try Treebank.parse(TinyTreebank.conllu))
        #expect(l.lemma("was", upos: "AUX", xpos: "VBD") == "be")
        #expect(l.lemma("Sundays", upos: "PROPN", xpos: "NNPS") == "Sunday")
        // Not in the sentences: the VBZ rule "-s" → "" applies.
        #expect(l.lemma("Paints", upos: "VERB", xpos: "VBZ") == "paint")
    }
}
