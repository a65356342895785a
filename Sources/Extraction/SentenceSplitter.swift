/// Splits article text into sentences. Line breaks always end a sentence; a full stop does
/// unless it ends an abbreviation ("U.S.", "Gen.", "Jan.") or an initial ("Antony J. Blinken").
/// Works on UTF-8 bytes: sentence punctuation is ASCII.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "sen", "rep", "gov", "pres",
        "prof", "st", "mt", "ft", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "corp", "ltd", "co", "jr", "sr", "u.s", "u.n", "u.k", "e.u", "etc", "approx",
        "govt", "dept", "est", "cmdr", "rev", "hon",
    ]

    static func split(_ text: String) -> [String] {
        var out: [String] = []
        let bytes = Array(text.utf8)
        let n = bytes.count
        var start = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                emit(bytes, start, i, into: &out)
                start = i + 1
                i += 1
                continue
            }
            guard b == 0x2E || b == 0x21 || b == 0x3F else {  // . ! ?
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                if bytes[j] == 0x22 || bytes[j] == 0x27 || bytes[j] == 0x29 {  // " ' )
                    j += 1
                } else if j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 {  // ” ’
                    j += 3
                } else {
                    break
                }
            }
            guard j >= n || bytes[j] == 0x20 else {
                i += 1
                continue
            }
            var k = j
            while k < n, bytes[k] == 0x20 { k += 1 }
            if k < n, !startsSentence(bytes, k) || (b == 0x2E && isAbbreviation(bytes, dot: i)) {
                i += 1
                continue
            }
            emit(bytes, start, j, into: &out)
            start = k
            i = k
        }
        if start < n { emit(bytes, start, n, into: &out) }
        return out
    }

    /// An uppercase letter, a digit, an opening quote or bracket, a bullet, or a non-ASCII letter.
    private static func startsSentence(_ bytes: [UInt8], _ k: Int) -> Bool {
        let c = bytes[k]
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x22 || c == 0x27 || c == 0x28 { return true }
        return c >= 0xC0  // “ ‘ • and accented capitals
    }

    private static func isAbbreviation(_ bytes: [UInt8], dot: Int) -> Bool {
        var s = dot
        while s > 0, isASCIILetter(bytes[s - 1]) || bytes[s - 1] == 0x2E { s -= 1 }
        guard s < dot else { return false }
        if dot - s == 1, bytes[s] >= 0x41, bytes[s] <= 0x5A { return true }  // an initial
        guard dot - s <= 6 else { return false }
        let word = String(decoding: bytes[s..<dot].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return abbreviations.contains(word)
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    private static func emit(_ bytes: [UInt8], _ from: Int, _ to: Int, into out: inout [String]) {
        var a = from
        var b = to
        while a < b {
            if bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D {
                a += 1
            } else if a + 2 < b, bytes[a] == 0xE2, bytes[a + 1] == 0x80, bytes[a + 2] == 0xA2 {  // • bullet
                a += 3
            } else if a + 1 < b, bytes[a] == 0xC2, bytes[a + 1] == 0xA0 {
                a += 2
            } else {
                break
            }
        }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
        if a < b { out.append(String(decoding: bytes[a..<b], as: UTF8.self)) }
    }
}
