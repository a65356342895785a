import CLibXML2
import Foundation

/// What encoding a document really uses, when its label is missing or wrong, and the
/// transcoding of the usual suspects to UTF-8 before libxml2 sees the bytes.
///
/// - A byte-order mark is believed.
/// - A document labelled ISO-8859-1, US-ASCII or windows-1252 whose bytes are valid UTF-8 is UTF-8
///   (a server default or template label left unchanged).
/// - Otherwise a latin label is read as windows-1252, as browsers do (ISO-8859-1 has no curly
///   quotes; windows-1252 puts them where ISO-8859-1 has control characters).
/// - A document labelled UTF-8, or not labelled, that is not valid UTF-8 keeps its valid UTF-8
///   sequences and reads each stray byte as windows-1252.
/// - Any other label (KOI8-R, Shift_JIS, GB2312, …) is left to libxml2 if it can convert it, and read
///   as UTF-8 (repaired) if not; an HTTP label for a document that declares none is written into it.
/// - UTF-16 and UTF-32 (by BOM, or by the zero bytes around `<`) are transcoded to UTF-8 here.
public enum Charset {
    static let latin: Set<String> = [
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
        "x-cp1252", "iso-8859-15", "latin9",
    ]

    /// The XML document's bytes as UTF-8 with its declaration saying so, when they needed fixing;
    /// nil when libxml2 can take them as they are. `httpCharset` (from Content-Type) counts as the
    /// label when the document declares none.
    static func normalizedXML(_ bytes: [UInt8], httpCharset: String? = nil) -> [UInt8]? {
        if hasBOM(bytes) { return nil }
        let declaration = xmlDeclarationEncoding(bytes)
        let label = (declaration?.value ?? httpCharset)?.lowercased()
        switch label {
        case let l? where latin.contains(l):
            let hasHighBytes = bytes.contains { $0 >= 0x80 }
            if !hasHighBytes { return nil }
            let utf8 = isValidUTF8(bytes) ? bytes : windows1252ToUTF8(bytes)
            return relabel(utf8, declaration: declaration?.range)
        case nil, "utf-8", "utf8":
            return isValidUTF8(bytes) ? nil : relabel(repairUTF8(bytes), declaration: declaration?.range)
        case let l?:
            guard canConvert(l) else {
                let utf8 = isValidUTF8(bytes) ? bytes : repairUTF8(bytes)
                return declaration == nil ? utf8 : relabel(utf8, declaration: declaration?.range)
            }
            if declaration == nil, !isValidUTF8(bytes) {
                // The HTTP label is the only one: tell libxml2 in the document itself.
                return Array("<?xml version=\"1.0\" encoding=\"\(l)\"?>\n".utf8) + dropDeclaration(bytes)
            }
            return nil
        }
    }

    /// Whether libxml2 has a converter for an encoding name.
    static func canConvert(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Without a leading `<?xml …?>` (one with no encoding, which is why a label is being added).
    static func dropDeclaration(_ b: [UInt8]) -> [UInt8] {
        guard b.count > 5, Array(b[0..<5]) == Array("<?xml".utf8),
            let end = (5..<min(b.count - 1, 256)).first(where: { b[$0] == 0x3F && b[$0 + 1] == 0x3E })
        else { return b }
        return Array(b[(end + 2)...])
    }

    /// UTF-16 or UTF-32 as UTF-8 without its byte-order mark and labelled UTF-8, or nil when the
    /// document is neither.
    static func wideToUTF8(_ b: [UInt8]) -> [UInt8]? {
        guard b.count >= 4 else { return nil }
        enum Wide { case utf16(big: Bool), utf32(big: Bool) }
        let wide: Wide
        var skip = 0
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0xFE, 0xFF): (wide, skip) = (.utf32(big: true), 4)
        case (0xFF, 0xFE, 0x00, 0x00): (wide, skip) = (.utf32(big: false), 4)
        case (0xFE, 0xFF, _, _): (wide, skip) = (.utf16(big: true), 2)
        case (0xFF, 0xFE, _, _): (wide, skip) = (.utf16(big: false), 2)
        case (0x00, 0x00, 0x00, let c) where c != 0: wide = .utf32(big: true)
        case (let c, 0x00, 0x00, 0x00) where c != 0: wide = .utf32(big: false)
        case (0x00, let c, 0x00, let d) where c != 0 && d != 0: wide = .utf16(big: true)
        case (let c, 0x00, let d, 0x00) where c != 0 && d != 0: wide = .utf16(big: false)
        default: return nil
        }
        var text = ""
        switch wide {
        case .utf16(let big):
            var units: [UInt16] = []
            units.reserveCapacity(b.count / 2)
            var k = skip
            while k + 1 < b.count {
                let hi = UInt16(big ? b[k] : b[k + 1])
                let lo = UInt16(big ? b[k + 1] : b[k])
                units.append(hi << 8 | lo)
                k += 2
            }
            text = String(decoding: units, as: UTF16.self)
        case .utf32(let big):
            var scalars = String.UnicodeScalarView()
            for k in stride(from: skip, to: b.count - 3, by: 4) {
                var v: UInt32 = 0
                for m in 0..<4 { v = v << 8 | UInt32(b[big ? k + m : k + 3 - m]) }
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            text = String(scalars)
        }
        let utf8 = Array(text.utf8)
        return relabel(utf8, declaration: xmlDeclarationEncoding(utf8)?.range)
    }

    /// The encoding to tell libxml2's HTML parser for a page, or nil to let it read the page's own
    /// `<meta charset>`: the HTTP charset if given, else UTF-8 or windows-1252 by the bytes.
    static func htmlEncoding(_ bytes: UnsafeRawBufferPointer, httpCharset: String?) -> String? {
        if let c = httpCharset?.lowercased(), !c.isEmpty { return latin.contains(c) ? "windows-1252" : c }
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return nil }
        let head = String(decoding: UnsafeRawBufferPointer(rebasing: bytes.prefix(4096)), as: UTF8.self).lowercased()
        if head.contains("charset") { return nil }
        return isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// The charset parameter of a Content-Type header (`text/xml; charset="ISO-8859-1"`).
    public static func parameter(ofContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                let v = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return v.isEmpty ? nil : v
            }
        }
        return nil
    }

    static func hasBOM(_ b: [UInt8]) -> Bool {
        (b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            || (b.count >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE)))
    }

    /// The value of `encoding="…"` in a leading `<?xml …?>`, and its byte range.
    static func xmlDeclarationEncoding(_ b: [UInt8]) -> (value: String, range: Range<Int>)? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i + 5 < b.count, Array(b[i..<i + 5]) == Array("<?xml".utf8) else { return nil }
        let limit = min(b.count, i + 256)
        guard let end = (i..<limit - 1).first(where: { b[$0] == 0x3F && b[$0 + 1] == 0x3E }) else { return nil }
        let decl = Array(b[i..<end])
        let key = Array("encoding".utf8)
        guard let k = (0..<max(0, decl.count - key.count)).first(where: { Array(decl[$0..<$0 + key.count]) == key }) else { return nil }
        var j = k + key.count
        while j < decl.count, decl[j] == 0x20 || decl[j] == 0x3D { j += 1 }
        guard j < decl.count, decl[j] == 0x22 || decl[j] == 0x27 else { return nil }
        let quote = decl[j]
        let start = j + 1
        guard let close = (start..<decl.count).first(where: { decl[$0] == quote }) else { return nil }
        return (String(decoding: decl[start..<close], as: UTF8.self), (i + start)..<(i + close))
    }

    static func relabel(_ bytes: [UInt8], declaration: Range<Int>?) -> [UInt8] {
        guard let r = declaration else { return bytes }
        var out = bytes
        out.replaceSubrange(r, with: Array("UTF-8".utf8))
        return out
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { isValidUTF8($0) } }

    /// Eight ASCII bytes at a time; the rest checked sequence by sequence.
    static func isValidUTF8(_ p: UnsafeRawBufferPointer) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            if i + 8 <= n, p.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if p[i] < 0x80 {
                i += 1
                continue
            }
            let len = sequenceLength(p, at: i)
            if len == 0 { return false }
            i += len
        }
        return true
    }

    /// The length of the valid UTF-8 sequence starting at `i` (2–4), or 0.
    static func sequenceLength<C: Collection>(_ b: C, at i: Int) -> Int where C.Element == UInt8, C.Index == Int {
        let c = b[i]
        let need: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED:
            need = 2
            high = 0x9F
        case 0xF0:
            need = 3
            low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            high = 0x8F
        default: return 0
        }
        guard i + need < b.endIndex else { return 0 }
        for k in 1...need {
            let x = b[i + k]
            if k == 1 ? (x < low || x > high) : (x < 0x80 || x > 0xBF) { return 0 }
        }
        return need + 1
    }

    /// windows-1252's 0x80–0x9F (the rest is ISO-8859-1, which is Unicode's first 256).
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendWindows1252(_ b: UInt8, to out: inout [UInt8]) {
        let scalar = b >= 0x80 && b <= 0x9F ? cp1252High[Int(b - 0x80)] : UInt32(b)
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
    }

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b) } else { appendWindows1252(b, to: &out) }
        }
        return out
    }

    /// Valid UTF-8 sequences kept, every other byte read as windows-1252.
    static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
            } else if case let n = sequenceLength(bytes, at: i), n > 0 {
                out.append(contentsOf: bytes[i..<i + n])
                i += n
            } else {
                appendWindows1252(b, to: &out)
                i += 1
            }
        }
        return out
    }
}
