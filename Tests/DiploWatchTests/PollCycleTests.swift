import Feeds
import Foundation
import Logging
import TestSupport
import Testing

@testable import DiploWatch

@Suite("Poll cycle end to end")
struct PollCycleTests {
    let dir = Fixtures.tempDirectory()

    func cycle(_ config: Config, store: Store) -> PollCycle {
        PollCycle(
            config: config, store: store, fetcher: CurlFeedFetcher(userAgent: "test", timeout: 5),
            sink: AlertLogSink(path: config.alerts.log, format: .jsonl),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func pollingTwiceAlertsOnceAndSecondPollIsConditional() async throws {
        // Given two feeds on a loopback server, one carrying the same meeting as the other, and a broken feed…
        let server = try LoopbackHTTPServer()
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather]), etag: "\"a1\""))
        server.set("/b.rss", .init(body: Fixtures.rss([Fixtures.sameMeetingElsewhere]), lastModified: "Tue, 24 Nov 2026 12:00:00 GMT"))
        server.set("/broken.rss", .init(body: Data("<html><body>gone</body></html>".utf8)))
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.alerts.policy = .any  // the fixtures are dated 2024: no age limit
        config.feeds = ["/a.rss", "/b.rss", "/broken.rss"].map { FeedConfig(url: server.url($0)) }
        config.topics = [TopicConfig(name: "france-india", countries: ["FRA", "IND"]), TopicConfig(name: "china", countries: ["CHN"])]
        let store = try Store(path: config.daemon.database)

        // When the cycle runs twice…
        let first = await cycle(config, store: store).run(onlyDue: false)
        let second = await cycle(config, store: store).run(onlyDue: false)

        // Then one alert was written, once; the broken feed is recorded, not fatal.
        #expect(first.fetched == 2)
        #expect(first.failed == 1)
        #expect(first.newArticles == 3)
        #expect(first.delivered == 1)
        #expect(second.notModified == 2)
        #expect(second.delivered == 0)
        let lines = try String(contentsOfFile: config.alerts.log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].contains("\"topic\":\"france-india\""))
        #expect(lines[0].contains("Subrahmanyam Jaishankar"))
        #expect(server.requests(for: "/a.rss").map(\.status) == [200, 304])
        #expect(server.requests(for: "/b.rss").map(\.status) == [200, 304])
        let broken = try #require(try store.feedState(url: server.url("/broken.rss")))
        #expect(broken.errorCount == 2)
        #expect(broken.lastError?.contains("unknown document type <html>") == true)
        let devs = try store.developments()
        #expect(devs.count == 1)
        #expect(try store.sourceCount(development: devs[0].id) == 2)
    }

    @Test func aWarmCycleBuildsNoExtractorAndRecordsUnchangedFeedsInOneTransaction() async throws {
        // Given three feeds already polled once
        let server = try LoopbackHTTPServer()
        for p in ["/a.rss", "/b.rss", "/c.rss"] {
            server.set(p, .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather]), etag: "\"\(p)\""))
        }
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.alerts.policy = .any  // the fixtures are dated 2024: no age limit
        config.feeds = ["/a.rss", "/b.rss", "/c.rss"].map { FeedConfig(url: server.url($0)) }
        let commits = Commits()
        let store = try Store(path: config.daemon.database, readOnly: false, trace: { commits.count($0) })
        var cold = cycle(config, store: store)
        cold.extractor = LazyExtractor(config: config)
        #expect(await cold.run(onlyDue: false).fetched == 3)
        #expect(cold.extractor.isBuilt)

        // When they all answer 304
        var warm = cycle(config, store: store)
        warm.extractor = LazyExtractor(config: config)
        let before = commits.value
        let report = await warm.run(onlyDue: false)

        // Then no extractor was built, and the three feeds were recorded in one transaction
        #expect(report.notModified == 3)
        #expect(!warm.extractor.isBuilt)
        #expect(commits.value - before == 1)
        #expect(try store.feedStates().allSatisfy { $0.lastPolledAt != nil && $0.errorCount == 0 })
    }

    @Test func anOutageLongerThanMaxAgeLosesNoAlert() async throws {
        // Given a feed last read on 24 November at 09:30, with max_age 3 days
        let server = try LoopbackHTTPServer()
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.weather])))
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.alerts.policy = AlertPolicy(maxAge: 3 * 86400)
        config.feeds = [FeedConfig(url: server.url("/a.rss"))]
        config.topics = [TopicConfig(name: "france-india", countries: ["FRA", "IND"])]
        let store = try Store(path: config.daemon.database)
        let lastRead = try #require(DateParser.parse("Tue, 24 Nov 2026 09:30:00 GMT"))
        #expect(await cycle(config, store: store).run(now: lastRead, onlyDue: false).fetched == 1)

        // When the daemon, down since, polls again five days later and finds the meeting published
        // at 10:00 that day
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather])))
        let report = await cycle(config, store: store).run(now: lastRead.addingTimeInterval(5 * 86400), onlyDue: false)

        // Then it alerts: it is news to whoever follows the feed, older than max_age only because
        // nobody could read it
        #expect(report.alerts == 1)
        #expect(report.delivered == 1)
    }

    /// Counts the transactions that record a feed's success.
    final class Commits: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        private var recording = false
        func count(_ sql: String) {
            lock.withLock {
                if sql.hasPrefix("BEGIN") { recording = false }
                if sql.hasPrefix("UPDATE feeds SET error_count = 0") { recording = true }
                if sql.hasPrefix("COMMIT"), recording { n += 1 }
            }
        }
        var value: Int { lock.withLock { n } }
    }

    @Test func housekeepingPrunesOldTextAndWritesMetrics() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather])))
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.alerts.policy = .any  // the fixtures are dated 2024: no age limit
        config.daemon.retention = 3600
        config.daemon.metrics = dir + "/metrics/diplowatch.prom"
        config.feeds = [FeedConfig(url: server.url("/a.rss"))]
        config.topics = [TopicConfig(name: "all")]
        let store = try Store(path: config.daemon.database)
        var totals = CycleTotals()
        totals.add(await cycle(config, store: store).run(onlyDue: false))

        // Now: nothing is old enough to prune; the metrics file tells the cycle.
        #expect(Housekeeping(settings: config.daemon, store: store).run(totals: totals).isEmpty)
        let metrics = try String(contentsOfFile: dir + "/metrics/diplowatch.prom", encoding: .utf8)
        #expect(metrics.contains("diplowatch_feeds{state=\"ok\"} 1\n"))
        #expect(metrics.contains("diplowatch_fetches_total{result=\"fetched\"} 1\n"))
        #expect(metrics.contains("diplowatch_articles 2\n"))
        #expect(metrics.contains("diplowatch_alerts 1\n"))
        #expect(metrics.contains("# TYPE diplowatch_cycle_duration_seconds gauge"))
        #expect(try store.pruneArticleText(before: Date()) == 2)

        // Pruned articles are still known: a new poll neither re-reads nor re-alerts them.
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather]), etag: "\"new\""))
        let again = await cycle(config, store: store).run(onlyDue: false)
        #expect(again.newArticles == 0)
        #expect(again.delivered == 0)
    }

    @Test func onlyDueFeedsArePolled() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/a.rss", .init(body: Fixtures.rss([Fixtures.weather])))
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.alerts.policy = .any  // the fixtures are dated 2024: no age limit
        config.feeds = [FeedConfig(url: server.url("/a.rss"), interval: 3600)]
        let store = try Store(path: config.daemon.database)
        let first = await cycle(config, store: store).run(onlyDue: true)
        let second = await cycle(config, store: store).run(onlyDue: true)
        #expect(first.feeds == 1)
        #expect(second.feeds == 0)
        #expect(server.requests(for: "/a.rss").count == 1)
        let state = try #require(try store.feedState(url: server.url("/a.rss")))
        #expect(state.nextPollAt.timeIntervalSinceNow > 3000)
    }

    /// The alert log, counting how often delivery reads back its last line.
    final class CountingSink: AlertSink, @unchecked Sendable {
        let log: AlertLogSink
        private let lock = NSLock()
        private var reads = 0
        init(path: String) { log = AlertLogSink(path: path, format: .jsonl) }
        var lastLineReads: Int { lock.withLock { reads } }
        func deliver(_ alerts: [Alert]) throws(AlertError) { try log.deliver(alerts) }
        func lastDelivered() -> DeliveredMark? {
            lock.withLock { reads += 1 }
            return log.lastDelivered()
        }
        func holds(_ alert: Alert, as mark: DeliveredMark) -> Bool { log.holds(alert, as: mark) }
    }

    @Test func alertsOfManyFeedsAreDeliveredTogetherEveryFewSeconds() async throws {
        // Given twelve feeds, each with a deal of its own that the topic alerts on…
        let server = try LoopbackHTTPServer()
        let states = ["Kenya", "Peru", "Chile", "Norway", "Ghana", "Bolivia", "Egypt", "Vietnam", "Poland", "Mexico", "Nigeria", "Sweden"]
        for (i, a) in states.enumerated() {
            let b = states[(i + 1) % states.count]
            let item = (
                guid: "d\(i)", title: "Deal \(i)", link: "https://test.example/d\(i)", date: "Tue, 24 Nov 2026 10:00:00 GMT",
                text: "\(a) and \(b) signed a trade agreement on Monday."
            )
            server.set("/f\(i).rss", .init(body: Fixtures.rss([item])))
        }
        var config = Config()
        config.daemon.database = dir + "/db.sqlite"
        config.alerts.log = dir + "/alerts.jsonl"
        config.feeds = states.indices.map { FeedConfig(url: server.url("/f\($0).rss")) }
        config.topics = [TopicConfig(name: "all")]
        config.alerts.policy = .any  // the fixtures are dated a week ago: no age limit
        let store = try Store(path: config.daemon.database)
        let sink = CountingSink(path: config.alerts.log)
        var run = cycle(config, store: store)
        run.sink = sink

        // When one cycle polls them…
        let report = await run.run(onlyDue: false)

        // Then every alert is in the log once, and the log's last line was read back once every few seconds
        // at most, and once at the end, not after each of the twelve feeds.
        #expect(report.alerts == 12)
        #expect(report.delivered == 12)
        let lines = try String(contentsOfFile: config.alerts.log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        #expect(Set(lines.compactMap { AlertLogSink.mark(in: String($0))?.id }).count == 12)
        #expect(sink.lastLineReads <= Int(report.seconds / PollCycle.deliveryInterval) + 2, "\(sink.lastLineReads) reads")
        #expect(try store.hasUndeliveredAlerts() == false)
    }
}
