/// A sentence with its tokens tagged, lemmatized and joined in a dependency tree.
public struct ParsedSentence: Sendable {
    /// The sentence the token ranges point into.
    public var text: String
    /// The tokens in order; `head` indices point into this array.
    public var tokens: [SyntaxToken]

    /// A parsed sentence from its text and tokens.
    public init(text: String, tokens: [SyntaxToken]) {
        self.text = text
        self.tokens = tokens
    }

    /// The indices of the tokens whose head is token `i`, in sentence order.
    public func children(of i: Int) -> [Int] {
        tokens.indices.filter { tokens[$0].head == i }
    }

    /// The index of the root token (head -1), if any.
    public var root: Int? {
        tokens.firstIndex { $0.head == -1 }
    }
}
