import Foundation

/// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ data: Data, baseURL: URL?) throws(FeedError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FeedError("invalid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else { throw FeedError("JSON document is not an object") }
        // The version is a jsonfeed.org URL; some feeds write just "1", "1.0" or "1.1".
        guard let version = (root["version"] as? String)?.trimmed,
            version.contains("jsonfeed.org") || ["1", "1.0", "1.1"].contains(version)
        else {
            throw FeedError("JSON document is not a JSON Feed (no jsonfeed.org version)")
        }
        let home = (root["home_page_url"] as? String)?.trimmed
        let base = home.flatMap { URL(string: $0, relativeTo: baseURL)?.absoluteURL } ?? baseURL
        let link = URLResolver.resolve(home, base: baseURL)
        var feed = Feed(format: .json, title: clean(root["title"] as? String), link: link)
        let feedAuthors = authors(root)
        for case let item as [String: Any] in (root["items"] as? [Any]) ?? [] {
            var entry = FeedEntry()
            entry.id = (item["id"] as? String) ?? (item["id"] as? NSNumber)?.stringValue
            entry.title = (item["title"] as? String).flatMap(XMLFeedParser.title)
            entry.link = URLResolver.resolve(item["url"] as? String ?? item["external_url"] as? String, base: base)
            entry.published = (item["date_published"] as? String).flatMap(DateParser.parse)
            entry.updated = (item["date_modified"] as? String).flatMap(DateParser.parse)
            let own = authors(item)
            entry.authors = own.isEmpty ? feedAuthors : own
            entry.summary = clean(item["summary"] as? String)
            for a in item["attachments"] as? [[String: Any]] ?? [] {
                if let url = URLResolver.resolve(a["url"] as? String, base: base) {
                    entry.media.append(FeedMedia(url: url, type: a["mime_type"] as? String))
                }
            }
            if let image = URLResolver.resolve(item["image"] as? String, base: base) {
                entry.media.append(FeedMedia(url: image, medium: "image"))
            }
            if let html = item["content_html"] as? String {
                entry.content = HTMLText.plainText(html)
            } else if let text = item["content_text"] as? String {
                entry.content = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            feed.entries.append(entry)
        }
        return feed
    }

    /// JSON Feed 1.1's `authors`, then 1.0's `author`, names in order without repeats.
    private static func authors(_ object: [String: Any]) -> [String] {
        var list = (object["authors"] as? [[String: Any]]) ?? (object["authors"] as? [String: Any]).map { [$0] } ?? []
        if let legacy = object["author"] as? [String: Any] { list.append(legacy) }
        var names: [String] = []
        for a in list {
            if let name = clean(a["name"] as? String), !names.contains(name) { names.append(name) }
        }
        return names
    }

    private static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = HTMLText.plainText(s)
        return t.isEmpty ? nil : t
    }
}
