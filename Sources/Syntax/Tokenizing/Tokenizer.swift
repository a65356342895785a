/// Splits a sentence into words as the UD English treebank does: punctuation apart, "n't" and "'s"
/// apart ("ca" + "n't", "do" + "n't"), "cannot" as "can" + "not", hyphenated compounds apart except
/// after common prefixes ("e-mail", "non-profit"), while URLs, e-mail addresses, numbers ("1,000.5",
/// "10:30") and abbreviations ("U.S.", "Dr.") stay whole. Works on UTF-8 bytes and returns byte ranges.
struct Tokenizer: Sendable {
    /// The byte ranges of the words of `bytes`.
    func ranges(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(bytes.count / 4 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(b: buffer, out: [])
            var i = 0
            let n = buffer.count
            while i < n {
                let width = Bytes.space(buffer, i)
                if width > 0 {
                    i += width
                    continue
                }
                var j = i
                while j < n && Bytes.space(buffer, j) == 0 { j += 1 }
                scanner.chunk(i, j)
                i = j
            }
            out = scanner.out
        }
        return out
    }

    /// The words of `sentence` with their forms and byte ranges (no tags yet).
    func tokens(_ sentence: String) -> [SyntaxToken] {
        let bytes = Array(sentence.utf8)
        return ranges(bytes).map { r in
            SyntaxToken(form: String(decoding: bytes[r], as: UTF8.self), utf8Range: r)
        }
    }
}

/// The splitting rules over one whitespace-free chunk at a time.
private struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var out: [Range<Int>]

    mutating func chunk(_ start: Int, _ end: Int) {
        if start >= end { return }
        if Bytes.isRepeatedMark(b, start, end) {
            out.append(start..<end)
            return
        }
        var a = start
        var z = end
        // Opening punctuation and currency signs.
        while a < z && !Bytes.isURLOrEmail(b, a, z) {
            let w = openingWidth(a, z)
            if w == 0 { break }
            out.append(a..<(a + w))
            a += w
        }
        if Bytes.isURLOrEmail(b, a, z) {
            while z > a + 1, Bytes.isTrailingURLPunctuation(b[z - 1]) { z -= 1 }
            out.append(a..<z)
            for k in z..<end { out.append(k..<(k + 1)) }
            return
        }
        // Closing punctuation, kept in reverse order.
        var tail: [Range<Int>] = []
        while z > a {
            let w = closingWidth(a, z)
            if w == 0 { break }
            tail.append((z - w)..<z)
            z -= w
        }
        core(a, z)
        out.append(contentsOf: tail.reversed())
    }

    /// Width of an opening mark at `a` to split off, or 0.
    private func openingWidth(_ a: Int, _ z: Int) -> Int {
        let c = b[a]
        if c == UInt8(ascii: "'") || Bytes.isRightSingleQuote(b, a) {
            let w = c == UInt8(ascii: "'") ? 1 : 3
            // "'s", "'ll", "'90s" after a space stay whole.
            if a + w < z && (Bytes.isClitic(b, a + w, z) || Bytes.isDigit(b[a + w])) { return 0 }
            return a + w < z ? w : 0
        }
        if c == UInt8(ascii: "$") || c == UInt8(ascii: "#") {
            return a + 1 < z && Bytes.isDigit(b[a + 1]) ? 1 : (a + 1 < z && Bytes.isOpening(b, a) > 0 ? 1 : 0)
        }
        let currency = Bytes.currencyWidth(b, a)
        if currency > 0 { return a + currency < z && Bytes.isDigit(b[a + currency]) ? currency : 0 }
        let w = Bytes.isOpening(b, a)
        if w == 0 || a + w >= z { return 0 }
        return Bytes.run(b, a, z, width: w)
    }

    /// Width of a closing mark ending at `z` to split off, or 0.
    private func closingWidth(_ a: Int, _ z: Int) -> Int {
        if z - a < 2 { return 0 }
        let last = b[z - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") {
            var s = z - 1
            while s > a, b[s - 1] == UInt8(ascii: ".") || b[s - 1] == UInt8(ascii: "!") || b[s - 1] == UInt8(ascii: "?") {
                s -= 1
            }
            if s == a { return 0 }
            if z - s == 1 && last == UInt8(ascii: ".") && Bytes.isAbbreviation(b, a, s) { return 0 }
            return z - s
        }
        if last == UInt8(ascii: "'") || (z - a > 3 && Bytes.isRightSingleQuote(b, z - 3)) {
            let w = last == UInt8(ascii: "'") ? 1 : 3
            return z - w > a ? w : 0
        }
        if let w = Bytes.closingMark(b, a, z) {
            var s = z - w
            // A run of the same mark ("))", "--", ">>") is one token.
            while s - w >= a + 1, Bytes.equal(b, s - w, z - w, w) { s -= w }
            return s > a ? z - s : 0
        }
        return 0
    }

    /// Splits a chunk with no outer punctuation: inner punctuation, then clitics and hyphens.
    private mutating func core(_ a: Int, _ z: Int) {
        if a >= z { return }
        var p = a
        while p < z {
            let w = Bytes.innerSplit(b, a, z, p)
            if w > 0 && !(p == a && p + w == z) {
                chunk(a, p)
                out.append(p..<(p + w))
                chunk(p + w, z)
                return
            }
            p += 1
        }
        word(a, z)
    }

    /// Clitics ("n't", "'s", "'ll", …), fixed splits ("cannot", "gonna") and hyphens.
    private mutating func word(_ a: Int, _ z: Int) {
        if let cut = Bytes.fixedSplit(b, a, z) {
            out.append(a..<cut)
            out.append(cut..<z)
            return
        }
        if let cut = Bytes.cliticStart(b, a, z), cut > a {
            hyphens(a, cut)
            out.append(cut..<z)
            return
        }
        hyphens(a, z)
    }

    private mutating func hyphens(_ a: Int, _ z: Int) {
        var start = a
        var p = a + 1
        while p < z - 1 {
            if b[p] == UInt8(ascii: "-") && Bytes.isAlnum(b[p - 1]) && Bytes.isAlnum(b[p + 1])
                && !Bytes.keepsHyphen(b, start, p, z)
            {
                out.append(start..<p)
                out.append(p..<(p + 1))
                start = p + 1
            }
            p += 1
        }
        out.append(start..<z)
    }
}
