/// Trains the whole pipeline from treebank sentences: the tagger (and, for the parser's
/// training data, taggers on folds of the training set, so that the parser learns from tags as
/// wrong as they will be on new text), the lemmatizer and the parser.
public struct SyntaxTrainer {
    public var seed: UInt64
    public var taggerEpochs = 7
    public var parserEpochs = 8
    public var folds = 2
    /// Parser weights learned from fewer updates are left out of the model.
    public var minUpdates: UInt32 = 2
    public var log: (String) -> Void = { _ in }
    /// Called with the model file bytes whenever the parser improves on dev, so a long run can
    /// be stopped early with a usable model.
    public var checkpoint: ([UInt8]) -> Void = { _ in }

    public init(seed: UInt64) { self.seed = seed }

    /// Trains on CoNLL-U `train` text, choosing epochs on `dev`, and returns the model file bytes.
    public func train(conllu train: String, dev: String) throws -> [UInt8] {
        try self.train(Treebank.parse(train), dev: Treebank.parse(dev)).pruned(Self.pruneThreshold).serialized()
    }

    /// Trains the tagger alone and logs its epochs (for trying tagger features quickly).
    public func trainTagger(conllu train: String, dev: String) throws {
        _ = TaggerTrainer(epochs: taggerEpochs, seed: seed, log: log).train(try Treebank.parse(train), dev: try Treebank.parse(dev))
    }

    /// Weights smaller than this are left out of the model file (most are from rare features).
    public static let pruneThreshold: Float = 0.05

    /// A model file without weights smaller than `threshold`.
    public static func pruned(model bytes: [UInt8], threshold: Float = pruneThreshold) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try Pipeline(reading: $0) }.pruned(threshold).serialized()
    }

    /// Whether the lemma tables of a model file are the ones learned from `train` now.
    public static func lemmasMatch(model bytes: [UInt8], conllu train: String) throws -> Bool {
        let pipeline = try bytes.withUnsafeBytes { try Pipeline(reading: $0) }
        let learned = Lemmatizer.learn(try Treebank.parse(train))
        return learned.rules == pipeline.lemmatizer.rules && learned.exceptions == pipeline.lemmatizer.exceptions
    }

    func train(_ train: [TreebankSentence], dev: [TreebankSentence]) -> Pipeline {
        var tagging = TaggerTrainer(epochs: taggerEpochs, seed: seed, log: log)
        let tagger = tagging.train(train, dev: dev)
        let index = Dictionary(uniqueKeysWithValues: (0..<tagger.upos.count).map { ("\(tagger.upos[$0])\t\(tagger.xpos[$0])", $0) })
        var trainTags = train.map { s in (0..<s.count).map { index["\(s.upos[$0])\t\(s.xpos[$0])"] ?? 0 } }
        if folds > 1 && train.count >= folds * 2 {
            tagging.log = { _ in }
            tagging.epochs = min(taggerEpochs, 4)
            for fold in 0..<folds {
                let held = train.indices.filter { $0 % folds == fold }
                let rest = train.indices.filter { $0 % folds != fold }.map { train[$0] }
                let foldTagger = tagging.train(rest, dev: held.map { train[$0] })
                for i in held {
                    // Map the fold tagger's classes onto the full tagger's.
                    trainTags[i] = foldTagger.tag(WordFeatures(forms: train[i].forms)).map {
                        index["\(foldTagger.upos[$0])\t\(foldTagger.xpos[$0])"] ?? 0
                    }
                }
                log("fold \(fold + 1) of \(folds) tagged")
            }
        }
        let devTags = dev.map { tagger.tag(WordFeatures(forms: $0.forms)) }
        let lemmatizer = Lemmatizer.learn(train)
        var parsing = ParserTrainer(epochs: parserEpochs, seed: seed &+ 1, minUpdates: minUpdates, log: log)
        parsing.improved = { [checkpoint] parser in
            checkpoint(Pipeline(tagger: tagger, lemmatizer: lemmatizer, parser: parser).pruned(Self.pruneThreshold).serialized())
        }
        let parser = parsing.train(train, tags: trainTags, dev: dev, devTags: devTags)
        return Pipeline(tagger: tagger, lemmatizer: lemmatizer, parser: parser)
    }
}
