/// Article text → developments. Pure: the publication date is an input, nothing is read or written.
///
/// Runs the event coder on dependency trees (`TreeExtractor`): tokenize → tag → parse →
/// mentions → frames → attribution and status → merge.
public struct Extractor: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// Extracts the developments of one article.
    public func extract(_ article: Article) -> [Development] {
        TreeExtractor(lexicon: lexicon).extract(article)
    }
}
