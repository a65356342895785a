@testable import Extraction

/// Trees written by hand in a CoNLL-like shorthand, one word per item:
/// "form/UPOS/head/relation" with the head counted from 1 (0 for the root), an optional
/// fifth part for the lemma when it is not the lowercased form (empty for that form) and an
/// optional sixth for the treebank tag ("VBD").
enum HandTrees {
    /// The country codes of a development's participants in one role, sorted.
    static func codes(_ d: Development, _ role: String) -> [String] {
        d.participants.filter { $0.role == role }.compactMap(\.country).sorted()
    }

    static func tree(_ words: [String]) -> DependencyTree {
        let nodes = words.map { w -> DependencyTree.Node in
            let p = w.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            return DependencyTree.Node(
                form: p[0], lemma: p.count > 4 && !p[4].isEmpty ? p[4] : p[0].lowercased(), upos: p[1], xpos: p.count > 5 ? p[5] : "",
                head: Int(p[2])! - 1, deprel: p[3])
        }
        return DependencyTree(text: words.map { String($0.prefix { $0 != "/" }) }.joined(separator: " "), nodes: nodes)
    }

    /// A parser that knows the sentences it was given; any other sentence is a flat tree.
    static func parser(_ trees: [DependencyTree]) -> TreeExtractor.Parser {
        let known = Dictionary(trees.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        return { sentence in
            known[sentence]
                ?? DependencyTree(
                    text: sentence,
                    nodes: Tokenizer.tokens(sentence).map { .init(form: $0.text, lemma: $0.lower, upos: "X", head: -1, deprel: "dep") })
        }
    }

    static func extract(_ trees: [DependencyTree], title: String? = nil, published: String = "2024-03-06") -> [Development] {
        let text = trees.filter { $0.text != title }.map(\.text).joined(separator: "\n")
        return TreeExtractor(lexicon: .builtIn, parse: parser(trees)).extract(Article(title: title, text: text, published: published))
    }
}
