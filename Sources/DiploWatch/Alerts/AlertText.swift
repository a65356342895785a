import Extraction
import Foundation

/// The text alert line, for people: what happened, who with whom, where and when, the sentence
/// that tells it and where to read it.
///
///     2026-12-01T09:14:03Z #41 [us-china, summits] new: CONSULT/meeting occurred: Joe Biden (USA) – Xi Jinping (CHN),
///     in Lima on 2024-11-16 — "Biden and Xi met on the sidelines of the summit…" https://example.org/a (3 sources)
///
/// (one line). The best source is the article whose sentence is the evidence.
public enum AlertText {
    public static func line(_ alert: Alert) -> String {
        let d = alert.development.record
        var s = "\(alert.time) #\(alert.id) [\(alert.topics.joined(separator: ", "))] \(alert.kind): "
        if let n = alert.heldBack { s += "\(n) alerts held back by the topic's rate limit; the latest: " }
        s += "\(d.mode.map { "\(d.type)/\($0)" } ?? d.type) \(d.status): \(who(d))"
        switch (d.location, d.date) {
        case (let place?, let date?): s += ", in \(place) on \(date)"
        case (let place?, nil): s += ", in \(place)"
        case (nil, let date?): s += ", on \(date)"
        case (nil, nil): break
        }
        let evidence = shorten(d.evidence.trimmingCharacters(in: .whitespacesAndNewlines))
        if !evidence.isEmpty { s += " — \"\(evidence)\"" }
        if let src = alert.bestSource, let url = src.url ?? src.title { s += " " + url }
        if alert.sources.count > 1 { s += " (\(alert.sources.count) sources)" }
        // Text is for people and terminals: a feed's control characters are neutralised.
        return TerminalText.safe(s)
    }

    /// "Joe Biden (USA) – Xi Jinping (CHN)", a target marked "→".
    static func who(_ d: Development) -> String {
        d.participants.map { p in
            (p.role == "target" ? "→ " : "") + p.name + (p.country.map { $0 == p.name ? "" : " (\($0))" } ?? "")
        }.joined(separator: " – ")
    }

    /// A sentence shortened on a word boundary to about `limit` characters, with "…".
    public static func shorten(_ s: String, limit: Int = 200) -> String {
        guard s.count > limit else { return s }
        let cut = s.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }
}
