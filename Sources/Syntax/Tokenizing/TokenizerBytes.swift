/// Byte-level character classes and word lists for `Tokenizer`.
enum Bytes {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "inc", "co", "corp", "ltd", "gen", "lt", "rev", "sept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "ft", "mt", "prof", "sen", "rep", "gov", "pres", "capt", "col",
        "sgt", "approx", "dept", "est", "fig", "al", "ave", "blvd", "cf", "messrs", "adm", "maj", "brig", "cmdr",
        "gov't", "univ", "assn", "bros", "no", "nos", "vol", "pp", "ed",
    ]
    static let hyphenPrefixes: Set<String> = [
        "e", "non", "pre", "anti", "re", "mid", "post", "co", "over", "pro", "multi", "ex", "sub", "semi", "neo", "cross",
        "vice", "un", "socio", "micro", "intra", "inter", "counter", "ultra", "mega", "bi", "tri", "de", "pseudo",
    ]
    /// Words the treebank splits at a fixed place: "cannot" as "can" + "not", "gonna" as "gon" + "na".
    static let fixedSplits: [String: Int] = [
        "cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3,
        "cant": 2, "wont": 2, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "arent": 3, "werent": 4, "havent": 4,
        "thats": 4, "theres": 5,
    ]
    static let clitics: Set<String> = ["s", "m", "d", "ll", "re", "ve"]

    static func space(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x8B || b[i + 2] == 0xAF || b[i + 2] == 0xA8) {
            return 3
        }
        if c == 0xE3 && i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return 3 }
        return 0
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    /// ASCII letters and digits, and any non-ASCII byte (letters of other scripts).
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) || c >= 0x80 }

    /// The width of a 3-byte punctuation sequence E2 80 xx at `i` whose last byte is in `last`, or 0.
    private static func e280(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ last: [UInt8]) -> Int {
        i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && last.contains(b[i + 2]) ? 3 : 0
    }

    static func isRightSingleQuote(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= 0 && e280(b, i, [0x99]) == 3
    }

    /// Width of an opening mark at `i`: ( [ { < " ` * “ ‘ « and a dash not before a digit.
    static func isOpening(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch b[i] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"), UInt8(ascii: "\""),
            UInt8(ascii: "`"), UInt8(ascii: "*"):
            return 1
        case UInt8(ascii: "-"):
            return i + 1 < b.count && isDigit(b[i + 1]) ? 0 : 1
        case 0xC2:
            return i + 1 < b.count && b[i + 1] == 0xAB ? 2 : 0
        default:
            return e280(b, i, [0x9C, 0x98, 0x93, 0x94, 0xA6])
        }
    }

    /// Width of the closing mark that ends at `z`, or nil.
    static func closingMark(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Int? {
        switch b[z - 1] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "]"),
            UInt8(ascii: "}"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "*"), UInt8(ascii: "%"),
            UInt8(ascii: "-"):
            return 1
        case 0xBB where z - 2 >= a && b[z - 2] == 0xC2:
            return 2
        default:
            return z - 3 >= a && e280(b, z - 3, [0x9D, 0xA6, 0x93, 0x94]) == 3 ? 3 : nil
        }
    }

    /// The width of a run of the mark of width `w` at `a` (never the whole of a..<z).
    static func run(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int, width w: Int) -> Int {
        var e = a + w
        while e + w < z && equal(b, a, e, w) { e += w }
        return e - a
    }

    static func equal(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int, _ w: Int) -> Bool {
        for k in 0..<w where b[i + k] != b[j + k] { return false }
        return true
    }

    /// Width of punctuation at `p` inside a word that splits it: brackets, quotes, ; ! ?, "--", "..",
    /// and a comma or colon not between digits. 0 when `p` does not split.
    static func innerSplit(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int, _ p: Int) -> Int {
        let c = b[p]
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: ";"):
            return 1
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            var e = p + 1
            while e < z && (b[e] == UInt8(ascii: "!") || b[e] == UInt8(ascii: "?")) { e += 1 }
            return e - p
        case UInt8(ascii: ","), UInt8(ascii: ":"):
            let between = p > a && p + 1 < z && isDigit(b[p - 1]) && isDigit(b[p + 1])
            return between ? 0 : 1
        case UInt8(ascii: "-"), UInt8(ascii: "."):
            var e = p + 1
            while e < z && b[e] == c { e += 1 }
            return e - p >= 2 ? e - p : 0
        default:
            return e280(b, p, [0x9C, 0x9D, 0xA6, 0x94])
        }
    }

    /// The lowercased ASCII text of a..<z, or nil when longer than `limit` bytes.
    static func lower(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int, limit: Int = 8) -> String? {
        if z - a > limit || z <= a { return nil }
        var s = [UInt8]()
        s.reserveCapacity(z - a)
        for k in a..<z { s.append(isLetter(b[k]) ? b[k] | 0x20 : b[k]) }
        return String(decoding: s, as: UTF8.self)
    }

    static func isClitic(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Bool {
        guard let s = lower(b, a, z, limit: 2) else { return false }
        return clitics.contains(s) || s == "t"
    }

    /// "U.S", "e.g", a capital initial, or a listed abbreviation (the final period removed).
    static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ s: Int) -> Bool {
        if s - a == 1 { return b[a] >= 0x41 && b[a] <= 0x5A }
        var segment = 0
        var dotted = false
        var letters = true
        for k in a..<s {
            if b[k] == UInt8(ascii: ".") {
                dotted = true
                if segment == 0 || segment > 2 { letters = false }
                segment = 0
            } else if isLetter(b[k]) {
                segment += 1
            } else {
                letters = false
            }
        }
        if dotted && letters && segment > 0 && segment <= 2 { return true }
        guard let word = lower(b, a, s) else { return false }
        if word == "no" { return b[a] == UInt8(ascii: "N") }
        return abbreviations.contains(word)
    }

    static func isURLOrEmail(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Bool {
        let n = z - a
        func starts(_ p: String) -> Bool {
            let u = Array(p.utf8)
            if n <= u.count { return false }
            for k in 0..<u.count where (isLetter(b[a + k]) ? b[a + k] | 0x20 : b[a + k]) != u[k] { return false }
            return true
        }
        if starts("http://") || starts("https://") || starts("www.") { return true }
        var at = -1
        for k in a..<z where b[k] == UInt8(ascii: "@") { at = k }
        if at > a && at < z - 3 && isAlnum(b[at - 1]) {
            for k in (at + 1)..<(z - 1) where b[k] == UInt8(ascii: ".") && isLetter(b[k + 1]) { return true }
        }
        return false
    }

    /// Whether a..<z is one mark repeated ("--", "!!!", "**"), which stays one token.
    static func isRepeatedMark(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Bool {
        let c = b[a]
        if c >= 0x80 || isAlnum(c) { return false }
        for k in a..<z where b[k] != c { return false }
        return true
    }

    static func isTrailingURLPunctuation(_ c: UInt8) -> Bool {
        ".,;:!?)]>\"'".utf8.contains(c)
    }

    /// Width of a pound, euro or yen sign at `i`, or 0.
    static func currencyWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if i + 1 < b.count && b[i] == 0xC2 && (b[i + 1] == 0xA3 || b[i + 1] == 0xA5) { return 2 }
        if i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x82 && b[i + 2] == 0xAC { return 3 }
        return 0
    }

    static func fixedSplit(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Int? {
        guard z - a >= 4, let word = lower(b, a, z), let cut = fixedSplits[word] else { return nil }
        return a + cut
    }

    /// Where a final clitic starts: the apostrophe of "'s" "'m" "'d" "'ll" "'re" "'ve", the n of "n't".
    static func cliticStart(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> Int? {
        for length in 1...2 {
            for w in [1, 3] {
                let q = z - length - w
                guard q > a else { continue }
                let apostrophe = w == 1 ? b[q] == UInt8(ascii: "'") : isRightSingleQuote(b, q)
                guard apostrophe, let suffix = lower(b, q + w, z, limit: 2) else { continue }
                if clitics.contains(suffix) { return q }
                if suffix == "t" && q - 1 > a && (b[q - 1] | 0x20) == UInt8(ascii: "n") { return q - 1 }
            }
        }
        return nil
    }

    /// Whether the hyphen at `p` stays inside the word: after a prefix ("e-mail", "non-stop") or in a
    /// number like a phone number ("713-853-3989").
    static func keepsHyphen(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ p: Int, _ z: Int) -> Bool {
        if let left = lower(b, start, p), hyphenPrefixes.contains(left) { return true }
        var digits = true
        for k in start..<p where !isDigit(b[k]) && b[k] != UInt8(ascii: "-") { digits = false }
        return digits && p - start >= 3 && isDigit(b[p + 1])
    }
}
