import CLibXML2

/// Small read-only helpers over libxml2's tree nodes.
struct XMLNode {
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }

    var namespace: String? {
        guard let ns = ptr.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

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
