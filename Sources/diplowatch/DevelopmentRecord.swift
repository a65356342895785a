import DiploWatch
import Foundation

/// One line of `developments --json`: the development's fields, its id, and the articles it was
/// read from, as the alert log shows them.
struct DevelopmentRecord: Encodable {
    var development: StoredDevelopment
    var sources: [AlertSource]

    enum Key: String, CodingKey { case sources }

    func encode(to encoder: any Encoder) throws {
        try development.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(sources, forKey: .sources)
    }
}
