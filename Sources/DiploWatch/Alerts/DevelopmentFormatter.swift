import Extraction

/// One readable line for a development: "2024-08-28 CONSULT/meeting occurred: Jake Sullivan (USA) – Wang Yi (CHN) in Beijing [Taiwan]".
public enum DevelopmentFormatter {
    public static func line(_ d: Development) -> String {
        let kind = d.mode.map { "\(d.type)/\($0)" } ?? d.type
        let who = d.participants.map { p in
            let arrow = p.role == "target" ? "→ " : ""
            return arrow + p.name + (p.country.map { $0 == p.name ? "" : " (\($0))" } ?? "")
        }.joined(separator: " – ")
        var s = "\(d.date ?? "undated") \(kind) \(d.status): \(who)"
        if let l = d.location { s += " in \(l)" }
        if !d.topics.isEmpty { s += " [\(d.topics.joined(separator: ", "))]" }
        return s
    }
}
