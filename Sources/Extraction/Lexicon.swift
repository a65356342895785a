import Foundation

/// The extractor's dictionaries: actors, titles, frames (triggers and their roles), status cues and topics.
/// Built from the plain-text dictionaries in `Dictionaries/` (compiled in by the EmbedDictionaries
/// plugin), extended by the user's `[[actors]]` and dictionary directory.
public struct Lexicon: Sendable {
    enum Kind: Sendable, Equatable {
        case country(code: String)
        case demonym(code: String)
        case seat(code: String)  // capital or seat of government: acts for the state, or locates
        case place(code: String)  // locates only
        case body(code: String)
        case person(index: Int)
        case title(office: String, generic: Bool)
        case honorific
    }

    struct Entry: Sendable {
        var words: [String]
        var kind: Kind
        var surface: String
        /// Proper names need a capital letter in the text ("US" is not "us").
        var needsCapital: Bool
        /// A short all-capital form ("US", "UN") that must be written so.
        var allCaps: Bool

        /// A known person's name: its first word may begin someone else's ("Gabriel" Boric, not Attal).
        var isPersonName: Bool {
            if case .person = kind { return true }
            return false
        }
    }

    struct Office: Sendable {
        var code: String
        var office: String
        var from: Int  // day number
        var to: Int?
    }

    struct Person: Sendable {
        var name: String
        var code: String
        var offices: [Office]
    }

    var names: [String: [Entry]] = [:]  // keyed by the first word, lowercased
    var people: [Person] = []
    var countryNames: [String: String] = [:]  // code -> canonical name
    /// A body's canonical name by any of its names ("Security Council" → "UN Security Council").
    var bodyNames: [String: String] = [:]
    /// Canonical names of states and bodies: a participant with another name is a person.
    var actorNames: Set<String> = []
    var multilateral: Set<String> = []
    /// Topic labels in lexicon order, and their keywords as word sequences keyed by first word.
    var topicLabels: [String] = []
    var topicIndex: [String: [(words: [String], label: Int)]] = [:]
    /// Event frames and status cues read on the dependency tree (`frames.txt`, `status.txt`).
    var frameBook = FrameBook(frames: "", status: "")
    /// Words of proper names, lowercased (`nameWords(_:)`), which the parser tags as proper nouns.
    var nameWords: Set<String> = []

    /// The built-in dictionaries.
    public static let builtIn = Lexicon()

    /// The names of the dictionaries (`Sources/Extraction/Dictionaries/NAME.txt`); a user's
    /// dictionary directory may hold files of the same names, in the same format, to add to them.
    public static let dictionaryNames = [
        "countries", "places", "bodies", "people", "titles", "honorifics", "topics",
        "frames", "verbs", "evaluations", "status",
    ]

    /// A user-defined actor (from the `[[actors]]` config tables).
    public struct ExtraActor: Sendable, Equatable {
        public var name: String
        public var country: String
        public var aliases: [String]
        public var title: String?
        public init(name: String, country: String, aliases: [String] = [], title: String? = nil) {
            self.name = name
            self.country = country
            self.aliases = aliases
            self.title = title
        }
    }

    /// The codes of the built-in states and bodies, each with its canonical name ("CHN": "China").
    /// Read from the two small files alone, so a config check does not build the whole lexicon.
    public static let actorCodes: [String: String] = {
        var codes: [String: String] = [:]
        for name in ["countries", "bodies"] {
            for line in lines(embeddedDictionaries[name] ?? "") {
                let f = fields(line)
                guard f.count >= 2, codes[f[0]] == nil, let first = list(f[1]).first else { continue }
                codes[f[0]] = first
            }
        }
        return codes
    }()

    /// The built-in dictionaries, plus the user's actors and dictionary files (name → contents).
    public init(extraActors: [ExtraActor] = [], extraDictionaries: [String: String] = [:]) {
        func dictionary(_ name: String) -> String {
            (Self.embeddedDictionaries[name] ?? "") + "\n" + (extraDictionaries[name] ?? "")
        }
        for line in Self.lines(dictionary("countries")) {
            let f = Self.fields(line)
            guard f.count >= 4 else { continue }
            let code = f[0]
            let names = Self.list(f[1])
            countryNames[code] = names.first
            actorNames.formUnion(names.prefix(1))
            for n in names { add(n, .country(code: code)) }
            for d in Self.list(f[2]) { add(d, .demonym(code: code)) }
            for s in Self.list(f[3]) { add(s, .seat(code: code)) }
        }
        for line in Self.lines(dictionary("places")) {
            let f = Self.fields(line)
            guard f.count >= 2 else { continue }
            for p in Self.list(f[1]) { add(p, .place(code: f[0])) }
        }
        for line in Self.lines(dictionary("bodies")) {
            let f = Self.fields(line)
            guard f.count >= 2 else { continue }
            let names = Self.list(f[1])
            if countryNames[f[0]] == nil { countryNames[f[0]] = names.first }
            if f.count > 2, f[2] == "multilateral" { multilateral.insert(f[0]) }
            for n in names {
                add(n, .body(code: f[0]))
                bodyNames[n] = names.first
            }
            actorNames.formUnion(names.prefix(1))
        }
        var personIndex: [String: Int] = [:]
        for line in Self.lines(dictionary("people")) {
            let f = Self.fields(line)
            guard f.count >= 5 else { continue }
            let office = Office(code: f[1], office: f[2], from: Self.officeDay(f[3]) ?? 0, to: Self.officeDay(f[4]))
            if let i = personIndex[f[0]] {
                people[i].offices.append(office)
                continue
            }
            let i = people.count
            personIndex[f[0]] = i
            people.append(Person(name: f[0], code: f[1], offices: [office]))
            add(f[0], .person(index: i))
            if f.count > 5 { for a in Self.list(f[5]) { add(a, .person(index: i)) } }
        }
        for actor in extraActors {
            let i = people.count
            people.append(Person(name: actor.name, code: actor.country, offices: []))
            add(actor.name, .person(index: i))
            for a in actor.aliases { add(a, .person(index: i)) }
        }
        for line in Self.lines(dictionary("titles")) {
            let f = Self.fields(line)
            guard f.count >= 2 else { continue }
            let generic = f[0].hasSuffix("*")
            let office = generic ? String(f[0].dropLast()) : f[0]
            for p in Self.list(f[1]) { add(p, .title(office: office, generic: generic), capital: false) }
        }
        // Honorifics come before names ("Gen. Zhang", "General David Petraeus"); a word that is
        // already a title ("president") stays a title.
        for h in Self.lines(dictionary("honorifics")).flatMap({ Self.list(String($0)) }) {
            let words = Tokenizer.words(h)
            let isTitle =
                names[words.first ?? ""]?.contains { e in
                    if case .title = e.kind { return e.words == words }
                    return false
                } ?? false
            if !isTitle { add(h, .honorific) }
        }
        for line in Self.lines(dictionary("topics")) {
            let f = Self.fields(line)
            guard f.count >= 2 else { continue }
            let label = topicLabels.count
            topicLabels.append(f[0])
            for k in Self.list(f[1]) {
                let words = Tokenizer.words(k)
                guard let first = words.first else { continue }
                topicIndex[first, default: []].append((words, label))
            }
        }
        for (k, v) in names { names[k] = v.sorted { $0.words.count > $1.words.count } }
        frameBook = FrameBook(
            frames: dictionary("frames"), verbs: dictionary("verbs"), evaluations: dictionary("evaluations"), status: dictionary("status"))
        nameWords = Self.nameWords(names)
    }

    /// The lowercase words of the names of states, seats, places, bodies and people, for the
    /// tagger: a capitalised one is a proper noun. Words that are also demonyms, titles or
    /// honorifics ("Russian" of "Russian Federation", "President") keep the tagger's reading.
    static func nameWords(_ names: [String: [Entry]]) -> Set<String> {
        var out: Set<String> = []
        var other: Set<String> = []
        for entries in names.values {
            for e in entries {
                switch e.kind {
                case .country, .seat, .place, .body, .person:
                    guard e.needsCapital else { continue }
                    for w in e.words where w.count > 1 && w.allSatisfy(\.isLetter) { out.insert(w) }
                case .demonym, .title, .honorific:
                    other.formUnion(e.words)
                }
            }
        }
        return out.subtracting(other)
    }

    private mutating func add(_ surface: String, _ kind: Kind, capital: Bool = true) {
        let words = Tokenizer.words(surface)
        guard let first = words.first else { return }
        let allCaps = surface.count <= 4 && surface == surface.uppercased()
        names[first, default: []].append(Entry(words: words, kind: kind, surface: surface, needsCapital: capital, allCaps: allCaps))
    }

    func name(of code: String) -> String { countryNames[code] ?? code }

    /// A quick necessary condition for any development: the text names at least two states,
    /// bodies or known people of different states, or one multilateral body. Every actor the
    /// extractor can find starts with a capitalised dictionary word, so a text that fails cannot
    /// yield one. Multi-word names ("United States") must match whole.
    public func mayHoldDevelopment(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var codes = Set<String>()
            var pending: [(entry: Entry, next: Int)] = []
            var i = 0
            let n = bytes.count
            while i < n {
                // The next word: letters, digits, dots and hyphens ("U.S.", "Jong-un").
                while i < n, !Self.isWordByte(bytes[i]) { i += 1 }
                let start = i
                while i < n, Self.isWordByte(bytes[i]) { i += 1 }
                guard i > start else { break }
                let first = bytes[start]
                let capitalized = (first >= 0x41 && first <= 0x5A) || first >= 0xC0
                // Lowercase words matter only to a multi-word name under way ("United States").
                guard capitalized || !pending.isEmpty else { continue }
                var end = i
                // Keep "U.S." whole but drop a sentence's full stop.
                if bytes[end - 1] == 0x2E, end - start > 1, !bytes[start..<(end - 1)].contains(0x2E) { end -= 1 }
                let word = String(unsafeUninitializedCapacity: end - start) { buffer in
                    for k in start..<end {
                        let c = bytes[k]
                        buffer[k - start] = c >= 0x41 && c <= 0x5A ? c + 32 : c
                    }
                    return end - start
                }
                if !pending.isEmpty {
                    var still: [(entry: Entry, next: Int)] = []
                    for p in pending where p.entry.words[p.next] == word {
                        if p.next + 1 == p.entry.words.count {
                            if add(p.entry, to: &codes) { return true }
                        } else {
                            still.append((p.entry, p.next + 1))
                        }
                    }
                    pending = still
                }
                guard capitalized, let entries = names[word] else { continue }
                for e in entries {
                    if e.words.count == 1 {
                        if add(e, to: &codes) { return true }
                    } else if e.words[0] != "the" {
                        pending.append((e, 1))
                    }
                }
            }
            return false
        }
    }

    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 || b == 0x2E || b == 0x2D
    }

    /// Counts an entry's state or body; true once the text is worth extracting.
    private func add(_ e: Entry, to codes: inout Set<String>) -> Bool {
        let code: String
        switch e.kind {
        case .country(let c), .demonym(let c), .seat(let c), .body(let c): code = c
        case .person(let i): code = people[i].code
        default: return false
        }
        if multilateral.contains(code) { return true }
        codes.insert(code)
        return codes.count >= 2
    }

    /// Who held `office` for `code` on `day`.
    func holder(code: String, office: String, day: Int) -> Int? {
        for (i, p) in people.enumerated() {
            for o in p.offices where o.code == code && o.office == office {
                if o.from <= day, day < (o.to ?? Int.max) { return i }
            }
        }
        return nil
    }

    /// A day of taking or leaving office: `YYYY-MM-DD`, or `YYYY-MM` (its first day) when the
    /// record gives only the month.
    static func officeDay(_ s: String) -> Int? {
        if let d = CalendarDay(iso: s) { return d.dayNumber }
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return CalendarDay(year: y, month: m, day: 1).dayNumber
    }

    /// The data lines of a dictionary: blank lines and `#` comments dropped.
    static func lines(_ s: String) -> [Substring] {
        s.split(separator: "\n").filter {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
    }

    static func fields(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    static func list(_ s: String) -> [String] {
        s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
