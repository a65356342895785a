import CSyntaxModel
import Foundation

/// The tokenizer, tagger, lemmatizer and dependency parser, with their trained weights.
/// Immutable once loaded, so one instance serves every thread.
public final class SyntaxModel: Sendable {
    /// The model built into the binary, loaded on first use.
    public static let builtIn: SyntaxModel = {
        let bytes = UnsafeRawBufferPointer(start: csyntax_model_bytes(), count: csyntax_model_size())
        do {
            return try SyntaxModel(bytes: bytes)
        } catch {
            fatalError("syntax: the built-in model is unreadable: \(error)")
        }
    }()

    let tokenizer = Tokenizer()
    let pipeline: Pipeline?

    /// A model read from the bytes of a model file (the format `SyntaxTrain` writes).
    public init(bytes: UnsafeRawBufferPointer) throws {
        pipeline = bytes.isEmpty ? nil : try Pipeline(reading: bytes)
    }

    /// A model read from a model file.
    public convenience init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        try self.init(bytes: data.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) })
    }

    init(pipeline: Pipeline?) {
        self.pipeline = pipeline
    }

    /// Whether this model can tag and parse (a model file without weights only tokenizes).
    public var isTrained: Bool { pipeline != nil }

    /// The words of `sentence`, with forms and byte ranges only.
    public func tokenize(_ sentence: String) -> [SyntaxToken] {
        tokenizer.tokens(sentence)
    }

    /// Tokenizes, tags, lemmatizes and parses `sentence`. A capitalised word whose lowercase form
    /// is in `names` (words of the caller's gazetteer of people, states and places) is tagged a
    /// proper noun, unless the tag dictionary knows it as a word of another kind.
    public func parse(_ sentence: String, names: Set<String> = []) -> ParsedSentence {
        var tokens = tokenize(sentence)
        pipeline?.annotate(&tokens, names: names)
        return ParsedSentence(text: sentence, tokens: tokens)
    }

    /// Tags, lemmatizes and parses words already split (gold tokenisation); the text is the words
    /// joined by single spaces.
    public func parse(tokens words: [String]) -> ParsedSentence {
        var tokens: [SyntaxToken] = []
        tokens.reserveCapacity(words.count)
        var offset = 0
        for word in words {
            let n = word.utf8.count
            tokens.append(SyntaxToken(form: word, utf8Range: offset..<(offset + n)))
            offset += n + 1
        }
        pipeline?.annotate(&tokens)
        return ParsedSentence(text: words.joined(separator: " "), tokens: tokens)
    }
}
