import CLibXML2
import Foundation

/// Atom 0.3 and 1.0 feeds and entries.
extension XMLFeedParser {
    /// A text construct or content as plain text, decoded once: `&lt;p&gt;` in HTML is the text "<p>".
    static func atomText(_ node: XMLNode) -> String? {
        var type = (node.attribute("type") ?? "text").lowercased()
        if type.isEmpty { type = "text" }
        if type == "xhtml" || type == "application/xhtml+xml" {
            let t = HTMLText.plainText(node: node.ptr)
            return t.isEmpty ? nil : t
        }
        var raw = node.text
        if node.attribute("mode") == "base64" {
            // Atom 0.3: the type says what the decoded bytes are.
            guard let d = Data(base64Encoded: raw.filter { !$0.isWhitespace }) else { return nil }
            raw = String(decoding: d, as: UTF8.self)
        } else if !["text", "html"].contains(type), !type.hasPrefix("text/"), !type.hasSuffix("xml") {
            // Another media type is base64 (RFC 4287, 4.1.3.3), decoded and read as HTML, if it is
            // base64 of text; "test" under an unknown type, or JSON sent as is, stays as written.
            if let d = Data(base64Encoded: raw.filter { !$0.isWhitespace }), let s = String(validating: d, as: UTF8.self) {
                raw = s
                type = "html"
            } else {
                type = "text/plain"
            }
        }
        let t: String
        if type == "html" || type == "text/html" || node.attribute("mode") == "escaped" {
            t = HTMLText.plainText(raw)
        } else if type.hasSuffix("xml"), !node.children.isEmpty {
            t = HTMLText.plainText(node: node.ptr)
        } else if HTMLText.looksLikeHTML(raw), type == "text" || type == "text/plain" {
            // Many feeds put escaped HTML in text constructs; show people text, not tags.
            t = HTMLText.plainText(raw)
        } else {
            t = HTMLText.tidy(raw)
        }
        return t.isEmpty ? nil : t
    }

    /// A link's relation and target; an early Atom `<link>` may hold the URL as its text.
    static func atomLink(_ node: XMLNode, base: URL?) -> (rel: String, href: String?) {
        (node.attribute("rel") ?? "alternate", URLResolver.resolve(node.attribute("href") ?? node.text, base: base))
    }

    /// An author or contributor as "Name (email)", as feed readers show it.
    static func atomPerson(_ node: XMLNode) -> String? {
        let name = node.children.first(where: { $0.name == "name" }).flatMap { text($0.text) }
        let email = node.children.first(where: { $0.name == "email" }).flatMap { text($0.text) }
        let person = [name, email.map { name == nil ? $0 : "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        return person.isEmpty ? nil : person
    }

    static func atom(_ root: XMLNode, format: FeedFormat, base baseURL: URL?) -> Feed {
        var feed = Feed(format: format)
        let feedBase = base(of: root, inherited: baseURL)
        let ns = root.namespace
        var feedAuthors: [String] = []
        for c in root.children where c.namespace == ns {
            switch c.name {
            case "title": feed.title = atomText(c)
            case "link":
                let l = atomLink(c, base: base(of: c, inherited: feedBase))
                if l.rel == "alternate", feed.link == nil { feed.link = l.href }
            case "author": if let a = atomPerson(c) { feedAuthors.append(a) }
            case "entry":
                feed.entries.append(atomEntry(c, ns: ns, base: base(of: c, inherited: feedBase)))
            default: break
            }
        }
        // An entry without an author has the feed's (RFC 4287, 4.2.1).
        for i in feed.entries.indices where feed.entries[i].authors.isEmpty { feed.entries[i].authors = unique(feedAuthors) }
        return feed
    }

    static func atomEntry(_ entry: XMLNode, ns: String?, base: URL?) -> FeedEntry {
        var e = FeedEntry()
        var mediaText = MediaText()
        var authors: [String] = []
        var sourceAuthors: [String] = []
        for c in entry.children {
            guard c.namespace == ns else {
                if c.namespace == dc, c.name == "date", e.published == nil { e.published = DateParser.parse(c.text) }
                if c.namespace == mediaRSS { readMedia(c, into: &e, text: &mediaText, base: base) }
                continue
            }
            switch c.name {
            case "id":
                e.id = c.text.trimmed
                // A relative id under an explicit xml:base is that base's.
                if let id = e.id, !id.isEmpty, URL(string: id)?.scheme == nil,
                    let b = self.base(of: c, inherited: explicitBase(of: entry))
                {
                    e.id = URL(string: id, relativeTo: b)?.absoluteString ?? id
                }
            case "title": e.title = atomText(c)
            case "link":
                let l = atomLink(c, base: self.base(of: c, inherited: base))
                if l.rel == "alternate", e.link == nil { e.link = l.href }
                if l.rel == "enclosure", let url = l.href, !e.media.contains(where: { $0.url == url }) {
                    e.media.append(FeedMedia(url: url, type: c.attribute("type")))
                }
            case "published", "issued": e.published = DateParser.parse(c.text)
            case "updated", "modified": e.updated = DateParser.parse(c.text)
            case "created": if e.published == nil { e.published = DateParser.parse(c.text) }
            case "author": if let a = atomPerson(c) { authors.append(a) }
            case "source":
                for s in c.children where s.namespace == ns && s.name == "author" {
                    if let a = atomPerson(s) { sourceAuthors.append(a) }
                }
            case "summary": e.summary = atomText(c)
            case "content": e.content = atomText(c)
            default: break
            }
        }
        e.authors = unique(authors.isEmpty ? sourceAuthors : authors)
        if e.published == nil { e.published = e.updated }
        if e.title == nil { e.title = mediaText.title }
        // YouTube's entries carry their text as media:description only.
        if e.content == nil { e.content = mediaText.description }
        return e
    }

    /// The xml:base in effect at a node, from the document only (not the URL it was fetched from).
    private static func explicitBase(of node: XMLNode) -> URL? {
        var chain: [XMLNode] = []
        var p: UnsafeMutablePointer<_xmlNode>? = node.ptr
        while let n = p, n.pointee.type == XML_ELEMENT_NODE {
            chain.append(XMLNode(ptr: n))
            p = n.pointee.parent
        }
        var b: URL?
        for n in chain.reversed() { b = base(of: n, inherited: b) }
        return b
    }
}
