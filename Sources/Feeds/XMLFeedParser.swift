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
        let bytes = XMLInput.prepare([UInt8](data), httpCharset: charset)

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
            let rootBase = base(of: root, inherited: baseURL)
            // No <channel>: an empty feed (a feed with nothing in it yet), as other readers take it.
            guard let channel = root.children.first(where: { $0.name == "channel" }) else { return Feed(format: format) }
            let items = channel.children.filter { $0.name == "item" } + root.children.filter { $0.name == "item" }
            return rss(format: format, channel: channel, items: items, base: base(of: channel, inherited: rootBase))
        case "rdf":
            let channel = root.children.first(where: { $0.name == "channel" })
            let items = root.children.filter { $0.name == "item" } + (channel?.children.filter { $0.name == "item" } ?? [])
            return rss(format: .rss10, channel: channel, items: items, base: base(of: root, inherited: baseURL))
        case "feed":
            return atom(root, format: root.namespace == atom03 ? .atom03 : .atom10, base: baseURL)
        default:
            throw FeedError("unknown document type <\(root.name)> (expected rss, rdf:RDF or feed)")
        }
    }

    static func base(of node: XMLNode, inherited: URL?) -> URL? {
        guard let b = node.attribute("base", namespace: xmlNS) else { return inherited }
        return URL(string: b, relativeTo: inherited)?.absoluteURL ?? inherited
    }

    static func text(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = HTMLText.plainText(s)
        return t.isEmpty ? nil : t
    }

    /// A title: its text, or, when it is nothing but tags ("</example>"), those tags as written.
    static func title(_ s: String?) -> String? {
        guard let s else { return nil }
        if let t = text(s) { return t }
        let raw = HTMLText.tidy(s)
        return raw.isEmpty ? nil : raw
    }

    /// Authors without repeats, in order.
    static func unique(_ names: [String]) -> [String] {
        var out: [String] = []
        for n in names where !out.contains(n) { out.append(n) }
        return out
    }
}
