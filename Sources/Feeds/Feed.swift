import Foundation

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable {
    case rss20, rss10, rss09x, atom10, atom03, json
}

/// A parsed feed in the common model every format adapts to.
public struct Feed: Sendable, Codable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var entries: [FeedEntry]

    public init(format: FeedFormat, title: String? = nil, link: String? = nil, entries: [FeedEntry] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.entries = entries
    }
}

/// One item of a feed; text fields are plain text, links absolute where a base was known.
public struct FeedEntry: Sendable, Codable, Equatable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    /// Every author, joined with ", " (`authors` has them one by one).
    public var author: String?
    /// The authors in document order ("Name (email)" where both are given).
    public var authors: [String] = [] {
        didSet { author = authors.isEmpty ? nil : authors.joined(separator: ", ") }
    }
    public var summary: String?
    public var content: String?
    /// Media RSS (`media:content`, `media:thumbnail`, in a `media:group` or not) and enclosures.
    public var media: [FeedMedia] = []

    public init(
        id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
        updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.author = author
        self.summary = summary
        self.content = content
    }

    /// The longest text the entry carries: content, else summary, else the title.
    public var bestText: String {
        let c = content ?? ""
        let s = summary ?? ""
        if c.count >= s.count, !c.isEmpty { return c }
        if !s.isEmpty { return s }
        return title ?? ""
    }
}

/// A media object attached to an entry: Media RSS or an RSS enclosure.
public struct FeedMedia: Sendable, Codable, Equatable {
    public var url: String
    /// MIME type (`image/jpeg`), when given.
    public var type: String?
    /// `image`, `video`, `audio`, `document`, or `thumbnail` for `media:thumbnail`.
    public var medium: String?

    public init(url: String, type: String? = nil, medium: String? = nil) {
        self.url = url
        self.type = type
        self.medium = medium
    }
}
