/// Stage 4, mentions: the actors and places of a parsed sentence, from the dictionaries (states,
/// demonyms, seats, bodies and non-state actors, people with dated offices, titles and an unknown
/// name after a title with a demonym or country), each tied to the words it covers.
struct MentionStage {
    let finder: NameFinder

    struct Found {
        var mentions: [Mention] = []
        var places: [NameFinder.Place] = []
        /// The mention covering each word, if any.
        var byWord: [Int: Int] = [:]
        /// The state the article last spoke of, for "the country" and "the government".
        var lastState: Mention?

        func mention(at word: Int) -> Mention? { byWord[word].map { mentions[$0] } }
    }

    static func tokens(_ tree: DependencyTree) -> [Token] {
        tree.nodes.map { n in
            // ASCII words (nearly all) without the Unicode tables; the same result.
            let bytes = n.form.utf8
            if let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) {
                let upper = first >= 0x41 && first <= 0x5A
                let lower = bytes.contains { $0 >= 0x41 && $0 <= 0x5A } ? n.form.lowercased() : n.form
                let alphanumeric = upper || (first >= 0x61 && first <= 0x7A) || (first >= 0x30 && first <= 0x39)
                return Token(text: n.form, lower: lower, isCapitalized: upper, isWord: lower == "'s" || alphanumeric)
            }
            var lower = n.form.lowercased()
            if lower.unicodeScalars.contains("\u{2019}") {
                lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
            }
            let first = n.form.unicodeScalars.first
            let isWord = lower == "'s" || (first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false)
            return Token(text: n.form, lower: lower, isCapitalized: first?.properties.isUppercase ?? false, isWord: isWord)
        }
    }

    func find(_ tree: DependencyTree, tokens: [Token]? = nil, memory: ArticleMemory) -> Found {
        let (mentions, places) = finder.mentions(tokens ?? Self.tokens(tree), memory: memory)
        var found = Found(mentions: mentions, places: places)
        found.lastState = memory.lastState
        for (k, m) in mentions.enumerated() {
            for w in m.start..<min(m.end, tree.count) where found.byWord[w] == nil { found.byWord[w] = k }
        }
        return found
    }

    /// Relations under a word that name whose it is ("Israel's ambassador", "the US move",
    /// "the ambassador of Turkey").
    static let ownerRelations: Set<String> = ["nmod:poss", "compound", "amod", "nmod", "appos", "flat", "nmod:of"]

    /// The actors a word stands for: the mention covering it, else one that owns it, and the
    /// same for each word coordinated with it.
    func actors(at word: Int, in tree: DependencyTree, _ found: Found) -> [Mention] {
        var out: [Mention] = []
        func add(_ m: Mention) { if !out.contains(where: { $0.key == m.key }) { out.append(m) } }
        var words = tree.conjuncts(word)
        var k = 0
        while k < words.count {
            let w = words[k]
            k += 1
            if let m = found.mention(at: w) {
                // "the two sides" stands for each party of the last meeting.
                found.mentions.filter { $0.start <= w && w < $0.end }.forEach(add)
                // "the US secretary of state and the Chinese foreign minister": the parse may hang
                // the next conjunct on any word of a name.
                for x in m.start..<min(m.end, tree.count) {
                    for c in tree.conjuncts(x) where !words.contains(c) && !(m.start..<m.end).contains(c) { words.append(c) }
                    // "Japan and South Korea" read as one name: another actor hung on a name word,
                    // with "and" or "or" between the two, is a conjunct.
                    for c in tree.children[x] where !words.contains(c) && !(m.start..<m.end).contains(c) {
                        guard ["flat", "compound"].contains(tree.nodes[c].baseRelation), let o = found.mention(at: c), o.key != m.key,
                            o.start >= m.end, (m.end..<o.start).contains(where: { ["and", "or"].contains(tree.nodes[$0].lemma) })
                        else { continue }
                        words.append(c)
                    }
                }
                // "Japanese and Chinese officials": the name covers the last demonym only; the
                // others own the same noun.
                for c in tree.children[w] where tree.nodes[c].deprel == "amod" && !(m.start..<m.end).contains(c) {
                    tree.conjuncts(c).compactMap { k in found.mention(at: k) ?? demonym(at: k, tree) }.forEach(add)
                }
                continue
            }
            // A city or region stands for its state where a role names it ("a visit to Lumbini").
            if let p = found.places.first(where: { $0.start <= w && w < $0.end && $0.code != "-" }) {
                var m = Mention(kind: .state, name: finder.lexicon.name(of: p.code), code: p.code, title: nil, start: p.start, end: p.end)
                m.place = p.name
                add(m)
                continue
            }
            var owned = false
            for c in tree.children[w] where Self.ownerRelations.contains(tree.nodes[c].deprel) {
                // A demonym inside a region's name ("Latin American countries") names no state.
                let owners = tree.conjuncts(c).compactMap { k in
                    found.mention(at: k) ?? (found.places.contains { $0.start <= k && k < $0.end } ? nil : demonym(at: k, tree))
                }
                guard !owners.isEmpty else { continue }
                owners.forEach(add)
                owned = true
                break
            }
            // "The kingdom said…" is the state last spoken of; "the Moroccan kingdom" is its own.
            if !owned, Self.stateNouns.contains(tree.nodes[w].lemma), let m = found.lastState,
                tree.children[w].contains(where: { tree.nodes[$0].lemma == "the" })
            {
                add(m)
            }
        }
        if out.filter({ $0.kind != .person }).count > 1 { continuation(of: out, in: tree, found).forEach(add) }
        return out
    }

    /// Long lists defeat the parser ("A, B, the C Republic and D" with the last items hung
    /// elsewhere): the states that go on a list in the text, after its last parsed member, with
    /// only commas, "and", "or" and "the" between them.
    func continuation(of list: [Mention], in tree: DependencyTree, _ found: Found) -> [Mention] {
        guard var k = list.filter({ $0.kind != .person }).map(\.end).max() else { return [] }
        var out: [Mention] = []
        while k < tree.count {
            if [",", "and", "or", "the"].contains(tree.nodes[k].form.lowercased()) {
                k += 1
                continue
            }
            guard let m = found.mention(at: k), m.kind != .person, m.start == k, !m.locative else { break }
            out.append(m)
            k = m.end
        }
        return out
    }

    /// "The country said…", "the ministry said…": a definite state noun or institution refers to
    /// the state last spoken of.
    static let stateNouns: Set<String> = [
        "country", "government", "kingdom", "nation", "republic", "state", "ministry", "administration", "presidency", "cabinet",
    ]

    /// The first actors in a word's subtree that are not `excluded` ("condemned the attack on
    /// Gaza by Israel"), outside reported clauses; with their conjuncts.
    func actorsWithin(_ word: Int, in tree: DependencyTree, _ found: Found, excluding excluded: Set<String>) -> [Mention] {
        var queue = [(word, 0)]
        var k = 0
        while k < queue.count {
            let (w, depth) = queue[k]
            k += 1
            let here = actors(at: w, in: tree, found).filter { !excluded.contains($0.code ?? $0.key) }
            if !here.isEmpty { return here }
            guard depth < 3 else { continue }
            for c in tree.children[w] where !["ccomp", "parataxis", "punct", "advcl", "nsubj"].contains(tree.nodes[c].baseRelation) {
                queue.append((c, depth + 1))
            }
        }
        return []
    }

    /// A demonym standing alone before a noun ("the Russian move") names its state.
    func demonym(at word: Int, _ tree: DependencyTree) -> Mention? {
        let form = tree.nodes[word].form
        guard form.first?.isUppercase == true, let entries = finder.lexicon.names[form.lowercased()] else { return nil }
        // "North Korean state media": a demonym of several words, read from its first.
        for e in entries where word + e.words.count <= tree.count {
            guard case .demonym(let code) = e.kind,
                e.words.enumerated().allSatisfy({ tree.nodes[word + $0.offset].form.lowercased() == $0.element })
            else { continue }
            return Mention(
                kind: .state, name: finder.lexicon.name(of: code), code: code, title: nil, start: word, end: word + e.words.count)
        }
        return nil
    }

    /// What the article remembers after this sentence, for pronouns and titles in later ones.
    static func remember(_ found: Found, _ tree: DependencyTree?, into memory: inout ArticleMemory) {
        for m in found.mentions where !m.locative {
            if let c = m.code {
                memory.recent.removeAll { $0.code == c && ($0.kind == .person) == (m.kind == .person) }
                memory.recent.append(m)
                if memory.recent.count > 24 { memory.recent.removeFirst() }
            }
            if m.kind == .person {
                memory.lastPerson = m
                if let o = m.office { memory.byOffice[o] = m }
                if let t = m.title { for w in t.lowercased().split(separator: " ") { memory.byTitleWord[String(w)] = m } }
                if m.code != nil, let surname = m.name.split(separator: " ").last, m.name.contains(" ") {
                    memory.introduced[surname.lowercased()] = m
                }
            } else if memory.lastState == nil
                || (tree.map { m.start < $0.count && $0.nodes[m.start..<min(m.end, $0.count)].contains { $0.deprel.hasPrefix("nsubj") } }
                    ?? true)
            {
                memory.lastState = m
            }
        }
        // "He" in the next sentence is most often the subject of this one, not its last person.
        if let tree, let subject = subjectPerson(found, tree) { memory.lastPerson = subject }
    }

    /// The person who is the subject of the sentence's main clause, if any.
    static func subjectPerson(_ found: Found, _ tree: DependencyTree) -> Mention? {
        var best: (depth: Int, mention: Mention)?
        for m in found.mentions where m.kind == .person && !m.locative {
            for w in m.start..<min(m.end, tree.count) where tree.nodes[w].baseRelation == "nsubj" {
                var depth = 0
                var k = w
                while let h = tree.head(of: k), depth <= tree.count {
                    depth += 1
                    k = h
                }
                if best.map({ depth < $0.depth }) ?? true { best = (depth, m) }
            }
        }
        return best?.mention
    }
}
