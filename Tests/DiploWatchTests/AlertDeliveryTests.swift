import Extraction
import Feeds
import Foundation
import Testing

@testable import DiploWatch

@Suite("Alert delivery")
struct AlertDeliveryTests {
    let dir = Fixtures.tempDirectory()

    func storeWithAlerts(_ n: Int) throws -> Store {
        let store = try Store(path: dir + "/db.sqlite")
        let pairs = [("Japan", "India"), ("France", "Brazil"), ("Kenya", "Egypt"), ("Chile", "Peru")]
        for i in 0..<n {
            let (a, b) = pairs[i]
            let text = "\(a) and \(b) signed a trade agreement on Monday."
            let e = FeedEntry(
                id: "g\(i)", title: "t\(i)", link: "https://t.example/\(i)", published: DateParser.parse("2026-11-24"), summary: text)
            let devs = Extractor().extract(Article(text: text, published: "2026-11-24"))
            _ = try store.ingest(
                IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text), developments: devs,
                topics: [TopicConfig(name: "deals", types: ["AGREE"])], now: Date())
        }
        return store
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func deliversEachAlertOnceAsJSONLines() throws {
        let store = try storeWithAlerts(3)
        let log = dir + "/alerts.jsonl"
        let delivery = AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl))
        #expect(try delivery.deliverPending() == 3)
        #expect(try delivery.deliverPending() == 0)
        let written = lines(log)
        #expect(written.count == 3)
        struct Line: Decodable {
            struct Dev: Decodable {
                var id: Int64
                var type: String
                var participants: [Participant]
            }
            var id: Int64
            var time: String
            var topic: String
            var kind: String
            var development: Dev
            var sources: [AlertSource]
        }
        let parsed = try written.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(parsed.map(\.id) == [1, 2, 3])
        #expect(parsed.allSatisfy { $0.topic == "deals" && $0.kind == "new" && $0.development.type == "AGREE" })
        #expect(parsed[0].sources.first?.url == "https://t.example/0")
        #expect(RFC3339.date(parsed[0].time) != nil)
    }

    @Test func crashAfterWritingBeforeMarkingNeverRepeatsALine() throws {
        let store = try storeWithAlerts(3)
        let log = dir + "/alerts.jsonl"
        let sink = AlertLogSink(path: log, format: .jsonl)
        // Given the first two alerts reached the log but the process died before marking them…
        let pending = try store.undeliveredAlerts()
        try sink.deliver(Array(pending.prefix(2)))
        #expect(try store.counts().undelivered == 3)
        // …when delivery runs again, only the third is written.
        #expect(try AlertDelivery(store: store, sink: sink).deliverPending() == 1)
        #expect(lines(log).compactMap { AlertLogSink.mark(in: $0)?.id } == [1, 2, 3])
        #expect(try store.counts().undelivered == 0)
    }

    @Test func aTextLogWhoseTopicHasABracketIsRecognisedAfterACrash() throws {
        // Given a text log of a topic named "deals [asia]: east" that got two alerts before the process
        // died, before marking them
        let store = try Store(path: dir + "/db.sqlite")
        for (i, text) in ["Japan and India signed a trade agreement on Monday.", "France and Brazil signed a trade agreement on Monday."]
            .enumerated()
        {
            let e = FeedEntry(id: "g\(i)", title: "t", link: "https://t.example/\(i)", published: Date(), summary: text)
            _ = try store.ingest(
                IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text),
                developments: Extractor().extract(Article(text: text, published: Store.isoDay(Date()))),
                topics: [TopicConfig(name: "deals [asia]: east")], now: Date())
        }
        let log = dir + "/alerts.log"
        let sink = AlertLogSink(path: log, format: .text)
        try sink.deliver(try store.undeliveredAlerts())

        // When delivery runs again, then nothing is written twice
        #expect(AlertLogSink.mark(in: lines(log)[1])?.id == 2)
        #expect(try AlertDelivery(store: store, sink: sink).deliverPending() == 0)
        #expect(lines(log).count == 2)
    }

    @Test func aTornLastLineIsReplacedByTheWholeAlert() throws {
        let store = try storeWithAlerts(2)
        let log = dir + "/alerts.jsonl"
        let sink = AlertLogSink(path: log, format: .jsonl)
        // Given the first alert was written and the second was cut off mid-line by a crash…
        let pending = try store.undeliveredAlerts()
        try sink.deliver([pending[0]])
        try store.markDelivered(upTo: pending[0].id, now: Date())
        let handle = try #require(FileHandle(forWritingAtPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(sink.line(pending[1]).utf8.prefix(40)))
        try handle.close()
        // …when delivery runs again, the torn line is replaced by the whole alert.
        #expect(try AlertDelivery(store: store, sink: sink).deliverPending() == 1)
        let written = lines(log)
        #expect(written.count == 2)
        #expect(written.compactMap { AlertLogSink.mark(in: $0)?.id } == [1, 2])
    }

    @Test func logrotateMovingOrTruncatingTheLogLosesNothing() throws {
        let store = try storeWithAlerts(1)
        let log = dir + "/alerts.jsonl"
        let delivery = AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl))
        #expect(try delivery.deliverPending() == 1)
        // Moved away (logrotate's default): the next alert starts a new file.
        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        let e = FeedEntry(id: "late", title: "t", link: "https://t.example/late", published: DateParser.parse("2026-11-24"), summary: "x")
        let text = "Chile and Peru signed a trade agreement on Monday."
        _ = try store.ingest(
            IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text),
            developments: Extractor().extract(Article(text: text, published: "2026-11-24")),
            topics: [TopicConfig(name: "deals", types: ["AGREE"])], now: Date())
        #expect(try delivery.deliverPending() == 1)
        #expect(lines(log + ".1").count == 1)
        #expect(lines(log).compactMap { AlertLogSink.mark(in: $0)?.id } == [2])
        // Truncated in place (copytruncate): appends land at the new end, and nothing is repeated.
        try Data().write(to: URL(fileURLWithPath: log))
        #expect(try delivery.deliverPending() == 0)
        #expect(lines(log).isEmpty)
    }

    @Test func aLogFromAnotherDatabaseIsNotTrusted() throws {
        let log = dir + "/alerts.jsonl"
        try (#"{"id": 1, "topic": "elsewhere", "development": {"id": 9}}"# + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let store = try storeWithAlerts(1)
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl)).deliverPending() == 1)
        #expect(lines(log).count == 2)
    }

    @Test func withAnAtomFileALogFromAnotherDatabaseIsNotTrustedEither() throws {
        // Given a log whose last line is alert 1 of another database: same id, topic and development
        let store = try storeWithAlerts(1)
        let log = dir + "/alerts.jsonl"
        var other = try #require(try store.alert(id: 1))
        other.database = "0123456789abcdef"
        try (AlertLogSink(path: log, format: .jsonl).line(other) + "\n").write(toFile: log, atomically: true, encoding: .utf8)

        // When delivering through the log with the Atom file beside it
        let sink = AtomMirroredSink(
            inner: AlertLogSink(path: log, format: .jsonl), atom: AtomFeedFile(path: dir + "/alerts.atom"), store: store,
            onError: { _ in })

        // Then the line is not taken for this database's alert: it is written
        #expect(try AlertDelivery(store: store, sink: sink).deliverPending() == 1)
        #expect(lines(log).count == 2)
    }

    @Test(arguments: ["kind", "time", "old shape, other time"])
    func aLineOfTheSameIdButAnotherAlertIsNotTaken(differs: String) throws {
        // Given a log whose last line has this database's identity, alert 1's id and development,
        // but is another alert (a backup restored, its ids raised again): another kind or time
        let store = try storeWithAlerts(1)
        let log = dir + "/alerts.jsonl"
        var other = try #require(try store.alert(id: 1))
        if differs == "kind" { other.kind = "update" } else { other.time = "2020-01-01T00:00:00Z" }
        var line = AlertLogSink(path: log, format: .jsonl).line(other)
        if differs.hasPrefix("old shape") { line = line.replacing(#","topics":["deals"]"#, with: "") }
        try (line + "\n").write(toFile: log, atomically: true, encoding: .utf8)

        // When delivering, then alert 1 is written
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl)).deliverPending() == 1)
        #expect(lines(log).count == 2)
    }

    @Test func unwritableLogKeepsAlertsQueued() throws {
        let store = try storeWithAlerts(2)
        let blocker = dir + "/not-a-dir"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let delivery = AlertDelivery(store: store, sink: AlertLogSink(path: blocker + "/alerts.jsonl", format: .jsonl))
        #expect(throws: (any Error).self) { try delivery.deliverPending() }
        #expect(try store.counts().undelivered == 2)
        // Fixed: everything goes out.
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: dir + "/ok.jsonl", format: .jsonl)).deliverPending() == 2)
    }

    @Test func textFormatIsOneReadableLine() throws {
        let store = try storeWithAlerts(1)
        let log = dir + "/alerts.txt"
        try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .text)).deliverPending()
        let line = try #require(lines(log).first)
        #expect(
            line.hasSuffix(
                " #1 [deals] new: AGREE occurred: India (IND) – Japan (JPN), on 2026-11-23 — "
                    + "\"Japan and India signed a trade agreement on Monday.\" https://t.example/0"), "\(line)")
        #expect(AlertLogSink.mark(in: line) == DeliveredMark(id: 1, topic: "deals", developmentID: nil))
    }
}
