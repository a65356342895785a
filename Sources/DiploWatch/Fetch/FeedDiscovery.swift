import Feeds
import Foundation

/// Finds the feed behind a URL, as feed readers do: the URL itself if it is a feed, else the
/// first `<link rel="alternate">` of an RSS, Atom or JSON Feed type in the page, fetched and parsed.
public struct FeedDiscovery: Sendable {
    public var fetcher: any FeedFetcher

    public init(fetcher: any FeedFetcher) {
        self.fetcher = fetcher
    }

    /// What was found: the feed's URL (after any permanent move) and the parsed feed.
    public struct Found: Sendable {
        public var url: String
        public var feed: Feed
        /// The page the feed was discovered in, when the URL given was a page.
        public var page: String?
    }

    static let feedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"]

    public func discover(_ url: String) async throws(DiscoveryError) -> Found {
        let first = try await fetch(url)
        if let feed = try? FeedParser.parse(first.body, baseURL: URL(string: first.finalURL), charset: first.charset) {
            return Found(url: first.permanentURL ?? url, feed: feed)
        }
        let links = Self.alternateLinks(in: String(decoding: first.body, as: UTF8.self), base: URL(string: first.finalURL))
        guard !links.isEmpty else {
            throw DiscoveryError(
                "\(url) is neither a feed nor a page that links one (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type)")
        }
        var reasons: [String] = []
        for link in links {
            do {
                let r = try await fetch(link)
                let feed = try FeedParser.parse(r.body, baseURL: URL(string: r.finalURL), charset: r.charset)
                return Found(url: r.permanentURL ?? link, feed: feed, page: url)
            } catch let e as DiscoveryError {
                reasons.append(e.description)
            } catch {
                reasons.append("\(link): \((error as? FeedError)?.reason ?? "\(error)")")
            }
        }
        throw DiscoveryError("\(url) links feeds that do not parse: \(reasons.joined(separator: "; "))")
    }

    private func fetch(_ url: String) async throws(DiscoveryError) -> FetchResult {
        do {
            return try await fetcher.fetch(FetchRequest(url: url))
        } catch {
            throw DiscoveryError(error.description)
        }
    }

    /// The feed links of an HTML page, in document order, resolved against `base`.
    public static func alternateLinks(in html: String, base: URL?) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<link", options: .caseInsensitive) {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = Self.attributes(String(rest[open.upperBound..<close]))
            rest = rest[close...]
            let rel = (attributes["rel"] ?? "").lowercased().split(separator: " ")
            let type = (attributes["type"] ?? "").lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
            guard rel.contains("alternate"), let type, feedTypes.contains(type), let href = attributes["href"], !href.isEmpty else {
                continue
            }
            let resolved = URL(string: href.replacingOccurrences(of: "&amp;", with: "&"), relativeTo: base)?.absoluteString ?? href
            if !out.contains(resolved) { out.append(resolved) }
        }
        return out
    }

    /// `name="value"`, `name='value'` and `name=value` pairs of a tag, names lowercased.
    static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        let chars = Array(tag)
        var i = 0
        func skipSpace() { while i < chars.count, chars[i].isWhitespace || chars[i] == "/" { i += 1 } }
        while i < chars.count {
            skipSpace()
            var name = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "=", chars[i] != "/" {
                name.append(chars[i])
                i += 1
            }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "=" {
                i += 1
                while i < chars.count, chars[i].isWhitespace { i += 1 }
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let q = chars[i]
                    i += 1
                    while i < chars.count, chars[i] != q {
                        value.append(chars[i])
                        i += 1
                    }
                    i += 1
                } else {
                    while i < chars.count, !chars[i].isWhitespace {
                        value.append(chars[i])
                        i += 1
                    }
                }
            }
            if !name.isEmpty { out[name.lowercased()] = value }
        }
        return out
    }
}

/// No feed found behind a URL, and why.
public struct DiscoveryError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
