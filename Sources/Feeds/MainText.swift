import CLibXML2
import Foundation

/// The main text of an article page: what a reader would read, without menus, sidebars, share
/// buttons, related links or comments. Readability-style: the page's own `articleBody` (JSON-LD)
/// when it declares one, otherwise paragraphs are scored (length, commas) into their ancestors,
/// ancestors are weighed by their class and id and by how much of their text is links, and the
/// best-scoring block, with siblings that score nearly as well, is the article.
public enum MainText {
    /// The main text, or nil when the page has no block that reads like an article.
    /// `data` is the page's bytes: in `charset` (from the HTTP Content-Type) if given, else in the
    /// encoding its `<meta charset>` or BOM declares, else UTF-8 if they are valid UTF-8, else
    /// windows-1252.
    public static func extract(html data: Data, charset: String? = nil) -> String? {
        guard !data.isEmpty else { return nil }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        dw_xml_silence()
        let doc = data.withUnsafeBytes { raw in
            let encoding = Charset.htmlEncoding(raw, httpCharset: charset)
            return raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                htmlReadMemory($0, Int32(raw.count), nil, encoding, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        if let body = articleBodyFromJSONLD(root), body.count >= 200 { return body }
        var scorer = Scorer()
        scorer.measure(root)
        scorer.score(root)
        return scorer.best().flatMap { text in text.count >= 100 ? text : nil }
    }

    // MARK: JSON-LD

    /// `articleBody` of a NewsArticle/Article in `<script type="application/ld+json">`.
    static func articleBodyFromJSONLD(_ root: xmlNodePtr) -> String? {
        var found: String?
        forEachElement(root) { node, name in
            guard found == nil, name == "script", attribute(node, "type")?.lowercased().contains("ld+json") == true else {
                return true
            }
            if let json = textContent(node), let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) {
                found = articleBody(in: object)
            }
            return false
        }
        guard let body = found else { return nil }
        if HTMLText.looksLikeHTML(body) { return HTMLText.plainText(body) }
        // Plain text: its line breaks are the paragraphs.
        return body.split(whereSeparator: \.isNewline).map { HTMLText.plainText(String($0)) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    private static func articleBody(in object: Any) -> String? {
        if let dict = object as? [String: Any] {
            if let body = dict["articleBody"] as? String, !body.isEmpty { return body }
            for value in dict.values { if let b = articleBody(in: value) { return b } }
        } else if let array = object as? [Any] {
            for value in array { if let b = articleBody(in: value) { return b } }
        }
        return nil
    }

    // MARK: Scoring

    /// Never part of the article.
    static let dropped: Set<String> = [
        "script", "style", "nav", "noscript", "iframe", "svg", "form", "button", "select", "aside", "footer", "header",
        "template", "head", "object", "embed", "input", "textarea", "menu", "dialog",
    ]
    /// Class and id words of page furniture.
    static let unlikely = [
        "comment", "footer", "sidebar", "sponsor", "share", "social", "promo", "related", "menu", "nav", "cookie",
        "subscribe", "newsletter", "banner", "breadcrumb", "masthead", "popup", "modal", "advert", "outbrain", "taboola",
        "recommend", "most-read", "mostread", "trending", "byline-tools", "toolbar", "pagination", "signup", "paywall",
    ]
    /// Class and id words of article bodies.
    static let likely = ["article", "body", "content", "entry", "main", "post", "story", "text", "prose", "hentry"]

    struct Stats {
        var text = 0
        var links = 0
        var commas = 0
        var score = 0.0
        var isCandidate = false
    }

    struct Scorer {
        var stats: [Int: Stats] = [:]
        var candidates: [xmlNodePtr] = []

        static func key(_ n: xmlNodePtr) -> Int { Int(bitPattern: UnsafeMutableRawPointer(n)) }

        /// Text length, link text length and commas of every element, bottom up.
        @discardableResult
        mutating func measure(_ node: xmlNodePtr, inLink: Bool = false) -> Stats {
            var s = Stats()
            let name = MainText.name(node)
            if MainText.dropped.contains(name) || (name != "body" && name != "article" && MainText.isUnlikely(node)) {
                stats[Self.key(node)] = s
                return s
            }
            let link = inLink || name == "a"
            var c = node.pointee.children
            while let child = c {
                switch child.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = child.pointee.content {
                        let (length, commas) = MainText.measureText(content)
                        s.text += length
                        s.commas += commas
                        if link { s.links += length }
                    }
                case XML_ELEMENT_NODE:
                    let cs = measure(child, inLink: link)
                    s.text += cs.text
                    s.links += cs.links
                    s.commas += cs.commas
                default: break
                }
                c = child.pointee.next
            }
            stats[Self.key(node)] = s
            return s
        }

        /// Each paragraph's score goes to its parent in full, its grandparent by half, and a third
        /// further up.
        mutating func score(_ node: xmlNodePtr) {
            let name = MainText.name(node)
            guard let s = stats[Self.key(node)], s.text > 0 else { return }
            if MainText.paragraphs.contains(name) || (name == "div" && !MainText.hasBlockChild(node)) {
                if s.text >= 25 {
                    let points = 1 + Double(s.commas) + min(Double(s.text) / 100, 3)
                    var ancestor = node.pointee.parent
                    var level = 0
                    while let a = ancestor, a.pointee.type == XML_ELEMENT_NODE, level < 3 {
                        addCandidate(a)
                        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                        stats[Self.key(a)]?.score += points / divider
                        ancestor = a.pointee.parent
                        level += 1
                    }
                }
                if name != "div" { return }
            }
            var c = node.pointee.children
            while let child = c {
                if child.pointee.type == XML_ELEMENT_NODE { score(child) }
                c = child.pointee.next
            }
        }

        mutating func addCandidate(_ node: xmlNodePtr) {
            let k = Self.key(node)
            guard stats[k]?.isCandidate == false else { return }
            stats[k]?.isCandidate = true
            stats[k]?.score += MainText.baseScore(node)
            candidates.append(node)
        }

        func finalScore(_ node: xmlNodePtr) -> Double {
            guard let s = stats[Self.key(node)], s.text > 0 else { return 0 }
            return s.score * (1 - Double(s.links) / Double(s.text))
        }

        /// The top candidate and its siblings that score nearly as well, as text.
        func best() -> String? {
            guard let top = candidates.max(by: { finalScore($0) < finalScore($1) }), finalScore(top) > 0 else { return nil }
            let topScore = finalScore(top)
            let threshold = max(10, topScore * 0.2)
            var parts: [xmlNodePtr] = []
            if let parent = top.pointee.parent, MainText.name(parent) != "html" {
                var c = parent.pointee.children
                while let sibling = c {
                    defer { c = sibling.pointee.next }
                    guard sibling.pointee.type == XML_ELEMENT_NODE else { continue }
                    if sibling == top || (stats[Self.key(sibling)]?.isCandidate == true && finalScore(sibling) >= threshold) {
                        parts.append(sibling)
                    } else if MainText.name(sibling) == "p", let s = stats[Self.key(sibling)], s.text > 80,
                        Double(s.links) / Double(s.text) < 0.25
                    {
                        parts.append(sibling)
                    }
                }
            } else {
                parts = [top]
            }
            var writer = TextWriter()
            for p in parts { write(p, into: &writer) }
            let text = writer.finish()
            return text.isEmpty ? nil : text
        }

        /// The article's text, leaving out furniture inside it (share bars, related links).
        func write(_ node: xmlNodePtr, into writer: inout TextWriter) {
            let name = MainText.name(node)
            guard let s = stats[Self.key(node)], s.text > 0 else { return }
            if MainText.dropped.contains(name) { return }
            // Lists and blocks that are mostly links: "related stories", tag clouds.
            if ["ul", "ol", "div", "section", "table"].contains(name), Double(s.links) / Double(s.text) > 0.5 { return }
            let block = HTMLText.blocks.contains(name)
            if block { writer.paragraph() }
            var c = node.pointee.children
            while let child = c {
                switch child.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = child.pointee.content { writer.append(String(cString: content)) }
                case XML_ELEMENT_NODE:
                    write(child, into: &writer)
                default: break
                }
                c = child.pointee.next
            }
            if block { writer.paragraph() }
        }
    }

    static let paragraphs: Set<String> = ["p", "pre", "td", "blockquote"]
    static let blockChildren: Set<String> = [
        "a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2", "h3",
    ]

    static func hasBlockChild(_ node: xmlNodePtr) -> Bool {
        var c = node.pointee.children
        while let child = c {
            if child.pointee.type == XML_ELEMENT_NODE, blockChildren.contains(name(child)) { return true }
            c = child.pointee.next
        }
        return false
    }

    static func baseScore(_ node: xmlNodePtr) -> Double {
        var score: Double =
            switch name(node) {
            case "article": 10
            case "div", "main": 5
            case "pre", "td", "blockquote", "section": 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
            default: 0
            }
        let words = classAndID(node)
        if !words.isEmpty {
            if likely.contains(where: words.contains) { score += 25 }
            if unlikely.contains(where: words.contains) { score -= 25 }
        }
        return score
    }

    static func isUnlikely(_ node: xmlNodePtr) -> Bool {
        let words = classAndID(node)
        guard !words.isEmpty, unlikely.contains(where: words.contains) else { return false }
        return !likely.contains(where: words.contains)
    }

    static func classAndID(_ node: xmlNodePtr) -> String {
        ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "") + " " + (attribute(node, "role") ?? ""))
            .lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// Visible characters (whitespace runs count once) and commas of a text node.
    static func measureText(_ p0: UnsafePointer<UInt8>) -> (Int, Int) {
        var p = p0
        var length = 0
        var commas = 0
        var space = true
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !space { length += 1 }
                space = true
            } else {
                if b & 0xC0 != 0x80 { length += 1 }  // count characters, not continuation bytes
                if b == 0x2C { commas += 1 }
                space = false
            }
            p += 1
        }
        return (length, commas)
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { dw_xml_free(value) }
        return String(cString: value)
    }

    static func textContent(_ node: xmlNodePtr) -> String? {
        guard let value = xmlNodeGetContent(node) else { return nil }
        defer { dw_xml_free(value) }
        return String(cString: value)
    }

    /// Visits elements depth first; `body` returns false to skip an element's children.
    static func forEachElement(_ node: xmlNodePtr, _ body: (xmlNodePtr, String) -> Bool) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        guard body(node, name(node)) else { return }
        var c = node.pointee.children
        while let child = c {
            forEachElement(child, body)
            c = child.pointee.next
        }
    }
}
