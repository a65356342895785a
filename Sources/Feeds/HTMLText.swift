import CLibXML2

/// HTML to plain text: paragraph breaks kept, scripts, styles and navigation dropped, entities decoded.
public enum HTMLText {
    static let skipped: Set<String> = [
        "script", "style", "nav", "noscript", "iframe", "svg", "form", "button", "select", "aside", "footer",
        "template", "head", "object", "embed",
    ]
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
        "section", "article", "pre", "hr", "dd", "dt", "dl", "figcaption", "figure", "header", "main", "body",
        "address", "center",
    ]

    /// Converts an HTML fragment or document to text, decoding it once: an escaped tag
    /// (`&lt;p&gt;`) is text that reads "<p>". Plain text passes through with whitespace tidied.
    public static func plainText(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else {
            // No tags: decode references ourselves (the HTML parser would drop unknown ones).
            return tidy(HTMLEntities.decode(html))
        }
        return parse(html)
    }

    /// Whether text holds markup rather than a stray "<" ("a < b").
    static func looksLikeHTML(_ s: String) -> Bool {
        // A byte scan: "</", "<p", "<br", "<a ", "<div" (Foundation's substring search is slow here).
        let b = Array(s.utf8)
        guard b.count >= 2 else { return false }
        for i in 0..<(b.count - 1) where b[i] == 0x3C {
            let c = b[i + 1] | 0x20
            if b[i + 1] == 0x2F || c == 0x70 { return true }  // "</", "<p"
            if i + 2 < b.count {
                // "<br", "<di(v)", "<a "
                let d = b[i + 2] | 0x20
                if (c == 0x62 && d == 0x72) || (c == 0x64 && d == 0x69) || (c == 0x61 && b[i + 2] == 0x20) { return true }
            }
        }
        return false
    }

    private static func parse(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return "" }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)
        dw_xml_silence()
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return tidy(html) }
        defer { xmlFreeDoc(doc) }
        var writer = TextWriter()
        writer.walk(doc.pointee.children)
        return writer.finish()
    }

    /// Text of an XML subtree rendered as HTML (Atom `type="xhtml"` content).
    static func plainText(node: xmlNodePtr) -> String {
        var writer = TextWriter()
        writer.walk(node.pointee.children)
        return writer.finish()
    }

    static func tidy(_ s: String) -> String {
        var writer = TextWriter()
        writer.append(s)
        return writer.finish()
    }
}

/// Accumulates text, collapsing runs of whitespace and keeping paragraph breaks.
struct TextWriter {
    private var out: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    mutating func walk(_ first: xmlNodePtr?) {
        var c = first
        while let n = c {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { appendC(content) }
            case XML_ELEMENT_NODE:
                let name = n.pointee.name.map { String(cString: $0) } ?? ""  // the HTML parser lowercases names
                if HTMLText.skipped.contains(name) { break }
                let block = HTMLText.blocks.contains(name)
                if block { paragraph() }
                walk(n.pointee.children)
                if block { paragraph() }
            case XML_ENTITY_REF_NODE:
                if let name = n.pointee.name,
                    let scalar = HTMLEntities.table[String(cString: name)].flatMap(Unicode.Scalar.init)
                {
                    append(String(Character(scalar)))
                }
            default:
                break
            }
            c = n.pointee.next
        }
    }

    mutating func paragraph() {
        if !out.isEmpty { pendingBreak = true }
    }

    private mutating func appendC(_ p0: UnsafePointer<UInt8>) {
        var p = p0
        while p.pointee != 0 {
            byte(p.pointee)
            p += 1
        }
    }

    mutating func append(_ s: String) {
        for b in s.utf8 { byte(b) }
    }

    private mutating func byte(_ b: UInt8) {
        // Collapse whitespace (including U+00A0, encoded C2 A0) into one space.
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
            if !out.isEmpty { pendingSpace = true }
            return
        }
        if b == 0xA0, out.last == 0xC2 {
            out.removeLast()
            if !out.isEmpty { pendingSpace = true }
            return
        }
        if pendingBreak {
            out.append(0x0A)
            out.append(0x0A)
            pendingBreak = false
            pendingSpace = false
        } else if pendingSpace {
            out.append(0x20)
            pendingSpace = false
        }
        out.append(b)
    }

    func finish() -> String {
        var s = String(decoding: out, as: UTF8.self)
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
