import Syntax

/// A sentence as the tree stages read it: words with their part of speech, lemma and head
/// (0-based, -1 for the root) and UD relation, and each word's dependents.
struct DependencyTree: Sendable {
    struct Node: Sendable, Equatable {
        var form: String
        var lemma: String
        var upos: String
        var xpos: String = ""
        var head: Int
        var deprel: String {
            didSet { baseRelation = Self.base(of: deprel) }
        }
        /// "obl:tmod" → "obl", kept beside the relation: the stages ask for it many times per word.
        private(set) var baseRelation: String

        init(form: String, lemma: String, upos: String, xpos: String = "", head: Int, deprel: String) {
            self.form = form
            self.lemma = lemma
            self.upos = upos
            self.xpos = xpos
            self.head = head
            self.deprel = deprel
            baseRelation = Self.base(of: deprel)
        }

        static func base(of relation: String) -> String {
            guard let colon = relation.utf8.firstIndex(of: UInt8(ascii: ":")) else { return relation }
            return String(relation[..<colon])
        }
    }

    var text: String
    var nodes: [Node]
    private(set) var children: [[Int]]

    init(text: String, nodes: [Node]) {
        self.text = text
        self.nodes = nodes
        children = Self.children(of: nodes)
        repairComplements()
        repairSubjects()
    }

    /// Time words that head a fronted phrase ("On Monday, …", "Last week, …").
    static let timeWords: Set<String> = Set(
        TemporalResolver.weekdays + TemporalResolver.months
            + ["week", "weekend", "month", "year", "day", "morning", "afternoon", "evening", "night", "today", "yesterday"])

    /// A verb with no subject of its own whose subject the parser hung elsewhere: on a fronted
    /// time phrase as its conjuncts ("On Monday, X and Y held talks"), or as a vocative before a
    /// relative clause ("X, who arrived on Sunday, met Y"). The verb takes it back.
    private mutating func repairSubjects() {
        var changed = false
        for v in nodes.indices where nodes[v].upos == "VERB" {
            let kids = children[v]
            guard !kids.contains(where: { ["nsubj", "csubj", "expl"].contains(nodes[$0].baseRelation) }) else { continue }
            // The vocative may hang on the verb or on a clause before it ("X, who arrived, met Y").
            let before = kids.filter { $0 < v }
            if let c = (before + before.flatMap { children[$0] }).first(where: {
                $0 < v && (nodes[$0].deprel == "vocative" || nodes[$0].deprel == "dislocated")
                    && ["PROPN", "NOUN"].contains(nodes[$0].upos)
            }) {
                nodes[c].head = v
                nodes[c].deprel = "nsubj"
                changed = true
                continue
            }
            for c in before {
                let n = nodes[c]
                guard n.baseRelation == "obl" || n.deprel == "nmod:tmod", Self.timeWords.contains(n.lemma.lowercased()) else { continue }
                let conj = children[c].filter {
                    nodes[$0].deprel == "conj" && $0 < v && !Self.timeWords.contains(nodes[$0].lemma.lowercased())
                        && ["PROPN", "NOUN"].contains(nodes[$0].upos)
                }
                guard let first = conj.first, (c + 1..<first).contains(where: { nodes[$0].form == "," }) else { continue }
                nodes[first].head = v
                nodes[first].deprel = "nsubj"
                for k in conj.dropFirst() { nodes[k].head = first }
                changed = true
                break
            }
        }
        if changed { children = Self.children(of: nodes) }
    }

    /// Each word's dependents, in sentence order.
    private static func children(of nodes: [Node]) -> [[Int]] {
        var children = [[Int]](repeating: [], count: nodes.count)
        for (i, n) in nodes.enumerated() where n.head >= 0 && n.head < nodes.count { children[n.head].append(i) }
        return children
    }

    /// The parser often hangs a verb's "to" infinitive on it as an adverbial clause ("called on
    /// X to release", "is expected to meet"); without a subject of its own it is the verb's
    /// complement, and reads as one.
    private mutating func repairComplements() {
        for i in nodes.indices where nodes[i].deprel == "advcl" && nodes[i].upos == "VERB" {
            let kids = children[i]
            guard kids.contains(where: { nodes[$0].lemma == "to" && nodes[$0].baseRelation == "mark" }),
                !kids.contains(where: { nodes[$0].baseRelation == "nsubj" || nodes[$0].baseRelation == "csubj" })
            else { continue }
            nodes[i].deprel = "xcomp"
        }
        // "met Russian Foreign Minister X" with the demonym tagged an adjective and hung on the
        // verb as a complement: with no object of its own, the verb's object is that phrase.
        for i in nodes.indices where nodes[i].deprel == "xcomp" && ["ADJ", "PROPN", "NOUN"].contains(nodes[i].upos) {
            // In a relative clause ("what it called X's aggression") the object is the relative word the clause hangs on.
            guard let h = head(of: i), nodes[h].upos == "VERB", nodes[h].deprel != "acl:relcl",
                !children[h].contains(where: { nodes[$0].deprel == "obj" })
            else {
                continue
            }
            nodes[i].deprel = "obj"
        }
    }

    var count: Int { nodes.count }

    func head(of i: Int) -> Int? {
        let h = nodes[i].head
        return h >= 0 && h < nodes.count ? h : nil
    }

    /// The lemmas of the case and mark words under `i` ("with", "according", "to").
    func caseWords(of i: Int) -> [String] {
        children[i].compactMap { c in
            let r = nodes[c].baseRelation
            return r == "case" || r == "mark" ? nodes[c].lemma : nil
        }
    }

    /// Does dependent `c` stand in `relation` ("obl:with": an obl whose case word is "with")?
    func matches(_ c: Int, _ relation: Frame.Relation) -> Bool {
        let d = nodes[c].deprel
        guard let word = relation.caseWord else { return d == relation.name }
        guard nodes[c].baseRelation == relation.name else { return false }
        // "obl:with", or an obl with "with" among its case words.
        if d.utf8.count == relation.name.utf8.count + 1 + word.utf8.count, d.utf8.reversed().starts(with: word.utf8.reversed()) {
            return true
        }
        return hasCaseWord(word, c)
    }

    /// Is `word` the lemma of a case or mark word under `i`? (`caseWords(of:).contains`, without the array.)
    func hasCaseWord(_ word: String, _ i: Int) -> Bool {
        children[i].contains { c in
            let r = nodes[c].baseRelation
            return (r == "case" || r == "mark") && nodes[c].lemma == word
        }
    }

    /// `i` and the words coordinated with it ("Russia, Iran and China").
    func conjuncts(_ i: Int) -> [Int] {
        var out = [i]
        var k = 0
        while k < out.count, k <= nodes.count {
            for c in children[out[k]] where nodes[c].deprel == "conj" && !out.contains(c) { out.append(c) }
            k += 1
        }
        return out
    }

    /// A passive verb: it has a passive subject or a passive auxiliary.
    func isPassive(_ i: Int) -> Bool {
        children[i].contains { nodes[$0].deprel == "nsubj:pass" || nodes[$0].deprel == "aux:pass" }
    }

    /// The words of `i`'s subtree, in order, as a range (subtrees of a projective tree are contiguous).
    func span(_ i: Int) -> Range<Int> {
        var lo = i
        var hi = i
        var stack = [i]
        var visits = 0
        // A well-formed tree has no cycle; the count bounds the walk if a bad one does.
        while let n = stack.popLast(), visits <= nodes.count {
            visits += 1
            lo = min(lo, n)
            hi = max(hi, n)
            stack.append(contentsOf: children[n])
        }
        return lo..<(hi + 1)
    }
}

extension DependencyTree {
    /// The tree of a sentence parsed by the Syntax model.
    init(_ parsed: ParsedSentence) {
        self.init(
            text: parsed.text,
            nodes: parsed.tokens.map { t in
                Node(
                    form: t.form, lemma: t.lemma.isEmpty ? t.form.lowercased() : t.lemma, upos: t.upos, xpos: t.xpos, head: t.head,
                    deprel: t.deprel)
            })
    }
}
