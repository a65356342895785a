import CLibXML2

/// Small read-only helpers over libxml2's tree nodes.
struct XMLNode {
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    /// The local name; `dc:creator` whose prefix was never declared counts as `creator`.
    var name: String {
        guard let raw = ptr.pointee.name.map({ String(cString: $0) }) else { return "" }
        guard ptr.pointee.ns == nil, let colon = raw.utf8.firstIndex(of: 0x3A) else { return raw }
        return String(raw[raw.index(after: colon)...])
    }

    /// The namespace URI; for a well-known prefix a feed forgot to declare (`content:encoded` with
    /// no `xmlns:content`), the namespace that prefix always stands for.
    var namespace: String? {
        guard let ns = ptr.pointee.ns else {
            guard let raw = ptr.pointee.name.map({ String(cString: $0) }), let colon = raw.utf8.firstIndex(of: 0x3A)
            else { return nil }
            return Self.wellKnownPrefixes[String(raw[..<colon])]
        }
        return ns.pointee.href.map { String(cString: $0) }
    }

    static let wellKnownPrefixes: [String: String] = [
        "content": XMLFeedParser.content, "dc": XMLFeedParser.dc, "media": XMLFeedParser.mediaRSS,
        "atom": XMLFeedParser.atom10, "dcterms": XMLFeedParser.dcterms, "rdf": XMLFeedParser.rdf,
    ]

    var children: [XMLNode] {
        var out: [XMLNode] = []
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(XMLNode(ptr: n)) }
            c = n.pointee.next
        }
        return out
    }

    func attribute(_ name: String, namespace: String? = nil) -> String? {
        guard
            let value = namespace == nil
                ? xmlGetNoNsProp(ptr, name) : xmlGetNsProp(ptr, name, namespace)
        else { return nil }
        defer { dw_xml_free(value) }
        return String(cString: value)
    }

    /// The concatenated text and CDATA below this node, raw (not HTML-decoded).
    var text: String {
        var bytes: [UInt8] = []
        Self.collect(ptr.pointee.children, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func collect(_ first: xmlNodePtr?, into bytes: inout [UInt8]) {
        var c = first
        while let n = c {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content {
                    var p = content
                    while p.pointee != 0 {
                        bytes.append(p.pointee)
                        p += 1
                    }
                }
            case XML_ELEMENT_NODE:
                collect(n.pointee.children, into: &bytes)
            case XML_ENTITY_REF_NODE:
                if let name = n.pointee.name {
                    let entity = String(cString: name)
                    if let scalar = HTMLEntities.table[entity].flatMap(Unicode.Scalar.init) {
                        bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                    }
                }
            default:
                break
            }
            c = n.pointee.next
        }
    }
}
