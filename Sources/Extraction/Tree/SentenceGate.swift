/// Decides, before tagging and parsing, whether a sentence can hold a development: a word form
/// of a trigger lemma and an actor (a capitalised dictionary name or a pronoun that may refer to one).
enum SentenceGate {
    static let pronouns: Set<String> = ["he", "she", "it", "they", "his", "her", "its", "their"]

    static func mayHoldEvent(_ tokens: [Token], lexicon: Lexicon) -> Bool {
        let forms = lexicon.frameBook.triggerForms
        guard tokens.contains(where: { forms.contains($0.lower) }) else { return false }
        return namesActor(tokens, lexicon: lexicon) || tokens.contains { pronouns.contains($0.lower) }
    }

    static func namesActor(_ tokens: [Token], lexicon: Lexicon) -> Bool {
        tokens.contains { t in
            guard t.isCapitalized, let entries = lexicon.names[t.lower] else { return false }
            return entries.contains { e in
                switch e.kind {
                case .country, .demonym, .seat, .body, .person: return true
                default: return false
                }
            }
        }
    }

    /// The body's gate, `mayHoldEvent` made tighter: a word form of a trigger that is not only a
    /// speech verb ("said" reports; it is no act), and actors of at least two states or one
    /// multilateral body, which every development needs. The states counted are more than the
    /// sentence can yield: every state a capitalised word may begin the name of (each part of
    /// "US-China" too), and those of the article's memory when a word may refer to them
    /// (pronouns, "the two sides", "the country", "the president", a surname met before).
    static func mayHoldDevelopment(_ tokens: [Token], lexicon: Lexicon, memory: ArticleMemory) -> Bool {
        let forms = lexicon.frameBook.eventForms
        guard tokens.contains(where: { forms.contains($0.lower) }) else { return false }
        // `mayHoldEvent`'s actor: a dictionary name or a pronoun, found in the same pass.
        var actor = false
        var codes = Set<String>()
        var multilateral = false
        func add(_ code: String?) {
            guard let code, code != "-" else { return }
            if lexicon.multilateral.contains(code) { multilateral = true }
            codes.insert(code)
        }
        // The sentence's words, lowercased: a name of several words counts only if its second word is there.
        var text: [UInt8] = []
        func holds(_ word: String) -> Bool {
            if text.isEmpty { for t in tokens { text += [0x20] + t.lower.utf8 } }
            return contains(text, word)
        }
        func addEntries(_ word: some StringProtocol, whole: Bool) {
            for e in lexicon.names[String(word)] ?? [] {
                switch e.kind {
                case .country, .demonym, .seat, .body, .person: actor = actor || whole
                default: break
                }
                if e.words.count > 1, !holds(e.words[1]) { continue }
                switch e.kind {
                case .country(let c), .demonym(let c), .seat(let c), .place(let c), .body(let c): add(c)
                case .person(let i):
                    add(lexicon.people[i].code)
                    for o in lexicon.people[i].offices { add(o.code) }
                default: break
                }
            }
        }
        for (k, t) in tokens.enumerated() {
            if t.isCapitalized {
                addEntries(t.lower, whole: true)
                if t.lower.utf8.contains(0x2D) { for part in t.lower.split(separator: "-") { addEntries(part, whole: false) } }
                add(memory.introduced[t.lower]?.code)
            }
            actor = actor || pronouns.contains(t.lower)
            for m in referents(tokens, k, lexicon: lexicon, memory: memory) { add(m.code) }
            if actor, multilateral || codes.count >= 2 { return true }
        }
        return false
    }

    /// Does `text` hold the bytes of `word` anywhere (inside a longer word too)?
    private static func contains(_ text: [UInt8], _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard let first = w.first, w.count <= text.count else { return w.isEmpty }
        var i = 0
        while i + w.count <= text.count {
            if text[i] == first, text[i..<(i + w.count)].elementsEqual(w) { return true }
            i += 1
        }
        return false
    }

    /// The actors of earlier sentences that word `k` may stand for, as the name finder resolves
    /// them: "he", "his" the last person; "it", "its" and "the country" the last state; "they",
    /// "both" and "the two …" the parties of the last meeting; "the president" whoever held a
    /// title; "the Secretary" the last person with that title word; a group phrase its members.
    private static func referents(_ tokens: [Token], _ k: Int, lexicon: Lexicon, memory: ArticleMemory) -> [Mention] {
        let w = tokens[k].lower
        // A group phrase stands for what the name finder makes of it ("the three countries", "both leaders").
        var out: [Mention] = []
        if let (count, _, people) = NameFinder.group(at: k, tokens) { out += NameFinder.members(count, people: people, memory) }
        switch w {
        case "he", "she", "his", "her": return memory.lastPerson.map { [$0] } ?? []
        case "it", "its": return memory.lastState.map { [$0] } ?? []
        case "they", "both": return out + memory.lastConsult
        default: break
        }
        if stateNouns.contains(w) { return memory.lastState.map { [$0] } ?? [] }
        guard w == "the" || w == "their", k + 1 < tokens.count else { return out }
        let next = tokens[k + 1].lower
        if next == "two" || next == "pair" { out += memory.lastConsult }
        if NameFinder.lastTitledWords.contains(next), let m = memory.byTitleWord[next] { out.append(m) }
        let titled = (lexicon.names[next] ?? []).contains { e in
            if case .title = e.kind { return true }
            return false
        }
        if titled { out += memory.byOffice.values }
        return out
    }

    /// The nouns that refer to the state last spoken of (MentionStage's, which resolves them),
    /// and their plurals, which may refer to several.
    static let stateNouns: Set<String> = MentionStage.stateNouns.union([
        "countries", "governments", "kingdoms", "nations", "republics", "states", "ministries", "administrations", "cabinets",
    ])
}
