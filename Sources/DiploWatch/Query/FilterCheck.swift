import Extraction
import Foundation

/// Checks the values of `--country`, `--type` and `--topic` before a query runs, so that a value
/// that can match nothing is refused with a suggestion instead of printing nothing.
///
/// Country names are resolved with the extractor itself (its public API has no list of states):
/// a probe sentence naming the value tells which state or body it is. Codes are known from the
/// stored participants and the config's topics and actors; a code's own name cannot be looked up
/// (nothing public maps a code to its name), so a near code is suggested without one.
public struct FilterCheck: Sendable {
    /// Codes known to the database and the config, each with the names it appears under.
    public var countries: [String: Set<String>]
    public var topics: Set<String>
    /// The extractor's dictionary, built only when a value has to be resolved as a name (building
    /// it costs more than the rest of a query).
    let lexicon: @Sendable () -> Lexicon

    public init(countries: [String: Set<String>], topics: Set<String>, lexicon: @escaping @Sendable () -> Lexicon) {
        self.countries = countries
        self.topics = topics
        self.lexicon = lexicon
    }

    public init(countries: [String: Set<String>], topics: Set<String>, lexicon: Lexicon) {
        self.init(countries: countries, topics: topics, lexicon: { lexicon })
    }

    /// The PLOVER event types.
    public static let types = ConfigLoader.Reader.types

    /// Words people use for an event type.
    static let typeWords: [String: String] = [
        "MEET": "CONSULT", "MEETING": "CONSULT", "CALL": "CONSULT", "VISIT": "CONSULT", "TALKS": "CONSULT",
        "SUMMIT": "CONSULT", "DEAL": "AGREE", "AGREEMENT": "AGREE", "TREATY": "AGREE", "URGE": "REQUEST",
        "DEMAND": "REQUEST", "CONDEMN": "ACCUSE", "CRITICISE": "ACCUSE", "CRITICIZE": "ACCUSE", "WARN": "THREATEN",
        "THREAT": "THREATEN", "SANCTIONS": "SANCTION", "EMBARGO": "SANCTION", "ATTACK": "ASSAULT", "STRIKE": "ASSAULT",
        "REFUSE": "REJECT", "HELP": "AID", "EXERCISES": "MOBILIZE", "WITHDRAW": "RETREAT",
    ]

    /// The code to query for, or why the value is refused.
    public func country(_ value: String) -> Result<String, FilterError> {
        let code = value.uppercased()
        if countries[code] != nil { return .success(code) }
        if let (found, name) = resolve(value) {
            return .failure(FilterError("`\(value)` is not a code; did you mean \(found) (\(name))?"))
        }
        if let near = Self.nearest(code, in: countries.keys) {
            return .failure(FilterError("`\(value)` is not a code of any stored development; did you mean \(near)?"))
        }
        return .failure(
            FilterError(
                "`\(value)` is not a code of any stored development (codes are ISO 3166-1 alpha-3, such as USA or CHN, or bodies such as EU)"
            ))
    }

    public func type(_ value: String) -> Result<String, FilterError> {
        let t = value.uppercased()
        if Self.types.contains(t) { return .success(t) }
        let guess = Self.typeWords[t] ?? Self.nearest(t, in: Self.types)
        let known = "known types: \(Self.types.sorted().joined(separator: ", "))"
        if let guess { return .failure(FilterError("`\(value)` is not an event type; did you mean \(guess)? (\(known))")) }
        return .failure(FilterError("`\(value)` is not an event type (\(known))"))
    }

    public func topic(_ value: String) -> Result<String, FilterError> {
        if topics.contains(value) { return .success(value) }
        let known = topics.isEmpty ? "no topics are configured" : "topics: \(topics.sorted().joined(separator: ", "))"
        if let guess = topics.first(where: { $0.lowercased() == value.lowercased() }) ?? Self.nearest(value, in: topics) {
            return .failure(FilterError("`\(value)` is not a topic; did you mean \(guess)? (\(known))"))
        }
        return .failure(FilterError("`\(value)` is not a topic (\(known))"))
    }

    /// The state or body a name stands for, read by the extractor from a probe sentence.
    func resolve(_ value: String) -> (code: String, name: String)? {
        let name = value.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let other = name == "Fiji" ? "Tonga" : "Fiji"
        let probe = Article(text: "\(name) met \(other) in Geneva on Monday.", published: "2026-01-05")
        for d in Extractor(lexicon: lexicon()).extract(probe) {
            if let p = d.participants.first(where: { $0.country != nil && $0.name != other && $0.country != Self.code(of: other) }),
                let code = p.country
            {
                return (code, p.name)
            }
        }
        return nil
    }

    static func code(of probeName: String) -> String { probeName == "Fiji" ? "FJI" : "TON" }

    /// The closest of `candidates` to `value` within two edits, if any.
    static func nearest(_ value: String, in candidates: some Collection<String>) -> String? {
        let scored = candidates.map { ($0, distance(value.uppercased(), $0.uppercased())) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// A filter value that can match nothing, with what to write instead.
public struct FilterError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
