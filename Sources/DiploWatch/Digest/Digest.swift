import Foundation

/// `diplowatch digest`: the alerts of a period, grouped by topic and by the countries taking part,
/// as text for a terminal or mail, or as one self-contained HTML page.
public struct Digest: Sendable {
    public var alerts: [Alert]
    public var since: Date
    public var now: Date

    public init(alerts: [Alert], since: Date, now: Date = Date()) {
        self.alerts = alerts
        self.since = since
        self.now = now
    }

    /// One group's heading and its alerts, newest first.
    public struct Group: Sendable {
        public var title: String
        public var alerts: [Alert]
    }

    /// By topic, the busiest first: an alert for several topics is listed under each.
    public var byTopic: [Group] { Self.groups(alerts) { $0.topics } }

    /// By the set of countries and bodies taking part ("CHN–USA"), the busiest first. A development
    /// alerted again (an update, a digest) counts once here.
    public var byCountries: [Group] {
        var seen: Set<Int64> = []
        let unique = alerts.reversed().filter { seen.insert($0.development.id).inserted }.reversed()
        return Self.groups(Array(unique)) { a in
            let codes = Set(a.development.record.participants.compactMap(\.country)).sorted()
            return [codes.isEmpty ? "no country named" : codes.joined(separator: "–")]
        }
    }

    static func groups(_ alerts: [Alert], key: (Alert) -> [String]) -> [Group] {
        var order: [String] = []
        var members: [String: [Alert]] = [:]
        for a in alerts.reversed() {
            for k in key(a) {
                if members[k] == nil { order.append(k) }
                members[k, default: []].append(a)
            }
        }
        return order.map { Group(title: $0, alerts: members[$0] ?? []) }
            .sorted { $0.alerts.count != $1.alerts.count ? $0.alerts.count > $1.alerts.count : $0.title < $1.title }
    }

    var heading: String {
        let n = alerts.count
        return "DiploWatch digest: \(n) alert\(n == 1 ? "" : "s") from \(RFC3339.string(since)) to \(RFC3339.string(now))"
    }

    /// The evidence sentence, shortened at a word to about `limit` characters.
    static func shorten(_ s: String, limit: Int = 200) -> String { AlertText.shorten(s, limit: limit) }

    /// Plain text: two sections, each group a heading, each alert three lines.
    public var text: String {
        var s = heading + "\n"
        if alerts.isEmpty { return s + "\nNo alerts in this period.\n" }
        for (title, groups) in [("By topic", byTopic), ("By countries", byCountries)] {
            s += "\n\(title)\n"
            for g in groups {
                s += "\n  \(g.title) (\(g.alerts.count))\n"
                for a in g.alerts {
                    let d = a.development.record
                    s += "    \(a.kind == "new" ? "" : a.kind + ": ")\(DevelopmentFormatter.line(d))\n"
                    s += "      \"\(Self.shorten(d.evidence))\"\n"
                    if let url = a.sources.compactMap(\.url).first {
                        let more = a.sources.count > 1 ? " (+\(a.sources.count - 1) more)" : ""
                        s += "      \(url)\(more)\n"
                    }
                }
            }
        }
        return s
    }
}
