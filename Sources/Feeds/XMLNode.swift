import CLibXML2
import Glibc

/// Small read-only helpers over libxml2's tree nodes.
struct XMLNode {
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    /// The local name; `dc:creator` whose prefix was never declared counts as `creator`.
    var name: String {
        guard let raw = ptr.pointee.name else { return "" }
        guard ptr.pointee.ns == nil, let colon = strchr(raw, 0x3A) else { return String(cString: raw) }
        return String(cString: colon + 1)
    }

    /// The namespace URI; for a well-known prefix a feed forgot to declare (`content:encoded` with
    /// no `xmlns:content`), the namespace that prefix always stands for.
    var namespace: String? {
        guard let ns = ptr.pointee.ns else {
            guard let raw = ptr.pointee.name, strchr(raw, 0x3A) != nil else { return nil }
            let qualified = String(cString: raw)
            return Self.wellKnownPrefixes[String(qualified.prefix { $0 != ":" })]
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
