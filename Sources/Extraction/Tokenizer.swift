/// A word or punctuation mark of a sentence.
struct Token: Sendable {
    var text: String
    /// Lowercased, with typographic apostrophes made plain.
    var lower: String
    var isCapitalized: Bool
    var isWord: Bool
}

/// Splits text into tokens: words keep inner apostrophes, hyphens and abbreviation dots
/// ("U.S.", "Jong-un", "O'Brien"); a possessive "'s" is its own token. Works on UTF-8 bytes,
/// with a slow path only for words that contain non-ASCII letters.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var out: [Token] = []
        out.reserveCapacity(n / 5)
        var i = 0
        while i < n {
            let width = space(bytes, i)
            if width > 0 {
                i += width
                continue
            }
            let punct = punctuation(bytes, i)
            if punct > 0 {
                let s = String(decoding: bytes[i..<(i + punct)], as: UTF8.self)
                out.append(Token(text: s, lower: s, isCapitalized: false, isWord: false))
                i += punct
                continue
            }
            // A word: letters and digits, joined by - ' ’ . & when a letter or digit follows.
            var j = i + wordChar(bytes, i)
            while j < n {
                let w = wordChar(bytes, j)
                if w > 0 {
                    j += w
                    continue
                }
                let c = bytes[j]
                let joinerWidth = (c == 0x2D || c == 0x27 || c == 0x26) ? 1 : isRightQuote(bytes, j) ? 3 : c == 0x2E ? 1 : 0
                guard joinerWidth > 0, j + joinerWidth < n, wordChar(bytes, j + joinerWidth) > 0 else { break }
                // A dot joins only single letters: "U.S", not "end.Next".
                if c == 0x2E, !(j - i == 1 || (j >= 2 && bytes[j - 2] == 0x2E)) { break }
                j += joinerWidth + wordChar(bytes, j + joinerWidth)
            }
            // "U.S." keeps its final dot.
            if j < n, bytes[j] == 0x2E, j - i >= 3, bytes[j - 2] == 0x2E { j += 1 }
            var end = j
            var possessive = false
            if end - i > 2, bytes[end - 1] == 0x73 || bytes[end - 1] == 0x53 {  // s
                if bytes[end - 2] == 0x27 {
                    end -= 2
                    possessive = true
                } else if end - i > 4, bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 {
                    end -= 4
                    possessive = true
                }
            }
            out.append(word(bytes, i, end))
            if possessive { out.append(Token(text: "'s", lower: "'s", isCapitalized: false, isWord: true)) }
            i = j
        }
        return out
    }

    private static func word(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Token {
        let slice = bytes[a..<b]
        let text = String(decoding: slice, as: UTF8.self)
        if slice.allSatisfy({ $0 < 0x80 }) {
            let isCapitalized = bytes[a] >= 0x41 && bytes[a] <= 0x5A
            // Most words are lowercase already: they share the text.
            guard slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else {
                return Token(text: text, lower: text, isCapitalized: isCapitalized, isWord: true)
            }
            let lower = String(unsafeUninitializedCapacity: b - a) { buffer in
                for (k, c) in slice.enumerated() { buffer[k] = c >= 0x41 && c <= 0x5A ? c + 32 : c }
                return b - a
            }
            return Token(text: text, lower: lower, isCapitalized: isCapitalized, isWord: true)
        }
        var lower = text.lowercased()
        if lower.unicodeScalars.contains(where: { $0 == "\u{2019}" }) {
            lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
        }
        let cap = text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        return Token(text: text, lower: lower, isCapitalized: cap, isWord: true)
    }

    /// The lowercased words of a dictionary phrase.
    static func words(_ phrase: String) -> [String] {
        tokens(phrase).map(\.lower)
    }

    /// Width of a whitespace character at `i` (space, tab, newline, no-break and thin spaces), else 0.
    @inline(__always) static func space(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x89 || b[i + 2] == 0xAF || b[i + 2] == 0x8B { return 3 }
        return 0
    }

    /// Width of a punctuation character at `i` (ASCII punctuation, typographic quotes, dashes,
    /// bullets, guillemets), else 0.
    @inline(__always) static func punctuation(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return isASCIIAlnum(c) ? 0 : 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, (0x90...0xA6).contains(b[i + 2]) { return 3 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xAB || b[i + 1] == 0xBB || b[i + 1] == 0xB7 { return 2 }
        return 0
    }

    @inline(__always) static func isRightQuote(_ b: [UInt8], _ i: Int) -> Bool {
        i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x99
    }

    /// Width of a word character at `i`: an ASCII letter or digit, or any non-ASCII character that
    /// is not punctuation or space; 0 otherwise.
    @inline(__always) static func wordChar(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return isASCIIAlnum(c) ? 1 : 0 }
        if space(b, i) > 0 || punctuation(b, i) > 0 { return 0 }
        if c >= 0xF0 { return min(4, b.count - i) }
        if c >= 0xE0 { return min(3, b.count - i) }
        if c >= 0xC0 { return min(2, b.count - i) }
        return 1
    }

    @inline(__always) static func isASCIIAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}
