import Extraction
import Feeds
import Foundation
import Testing

@testable import DiploWatch

/// A development stored without an alert (old news under `max_age`, or background) still alerts
/// when a report that may alert comes, and then as `new`: nothing was ever announced.
@Suite("Withheld alerts")
struct WithheldAlertTests {
    let dir = Fixtures.tempDirectory()
    static let text = "Japan and India signed a trade agreement on Monday."
    static let topics = [TopicConfig(name: "deals")]

    func report(_ store: Store, _ guid: String, _ d: Development, published: Date?, now: Date) throws -> IngestOutcome {
        let body = Self.text + " Report \(guid)."
        let e = FeedEntry(id: guid, title: "t", link: "https://t.example/\(guid)", published: published, summary: body)
        return try store.ingest(
            IncomingArticle(feedURL: "https://t.example/f", feedTitle: nil, entry: e, text: body), developments: [d],
            topics: Self.topics, policy: AlertPolicy(), now: now)
    }

    func development(status: String) throws -> Development {
        var d = try #require(Extractor().extract(Article(text: Self.text, published: "2026-11-23")).first)
        d.status = status
        return d
    }

    @Test func oldNewsReportedAfreshAlerts() throws {
        // Given a development stored from a ten-day-old entry, so with no alert
        let store = try Store(path: dir + "/db.sqlite")
        let now = Date()
        let d = try development(status: "occurred")
        #expect(try report(store, "old", d, published: now.addingTimeInterval(-10 * 86400), now: now).alerts == 0)

        // When a fresh report of it comes
        let fresh = try report(store, "fresh", d, published: now, now: now)

        // Then it alerts once, as new, and a third report does not alert again
        #expect(fresh.alerts == 1)
        #expect(try store.alerts().map(\.kind) == ["new"])
        #expect(try report(store, "third", d, published: now, now: now).alerts == 0)
        #expect(try store.alerts().count == 1)
    }

    @Test func theBestSourceIsTheReportThatRaisedTheAlertHoweverDated() throws {
        // Given old news stored from a dated entry, then an undated copy of the same sentence
        let store = try Store(path: dir + "/db.sqlite")
        let now = Date()
        let d = try development(status: "occurred")
        _ = try report(store, "old", d, published: now.addingTimeInterval(-10 * 86400), now: now)
        #expect(try report(store, "copy", d, published: nil, now: now).alerts == 1)

        // Then the alert's best source is the copy that raised it, not the old entry
        #expect(try store.alerts().first?.bestSource?.url == "https://t.example/copy")
    }

    @Test func aBackgroundDevelopmentThatAdvancesIsNew() throws {
        // Given a development stored as background (never alerted)
        let store = try Store(path: dir + "/db.sqlite")
        let now = Date()
        #expect(try report(store, "bg", try development(status: "background"), published: now, now: now).alerts == 0)

        // When it is reported as occurred, then its one alert is new, not an update
        #expect(try report(store, "now", try development(status: "occurred"), published: now, now: now).alerts == 1)
        #expect(try store.alerts().map(\.kind) == ["new"])
    }
}
