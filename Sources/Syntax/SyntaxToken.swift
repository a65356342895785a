/// One syntactic word of a sentence, as the Universal Dependencies English treebank splits them.
public struct SyntaxToken: Sendable, Equatable {
    /// The word as written (a slice of the sentence: "ca" and "n't" for "can't").
    public var form: String
    /// Byte offsets of `form` in the sentence's UTF-8.
    public var utf8Range: Range<Int>
    /// Universal part of speech: "NOUN", "VERB", "PROPN", "AUX", …
    public var upos: String
    /// Penn Treebank part of speech: "NN", "VBD", …
    public var xpos: String
    /// Dictionary form, lowercase except for proper nouns ("be" for "was", "Obama").
    public var lemma: String
    /// Index in the sentence's tokens of this token's head, -1 for the root.
    public var head: Int
    /// Universal dependency relation to the head, with its subtype: "nsubj:pass", "obl", "root".
    public var deprel: String

    /// A token with only its form and place known.
    public init(
        form: String, utf8Range: Range<Int>, upos: String = "", xpos: String = "", lemma: String = "", head: Int = -1,
        deprel: String = ""
    ) {
        self.form = form
        self.utf8Range = utf8Range
        self.upos = upos
        self.xpos = xpos
        self.lemma = lemma
        self.head = head
        self.deprel = deprel
    }
}
