/// Lemmas from suffix rules learned per Penn tag ("-ies" NNS → "-y", "-ing" VBG → "") and the
/// treebank words the rules get wrong ("was" VBD → "be"). Lowercase except proper nouns. Works
/// on UTF-8 bytes; lookups hash the bytes, so only the lemma itself is allocated.
struct Lemmatizer: Sendable {
    struct Rule: Sendable, Hashable {
        /// Bytes to remove from the end, and what to put there.
        var strip: Int
        var append: String
    }

    static let longestSuffix = 5
    /// "base\tXPOS" → lemma.
    let exceptions: [String: String]
    /// "XPOS\tsuffix" → rule.
    let rules: [String: Rule]
    private let exceptionIndex: HashIndex<String>
    private let ruleIndex: HashIndex<Rule>

    init(exceptions: [String: String], rules: [String: Rule]) {
        self.exceptions = exceptions
        self.rules = rules
        exceptionIndex = HashIndex(exceptions.map { (Self.hash($0.key), $0.value) })
        ruleIndex = HashIndex(rules.map { (Self.hash($0.key), $0.value) })
    }

    /// FNV-1a of `a`, a tab, and `b` ASCII-lowercased: the hash of the table key "a\tb".
    private static func hash<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in a { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ 9) &* 0x0000_0100_0000_01B3
        for c in b { h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private static func hash(_ key: String) -> UInt64 {
        let bytes = Array(key.utf8)
        let tab = bytes.firstIndex(of: 9) ?? bytes.count
        return hash(bytes[..<tab], bytes[min(tab + 1, bytes.count)...])
    }

    /// The bytes rules work on: the form, ASCII-lowercased unless a proper noun.
    static func base(_ form: String, upos: String) -> [UInt8] {
        upos == "PROPN" ? Array(form.utf8) : form.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// The lemma; the bytes of `base(form, upos:)` go in a buffer on the stack.
    func lemma(_ form: String, upos: String, xpos: String) -> String {
        let proper = upos == "PROPN"
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: form.utf8.count) { buffer in
            for (i, c) in form.utf8.enumerated() { buffer[i] = !proper && c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            let base = UnsafeBufferPointer(buffer)
            if let e = exceptionIndex[Self.hash(base, xpos.utf8)] { return e }
            return apply(base, xpos: xpos.utf8)
        }
    }

    func apply<C: Collection<UInt8>>(_ base: UnsafeBufferPointer<UInt8>, xpos: C) -> String {
        for length in stride(from: min(Self.longestSuffix, base.count), through: 0, by: -1) {
            if let rule = ruleIndex[Self.hash(xpos, base[(base.count - length)...])], rule.strip < base.count {
                return String(decoding: base[..<(base.count - rule.strip)], as: UTF8.self) + rule.append
            }
        }
        return String(decoding: base, as: UTF8.self)
    }

    /// Learns rules and exceptions from the treebank's (form, lemma, UPOS, XPOS).
    static func learn(_ sentences: [TreebankSentence]) -> Lemmatizer {
        var counts: [String: [Rule: Int]] = [:]
        var lemmas: [String: [String: Int]] = [:]
        for s in sentences {
            for i in 0..<s.count where s.lemmas[i] != "_" {
                let base = Self.base(s.forms[i], upos: s.upos[i])
                let rule = Self.rule(from: base, to: Array(s.lemmas[i].utf8))
                lemmas[String(decoding: base, as: UTF8.self) + "\t" + s.xpos[i], default: [:]][s.lemmas[i], default: 0] += 1
                guard rule.strip <= min(longestSuffix, base.count) else { continue }
                for length in rule.strip...min(longestSuffix, base.count) {
                    let key =
                        s.xpos[i] + "\t"
                        + String(decoding: base[(base.count - length)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                    counts[key, default: [:]][rule, default: 0] += 1
                }
            }
        }
        var rules: [String: Rule] = [:]
        for (key, byRule) in counts {
            let total = byRule.values.reduce(0, +)
            let suffixLength =
                key.utf8.count - (key.utf8.firstIndex(of: 9).map { key.utf8.distance(from: key.utf8.startIndex, to: $0) + 1 } ?? 0)
            if total < 2 && suffixLength > 1 { continue }
            rules[key] =
                byRule.max { a, b in
                    if a.value != b.value { return a.value < b.value }
                    return a.key.strip != b.key.strip ? a.key.strip > b.key.strip : a.key.append > b.key.append
                }!.key
        }
        let ruled = Lemmatizer(exceptions: [:], rules: rules)
        var exceptions: [String: String] = [:]
        for (key, byLemma) in lemmas {
            let best = byLemma.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
            let lemma = Array(parts[0].utf8).withUnsafeBufferPointer { ruled.apply($0, xpos: parts[1].utf8) }
            if lemma != best { exceptions[key] = best }
        }
        return Lemmatizer(exceptions: exceptions, rules: rules)
    }

    static func rule(from base: [UInt8], to lemma: [UInt8]) -> Rule {
        var p = 0
        while p < base.count && p < lemma.count && base[p] == lemma[p] { p += 1 }
        return Rule(strip: base.count - p, append: String(decoding: lemma[p...], as: UTF8.self))
    }
}
