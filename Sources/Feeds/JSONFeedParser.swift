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
        guard let version = root["version"] as? String, version.contains("jsonfeed.org") else {
            throw FeedError("JSON document is not a JSON Feed (no jsonfeed.org version)")
        }
        let base = (root["home_page_url"] as? String).flatMap { URL(string: $0) } ?? baseURL
        var feed = Feed(format: .json, title: clean(root["title"] as? String), link: root["home_page_url"] as? String)
        for case let item as [String: Any] in (root["items"] as? [Any]) ?? [] {
            var entry = FeedEntry()
            entry.id = (item["id"] as? String) ?? (item["id"] as? NSNumber)?.stringValue
            entry.title = clean(item["title"] as? String)
            entry.link = URLResolver.resolve(item["url"] as? String ?? item["external_url"] as? String, base: base)
            entry.published = (item["date_published"] as? String).flatMap(DateParser.parse)
            entry.updated = (item["date_modified"] as? String).flatMap(DateParser.parse)
            let author = (item["authors"] as? [[String: Any]])?.first ?? item["author"] as? [String: Any]
            entry.author = author?["name"] as? String
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

    private static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = HTMLText.plainText(s)
        return t.isEmpty ? nil : t
    }
}
