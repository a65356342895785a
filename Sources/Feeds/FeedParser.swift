import Foundation

/// Detects a document's format and parses it into a `Feed`.
public enum FeedParser {
    /// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed. `baseURL` resolves relative links;
    /// `charset` is the HTTP Content-Type's, used when the document declares no encoding.
    public static func parse(_ data: Data, baseURL: URL? = nil, charset: String? = nil) throws(FeedError) -> Feed {
        guard let first = data.first(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
            throw FeedError("empty document")
        }
        if first == UInt8(ascii: "{") {
            return try JSONFeedParser.parse(data, baseURL: baseURL)
        }
        return try XMLFeedParser.parse(data, baseURL: baseURL, charset: charset)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
