import CLibXML2
import Foundation

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0, read with libxml2 in recovering mode.
///
/// Entity declarations are refused outright (the parser stops at the first one), so neither
/// billion-laughs nor quadratic blow-ups can expand; the network is never touched.
enum XMLFeedParser {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let xmlNS = "http://www.w3.org/XML/1998/namespace"
    static let mediaRSS = "http://search.yahoo.com/mrss/"

    /// Media RSS inside an entry: objects, and a title and description the entry may lack.
    struct MediaText {
        var title: String?
        var description: String?
    }

    /// Reads one `media:*` element (and `media:group`'s children) into the entry.
    static func readMedia(_ node: XMLNode, into e: inout FeedEntry, text mediaText: inout MediaText, base: URL?) {
        switch node.name {
        case "group":
            for c in node.children where c.namespace == mediaRSS { readMedia(c, into: &e, text: &mediaText, base: base) }
        case "content", "thumbnail":
            guard let url = node.attribute("url").flatMap({ URLResolver.resolve($0, base: base) }) else { break }
            let medium = node.name == "thumbnail" ? "thumbnail" : node.attribute("medium")
            if !e.media.contains(where: { $0.url == url }) {
                e.media.append(FeedMedia(url: url, type: node.attribute("type"), medium: medium))
            }
            for c in node.children where c.namespace == mediaRSS { readMedia(c, into: &e, text: &mediaText, base: base) }
        case "title":
            if mediaText.title == nil { mediaText.title = text(node.text) }
        case "description":
            if mediaText.description == nil { mediaText.description = text(node.text) }
        default: break
        }
    }

    static func parse(_ data: Data, baseURL: URL?, charset: String? = nil) throws(FeedError) -> Feed {
        var bytes = [UInt8](data)
        if let utf8 = Charset.normalizedXML(bytes, httpCharset: charset) { bytes = utf8 }
        if let rewritten = HTMLEntities.numericReferences(in: bytes) { bytes = rewritten }

        dw_xml_silence()
        var sax = xmlSAXHandler()
        xmlSAXVersion(&sax, 2)
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            ctxt.pointee.wellFormed = -42  // marker: refused entity declaration
            xmlStopParser(ctxt)
        }
        guard let ctxt = xmlCreatePushParserCtxt(&sax, nil, nil, 0, baseURL?.absoluteString) else {
            throw FeedError("cannot create XML parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let options =
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOBLANKS.rawValue
        xmlCtxtUseOptions(ctxt, Int32(options))
        _ = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                xmlParseChunk(ctxt, $0, Int32(buf.count), 1)
            }
        }
        let refused = ctxt.pointee.wellFormed == -42
        guard let doc = ctxt.pointee.myDoc else {
            throw FeedError(refused ? "document declares XML entities (refused)" : "not an XML document")
        }
        defer { xmlFreeDoc(doc) }
        if refused { throw FeedError("document declares XML entities (refused: possible entity expansion attack)") }
        guard let rootPtr = xmlDocGetRootElement(doc) else { throw FeedError("XML document has no root element") }
        let root = XMLNode(ptr: rootPtr)
        let name = root.name.lowercased()
        switch name {
        case "rss":
            let version = root.attribute("version") ?? "2.0"
            let format: FeedFormat = version.hasPrefix("0.9") ? .rss09x : .rss20
            guard let channel = root.children.first(where: { $0.name == "channel" }) else {
                throw FeedError("RSS document has no <channel>")
            }
            return rss(format: format, channel: channel, items: channel.children.filter { $0.name == "item" }, base: baseURL)
        case "rdf":
            let channel = root.children.first(where: { $0.name == "channel" })
            let items = root.children.filter { $0.name == "item" } + (channel?.children.filter { $0.name == "item" } ?? [])
            return rss(format: .rss10, channel: channel, items: items, base: baseURL)
        case "feed":
            return atom(root, format: root.namespace == atom03 ? .atom03 : .atom10, base: baseURL)
        default:
            throw FeedError("unknown document type <\(root.name)> (expected rss, rdf:RDF or feed)")
        }
    }

    private static func base(of node: XMLNode, inherited: URL?) -> URL? {
        guard let b = node.attribute("base", namespace: xmlNS) else { return inherited }
        return URL(string: b, relativeTo: inherited)?.absoluteURL ?? inherited
    }

    private static func text(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = HTMLText.plainText(s)
        return t.isEmpty ? nil : t
    }

    // MARK: RSS

    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// The RSS core elements live in no namespace (0.9x, 2.0) or in RSS 1.0's or 0.90's.
    static let userland = "http://backend.userland.com/rss2"
    private static func isCore(_ ns: String?) -> Bool { ns == nil || ns == rss10 || ns == rss090 || ns == userland }

    private static func rss(format: FeedFormat, channel: XMLNode?, items: [XMLNode], base baseURL: URL?) -> Feed {
        var feed = Feed(format: format)
        var feedBase = baseURL
        if let channel {
            var dcTitle: String?
            for child in channel.children {
                switch (isCore(child.namespace), child.namespace, child.name) {
                case (true, _, "title"): feed.title = text(child.text)
                case (true, _, "link"): feed.link = child.text.trimmed
                case (_, dc?, "title") where dc == Self.dc: dcTitle = text(child.text)
                default: break
                }
            }
            if feed.title == nil { feed.title = dcTitle }
            if let l = feed.link, let u = URL(string: l), u.scheme != nil { feedBase = feedBase ?? u }
        }
        for item in items { feed.entries.append(rssItem(item, base: base(of: item, inherited: feedBase))) }
        return feed
    }

    private static func rssItem(_ item: XMLNode, base itemBase: URL?) -> FeedEntry {
        var e = FeedEntry()
        var description: String?
        var summary: String?
        var encoded: String?
        var body: String?
        var dcTitle: String?
        var guidIsLink = false
        var mediaText = MediaText()
        for c in item.children {
            if c.namespace == mediaRSS {
                readMedia(c, into: &e, text: &mediaText, base: itemBase)
                continue
            }
            let core = isCore(c.namespace)
            switch (core, c.namespace ?? "", c.name) {
            case (true, _, "title"): e.title = text(c.text)
            case (true, _, "link"): e.link = URLResolver.resolve(c.text, base: itemBase)
            case (true, _, "guid"):
                let g = c.text.trimmed
                if !g.isEmpty { e.id = g }
                guidIsLink = (c.attribute("isPermaLink") ?? "true") == "true"
            case (true, _, "pubDate"): e.published = DateParser.parse(c.text)
            case (true, _, "description"): description = c.text
            case (true, _, "summary"): summary = c.text
            case (true, _, "fullitem"): body = text(c.text)
            case (true, _, "author"): if e.author == nil { e.author = text(c.text) }
            case (true, _, "enclosure"):
                if let url = c.attribute("url").flatMap({ URLResolver.resolve($0, base: itemBase) }),
                    !e.media.contains(where: { $0.url == url })
                {
                    e.media.append(FeedMedia(url: url, type: c.attribute("type")))
                }
            case (_, dc, "title"): dcTitle = text(c.text)
            case (_, dc, "date"): e.updated = DateParser.parse(c.text)
            case (_, dc, "creator"), (_, dc, "author"): if e.author == nil { e.author = text(c.text) }
            case (_, dcterms, "issued"): e.published = e.published ?? DateParser.parse(c.text)
            case (_, dcterms, "modified"): e.updated = DateParser.parse(c.text)
            case (_, content, "encoded"): encoded = c.text
            case (_, xhtml, "body"):
                let t = HTMLText.plainText(node: c.ptr)
                if !t.isEmpty { body = t }
            default: break
            }
        }
        if e.title == nil { e.title = dcTitle ?? mediaText.title }
        if e.published == nil { e.published = e.updated }
        if e.id == nil, let about = item.attribute("about", namespace: rdf) { e.id = about }
        if e.link == nil, guidIsLink, let g = e.id, g.hasPrefix("http") { e.link = g }
        // With both <summary> and <description>, the description is the content.
        if let summary {
            e.summary = text(summary)
            e.content = text(encoded) ?? body ?? text(description)
        } else {
            e.summary = text(description)
            e.content = text(encoded) ?? body
        }
        if e.summary == nil, e.content == nil { e.summary = mediaText.description }
        return e
    }

    // MARK: Atom

    private static func atomText(_ node: XMLNode) -> String? {
        var type = (node.attribute("type") ?? "text").lowercased()
        if type.isEmpty { type = "text" }
        if type == "xhtml" || type == "application/xhtml+xml" {
            let t = HTMLText.plainText(node: node.ptr)
            return t.isEmpty ? nil : t
        }
        if node.attribute("mode") == "base64" {
            guard let d = Data(base64Encoded: node.text.filter { !$0.isWhitespace }) else { return nil }
            return text(String(decoding: d, as: UTF8.self))
        }
        // Another media type (Atom 1.0, 3.1.1.3): base64, decoded and read as HTML.
        if !["text", "html", "xhtml"].contains(type), !type.hasPrefix("text/"), !type.hasSuffix("xml") {
            guard let d = Data(base64Encoded: node.text.filter { !$0.isWhitespace }) else { return nil }
            return text(String(decoding: d, as: UTF8.self))
        }
        if type == "text" || type == "text/plain" {
            // Many feeds put escaped HTML in text constructs; show people text, not tags.
            let raw = node.text
            let t = HTMLText.looksLikeHTML(raw) ? HTMLText.plainText(raw) : HTMLText.tidy(raw)
            return t.isEmpty ? nil : t
        }
        return text(node.text)
    }

    /// A link's relation and target; an early Atom `<link>` may hold the URL as its text.
    private static func atomLink(_ node: XMLNode, base: URL?) -> (rel: String, href: String?) {
        (node.attribute("rel") ?? "alternate", URLResolver.resolve(node.attribute("href") ?? node.text, base: base))
    }

    private static func atom(_ root: XMLNode, format: FeedFormat, base baseURL: URL?) -> Feed {
        var feed = Feed(format: format)
        let feedBase = base(of: root, inherited: baseURL)
        let ns = root.namespace
        for c in root.children where c.namespace == ns {
            switch c.name {
            case "title": feed.title = atomText(c)
            case "link":
                let l = atomLink(c, base: feedBase)
                if l.rel == "alternate", feed.link == nil { feed.link = l.href }
            case "entry":
                feed.entries.append(atomEntry(c, ns: ns, base: base(of: c, inherited: feedBase)))
            default: break
            }
        }
        return feed
    }

    private static func atomEntry(_ entry: XMLNode, ns: String?, base: URL?) -> FeedEntry {
        var e = FeedEntry()
        var mediaText = MediaText()
        for c in entry.children {
            guard c.namespace == ns else {
                if c.namespace == dc, c.name == "date", e.published == nil { e.published = DateParser.parse(c.text) }
                if c.namespace == mediaRSS { readMedia(c, into: &e, text: &mediaText, base: base) }
                continue
            }
            switch c.name {
            case "id": e.id = c.text.trimmed
            case "title": e.title = atomText(c)
            case "link":
                let l = atomLink(c, base: self.base(of: c, inherited: base))
                if l.rel == "alternate", e.link == nil { e.link = l.href }
            case "published", "issued": e.published = DateParser.parse(c.text)
            case "updated", "modified": e.updated = DateParser.parse(c.text)
            case "created": if e.published == nil { e.published = DateParser.parse(c.text) }
            case "author":
                // "Name (email)", as feed readers show it.
                let name = c.children.first(where: { $0.name == "name" }).flatMap { text($0.text) }
                let email = c.children.first(where: { $0.name == "email" }).flatMap { text($0.text) }
                e.author = [name, email.map { name == nil ? $0 : "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                if e.author?.isEmpty == true { e.author = nil }
            case "summary": e.summary = atomText(c)
            case "content": e.content = atomText(c)
            default: break
            }
        }
        if e.published == nil { e.published = e.updated }
        if e.title == nil { e.title = mediaText.title }
        if e.summary == nil, e.content == nil { e.summary = mediaText.description }
        return e
    }
}
