import Foundation

/// Resolves feed links against xml:base, the feed's own link, or the URL it was fetched from.
enum URLResolver {
    static func resolve(_ link: String?, base: URL?) -> String? {
        guard let raw = link?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        if let url = URL(string: raw), url.scheme != nil { return raw }
        guard let base, let url = URL(string: raw, relativeTo: base) else { return raw }
        return url.absoluteString
    }
}
