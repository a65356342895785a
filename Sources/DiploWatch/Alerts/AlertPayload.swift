import Extraction
import Foundation

/// A development as stored: the extractor's record plus its database id.
public struct StoredDevelopment: Codable, Sendable, Equatable {
    public var id: Int64
    public var record: Development

    enum IDKey: String, CodingKey { case id }

    public init(id: Int64, record: Development) {
        self.id = id
        self.record = record
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: IDKey.self)
        try c.encode(id, forKey: .id)
    }

    public init(from decoder: any Decoder) throws {
        record = try Development(from: decoder)
        id = try decoder.container(keyedBy: IDKey.self).decode(Int64.self, forKey: .id)
    }
}

/// An article a development was read from.
public struct AlertSource: Codable, Sendable, Equatable {
    public var feed: String?
    public var title: String?
    public var url: String?
    public var published: String?
}

/// What an alert row keeps: the development and its sources as they were when it was raised.
struct AlertPayload: Codable, Sendable {
    var development: StoredDevelopment
    var sources: [AlertSource]
    /// For a digest: how many alerts the topic's rate limit held back.
    var heldBack: Int?
}

/// One alert, as the alert log and `diplowatch alerts --json` show it: one per development and
/// status, whatever the number of topics it matches.
public struct Alert: Codable, Sendable, Equatable {
    public var id: Int64
    public var time: String
    /// Every topic the development matched, in the order they are configured.
    public var topics: [String]
    public var kind: String
    public var development: StoredDevelopment
    public var sources: [AlertSource]
    /// For `kind == "digest"`: how many alerts the topic's rate limit held back (the development
    /// shown is the latest of them).
    public var heldBack: Int?
    /// The identity of the database that raised the alert (`Store.identity`).
    public var database: String?

    /// The first of `topics`; kept in the JSON line as `topic` for readers of the one-topic format.
    public var topic: String { topics.first ?? "" }

    /// The source to read: the article whose sentence is the evidence (stored first; for an update,
    /// the report that told the advance).
    public var bestSource: AlertSource? { sources.first }

    public init(
        id: Int64, time: String, topics: [String], kind: String, development: StoredDevelopment, sources: [AlertSource],
        heldBack: Int? = nil, database: String? = nil
    ) {
        self.id = id
        self.time = time
        self.topics = topics
        self.kind = kind
        self.development = development
        self.sources = sources
        self.heldBack = heldBack
        self.database = database
    }

    enum CodingKeys: String, CodingKey {
        case id, time, topic, topics, kind, development, sources, database
        case heldBack = "held_back"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        time = try c.decode(String.self, forKey: .time)
        topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? [try c.decode(String.self, forKey: .topic)]
        kind = try c.decode(String.self, forKey: .kind)
        development = try c.decode(StoredDevelopment.self, forKey: .development)
        sources = try c.decode([AlertSource].self, forKey: .sources)
        heldBack = try c.decodeIfPresent(Int.self, forKey: .heldBack)
        database = try c.decodeIfPresent(String.self, forKey: .database)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(time, forKey: .time)
        try c.encode(topic, forKey: .topic)
        try c.encode(topics, forKey: .topics)
        try c.encode(kind, forKey: .kind)
        try c.encode(development, forKey: .development)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(heldBack, forKey: .heldBack)
        try c.encodeIfPresent(database, forKey: .database)
    }
}

/// RFC 3339 timestamps in UTC.
public enum RFC3339 {
    public static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    public static func date(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withFullDate]
        return f.date(from: s)
    }
}
