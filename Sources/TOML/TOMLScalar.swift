/// TOML's numbers, dates and times, recognised from a bare token such as `1_000`, `0x1F`, `1e3`,
/// `inf` or `1979-05-27T07:32:00Z`.
enum TOMLScalar {
    /// An integer, or nil if the token is not one; throws if it is one but does not fit 64 bits.
    static func integer(_ token: String) throws(TOMLError) -> Int? {
        var s = Substring(token)
        var negative = false
        if let f = s.first, f == "+" || f == "-" {
            negative = f == "-"
            s = s.dropFirst()
        }
        var radix = 10
        if s.count > 2, s.hasPrefix("0x") || s.hasPrefix("0o") || s.hasPrefix("0b"), token.first != "+", token.first != "-" {
            radix = s.hasPrefix("0x") ? 16 : s.hasPrefix("0o") ? 8 : 2
            s = s.dropFirst(2)
        }
        guard let digits = undersored(s, radix: radix) else { return nil }
        if radix == 10, digits.count > 1, digits.first == "0" { return nil }
        guard let magnitude = UInt64(digits, radix: radix) else {
            throw TOMLError(line: 0, column: 0, key: "", message: "\(token) is out of the range of a 64-bit integer")
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw TOMLError(line: 0, column: 0, key: "", message: "\(token) is out of the range of a 64-bit integer")
            }
            return magnitude == UInt64(Int64.max) + 1 ? Int(Int64.min) : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else {
            throw TOMLError(line: 0, column: 0, key: "", message: "\(token) is out of the range of a 64-bit integer")
        }
        return Int(magnitude)
    }

    /// Digits of `radix` with single underscores between them, the underscores removed.
    private static func undersored(_ s: Substring, radix: Int) -> String? {
        guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else { return nil }
        var out = ""
        for c in s where c != "_" {
            guard let v = c.hexDigitValue, v < radix else { return nil }
            out.append(c)
        }
        return out.isEmpty ? nil : out
    }

    static func float(_ token: String) -> Double? {
        var s = Substring(token)
        var sign = 1.0
        if let f = s.first, f == "+" || f == "-" {
            sign = f == "-" ? -1 : 1
            s = s.dropFirst()
        }
        if s == "inf" { return sign * .infinity }
        if s == "nan" { return .nan }
        // integer part, then a fraction, an exponent or both
        let exponentAt = s.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = exponentAt.map { s[..<$0] } ?? s
        let exponent = exponentAt.map { s[s.index(after: $0)...] }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, exponent != nil || parts.count == 2 else { return nil }
        guard let whole = undersored(parts[0], radix: 10), !(whole.count > 1 && whole.first == "0") else { return nil }
        var text = whole
        if parts.count == 2 {
            guard let fraction = undersored(parts[1], radix: 10) else { return nil }
            text += "." + fraction
        }
        if var e = exponent {
            var eSign = ""
            if let f = e.first, f == "+" || f == "-" {
                eSign = String(f)
                e = e.dropFirst()
            }
            guard let digits = undersored(e, radix: 10) else { return nil }
            text += "e" + eSign + digits
        }
        return Double(text).map { sign * $0 }
    }

    /// RFC 3339 dates, times and date-times as TOML allows them.
    static func isDateTime(_ token: String) -> Bool {
        let c = Array(token.utf8)
        var i = 0
        func digits(_ n: Int) -> Bool {
            guard i + n <= c.count, c[i..<i + n].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            i += n
            return true
        }
        func literal(_ ch: UInt8) -> Bool {
            guard i < c.count, c[i] == ch else { return false }
            i += 1
            return true
        }
        func time() -> Bool {
            guard digits(2), literal(0x3A), digits(2), literal(0x3A), digits(2) else { return false }
            if literal(0x2E) {
                let start = i
                while i < c.count, (0x30...0x39).contains(c[i]) { i += 1 }
                if i == start { return false }
            }
            return true
        }
        if c.count >= 3, c[2] == 0x3A { return time() && i == c.count }
        guard digits(4), literal(0x2D), digits(2), literal(0x2D), digits(2) else { return false }
        if i == c.count { return true }
        guard i < c.count, [0x54, 0x74, 0x20].contains(c[i]) else { return false }
        i += 1
        guard time() else { return false }
        if i == c.count { return true }
        if literal(0x5A) || literal(0x7A) { return i == c.count }
        guard i < c.count, c[i] == 0x2B || c[i] == 0x2D else { return false }
        i += 1
        return digits(2) && literal(0x3A) && digits(2) && i == c.count
    }
}
