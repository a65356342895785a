import Foundation

/// Parses feed dates: RFC 822/1123 and their common variants, RFC 3339 / ISO 8601 / W3CDTF.
/// A missing time zone is taken as UTC. Returns nil for text that holds no date.
public enum DateParser {
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmed
        guard let first = s.utf8.first else { return nil }
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), let d = parseISO(Array(s.utf8)) {
            return d
        }
        return parseRFC822(s)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Double, offset: Int) -> Date? {
        guard (1...12).contains(mo), (1...31).contains(d), (0...24).contains(h), (0...59).contains(mi), s < 61 else {
            return nil
        }
        let days = daysFromCivil(y, mo, d)
        let secs = Double(days * 86400 + h * 3600 + mi * 60 - offset) + s
        return Date(timeIntervalSince1970: secs)
    }

    // MARK: ISO 8601 / RFC 3339

    private static func parseISO(_ b: [UInt8]) -> Date? {
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            if i < b.count, b[i] == c { i += 1; return true }
            return false
        }
        guard let y = num(4) else { return nil }
        var mo = 1, d = 1, h = 0, mi = 0
        var sec = 0.0
        var offset = 0
        if skip(45) {  // -
            guard let m = num(2) else { return nil }
            mo = m
            if skip(45) {
                guard let dd = num(2) else { return nil }
                d = dd
            }
        } else if i < b.count {
            // Compact form 20230618
            guard let m = num(2), let dd = num(2) else { return nil }
            mo = m
            d = dd
        }
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 32 {
            i += 1
            guard let hh = num(2) else { return nil }
            h = hh
            _ = skip(58)
            guard let mm = num(2) else { return nil }
            mi = mm
            if skip(58) {
                guard let ss = num(2) else { return nil }
                sec = Double(ss)
                if skip(46) || skip(44) {
                    var frac = 0.0, scale = 0.1
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        frac += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    sec += frac
                }
            }
            while i < b.count, b[i] == 32 { i += 1 }
            if i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                    i += 1
                } else if c == 43 || c == 45 {  // + -
                    i += 1
                    guard let oh = num(2) else { return nil }
                    _ = skip(58)
                    let om = num(2) ?? 0
                    offset = (oh * 3600 + om * 60) * (c == 45 ? -1 : 1)
                } else {
                    let rest = String(decoding: b[i...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    if let z = zones[rest.uppercased()] { offset = z * 3600 }
                }
            }
        }
        return make(y, mo, d, h, mi, sec, offset: offset)
    }

    // MARK: RFC 822 and variants

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
        "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "IST": 5,
        "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "A": -1, "M": -12, "N": 1, "Y": 12,
    ]

    private static func parseRFC822(_ s: String) -> Date? {
        let tokens = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        var day: Int?, month: Int?, year: Int?
        var h = 0, mi = 0
        var sec = 0.0
        var offset: Int?
        for raw in tokens {
            let t = raw.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let lower = t.lowercased()
            if month == nil, lower.count >= 3, let m = months[String(lower.prefix(3))], lower.allSatisfy(\.isLetter) {
                month = m
                continue
            }
            if t.utf8.contains(0x3A) {
                var clock = t
                var zoneSuffix: String?
                if let idx = clock.firstIndex(where: { $0 == "+" || $0 == "-" || $0.isLetter }) {
                    zoneSuffix = String(clock[idx...])
                    clock = String(clock[..<idx])
                }
                let parts = clock.split(separator: ":")
                guard parts.count >= 2, let hh = Int(parts[0]), let mm = Int(parts[1]) else { return nil }
                h = hh
                mi = mm
                if parts.count > 2 { sec = Double(parts[2]) ?? 0 }
                if let z = zoneSuffix { offset = zoneOffset(z) }
                continue
            }
            if t.hasPrefix("+") || (t.hasPrefix("-") && t.count > 1) {
                if offset == nil { offset = zoneOffset(t) }
                continue
            }
            if let n = Int(t) {
                if day == nil, n >= 1, n <= 31, t.count <= 2 {
                    day = n
                } else if year == nil {
                    year = t.count <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n
                }
                continue
            }
            if offset == nil, let z = zoneOffset(t) { offset = z }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        return make(y, m, d, h, mi, sec, offset: offset ?? 0)
    }

    private static func zoneOffset(_ t: String) -> Int? {
        if let f = t.first, f == "+" || f == "-" {
            let digits = t.dropFirst().filter(\.isNumber)
            guard digits.count == 4 || digits.count == 2, let v = Int(digits) else { return nil }
            let hh = digits.count == 4 ? v / 100 : v
            let mm = digits.count == 4 ? v % 100 : 0
            return (hh * 3600 + mm * 60) * (f == "-" ? -1 : 1)
        }
        if let z = zones[t.uppercased()] { return z * 3600 }
        return nil
    }
}
