/// Stage 4a, names: the actors and places of one sentence's words, from the dictionaries (states,
/// demonyms, seats, bodies, people with dated offices, titles and appositions, unknown people
/// introduced by a title), and pronouns and "the two sides" resolved against the article so far.
/// `MentionStage` ties them to the tree.
struct NameFinder {
    let lexicon: Lexicon
    let day: Int

    struct Atom {
        var start: Int
        var end: Int
        var kind: Lexicon.Kind?
        var surface: String
        var unknownName: Bool = false
        var introduced: Mention?
    }

    struct Place {
        var start: Int
        var end: Int
        var name: String
        var code: String
    }

    static let locativeWords: Set<String> = ["in", "at", "near", "outside", "inside", "across", "throughout", "hosted"]
    /// "The two sides", "both leaders", "the three countries": a number of parties named earlier.
    static let groupCounts: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]
    static let groupNouns: Set<String> = [
        "sides", "leaders", "countries", "nations", "ministers", "men", "women", "presidents", "governments", "states",
        "neighbours", "neighbors", "parties", "delegations", "heads", "capitals", "premiers", "allies",
    ]
    /// First words of the pronouns and group phrases resolved by coreference.
    /// "The Secretary", "the minister": the last person named with that word in their title.
    static let lastTitledWords: Set<String> = ["secretary", "minister"]
    static let pronounStarts: Set<String> = ["the", "both", "they", "he", "she", "his", "her", "it", "its", "them"]
    static let nameStop: Set<String> = [
        "the", "a", "an", "on", "in", "and", "but", "he", "she", "it", "they", "we", "i", "this", "that", "at",
        "for", "with", "as", "by", "of", "to", "from", "after", "before", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    func atoms(_ tokens: [Token], memory: ArticleMemory) -> [Atom] {
        // "Gen." and "Dr." are one word in the tree; the dictionaries may know them without the dot.
        let tokens = tokens.map { t in
            var t = t
            if t.lower.utf8.last == 0x2E, t.lower.count > 2, lexicon.names[t.lower] == nil, lexicon.names[String(t.lower.dropLast())] != nil
            {
                t.lower.removeLast()
            }
            return t
        }
        var out: [Atom] = []
        var i = 0
        let n = tokens.count
        func hasHyphen(_ s: String) -> Bool { s.utf8.contains(0x2D) }
        let hyphenatedToken = tokens.contains { hasHyphen($0.lower) && $0.lower != "-" }
        // A headline in title case capitalises every word: no word there tells a given name.
        // Names are capitalised anyway: the other words tell.
        let longWords = tokens.filter { $0.isWord && $0.text.count > 3 && lexicon.names[$0.lower] == nil }
        let titleCase = longWords.count >= 3 && longWords.filter(\.isCapitalized).count * 4 >= longWords.count * 3
        while i < n {
            let t = tokens[i]
            guard t.isWord else { i += 1; continue }
            var matched: Atom?
            if let candidates = lexicon.names[t.lower] {
                for e in candidates {
                    // The tree splits hyphens ("Amir - Abdollahian"); the dictionaries keep them.
                    var words = e.words
                    if !hyphenatedToken, words.contains(where: hasHyphen) {
                        words = words.flatMap { w in w.split(separator: "-").map(String.init).joinedWithHyphens() }
                    }
                    guard i + words.count <= n else { continue }
                    if let m = matched, m.end - m.start > words.count { break }
                    var ok = true
                    for k in words.indices where tokens[i + k].lower != words[k] {
                        ok = false
                        break
                    }
                    guard ok else { continue }
                    if e.needsCapital {
                        guard t.isCapitalized else { continue }
                        // All-capital short forms ("US", "UN") must be written so.
                        if e.allCaps, t.text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                            continue
                        }
                    }
                    if let m = matched, m.end - m.start == words.count {
                        // Same span, several readings: prefer a state over its demonym.
                        if case .demonym = m.kind!, case .country = e.kind { matched?.kind = e.kind }
                        continue
                    }
                    matched = Atom(start: i, end: i + words.count, kind: e.kind, surface: e.surface)
                }
            }
            if matched == nil, t.isCapitalized, let m = memory.introduced[t.lower] {
                matched = Atom(start: i, end: i + 1, kind: nil, surface: t.text, introduced: m)
            }
            // "Kyle Rubio" is not the Rubio the record knows: a surname alone after another given
            // name is someone else.
            if let m = matched, m.end - m.start == 1, !titleCase, m.kind.map(isPerson) ?? (m.introduced != nil),
                otherGivenName(before: i, tokens, out, person: m)
            {
                matched = nil
            }
            if let m = matched {
                out.append(m)
                i = m.end
                continue
            }
            // A capitalised name right after a title or honorific that the lexicon does not know.
            if t.isCapitalized, !Self.nameStop.contains(t.lower), let prev = out.last,
                prev.end == i || (prev.end == i - 1 && tokens[i - 1].lower == ","),
                isTitleOrHonorific(prev, tokens)
            {
                var j = i
                while j < n, j - i < 4, tokens[j].isWord,
                    tokens[j].isCapitalized
                        || (j > i && tokens[j].lower.count <= 3
                            && ["bin", "al", "el", "da", "de", "van", "von"].contains(tokens[j].lower)),
                    j > i || (lexicon.names[tokens[j].lower] ?? []).allSatisfy(\.isPersonName)
                {
                    if Self.nameStop.contains(tokens[j].lower) { break }
                    j += 1
                }
                if j > i {
                    let surface = tokens[i..<j].map(\.text).joined(separator: " ")
                    out.append(Atom(start: i, end: j, kind: nil, surface: surface, unknownName: true))
                    i = j
                    continue
                }
            }
            if t.lower == "of" || t.lower == "'s" {
                out.append(Atom(start: i, end: i + 1, kind: nil, surface: t.lower))
            }
            i += 1
        }
        return out
    }

    /// The words of every name the record gives the atom's person ("Jean-Noël Barrot": jean,
    /// noël, barrot, and those of the other spellings listed, such as "Noel").
    private func personName(_ a: Atom) -> Set<String>? {
        if let m = a.introduced { return Set(m.name.lowercased().split { $0 == " " || $0 == "-" }.map(String.init)) }
        guard case .person(let k)? = a.kind else { return nil }
        var words = Set(lexicon.people[k].name.lowercased().split { $0 == " " || $0 == "-" }.map(String.init))
        for entries in lexicon.names.values {
            for e in entries where e.kind == .person(index: k) {
                for w in e.words { words.formUnion(w.split(separator: "-").map(String.init)) }
            }
        }
        return words
    }

    private func isPerson(_ k: Lexicon.Kind) -> Bool {
        if case .person = k { return true }
        return false
    }

    /// Capitalised words that open a sentence or clause before a name without being a given name.
    static let openers: Set<String> = [
        "meanwhile", "separately", "also", "later", "earlier", "then", "now", "yesterday", "today", "tomorrow", "when", "while",
        "if", "so", "but", "and", "or", "since", "because", "although", "though", "still", "only", "even", "as", "after",
        "senator", "sen", "rep", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "gen", "general", "former", "ex",
        "acting", "interim", "outgoing", "incoming", "veteran", "top", "new", "why", "how", "what", "who", "where", "will",
        "can", "does", "did", "should", "could", "would", "watch", "analysis", "exclusive", "live", "video", "opinion", "breaking",
    ]

    /// Whether the word before `i` is a given name the text puts before a surname: capitalised,
    /// not the first word of a known name, title, place or state, nor an initial or an opener.
    private func otherGivenName(before i: Int, _ tokens: [Token], _ atoms: [Atom], person: Atom) -> Bool {
        guard i > 0 else { return false }
        let p = tokens[i - 1]
        guard p.isWord, p.isCapitalized, p.text.count > 2, !p.text.hasSuffix("."),
            !Self.nameStop.contains(p.lower), !Self.openers.contains(p.lower),
            (lexicon.names[p.lower] ?? []).allSatisfy(\.isPersonName),
            !atoms.contains(where: { $0.end == i }),
            !(personName(person) ?? []).contains(p.lower)
        else { return false }
        // An all-capital word is an abbreviation or a headline, not a given name.
        return p.text.unicodeScalars.contains { $0.properties.isLowercase }
    }

    private func isTitleOrHonorific(_ a: Atom, _ tokens: [Token]) -> Bool {
        if case .title(_, let generic)? = a.kind { return !generic || a.surface == "minister" }
        if case .honorific? = a.kind { return true }
        return false
    }

    /// Resolves atoms into mentions; updates nothing (the caller updates the memory).
    func mentions(_ tokens: [Token], memory: ArticleMemory) -> (mentions: [Mention], places: [Place]) {
        let atoms = atoms(tokens, memory: memory)
        var out: [Mention] = []
        var places: [Place] = []
        var k = 0
        while k < atoms.count {
            let a = atoms[k]
            var consumed = 1
            switch a.kind {
            case .country(let code)?, .demonym(let code)?, .seat(let code)?, .body(let code)?:
                consumed = marker(k, code: code, atoms, tokens, out: &out, places: &places)
            case .place(let code)?:
                places.append(Place(start: a.start, end: a.end, name: a.surface, code: code))
            case .title(let office, let generic)?:
                consumed = titled(k, office: office, generic: generic, atoms, tokens, memory: memory, out: &out)
            case .honorific?:
                if k + 1 < atoms.count, adjacent(a, atoms[k + 1]), var m = person(atoms[k + 1], tokens) {
                    m.start = a.start
                    out.append(m)
                    consumed = 2
                }
            default:
                if let m = person(a, tokens) { out.append(m) }
            }
            k += consumed
        }
        TitledPeople(lexicon: lexicon).resolve(tokens, &out)
        addPronounsAndGroups(tokens, memory: memory, into: &out)
        return (out.sorted { $0.start < $1.start }, places)
    }

    /// [marker] ['s] [title…] [honorific] [name]: a state, seat or body, or someone acting for it.
    /// Returns how many atoms it took.
    private func marker(
        _ k: Int, code: String, _ atoms: [Atom], _ tokens: [Token], out: inout [Mention], places: inout [Place]
    ) -> Int {
        let a = atoms[k]
        // [marker] ['s] [title…] [honorific] [name]
        var j = k + 1
        var last = a
        if j < atoms.count, atoms[j].surface == "'s", adjacent(last, atoms[j]) { last = atoms[j]; j += 1 }
        var office: String?
        var generic = false
        var titleText: String?
        var titleStart = -1
        // "Philippine defence officials", "senior US military officials": up to two plain
        // words may stand between the state and a generic title.
        if case .demonym? = a.kind, j < atoms.count, case .title(_, true)? = atoms[j].kind, atoms[j].start > last.end,
            atoms[j].start - last.end <= 2,
            tokens[last.end..<atoms[j].start].allSatisfy({ $0.isWord && !$0.isCapitalized && !Self.nameStop.contains($0.lower) })
        {
            last = Atom(start: atoms[j].start, end: atoms[j].start, kind: nil, surface: "")
        }
        // "Venezuela's opposition leader Ana Ruiz", "the Ecowas Commission chief": a title after
        // one or two plain words names whose official the person is, but a qualified title
        // ("deputy foreign minister") is no particular office holder.
        var qualified = false
        // Plain words after a possessive or a demonym; a capitalised one after a body's name.
        var demonym = false
        if case .demonym? = a.kind { demonym = true }
        let prenominal = last.surface == "'s" || demonym
        if j < atoms.count, case .title? = atoms[j].kind,
            atoms[j].start > last.end, atoms[j].start - last.end <= 2,
            tokens[last.end..<atoms[j].start].allSatisfy({ t in
                t.isWord && !Self.nameStop.contains(t.lower) && t.lower != "former" && t.lower != "late"
                    && (t.isCapitalized ? isBody(a) : prenominal)
            })
        {
            last = Atom(start: atoms[j].start, end: atoms[j].start, kind: nil, surface: "")
            qualified = true
        }
        while j < atoms.count, adjacent(last, atoms[j]), case .title(let o, let g)? = atoms[j].kind {
            if office == nil || !g { office = o; generic = g }
            if titleStart < 0 { titleStart = atoms[j].start }
            titleText = tokens[titleStart..<atoms[j].end].map(\.text).joined(separator: " ")
            last = atoms[j]
            j += 1
        }
        while j < atoms.count, adjacent(last, atoms[j]), case .honorific? = atoms[j].kind {
            last = atoms[j]
            j += 1
        }
        // Apposition: "China's top foreign policy official, Wang Yi"
        var named: Mention?
        if j < atoms.count {
            let b = atoms[j]
            let comma = office != nil && b.start == last.end + 1 && tokens[last.end].lower == ","
            if adjacent(last, b) || comma, let m = person(b, tokens) {
                if !comma || m.code == code || m.code == nil {
                    named = m
                    j += 1
                }
            }
        }
        if var m = named {
            if m.code == nil { m.code = code }
            if m.title == nil { m.title = titleText }
            m.start = a.start
            out.append(m)
            return j - k
        } else if let office {
            if !generic, !qualified, let p = lexicon.holder(code: code, office: office, day: day) {
                var m = personMention(p, start: a.start, end: last.end)
                m.title = titleText
                m.office = office
                out.append(m)
            } else {
                out.append(stateMention(code, a, end: last.end, title: titleText))
            }
            return j - k
        } else {
            if case .demonym? = a.kind { return 1 }  // "Chinese state media" is no actor
            var m = stateMention(code, a, end: a.end, title: nil)
            if case .seat? = a.kind { m.place = a.surface }
            if case .seat? = a.kind, a.start > 0, Self.locativeWords.contains(tokens[a.start - 1].lower) {
                m.locative = true
                places.append(Place(start: a.start, end: a.end, name: a.surface, code: code))
            }
            if case .country? = a.kind, a.start > 0, Self.locativeWords.contains(tokens[a.start - 1].lower) {
                m.locative = true
                places.append(Place(start: a.start, end: a.end, name: lexicon.name(of: code), code: code))
            }
            out.append(m)
        }
        return 1
    }

    /// A title and the person it names ("Foreign Minister X", "the president of Y", "the
    /// president" again). Returns how many atoms it took.
    private func titled(
        _ k: Int, office: String, generic: Bool, _ atoms: [Atom], _ tokens: [Token], memory: ArticleMemory,
        out: inout [Mention]
    ) -> Int {
        let a = atoms[k]
        var j = k + 1
        var last = a
        while j < atoms.count, adjacent(last, atoms[j]) {
            if case .title? = atoms[j].kind { last = atoms[j]; j += 1; continue }
            if case .honorific? = atoms[j].kind { last = atoms[j]; j += 1; continue }
            break
        }
        let titleText = tokens[a.start..<last.end].map(\.text).joined(separator: " ")
        if j < atoms.count, adjacent(last, atoms[j]) || (atoms[j].start == last.end + 1 && tokens[last.end].lower == ","),
            var m = person(atoms[j], tokens)
        {
            m.start = a.start
            if m.title == nil { m.title = titleText }
            m.office = generic ? nil : office
            out.append(m)
            return j - k + 1
        } else if j + 1 < atoms.count, atoms[j].surface == "of", adjacent(last, atoms[j]), adjacent(atoms[j], atoms[j + 1]),
            let code = markerCode(atoms[j + 1])
        {
            if !generic, let p = lexicon.holder(code: code, office: office, day: day) {
                var m = personMention(p, start: a.start, end: atoms[j + 1].end)
                m.title = titleText
                out.append(m)
            } else {
                out.append(stateMention(code, atoms[j + 1], end: atoms[j + 1].end, title: titleText))
            }
            return j - k + 2
        } else if !generic, a.start > 0, ["the", "their"].contains(tokens[a.start - 1].lower),
            var m = memory.byOffice[office]
        {
            m.start = a.start
            m.end = last.end
            out.append(m)
            return j - k
        }
        return 1
    }

    private func adjacent(_ a: Atom, _ b: Atom) -> Bool { b.start == a.end }

    private func isBody(_ a: Atom) -> Bool {
        if case .body? = a.kind { return true }
        return false
    }

    private func markerCode(_ a: Atom) -> String? {
        switch a.kind {
        case .country(let c)?, .demonym(let c)?, .seat(let c)?, .body(let c)?: return c
        default: return nil
        }
    }

    private func person(_ a: Atom, _ tokens: [Token]) -> Mention? {
        if case .person(let i)? = a.kind { return personMention(i, start: a.start, end: a.end) }
        if var m = a.introduced {
            m.start = a.start
            m.end = a.end
            return m
        }
        if a.unknownName {
            return Mention(kind: .person, name: a.surface, code: nil, title: nil, start: a.start, end: a.end)
        }
        return nil
    }

    func personMention(_ i: Int, start: Int, end: Int) -> Mention {
        let p = lexicon.people[i]
        // The person's country is that of the first office listed that they hold on the article's
        // day (a monarch of several realms acts first for the one listed first), else that of the
        // latest office taken before it.
        var code = p.code
        var best = Int.min
        var office: String?
        if let o = p.offices.first(where: { $0.from <= day && day < ($0.to ?? Int.max) }) {
            code = o.code
            office = o.office
        } else {
            for o in p.offices where o.from <= day && o.from > best {
                best = o.from
                code = o.code
                office = o.office
            }
        }
        var m = Mention(kind: .person, name: p.name, code: code, title: nil, start: start, end: end)
        m.office = office
        return m
    }

    private func stateMention(_ code: String, _ a: Atom, end: Int, title: String?) -> Mention {
        let kind: Mention.Kind
        if case .body? = a.kind { kind = .body } else { kind = .state }
        let name = kind == .body ? lexicon.bodyNames[a.surface] ?? lexicon.name(of: code) : lexicon.name(of: code)
        return Mention(kind: kind, name: name, code: code, title: title, start: a.start, end: end)
    }

    /// A group phrase at `i`: how many parties it stands for (nil: as many as last met), its
    /// length in words, and whether it names people ("the two leaders") rather than states.
    static func group(at i: Int, _ tokens: [Token]) -> (count: Int?, length: Int, people: Bool)? {
        func noun(_ k: Int) -> (Int, Bool)? {
            var k = k
            if k < tokens.count, ["foreign", "defence", "defense", "prime", "heads"].contains(tokens[k].lower), k + 1 < tokens.count,
                Self.groupNouns.contains(tokens[k + 1].lower) || tokens[k + 1].lower == "of"
            {
                k += 1
            }
            guard k < tokens.count, Self.groupNouns.contains(tokens[k].lower) else { return nil }
            let people = ["leaders", "ministers", "men", "women", "presidents", "premiers", "heads"].contains(tokens[k].lower)
            if tokens[k].lower == "heads", k + 2 < tokens.count, tokens[k + 1].lower == "of" { return (k + 3, true) }
            return (k + 1, people)
        }
        let w = tokens[i].lower
        if w == "the", i + 1 < tokens.count, tokens[i + 1].lower == "pair" { return (2, 2, false) }
        if w == "both", let (end, people) = noun(i + 1) { return (2, end - i, people) }
        if w == "the", i + 1 < tokens.count, let n = Self.groupCounts[tokens[i + 1].lower], let (end, people) = noun(i + 2) {
            return (n, end - i, people)
        }
        return nil
    }

    /// The parties a group phrase stands for: those of the last meeting when it had as many, else
    /// the last `count` actors of different states the article named, people first for "leaders".
    static func members(_ count: Int?, people: Bool, _ memory: ArticleMemory) -> [Mention] {
        let met = Set(memory.lastConsult.compactMap(\.code))
        guard let count else { return memory.lastConsult }
        if met.count == count { return memory.lastConsult }
        var out: [Mention] = []
        for wantPerson in people ? [true, false] : [false, true] {
            for m in memory.recent.reversed() where (m.kind == .person) == wantPerson && out.count < count {
                if let c = m.code, !out.contains(where: { $0.code == c }) { out.append(m) }
            }
        }
        return out.count == count ? out : []
    }

    /// The states and bodies of a list that ends right before `i` ("Chile, Peru and Brazil").
    static func listBefore(_ i: Int, _ tokens: [Token], _ mentions: [Mention]) -> [Mention] {
        var list: [Mention] = []
        var k = i
        // The list may be the subject of a verb that governs the clause: "A and B said they…".
        while k > 0, k - i > -4, tokens[k - 1].isWord, !mentions.contains(where: { $0.end == k }) { k -= 1 }
        while let m = mentions.last(where: { $0.end == k && $0.kind != .person && !$0.locative }) {
            list.insert(m, at: 0)
            k = m.start
            while k > 0, [",", "and", "the"].contains(tokens[k - 1].lower) { k -= 1 }
        }
        return list
    }

    private func addPronounsAndGroups(_ tokens: [Token], memory: ArticleMemory, into out: inout [Mention]) {
        var i = 0
        let covered = out.map { ($0.start, $0.end) }
        func free(_ s: Int, _ e: Int) -> Bool { !covered.contains { $0.0 < e && s < $0.1 } }
        /// The actor a pronoun or phrase refers to, placed where the phrase stands.
        func refer(_ antecedent: Mention, _ start: Int, _ end: Int) {
            var m = antecedent
            m.start = start
            m.end = end
            m.locative = false
            out.append(m)
        }
        while i < tokens.count {
            let w = tokens[i].lower
            guard Self.pronounStarts.contains(w) else {
                i += 1
                continue
            }
            if let (count, length, people) = Self.group(at: i, tokens), free(i, i + length) {
                for m in Self.members(count, people: people, memory) { refer(m, i, i + length) }
                i += length
                continue
            }
            // "A, B and C said they would…": "they" after a list in the same sentence is the list.
            if w == "they", free(i, i + 1) {
                let list = Self.listBefore(i, tokens, out)
                for m in list.count >= 2 ? list : memory.lastConsult.count >= 2 ? memory.lastConsult : [] { refer(m, i, i + 1) }
                i += 1
                continue
            }
            // "the Secretary", "the minister": the last person whose title had the word.
            if w == "the", i + 1 < tokens.count, Self.lastTitledWords.contains(tokens[i + 1].lower),
                let m = memory.byTitleWord[tokens[i + 1].lower],
                free(i, i + 2),
                i + 2 >= tokens.count || !["of", "general", "-", "for"].contains(tokens[i + 2].lower)
            {
                refer(m, i, i + 2)
                i += 2
                continue
            }
            // A pronoun refers to the nearest earlier actor of its kind in the sentence, else the article's last.
            let earlier = out.filter { $0.end <= i && !$0.locative }
            let samePerson = earlier.last { $0.kind == .person }
            let sameState = earlier.last { $0.kind != .person }
            if ["he", "she", "his", "her"].contains(w), let m = samePerson ?? memory.lastPerson, free(i, i + 1) {
                refer(m, i, i + 1)
            } else if w == "them", let m = sameState, free(i, i + 1) {
                // "wrote to members of the Security Council and urged them…"
                refer(m, i, i + 1)
            } else if ["it", "its"].contains(w), let m = sameState ?? memory.lastState, free(i, i + 1) {
                refer(m, i, i + 1)
            }
            i += 1
        }
    }
}

extension Array where Element == String {
    /// ["amir", "abdollahian"] → ["amir", "-", "abdollahian"].
    fileprivate func joinedWithHyphens() -> [String] {
        var out: [String] = []
        for (k, w) in enumerated() {
            if k > 0 { out.append("-") }
            out.append(w)
        }
        return out
    }
}
