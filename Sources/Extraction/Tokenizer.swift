/// A word or punctuation mark of a sentence.
struct Token: Sendable {
    var text: String
    /// Lowercased, with typographic quotes and apostrophes made plain.
    var lower: String
    var isCapitalized: Bool
    var isWord: Bool
}

/// Splits text into tokens: words keep inner apostrophes, hyphens and abbreviation dots
/// ("U.S.", "Jong-un", "O'Brien"); a possessive "'s" is its own token.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var i = 0
        while i < n {
            let c = scalars[i]
            if isSpace(c) {
                i += 1
                continue
            }
            if isWordChar(c) {
                var j = i + 1
                while j < n {
                    let d = scalars[j]
                    if isWordChar(d) {
                        j += 1
                    } else if (d == "-" || d == "'" || d == "\u{2019}" || d == "." || d == "&"), j + 1 < n,
                        isWordChar(scalars[j + 1])
                    {
                        // "U.S" continues only when the dot joins single letters (U.S., U.N.)
                        if d == "." && !(j - i == 1 || (j >= 2 && scalars[j - 2] == ".")) { break }
                        j += 2
                    } else {
                        break
                    }
                }
                // Abbreviation final dot: "U.S." keeps its dot.
                if j < n, scalars[j] == ".", j - i >= 3, scalars[j - 2] == "." { j += 1 }
                var word = String(String.UnicodeScalarView(scalars[i..<j]))
                // Split a possessive 's.
                var possessive = false
                if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") {
                    word.removeLast(2)
                    possessive = true
                }
                out.append(make(word, isWord: true))
                if possessive { out.append(Token(text: "'s", lower: "'s", isCapitalized: false, isWord: true)) }
                i = j
                continue
            }
            out.append(make(String(Character(c)), isWord: false))
            i += 1
        }
        return out
    }

    static func make(_ s: String, isWord: Bool) -> Token {
        var lower = s.lowercased()
        if lower.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" }) {
            lower = lower.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        }
        let cap = s.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        return Token(text: s, lower: lower, isCapitalized: cap, isWord: isWord)
    }

    /// The lowercased words of a dictionary phrase.
    static func words(_ phrase: String) -> [String] {
        tokens(phrase).map(\.lower)
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{00A0}" || c == "\u{2009}" || c == "\u{202F}"
    }

    @inline(__always) static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return c.properties.isAlphabetic
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
