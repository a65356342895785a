import Feeds
import Foundation

/// How an article is recognised across polls and feeds: its feed guid, its canonical link,
/// and a hash of its text.
public struct ArticleIdentity: Sendable, Equatable {
    public var guid: String?
    public var url: String?
    public var contentHash: String

    public init(entry: FeedEntry, text: String) {
        guid = entry.id.flatMap { $0.isEmpty ? nil : $0 }
        url = entry.link.flatMap(Self.canonical)
        contentHash = Self.hash(text)
    }

    /// Lowercased scheme and host, no fragment, no tracking parameters, no trailing slash.
    static func canonical(_ link: String) -> String? {
        guard var c = URLComponents(string: link.trimmingCharacters(in: .whitespaces)), c.host != nil else { return nil }
        c.scheme = c.scheme?.lowercased()
        c.host = c.host?.lowercased()
        c.fragment = nil
        if c.scheme == "https" && c.port == 443 || c.scheme == "http" && c.port == 80 { c.port = nil }
        if let items = c.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !(n.hasPrefix("utm_") || ["fbclid", "gclid", "ref", "cmpid", "ocid"].contains(n))
            }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        if c.path.count > 1, c.path.hasSuffix("/") { c.path.removeLast() }
        return c.string
    }

    /// 64-bit FNV-1a over the text with whitespace collapsed and case folded.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var lastSpace = true
        for b in text.lowercased().utf8 {
            let space = b == 32 || b == 9 || b == 10 || b == 13
            if space && lastSpace { continue }
            lastSpace = space
            h ^= UInt64(space ? 32 : b)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }
}
