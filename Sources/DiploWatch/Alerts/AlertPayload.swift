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

/// One alert, as the alert log and `diplowatch alerts --json` show it.
public struct Alert: Codable, Sendable, Equatable {
    public var id: Int64
    public var time: String
    public var topic: String
    public var kind: String
    public var development: StoredDevelopment
    public var sources: [AlertSource]
    /// For `kind == "digest"`: how many alerts the topic's rate limit held back (the development
    /// shown is the latest of them).
    public var heldBack: Int?
    /// The identity of the database that raised the alert (`Store.identity`).
    public var database: String?

    enum CodingKeys: String, CodingKey {
        case id, time, topic, kind, development, sources, database
        case heldBack = "held_back"
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
