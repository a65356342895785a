/// Stage 0, headline: an article's title rewritten as the plain sentence it stands for, so that
/// a parser trained on running text reads it. Headlines tell past events in the present tense
/// ("Turkey expels envoy"), planned ones with "to" and a verb ("Iraq to recall envoy": "will
/// recall"), passives without their auxiliary ("Minister excluded from summit": "was excluded"),
/// a speaker after or before a colon ("…: Xi", "Erdogan: …") and, in some feeds, every word
/// capitalised. The rewritten sentence is only parsed; the evidence stays the title as written.
struct HeadlineStage {
    let lexicon: Lexicon

    static let functionWords: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "for", "with", "at", "by", "from", "and", "or", "over", "as", "after",
        "amid", "against", "into", "about", "is", "are", "be", "will", "not",
    ]
    /// Words after which a bare participle is a passive ("expelled from", "backed by").
    static let passivePrepositions: Set<String> = [
        "from", "by", "over", "in", "at", "for", "to", "after", "amid", "on", "as", "with", "against", "during", "following",
    ]

    /// The title as a sentence: labels and speakers moved, capitals of title case undone, then
    /// the clause rewritten on a first parse's tags.
    func sentence(_ title: String, parse: TreeExtractor.Parser) -> String {
        var words = speakerMoved(Tokenizer.tokens(title).map(\.text))
        if isTitleCase(words) {
            words = words.enumerated().map { i, w in
                i > 0 && !isName(w) && (Self.functionWords.contains(w.lowercased()) || verbLemma(w.lowercased()) != nil)
                    ? w.lowercased() : w
            }
        }
        words = words.indices.map { i in
            Self.isDotlessInitials(words[i]) && (i + 1 == words.count ? "" : words[i + 1]) != "." ? words[i] + "." : words[i]
        }
        if let last = words.last, !last.hasSuffix("."),
            last.first?.isLetter == true || last.first?.isNumber == true || last == "'" || last == "’"
        {
            words.append(".")
        }
        let draft = Self.joined(words)
        guard SentenceGate.mayHoldEvent(Tokenizer.tokens(draft), lexicon: lexicon) else { return draft }
        let tree = parse(draft)
        guard let rewritten = clauseRewritten(tree) else { return draft }
        return Self.joined(rewritten)
    }

    /// "…: Xi" and "Erdogan: …" (a known person before the colon) become "Xi said …"; any other
    /// short label before a colon ("Africa: …", a section name) is dropped.
    func speakerMoved(_ words: [String]) -> [String] {
        guard let colon = words.firstIndex(of: ":") else { return words }
        let before = Array(words[..<colon])
        let after = Array(words[(colon + 1)...])
        if after.count >= 1, after.count <= 3, before.count >= 3, after.allSatisfy({ $0.first?.isUppercase == true }) {
            return after + ["said"] + before
        }
        if before.count >= 1, before.count <= 3, after.count >= 3 {
            let person = before.allSatisfy { $0.first?.isUppercase == true } && isPerson(before.joined(separator: " "))
            return person ? before + ["said"] + after : after
        }
        return words
    }

    /// Most words capitalised, as in "Minister Urges Talks With Neighbours".
    func isTitleCase(_ words: [String]) -> Bool {
        let lettered = words.dropFirst().filter { $0.first?.isLetter == true }
        guard lettered.count >= 3 else { return false }
        let capitalised = lettered.filter { $0.first?.isUppercase == true }.count
        return Double(capitalised) >= 0.7 * Double(lettered.count)
    }

    /// The subject is the words before the first verb: "to" and a verb becomes "will" and the
    /// verb; a bare participle before a preposition gets "was"; a verb the tagger took for a
    /// noun ("Nepal announces visit") is put in the past; a comma between two names in the
    /// subject is "and" ("Lula, Macron hold talks"). Nil when nothing changes.
    func clauseRewritten(_ tree: DependencyTree) -> [String]? {
        let words = tree.nodes.map(\.form)
        guard let (i, verb) = verbPosition(tree) else { return nil }
        var subject = Array(words[..<i])
        if !subject.contains("and"), let c = subject.indices.dropFirst().last(where: { subject[$0] == "," }), c + 1 < subject.count,
            subject[c - 1].first?.isUppercase == true, subject[c + 1].first?.isUppercase == true,
            !subject[..<c].contains(where: { Self.functionWords.contains($0.lowercased()) })
        {
            subject[c] = "and"
        }
        let rest = Array(words[(i + 1)...])
        let rewritten = subject + verb + rest
        return rewritten == words ? nil : rewritten
    }

    /// The first verb-like word after the subject and what it becomes.
    func verbPosition(_ tree: DependencyTree) -> (Int, [String])? {
        let words = tree.nodes.map(\.form)
        for i in words.indices.dropFirst() {
            let w = words[i]
            let tag = tree.nodes[i].upos
            let isVerb = tag == "VERB" || tag == "AUX"
            guard w.first?.isLowercase == true else {
                if isVerb { return (i, [w]) }
                continue
            }
            let next = i + 1 < words.count ? words[i + 1] : ""
            if w == "to" {
                guard next.first?.isLowercase == true, tree.nodes[i + 1].upos == "VERB" || verbLemma(next) != nil else { return nil }
                return (i, ["will"])
            }
            if isVerb, Self.isParticiple(w), next == "." || Self.passivePrepositions.contains(next) { return (i, ["was", w]) }
            if isVerb { return (i, [w]) }
            if let lemma = verbLemma(w), let past = Self.past(of: lemma, present: w) { return (i, [past]) }
            if Self.functionWords.contains(w) { return nil }
        }
        return nil
    }

    /// The lemma of a verb form the dictionaries know (a frame's verb, a status cue's governor).
    func verbLemma(_ form: String) -> String? {
        var candidates = [form]
        if let irregular = Inflection.lemma(ofIrregular: form) { candidates.append(irregular) }
        for suffix in ["s", "es", "d", "ed"] where form.hasSuffix(suffix) { candidates.append(String(form.dropLast(suffix.count))) }
        if form.hasSuffix("ies") || form.hasSuffix("ied") { candidates.append(String(form.dropLast(3)) + "y") }
        if form.count > 4, form.hasSuffix("ed") {
            let stem = form.dropLast(2)
            if let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        }
        let book = lexicon.frameBook
        return candidates.first { c in
            book.frames[c + "/VERB"] != nil || book.cues.contains { $0.relation == "gov" && $0.lemma == c }
        }
    }

    /// Verbs of two syllables stressed on the last, which double their final consonant.
    static let stressedLast: Set<String> = [
        "expel", "compel", "repel", "control", "patrol", "refer", "confer", "prefer", "commit", "admit", "submit", "omit",
        "permit", "regret", "occur", "deter", "rebut", "equip", "abet", "acquit", "rebel", "transfer",
    ]

    /// The past of a verb written in the present ("expels" → "expelled"), nil for other forms.
    static func past(of lemma: String, present: String) -> String? {
        let forms = Inflection.forms(of: lemma)
        guard present == lemma || (forms.contains(present) && present.hasSuffix("s")) else { return nil }
        if let irregular = Inflection.irregular[lemma]?.first { return irregular }
        let syllables = lemma.split { !"aeiouy".contains($0) }.count
        let doubled = syllables == 1 || stressedLast.contains(lemma)
        let past = forms.filter { $0.hasSuffix("ed") && $0 != lemma }
        return (doubled ? past.last : past.first) ?? forms.first { $0.hasSuffix("d") && $0 != lemma }
    }

    static func isParticiple(_ w: String) -> Bool {
        w.hasSuffix("ed") || (Inflection.lemma(ofIrregular: w).map { Inflection.irregular[$0]?.last == w } ?? false)
    }

    func isName(_ w: String) -> Bool {
        (lexicon.names[w.lowercased()] ?? []).contains { $0.words.count == 1 && $0.needsCapital }
    }

    func isPerson(_ phrase: String) -> Bool {
        let tokens = Tokenizer.tokens(phrase)
        guard let first = tokens.first else { return false }
        return (lexicon.names[first.lower] ?? []).contains { e in
            if case .person = e.kind { return e.words == tokens.map(\.lower) }
            return false
        }
    }

    /// "U.S" for "U.S.", as headlines write it.
    static func isDotlessInitials(_ w: String) -> Bool {
        let parts = w.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.count == 1 && $0.first!.isUppercase }
    }

    static func joined(_ words: [String]) -> String {
        var out = ""
        for w in words {
            let tight = [",", ".", ":", ";", "'s", "’s", "?", "!", ")"].contains(w)
            if !out.isEmpty, !tight { out += " " }
            out += w
        }
        return out
    }
}
