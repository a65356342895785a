import Foundation

/// Resolves feed links against xml:base, the feed's own link, or the URL it was fetched from.
enum URLResolver {
    static func resolve(_ link: String?, base: URL?) -> String? {
        guard let raw = link?.trimmed, !raw.isEmpty else { return nil }
        if let url = URL(string: raw), url.scheme != nil { return raw }
        guard let base, let url = URL(string: raw, relativeTo: base) else { return raw }
        return url.absoluteString
    }
}

extension StringProtocol {
    /// Without leading and trailing ASCII whitespace (and no-break spaces): a byte scan, much
    /// cheaper than Foundation's `trimmingCharacters(in:)` on the parser's hot path.
    var trimmed: String {
        let s = Substring(self)
        let u = s.utf8
        var start = u.startIndex
        var end = u.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        while start < end {
            if isSpace(u[start]) {
                start = u.index(after: start)
            } else if u[start] == 0xC2, u.index(after: start) < end, u[u.index(after: start)] == 0xA0 {
                start = u.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while end > start {
            let last = u.index(before: end)
            if isSpace(u[last]) {
                end = last
            } else if u[last] == 0xA0, last > start, u[u.index(before: last)] == 0xC2 {
                end = u.index(before: last)
            } else {
                break
            }
        }
        return String(s[start..<end])
    }
}
