/// Splits article text into sentences. Line breaks always end a sentence; a full stop does
/// unless it ends an abbreviation ("U.S.", "Gen.", "Jan.") or an initial ("Antony J. Blinken").
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "sen", "rep", "gov", "pres",
        "prof", "st", "mt", "ft", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "corp", "ltd", "co", "jr", "sr", "u.s", "u.n", "u.k", "e.u", "etc", "approx",
        "govt", "dept", "est", "cmdr", "rev", "hon",
    ]

    static func split(_ text: String) -> [String] {
        var out: [String] = []
        for para in text.split(whereSeparator: { $0 == "\n" }) {
            splitParagraph(Substring(para), into: &out)
        }
        return out
    }

    private static func splitParagraph(_ para: Substring, into out: inout [String]) {
        let chars = Array(para)
        var start = 0
        var i = 0
        let n = chars.count
        while i < n {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < n, "\"'\u{201D}\u{2019})".contains(chars[j]) { j += 1 }
                guard j >= n || chars[j] == " " else { i += 1; continue }
                var k = j
                while k < n, chars[k] == " " { k += 1 }
                if k < n, !(chars[k].isUppercase || chars[k].isNumber || "\"'\u{201C}\u{2018}(\u{2022}".contains(chars[k])) {
                    i += 1
                    continue
                }
                if c == ".", isAbbreviation(chars, before: i) {
                    i += 1
                    continue
                }
                emit(chars[start..<j], into: &out)
                start = k
                i = k
                continue
            }
            i += 1
        }
        if start < n { emit(chars[start..<n], into: &out) }
    }

    private static func isAbbreviation(_ chars: [Character], before dot: Int) -> Bool {
        var s = dot
        while s > 0, chars[s - 1].isLetter || chars[s - 1] == "." { s -= 1 }
        let word = String(chars[s..<dot]).lowercased()
        if word.count == 1, chars[s].isUppercase { return true }  // an initial
        return abbreviations.contains(word)
    }

    private static func emit(_ slice: ArraySlice<Character>, into out: inout [String]) {
        let s = String(slice).trimmingCharactersInSet()
        if !s.isEmpty { out.append(s) }
    }
}

extension String {
    func trimmingCharactersInSet() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace || f == "\u{2022}" { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
