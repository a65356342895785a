/// One pass over a UTF-8 XML document that rewrites what libxml2's recovery would lose text over
/// (see `XMLInput`). The output is only built once something needs rewriting.
struct MarkupRepair {
    private let p: UnsafeBufferPointer<UInt8>
    private let n: Int
    private var i = 0
    private var copied = 0
    private var out: [UInt8] = []
    private var changed = false

    init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        self.n = p.count
    }

    mutating func run() {
        while i < n {
            let b = p[i]
            // Only `&`, `<` and the C0 controls other than tab, LF and CR need a look.
            if b > 0x3C || (b >= 0x20 && b != 0x26 && b != 0x3C) || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            if b == 0x26 {
                reference()
            } else if b == 0x3C {
                markup()
            } else {
                replace(count: 1, with: [0x20])
            }
        }
    }

    func finish() -> [UInt8]? {
        guard changed else { return nil }
        var result = out
        result.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n]))
        return result
    }

    /// Replaces the `count` bytes at `i` and moves past them.
    private mutating func replace(count: Int, with bytes: [UInt8]) {
        if !changed {
            changed = true
            out.reserveCapacity(n + n / 16 + 64)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
        out.append(contentsOf: bytes)
        i += count
        copied = i
    }

    private static let escapedAmpersand = Array("&#38;".utf8)
    private static let escapedLess = Array("&#60;".utf8)

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }

    /// At `&`: a named reference becomes numeric, a bare ampersand is escaped.
    private mutating func reference() {
        if i + 1 < n, p[i + 1] == 0x23 {  // "&#"
            var j = i + 2
            let hex = j < n && (p[j] == 0x78 || p[j] == 0x58)
            if hex { j += 1 }
            let digits = j
            while j < n, j - digits < 10, hex ? Self.isHex(p[j]) : (p[j] >= 48 && p[j] <= 57) { j += 1 }
            guard j > digits, j < n, p[j] == 0x3B else {
                replace(count: 1, with: Self.escapedAmpersand)
                return
            }
            if hex, p[i + 2] == 0x58 {  // "&#X41;": XML wants a lowercase x
                replace(count: 3, with: Array("&#x".utf8))
            }
            i = j + 1
            return
        }
        var j = i + 1
        while j < n, j - i <= 32, Self.isAlnum(p[j]) { j += 1 }
        guard j > i + 1, j < n, p[j] == 0x3B else {
            replace(count: 1, with: Self.escapedAmpersand)
            return
        }
        if let numeric = predefined(from: i + 1, to: j) {
            replace(count: j + 1 - i, with: numeric)
            return
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[(i + 1)..<j]), as: UTF8.self)
        if let scalar = HTMLEntities.table[name] {
            replace(count: j + 1 - i, with: Array("&#\(scalar);".utf8))
        } else {
            // An unknown name stays as it was written, as text.
            replace(count: 1, with: Self.escapedAmpersand)
        }
    }

    private static let amp = Array("&#38;".utf8), lt = Array("&#60;".utf8), gt = Array("&#62;".utf8)
    private static let quot = Array("&#34;".utf8), apos = Array("&#39;".utf8)

    /// XML's five predefined names, the common case, compared without building a string.
    private func predefined(from a: Int, to b: Int) -> [UInt8]? {
        switch b - a {
        case 2 where p[a + 1] == 0x74:  // "lt", "gt"
            return p[a] == 0x6C ? Self.lt : p[a] == 0x67 ? Self.gt : nil
        case 3 where p[a] == 0x61 && p[a + 1] == 0x6D && p[a + 2] == 0x70: return Self.amp
        case 4 where p[a] == 0x71 && p[a + 1] == 0x75 && p[a + 2] == 0x6F && p[a + 3] == 0x74: return Self.quot
        case 4 where p[a] == 0x61 && p[a + 1] == 0x70 && p[a + 2] == 0x6F && p[a + 3] == 0x73: return Self.apos
        default: return nil
        }
    }

    private func matches(_ s: StaticString, at k: Int) -> Bool {
        let len = s.utf8CodeUnitCount
        guard k + len <= n else { return false }
        let q = s.utf8Start
        for m in 0..<len where p[k + m] != q[m] { return false }
        return true
    }

    /// At `<`: markup is kept (tags with their attribute values repaired), a stray `<` escaped.
    private mutating func markup() {
        guard i + 1 < n else {
            replace(count: 1, with: Self.escapedLess)
            return
        }
        let c = p[i + 1]
        if c == 0x21 {  // "<!"
            if matches("<!--", at: i) {
                skip(until: "-->", from: i + 4)
            } else if matches("<![CDATA[", at: i) {
                skip(until: "]]>", from: i + 9)
            } else {
                declaration()
            }
        } else if c == 0x3F {  // "<?"
            skip(until: "?>", from: i + 2)
        } else if c == 0x2F || c == 0x5F || c == 0x3A || c >= 0x80 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) {
            tag()
        } else {
            replace(count: 1, with: Self.escapedLess)
        }
    }

    /// Copies up to and including `end`, only controls replaced.
    private mutating func skip(until end: StaticString, from start: Int) {
        i = start
        let first = end.utf8Start[0]
        while i < n {
            let b = p[i]
            if b == first, matches(end, at: i) {
                i += end.utf8CodeUnitCount
                return
            }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                replace(count: 1, with: [0x20])
            } else {
                i += 1
            }
        }
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets, copied as it is.
    private mutating func declaration() {
        var depth = 0
        i += 2
        while i < n {
            let b = p[i]
            i += 1
            if b == 0x5B { depth += 1 } else if b == 0x5D { depth -= 1 } else if b == 0x3E, depth <= 0 { return }
        }
    }

    /// A start or end tag up to its `>`; inside quoted attribute values references are repaired. A
    /// `<` ends the tag where it is (libxml2 recovers from that).
    private mutating func tag() {
        i += 1
        var quote: UInt8 = 0
        while i < n {
            let b = p[i]
            if quote != 0 {
                if b == quote {
                    quote = 0
                    i += 1
                } else if b == 0x26 {
                    reference()
                } else if b == 0x3C {
                    return  // more likely an unclosed quote than a "<" in a value: let libxml2 recover
                } else if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                    replace(count: 1, with: [0x20])
                } else {
                    i += 1
                }
                continue
            }
            switch b {
            case 0x22, 0x27:
                quote = b
                i += 1
            case 0x3E:
                i += 1
                return
            case 0x3C:
                return
            default:
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { replace(count: 1, with: [0x20]) } else { i += 1 }
            }
        }
    }
}
