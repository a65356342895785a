import Extraction

/// The records the store keeps as JSON, read as `JSONDecoder` reads them with their `Codable`
/// conformances (synthesized ones, for `Development`, `Participant`, `AlertSource` and
/// `AlertPayload`): a required key missing, or a value of another type, is `Unreadable`.
extension JSONCursor {
    mutating func development() throws -> Development {
        try storedDevelopment(needsID: false).record
    }

    /// A development with the `id` key beside its fields (`StoredDevelopment`'s form); without
    /// `needsID`, an `id` is skipped as any other key.
    mutating func storedDevelopment(needsID: Bool = true) throws -> StoredDevelopment {
        var type: String?, status: String?, evidence: String?, confidence: Double?, id: Int64?
        var participants: [Participant]?, topics: [String]?
        var mode: String?, location: String?, date: String?
        try object { c, key in
            switch key {
            case "type": type = try c.string()
            case "mode": mode = try c.optionalString()
            case "status": status = try c.string()
            case "participants":
                var list: [Participant] = []
                try c.array { c in list.append(try c.participant()) }
                participants = list
            case "location": location = try c.optionalString()
            case "date": date = try c.optionalString()
            case "topics": topics = try c.strings()
            case "evidence": evidence = try c.string()
            case "confidence": confidence = try c.double()
            case "id" where needsID: id = try c.int64()
            default: try c.skipValue()
            }
        }
        guard let type, let status, let participants, let topics, let evidence, let confidence, id != nil || !needsID else {
            throw Unreadable()
        }
        return StoredDevelopment(
            id: id ?? 0,
            record: Development(
                type: type, mode: mode, status: status, participants: participants, location: location, date: date,
                topics: topics, evidence: evidence, confidence: confidence))
    }

    mutating func participant() throws -> Participant {
        var name: String?, role: String?, country: String?, title: String?
        try object { c, key in
            switch key {
            case "name": name = try c.string()
            case "role": role = try c.string()
            case "country": country = try c.optionalString()
            case "title": title = try c.optionalString()
            default: try c.skipValue()
            }
        }
        guard let name, let role else { throw Unreadable() }
        return Participant(name: name, country: country, role: role, title: title)
    }

    mutating func source() throws -> AlertSource {
        var s = AlertSource()
        try object { c, key in
            switch key {
            case "feed": s.feed = try c.optionalString()
            case "title": s.title = try c.optionalString()
            case "url": s.url = try c.optionalString()
            case "published": s.published = try c.optionalString()
            default: try c.skipValue()
            }
        }
        return s
    }

    mutating func payload() throws -> AlertPayload {
        var development: StoredDevelopment?, sources: [AlertSource]?, heldBack: Int?
        try object { c, key in
            switch key {
            case "development": development = try c.storedDevelopment()
            case "sources":
                var list: [AlertSource] = []
                try c.array { c in list.append(try c.source()) }
                sources = list
            case "heldBack":
                if try !c.null() {
                    guard let n = Int(exactly: try c.int64()) else { throw Unreadable() }
                    heldBack = n
                }
            default: try c.skipValue()
            }
        }
        guard let development, let sources else { throw Unreadable() }
        return AlertPayload(development: development, sources: sources, heldBack: heldBack)
    }
}
