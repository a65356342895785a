import Extraction
import Foundation

/// Reads the JSON the store writes (developments, alert payloads, topic lists) straight into the
/// records, without `JSONDecoder`: listing 5,000 alerts or developments spent a third of its CPU
/// in the decoder's containers. The reader takes exactly what `JSONDecoder` would (required keys
/// present with their types, optional keys absent or null, other keys skipped); anything else it
/// gives up on, and the caller decodes the text with `JSONDecoder`, so a row it cannot read is
/// read, or refused, as before.
enum StoredJSON {
    static func development(_ text: String) throws -> Development {
        if let d = fast(text, { c in try c.development() }) { return d }
        return try JSONDecoder().decode(Development.self, from: Data(text.utf8))
    }

    static func payload(_ text: String) throws -> AlertPayload {
        if let p = fast(text, { c in try c.payload() }) { return p }
        return try JSONDecoder().decode(AlertPayload.self, from: Data(text.utf8))
    }

    static func strings(_ text: String) throws -> [String] {
        if let s = fast(text, { c in try c.strings() }) { return s }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// The value `read` takes from the whole of `text`, or nil where the text is not that value
    /// (or not only it).
    private static func fast<T>(_ text: String, _ read: (inout JSONCursor) throws -> T) -> T? {
        var text = text
        return text.withUTF8 { bytes in
            var c = JSONCursor(bytes: bytes)
            guard let value = try? read(&c), c.atEnd() else { return nil }
            return value
        }
    }
}
