import CLibXML2

/// The bytes of an XML feed as libxml2's recovering parser must see them to lose no text.
///
/// libxml2 2.9 drops every named entity reference, `&amp;` included, once it has met any
/// well-formedness error (a blank line before `<?xml`, an unknown entity, a control character),
/// ends the document at a NUL byte, ends an element's text at a stray `<`, and builds no document
/// from a stray byte before `<?xml` or an encoding it cannot convert. So before parsing:
/// - UTF-16 and UTF-32 become UTF-8, a UTF-8 byte-order mark is dropped, and so is anything before
///   the document's first markup (blank lines, a stray byte, a second BOM, a server's warning);
/// - encodings are repaired as `Charset` says, and a label libxml2 cannot convert is read as UTF-8;
/// - every named reference becomes a numeric one (`&amp;` → `&#38;`; an unknown name is kept as
///   text), and a bare `&` becomes `&#38;`: numeric references survive libxml2's recovery;
/// - C0 control characters, which XML 1.0 forbids, become spaces;
/// - a `<` that starts no markup ("a < b", "<3") becomes `&#60;`.
/// CDATA sections, comments and processing instructions are copied as they are (but for controls).
enum XMLInput {
    static func prepare(_ input: [UInt8], httpCharset: String?) -> [UInt8] {
        var bytes = input
        var knownUTF8 = false
        if let wide = Charset.wideToUTF8(bytes) {
            bytes = wide
            knownUTF8 = true
        } else if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
            knownUTF8 = true
        }
        let start = markupStart(bytes)
        if start > 0 { bytes.removeFirst(start) }
        if knownUTF8 {
            if !Charset.isValidUTF8(bytes) { bytes = Charset.repairUTF8(bytes) }
            bytes = Charset.relabel(bytes, declaration: Charset.xmlDeclarationEncoding(bytes)?.range)
        } else if let fixed = Charset.normalizedXML(bytes, httpCharset: httpCharset) {
            bytes = fixed
        }
        return repairMarkup(bytes) ?? bytes
    }

    /// Where the document's markup starts: its `<?xml` declaration when one comes early with no root
    /// element before it, else its first `<`.
    static func markupStart(_ b: [UInt8]) -> Int {
        let window = min(b.count, 4096)
        guard let first = b[0..<window].firstIndex(of: 0x3C) else { return 0 }
        if isDeclaration(b, at: first) { return first }
        var i = first
        while i + 5 < window {
            if b[i] == 0x3C {
                if isDeclaration(b, at: i) { return i }
                // A root element before any declaration: the document starts at its first "<".
                let name = b[(i + 1)..<min(window, i + 8)].map { $0 | 0x20 }
                if name.starts(with: Array("rss".utf8)) || name.starts(with: Array("feed".utf8))
                    || name.starts(with: Array("rdf:".utf8))
                {
                    return first
                }
            }
            i += 1
        }
        return first
    }

    private static func isDeclaration(_ b: [UInt8], at i: Int) -> Bool {
        guard i + 5 < b.count, b[i] == 0x3C, b[i + 1] == 0x3F, b[i + 2] == 0x78, b[i + 3] == 0x6D, b[i + 4] == 0x6C
        else { return false }
        let c = b[i + 5]
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3F
    }

    /// The markup rewritten as the type's documentation says, or nil when nothing needed it.
    static func repairMarkup(_ data: [UInt8]) -> [UInt8]? {
        data.withUnsafeBufferPointer { p in
            var r = MarkupRepair(p)
            r.run()
            return r.finish()
        }
    }
}
