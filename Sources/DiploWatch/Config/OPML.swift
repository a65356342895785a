import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// OPML 2.0 subscription lists, as feed readers import and export them: one outline per feed
/// (`xmlUrl`, `text`, `title`), folders as outlines that hold outlines, or a `category` attribute.
public enum OPML {
    /// The feeds in an OPML document, with the folder each sits in as its category.
    public static func feeds(_ data: Data) throws(OPMLError) -> [FeedConfig] {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let e = parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML"
            throw OPMLError("not an OPML document (line \(parser.lineNumber): \(e))")
        }
        guard reader.sawOPML else { throw OPMLError("not an OPML document (no <opml> element)") }
        return reader.feeds
    }

    /// An OPML 2.0 document of `feeds`, grouped in folders by category.
    public static func document(_ feeds: [FeedConfig], title: String, now: Date = Date()) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        s += "    <title>\(XMLEscape.text(title))</title>\n"
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        s += "    <dateCreated>\(f.string(from: now))</dateCreated>\n  </head>\n  <body>\n"
        func outline(_ feed: FeedConfig, indent: String) -> String {
            let name = XMLEscape.text(feed.name ?? feed.url)
            return "\(indent)<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(XMLEscape.text(feed.url))\"/>\n"
        }
        var categories: [String] = []
        for feed in feeds { if let c = feed.category, !categories.contains(c) { categories.append(c) } }
        for feed in feeds where feed.category == nil { s += outline(feed, indent: "    ") }
        for c in categories {
            s += "    <outline text=\"\(XMLEscape.text(c))\" title=\"\(XMLEscape.text(c))\">\n"
            for feed in feeds where feed.category == c { s += outline(feed, indent: "      ") }
            s += "    </outline>\n"
        }
        return s + "  </body>\n</opml>\n"
    }

    final class Reader: NSObject, XMLParserDelegate {
        var feeds: [FeedConfig] = []
        var sawOPML = false
        /// The folders open around the current outline (nil for a feed's own outline).
        var folders: [String?] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "opml" { sawOPML = true }
            guard name == "outline" else { return }
            let text = attributes["title"] ?? attributes["text"]
            if let url = attributes["xmlUrl"] ?? attributes["xmlurl"], !url.isEmpty {
                let folder = folders.compactMap { $0 }.last
                let category = attributes["category"].flatMap { $0.split(separator: ",").first.map(String.init) } ?? folder
                feeds.append(
                    FeedConfig(url: url, name: text.flatMap { $0.isEmpty ? nil : $0 }, category: category?.trimmingCharacters(in: ["/"])))
                folders.append(nil)
            } else {
                folders.append(text)
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "outline", !folders.isEmpty { folders.removeLast() }
        }
    }
}

/// A subscription list that cannot be read, and why.
public struct OPMLError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
