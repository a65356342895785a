import Foundation

/// A seeded generator of news-like articles (about 4 KB each) and feeds, written for benchmarks:
/// a fraction diplomatic, the rest everyday news. Same seed, same corpus.
struct SyntheticNews {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: every bit is well mixed (an LCG's low bits repeat after a few thousand draws,
    /// which made whole articles repeat).
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let leaders = [
        ("US Secretary of State", "Marco Rubio"), ("Chinese Foreign Minister", "Wang Yi"), ("Indian Prime Minister", "Narendra Modi"),
        ("French President", "Emmanuel Macron"), ("Russian Foreign Minister", "Sergey Lavrov"),
        ("Japanese Prime Minister", "Shigeru Ishiba"),
        ("Brazilian President", "Luiz Inacio Lula da Silva"), ("Turkish President", "Recep Tayyip Erdogan"),
        ("German Chancellor", "Friedrich Merz"), ("Australian Foreign Minister", "Penny Wong"),
    ]
    static let cities = ["Geneva", "Jakarta", "Brasilia", "Nairobi", "Doha", "Vienna", "Singapore", "Ankara", "Hanoi", "Oslo"]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    static let topics = [
        "trade", "tariffs", "the Taiwan Strait", "climate finance", "a ceasefire in Gaza", "critical minerals", "fentanyl",
    ]
    static let filler = [
        "Officials said the talks had been planned for several weeks and covered a wide range of issues.",
        "Markets were little changed after the announcement, with analysts saying the outcome had largely been expected.",
        "The city council approved a new budget for public transport, including more buses on evening routes.",
        "Heavy rain is forecast for the weekend, and residents near the river were advised to prepare sandbags.",
        "The company reported higher quarterly revenue, helped by strong demand for its cloud services.",
        "Local schools will reopen on Monday after the holiday break, the education department said.",
        "The museum's new exhibition draws on archives that have not been shown to the public before.",
        "Both teams will play again next week in the second leg of the semi-final.",
    ]

    mutating func diplomaticSentence() -> String {
        let (t1, n1) = pick(Self.leaders)
        var (t2, n2) = pick(Self.leaders)
        if n2 == n1 { (t2, n2) = Self.leaders[(Self.leaders.firstIndex { $0.1 == n1 }! + 1) % Self.leaders.count] }
        let city = pick(Self.cities)
        let day = pick(Self.days)
        let topic = pick(Self.topics)
        switch next() % 6 {
        case 0: return "\(t1) \(n1) met \(t2) \(n2) in \(city) on \(day) to discuss \(topic), officials said."
        case 1: return "\(t1) \(n1) and \(t2) \(n2) will speak by phone next week about \(topic)."
        case 2: return "\(t1) \(n1) urged \(t2) \(n2) to make progress on \(topic)."
        case 3: return "\(n1) is expected to visit \(city) later this month for talks with \(n2)."
        case 4: return "\(t1) \(n1) warned \(n2) against new tariffs, the ministry said on \(day)."
        default: return "The two governments signed an agreement on \(topic) in \(city) on \(day)."
        }
    }

    /// An article of about `bytes` bytes. A diplomatic one opens with a development and tells two
    /// or three more among its paragraphs, as wire copy does; the rest is everyday news.
    mutating func article(bytes: Int = 4096, diplomatic: Bool) -> String {
        var paragraphs: [String] = []
        var size = 0
        var developments = diplomatic ? 3 + Int(next() % 2) : 0
        while size < bytes {
            let s: String
            if developments > 0, paragraphs.isEmpty || next() % 8 == 0 {
                s = diplomaticSentence()
                developments -= 1
            } else {
                s = pick(Self.filler)
            }
            paragraphs.append(s)
            size += s.utf8.count + 1
        }
        return paragraphs.joined(separator: "\n")
    }

    /// An Atom 1.0 feed of `items` articles.
    mutating func atom(feed: Int, items: Int, diplomaticShare: Double = 0.3) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench feed \(feed)</title>"
        s += "<id>tag:bench.example,2026:\(feed)</id><updated>2026-11-24T10:00:00Z</updated>"
        for (i, html) in escapedArticles(items, diplomaticShare: diplomaticShare).enumerated() {
            s += "<entry><title>Story \(feed)-\(i)</title><link href=\"https://bench.example/\(feed)/\(i)\"/>"
            s += "<id>tag:bench.example,2026:\(feed)-\(i)</id><published>2026-11-24T10:00:00Z</published>"
            s += "<content type=\"html\">\(html)</content></entry>\n"
        }
        return s + "</feed>\n"
    }

    /// An RSS 2.0 feed of `items` articles.
    mutating func rss(feed: Int, items: Int, diplomaticShare: Double = 0.3) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed \(feed)</title>"
        s += "<link>https://bench.example/\(feed)/</link>"
        for (i, html) in escapedArticles(items, diplomaticShare: diplomaticShare).enumerated() {
            s += "<item><title>Story \(feed)-\(i)</title><link>https://bench.example/\(feed)/\(i)</link>"
            s += "<guid isPermaLink=\"false\">bench-\(feed)-\(i)</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>"
            s += "<description>\(html)</description></item>\n"
        }
        return s + "</channel></rss>\n"
    }

    /// Articles as HTML paragraphs, escaped for an XML element.
    mutating func escapedArticles(_ count: Int, diplomaticShare: Double) -> [String] {
        (0..<count).map { _ in
            let diplomatic = Double(next() % 1000) / 1000 < diplomaticShare
            let text = article(diplomatic: diplomatic).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;")
            return "&lt;p&gt;" + text.replacingOccurrences(of: "\n", with: "&lt;/p&gt;&lt;p&gt;") + "&lt;/p&gt;"
        }
    }
}
