/// Stage 6a, attribution: who utters what. A speech frame ("X said", "according to X",
/// "X's statement", "a spokesman for X") covers the clause it reports; the innermost speech
/// covering a trigger gives that trigger's speaker.
struct AttributionStage {
    struct Speech {
        var speakers: [Int]
        var clause: Range<Int>
        var exclude: Range<Int>
    }

    func speeches(_ readings: [FrameStage.Reading], _ tree: DependencyTree) -> [Speech] {
        readings.filter(\.frame.isSpeech).compactMap { r in
            let s = r.word
            let rel = tree.nodes[s].baseRelation
            var speakers = r.roles.filter { $0.role == .source }.map(\.word)
            // "according to X": the case word hangs on X, X on the clause it reports.
            if rel == "case" || rel == "mark" || rel == "fixed", let x = tree.head(of: s) {
                speakers = [x]
                guard let clause = tree.head(of: x) else { return nil }
                return Speech(speakers: speakers, clause: tree.span(clause), exclude: tree.span(x))
            }
            guard !speakers.isEmpty else { return nil }
            // "…, the ministry said" and "in a statement": the speech hangs on what it reports.
            if ["parataxis", "advcl", "obl", "nmod"].contains(rel), let h = tree.head(of: s) {
                return Speech(speakers: speakers, clause: tree.span(h), exclude: tree.span(s))
            }
            return Speech(speakers: speakers, clause: tree.span(s), exclude: s..<(s + 1))
        }
    }

    /// The words of the speaker of the innermost speech that covers `word`.
    func speaker(of word: Int, _ speeches: [Speech]) -> [Int]? {
        speeches.filter { $0.clause.contains(word) && !$0.exclude.contains(word) }
            .min { $0.clause.count < $1.clause.count }?.speakers
    }

    /// "The ministry said it opposed…", "“We condemn…,” the ministry said": a personal pronoun
    /// as the subject of a reported act is the speaker.
    func speaksAsPronoun(_ sourceWords: [Int], _ tree: DependencyTree) -> Bool {
        !sourceWords.isEmpty
            && sourceWords.allSatisfy { tree.nodes[$0].upos == "PRON" && Self.personalPronouns.contains(tree.nodes[$0].lemma.lowercased()) }
    }

    static let personalPronouns: Set<String> = ["it", "they", "we", "i", "he", "she"]

    /// Where to look for the target of an act told in a clause ("warned that any attack on
    /// Iran would…", "concern that the deal with X…"): the clause's subject first, then the
    /// clause; any other word is itself.
    func reportedWords(_ word: Int, _ tree: DependencyTree) -> [Int] {
        guard ["ccomp", "acl"].contains(tree.nodes[word].baseRelation),
            tree.nodes[word].upos == "VERB" || tree.caseWords(of: word).contains("that")
        else { return [word] }
        return tree.children[word].filter { tree.nodes[$0].baseRelation == "nsubj" } + [word]
    }
}
