import Extraction

/// Decides whether a development concerns a topic the user watches. Within a topic, fields
/// combine with AND and the values of one field with OR; an empty field matches everything.
public enum TopicMatcher {
    public static func matches(_ topic: TopicConfig, development d: Development, title: String?) -> Bool {
        if !topic.types.isEmpty, !topic.types.contains(d.type) { return false }
        if !topic.status.isEmpty, !topic.status.contains(d.status) { return false }
        if !topic.countries.isEmpty {
            let codes = Set(d.participants.compactMap(\.country))
            // Several countries: every one listed must take part when two or more are given and
            // the development has at least as many parties ("US–China contact"), else any.
            if topic.countries.count >= 2 {
                guard
                    topic.countries.filter(codes.contains).count >= 2
                        || (codes.count < 2 && codes.contains(where: topic.countries.contains))
                else { return false }
            } else if !codes.contains(where: topic.countries.contains) {
                return false
            }
        }
        if !topic.keywords.isEmpty {
            let haystack = (d.topics.joined(separator: " | ") + " | " + d.evidence + " | " + (title ?? "")).lowercased()
            guard topic.keywords.contains(where: { haystack.contains($0.lowercased()) }) else { return false }
        }
        return true
    }
}
