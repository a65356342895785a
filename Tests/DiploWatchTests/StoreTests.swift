import Extraction
import Feeds
import Foundation
import Testing

@testable import DiploWatch

@Suite("Store")
struct StoreTests {
    let dir = Fixtures.tempDirectory()
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func entry(_ f: (guid: String, title: String, link: String, date: String, text: String)) -> FeedEntry {
        FeedEntry(id: f.guid, title: f.title, link: f.link, published: DateParser.parse(f.date), summary: f.text)
    }

    func developments(_ e: FeedEntry) -> [Development] {
        Extractor().extract(Article(title: e.title, text: e.summary ?? "", published: Store.isoDay(e.published!)))
    }

    @Test func sameArticleInTwoFeedsIsOneArticle() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let e = entry(Fixtures.meeting)
        let a = IncomingArticle(feedURL: "https://a.example/feed", feedTitle: "A", entry: e, text: e.summary!)
        var other = e
        other.id = "different-guid"  // another feed, another guid, same link
        let b = IncomingArticle(feedURL: "https://b.example/feed", feedTitle: "B", entry: other, text: e.summary!)
        #expect(try store.ingest(a, developments: developments(e), topics: [], now: now).newArticles == 1)
        #expect(try store.unknown([b]) == [false])
        #expect(try store.ingest(b, developments: developments(e), topics: [], now: now).newArticles == 0)
        #expect(try store.counts().articles == 1)
    }

    @Test func sameDevelopmentFromTwoArticlesIsOneDevelopmentWithTwoSources() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let topics = [TopicConfig(name: "france-india", countries: ["FRA", "IND"])]
        let e1 = entry(Fixtures.meeting)
        let e2 = entry(Fixtures.sameMeetingElsewhere)
        let d1 = developments(e1)
        let d2 = developments(e2)
        #expect(d1.count == 1)
        #expect(d2.count == 1)
        let o1 = try store.ingest(
            IncomingArticle(feedURL: "https://a.example/f", feedTitle: nil, entry: e1, text: e1.summary!), developments: d1, topics: topics,
            now: now)
        let o2 = try store.ingest(
            IncomingArticle(feedURL: "https://b.example/f", feedTitle: nil, entry: e2, text: e2.summary!), developments: d2, topics: topics,
            now: now)
        #expect(o1.newDevelopments == 1)
        #expect(o1.alerts == 1)
        #expect(o2.newDevelopments == 0)
        #expect(o2.alerts == 0)
        let stored = try store.developments()
        #expect(stored.count == 1)
        #expect(try store.sourceCount(development: stored[0].id) == 2)
    }

    @Test func advancingStatusRaisesOneUpdateAlert() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let topics = [TopicConfig(name: "all")]
        func ingest(_ guid: String, _ text: String) throws -> IngestOutcome {
            let e = FeedEntry(
                id: guid, title: guid, link: "https://t.example/\(guid)", published: DateParser.parse("2026-11-20T00:00:00Z"), summary: text
            )
            return try store.ingest(
                IncomingArticle(feedURL: "https://t.example/f", feedTitle: nil, entry: e, text: text), developments: developments(e),
                topics: topics, now: now)
        }
        #expect(try ingest("1", "Brazil's president Lula could meet Argentina's Javier Milei this month.").alerts == 1)
        #expect(try ingest("2", "Lula will meet Milei in Brasilia later this month.").alerts == 1)
        #expect(try ingest("3", "Lula met Milei in Brasilia on Friday.").alerts == 1)
        #expect(try ingest("4", "Lula met Milei in Brasilia on Friday, officials said again.").alerts == 0)
        #expect(try store.alerts().map(\.kind) == ["new", "update", "update"])
        #expect(try store.alerts().map(\.development.record.status) == ["possible", "planned", "occurred"])
        #expect(try store.developments().first?.record.status == "occurred")
    }

    @Test func searchAndFilters() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let e = entry(Fixtures.meeting)
        _ = try store.ingest(
            IncomingArticle(feedURL: "f", feedTitle: nil, entry: e, text: e.summary!), developments: developments(e), topics: [], now: now)
        #expect(try store.developments(country: "IND").count == 1)
        #expect(try store.developments(country: "CHN").isEmpty)
        #expect(try store.developments(type: "consult").count == 1)
        #expect(try store.developments(search: "Jaishankar").count == 1)
        #expect(try store.developments(search: "Pyongyang").isEmpty)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func rateLimitHoldsWithinOneFeedsBatchAndCountsEarlierAlerts() async throws {
        let store = try Store(path: dir + "/db.sqlite")
        var limited = TopicConfig(name: "deals")
        limited.maxPerHour = 3
        func article(_ i: Int, _ a: String, _ b: String) -> (article: IncomingArticle, developments: [Development]) {
            let text = "\(a) and \(b) signed a trade agreement on Monday."
            let e = FeedEntry(
                id: "b\(i)", title: "t", link: "https://t.example/b\(i)", published: DateParser.parse("2026-11-24"), summary: text)
            return (
                IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text),
                Extractor().extract(Article(text: text, published: "2026-11-24"))
            )
        }
        // Given one alert of the topic already raised this hour…
        let first = article(0, "Japan", "India")
        #expect(try store.ingest(first.article, developments: first.developments, topics: [limited], now: now).alerts == 1)
        // …a feed of four more deals in one transaction raises two and holds the other two back.
        let pairs = [("France", "Brazil"), ("Kenya", "Egypt"), ("Chile", "Peru"), ("Ghana", "Norway")]
        let batch = pairs.enumerated().map { article($0.offset + 1, $0.element.0, $0.element.1) }
        #expect(batch.allSatisfy { $0.developments.count == 1 })
        let outcome = try await store.ingest(batch: batch, topics: [limited], now: now)
        #expect(outcome.alerts == 2)
        #expect(try store.read { db in try store.sentInLastHour(db, topic: "deals", now: self.now) } == 3)
        // An hour later the window is open again.
        let later = article(9, "Poland", "Mexico")
        #expect(try store.ingest(later.article, developments: later.developments, topics: [limited], now: now + 3601).alerts == 1)
    }

    @Test func sourcesAreDatedAsRFC3339WritesThem() {
        var rng = SystemRandomNumberGenerator()
        // 1900 to 2100, whole and fractional seconds, and the edges of days, months and leap years.
        var times: [Double] = [0, -1, -0.5, 0.999, 86399.9, 951_782_400, 951_868_799, 4_107_542_399, -2_208_988_800]
        for _ in 0..<5000 { times.append(Double.random(in: -2_208_988_800...4_102_444_800, using: &rng)) }
        // Near the end of a second: the formatter rounds to the millisecond first.
        for _ in 0..<5000 {
            times.append(Double(Int.random(in: 0...4_102_444_800, using: &rng)) + Double.random(in: 0.998...1, using: &rng))
        }
        times += [0.9994, 0.9995, 1_795_000_000.9996, -12_219_292_801, -62_135_596_800]
        for t in times {
            let date = Date(timeIntervalSince1970: t)
            #expect(UTCTimestamp.string(date) == RFC3339.string(date), "\(t)")
        }
    }
}
