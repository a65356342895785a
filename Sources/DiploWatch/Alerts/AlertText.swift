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
        let evidence = shorten(trimmed(d.evidence))
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

    /// A sentence shortened on a word boundary to about `limit` characters, with "…": cut at the
    /// last white space in the second half of the cut (text without spaces, such as Chinese or
    /// Thai, at the limit), only the end trimmed of spaces and punctuation. The cut also holds at
    /// most `4 × limit` Unicode scalars, so one character carrying endless combining marks cannot
    /// make the line unbounded.
    /// `s` without white space and newlines at either end, trimmed in Swift: Foundation's
    /// trimming bridges through NSString, a tenth of `alerts`' CPU over a thousand lines.
    static func trimmed(_ s: String) -> String {
        guard let first = s.first, let last = s.last, first.isWhitespace || last.isWhitespace else { return s }
        var body = Substring(s).drop(while: \.isWhitespace)
        while let end = body.last, end.isWhitespace { body.removeLast() }
        return String(body)
    }

    public static func shorten(_ s: String, limit: Int = 200) -> String {
        // No more bytes than the limit: no more characters, nor scalars, either.
        if s.utf8.count <= limit { return s }
        let scalarLimit = 4 * limit
        var end = s.startIndex
        var (count, scalars) = (0, 0)
        while end < s.endIndex, count < limit {
            let n = s[end].unicodeScalars.count
            guard scalars + n <= scalarLimit else { break }
            end = s.index(after: end)
            count += 1
            scalars += n
        }
        guard end < s.endIndex else { return s }
        // One character alone over the scalar limit: cut inside it.
        guard end > s.startIndex else { return String(s.unicodeScalars.prefix(scalarLimit)) + "…" }
        var cut = s[..<end]
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) >= cut.count / 2 {
            cut = cut[..<space]
        }
        while let last = cut.last, last.isWhitespace || last.isPunctuation { cut.removeLast() }
        return cut + "…"
    }
}
