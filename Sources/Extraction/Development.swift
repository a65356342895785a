/// One diplomatic development: who did what with whom, when, where, with what status.
/// This is the record `diplowatch extract --json` prints and the store keeps.
public struct Development: Codable, Sendable, Equatable, Hashable {
    public var type: String
    public var mode: String?
    public var status: String
    public var participants: [Participant]
    public var location: String?
    public var date: String?
    public var topics: [String]
    public var evidence: String
    public var confidence: Double

    public init(
        type: String, mode: String?, status: String, participants: [Participant], location: String?,
        date: String?, topics: [String], evidence: String, confidence: Double
    ) {
        self.type = type
        self.mode = mode
        self.status = status
        self.participants = participants
        self.location = location
        self.date = date
        self.topics = topics
        self.evidence = evidence
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case type, mode, status, participants, location, date, topics, evidence, confidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(mode, forKey: .mode)
        try c.encode(status, forKey: .status)
        try c.encode(participants, forKey: .participants)
        try c.encode(location, forKey: .location)
        try c.encode(date, forKey: .date)
        try c.encode(topics, forKey: .topics)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(confidence, forKey: .confidence)
    }
}

/// A party to a development: a person, a state or an international body.
public struct Participant: Codable, Sendable, Equatable, Hashable {
    public var name: String
    /// ISO 3166-1 alpha-3, or a body code such as UN, EU, NATO.
    public var country: String?
    /// `source`, `target` or `both`.
    public var role: String
    public var title: String?

    public init(name: String, country: String?, role: String, title: String? = nil) {
        self.name = name
        self.country = country
        self.role = role
        self.title = title
    }
}

/// The extractor's input: an article's text and its publication date (`YYYY-MM-DD`).
public struct Article: Codable, Sendable {
    public var title: String?
    public var text: String
    public var published: String?
    public var url: String?

    public init(title: String? = nil, text: String, published: String? = nil, url: String? = nil) {
        self.title = title
        self.text = text
        self.published = published
        self.url = url
    }
}
