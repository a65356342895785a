import Foundation
import Logging
import TestSupport
import Testing

@testable import DiploWatch

/// How the poll cycle treats servers: per-host limits, redirects, Retry-After, backoff, dead
/// feeds, adaptive intervals and full-text pages, each against a real server on 127.0.0.1.
@Suite("Polite fetching")
struct PoliteFetchingTests {
    let dir = Fixtures.tempDirectory()
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func config(_ feeds: [FeedConfig]) -> Config {
        var c = Config()
        c.daemon.database = dir + "/db.sqlite"
        c.alerts.log = dir + "/alerts.jsonl"
        c.feeds = feeds
        c.topics = [TopicConfig(name: "all")]
        return c
    }

    func cycle(_ config: Config, store: Store) -> PollCycle {
        PollCycle(
            config: config, store: store, fetcher: CurlFeedFetcher(userAgent: "test", connectTimeout: 2, timeout: 5),
            sink: AlertLogSink(path: config.alerts.log, format: .jsonl),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func atMostTwoRequestsToOneHostWhileOtherHostsGoAhead() async throws {
        let server = try LoopbackHTTPServer()
        var feeds: [FeedConfig] = []
        for i in 0..<6 {
            server.set("/f\(i).rss", .init(body: Fixtures.rss([Fixtures.weather]), delay: 0.3))
            // The same server under two host names: two hosts as far as politeness goes.
            feeds.append(FeedConfig(url: "http://127.0.0.1:\(server.port)/f\(i).rss"))
            feeds.append(FeedConfig(url: "http://localhost:\(server.port)/f\(i).rss"))
        }
        var c = config(feeds)
        c.daemon.concurrency = 16
        #expect(c.daemon.perHost == 2)
        var polling = cycle(c, store: try Store(path: c.daemon.database))
        // The daemon feeds systemd's watchdog from progress: it is called as feeds finish.
        let calls = Counter()
        polling.progress = { calls.increment() }
        let report = await polling.run(onlyDue: false)
        #expect(report.fetched == 12)
        #expect(calls.value >= 1)
        #expect(server.peakConcurrency(host: "127.0.0.1") == 2)
        #expect(server.peakConcurrency(host: "localhost") == 2)
        #expect(server.peakConcurrency() >= 3)
    }

    @Test func aPermanentRedirectMovesTheFeedOnceItRepeatsATemporaryOneNever() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/old.rss", .init(status: 301, body: Data(), headers: ["Location": "/new.rss"]))
        server.set("/new.rss", .init(body: Fixtures.rss([Fixtures.weather]), etag: "\"n1\""))
        server.set("/temp.rss", .init(status: 302, body: Data(), headers: ["Location": "/elsewhere.rss"]))
        server.set("/elsewhere.rss", .init(body: Fixtures.rss([Fixtures.weather])))
        let c = config([FeedConfig(url: server.url("/old.rss")), FeedConfig(url: server.url("/temp.rss"))])
        let store = try Store(path: c.daemon.database)

        _ = await cycle(c, store: store).run(onlyDue: false)
        var moved = try #require(try store.feedState(url: server.url("/old.rss")))
        #expect(moved.fetchURL == nil)
        #expect(moved.movedTo == server.url("/new.rss"))

        _ = await cycle(c, store: store).run(onlyDue: false)
        moved = try #require(try store.feedState(url: server.url("/old.rss")))
        #expect(moved.fetchURL == server.url("/new.rss"))
        #expect(moved.movedTo == nil)

        _ = await cycle(c, store: store).run(onlyDue: false)
        // The third poll goes straight to the new URL; the temporary redirect is asked every time.
        #expect(server.requests(for: "/old.rss").count == 2)
        #expect(server.requests(for: "/new.rss").count == 3)
        #expect(server.requests(for: "/temp.rss").count == 3)
        let temporary = try #require(try store.feedState(url: server.url("/temp.rss")))
        #expect(temporary.fetchURL == nil)
        #expect(temporary.movedTo == nil)
    }

    @Test(arguments: [429, 503])
    func retryAfterIsNotAskedAgainBeforeItsTime(status: Int) async throws {
        let server = try LoopbackHTTPServer()
        server.set("/busy.rss", .init(status: status, body: Data("busy".utf8), headers: ["Retry-After": "600"]))
        // A one-minute interval: without Retry-After the feed would be due again after 60–66 s.
        let c = config([FeedConfig(url: server.url("/busy.rss"), interval: 60)])
        let store = try Store(path: c.daemon.database)
        for offset in [0.0, 120, 300, 590] {
            _ = await cycle(c, store: store).run(now: t0.addingTimeInterval(offset), onlyDue: true)
        }
        #expect(server.requests(for: "/busy.rss").count == 1)
        _ = await cycle(c, store: store).run(now: t0.addingTimeInterval(601), onlyDue: true)
        #expect(server.requests(for: "/busy.rss").count == 2)
        let state = try #require(try store.feedState(url: server.url("/busy.rss")))
        #expect(state.errorCount == 2)
        #expect(state.lastError == "fetch: \(server.url("/busy.rss")): HTTP \(status)")
    }

    @Test func aHostThatAsksToWaitIsNotAskedForAnythingElseEither() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/busy.rss", .init(status: 429, body: Data("busy".utf8), headers: ["Retry-After": "600"]))
        server.set("/other.rss", .init(body: Fixtures.rss([Fixtures.weather])))
        // One at a time to the host, so the 429 comes before the other feed's turn.
        var c = config([FeedConfig(url: server.url("/busy.rss")), FeedConfig(url: server.url("/other.rss"))])
        c.daemon.perHost = 1
        let store = try Store(path: c.daemon.database)
        let report = await cycle(c, store: store).run(now: t0, onlyDue: true)
        #expect(report.failed == 2)
        #expect(server.requests(for: "/other.rss").isEmpty)
        let other = try #require(try store.feedState(url: server.url("/other.rss")))
        #expect(other.lastError?.contains("127.0.0.1 asked to wait (Retry-After)") == true)
        #expect(other.nextPollAt.timeIntervalSince(t0) >= 590)
    }

    @Test func theSameBodyAgainFromAServerWithoutConditionalGetIsNotReadAgain() async throws {
        let server = try LoopbackHTTPServer()
        // No ETag, no Last-Modified: every poll gets a 200.
        server.set("/plain.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather])))
        let c = config([FeedConfig(url: server.url("/plain.rss"))])
        let store = try Store(path: c.daemon.database)
        let first = await cycle(c, store: store).run(onlyDue: false)
        let second = await cycle(c, store: store).run(onlyDue: false)
        #expect(first.fetched == 1 && first.newArticles == 2)
        #expect(second.fetched == 0 && second.notModified == 1)
        #expect(server.requests(for: "/plain.rss").map(\.status) == [200, 200])
        // A changed body is read.
        server.set("/plain.rss", .init(body: Fixtures.rss([Fixtures.meeting, Fixtures.weather, Fixtures.sameMeetingElsewhere])))
        let third = await cycle(c, store: store).run(onlyDue: false)
        #expect(third.fetched == 1 && third.newArticles == 1)
    }

    @Test func serverErrorsBackOffExponentiallyWithJitter() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/err.rss", .init(status: 500, body: Data("oops".utf8)))
        let c = config([FeedConfig(url: server.url("/err.rss"), interval: 60)])
        let store = try Store(path: c.daemon.database)
        var now = t0
        var waits: [Double] = []
        for _ in 0..<4 {
            _ = await cycle(c, store: store).run(now: now, onlyDue: true)
            let next = try #require(try store.feedState(url: server.url("/err.rss"))).nextPollAt
            waits.append(next.timeIntervalSince(now))
            // Not asked again before it is due…
            _ = await cycle(c, store: store).run(now: next.addingTimeInterval(-1), onlyDue: true)
            now = next
        }
        #expect(server.requests(for: "/err.rss").count == 4)
        for (i, wait) in waits.enumerated() {
            let base = 60 * pow(2, Double(i))
            #expect(wait >= base && wait <= base * 1.1, "wait \(i): \(wait) s")
        }
    }

    @Test func aFeedFailingForDaysIsDeadTriedDailyAndRecovers() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/gone.rss", .init(status: 404, body: Data("gone".utf8)))
        let c = config([FeedConfig(url: server.url("/gone.rss"))])
        let store = try Store(path: c.daemon.database)
        let day = 86400.0
        for d in [0.0, 1, 2] {
            _ = await cycle(c, store: store).run(now: t0.addingTimeInterval(d * day), onlyDue: false)
        }
        var state = try #require(try store.feedState(url: server.url("/gone.rss")))
        #expect(state.state == "failing")
        #expect(state.failingSince == t0)

        let after = t0.addingTimeInterval(3 * day + 60)
        _ = await cycle(c, store: store).run(now: after, onlyDue: false)
        state = try #require(try store.feedState(url: server.url("/gone.rss")))
        #expect(state.state == "dead")
        #expect(state.nextPollAt == after.addingTimeInterval(day))

        server.set("/gone.rss", .init(body: Fixtures.rss([Fixtures.weather])))
        _ = await cycle(c, store: store).run(now: after.addingTimeInterval(day), onlyDue: true)
        state = try #require(try store.feedState(url: server.url("/gone.rss")))
        #expect(state.state == "ok")
        #expect(state.failingSince == nil)
        #expect(!state.dead)
        #expect(try MetricsFile.render(store: store, totals: CycleTotals()).contains("diplowatch_feeds{state=\"dead\"} 0\n"))
    }

    @Test func aFeedThatIsGoneIsDeadAtOnce() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/closed.rss", .init(status: 410, body: Data("gone".utf8)))
        let c = config([FeedConfig(url: server.url("/closed.rss"))])
        let store = try Store(path: c.daemon.database)
        _ = await cycle(c, store: store).run(now: t0, onlyDue: true)
        let state = try #require(try store.feedState(url: server.url("/closed.rss")))
        #expect(state.state == "dead")
        #expect(state.nextPollAt == t0.addingTimeInterval(86400))
    }

    @Test func theIntervalFollowsHowOftenTheFeedPublishes() async throws {
        let bounds = 300.0...3600.0
        func every(_ gap: Double, newest: Double, count: Int = 10) -> [Date] {
            (0..<count).map { t0.addingTimeInterval(-newest - Double($0) * gap) }
        }
        // Every 20 minutes, the newest 5 minutes ago: half the gap.
        #expect(PollCycle.adaptiveInterval(dates: every(1200, newest: 300), now: t0, bounds: bounds) == 600)
        // Every 2 minutes: the lower bound. Twice a day: the upper bound.
        #expect(PollCycle.adaptiveInterval(dates: every(120, newest: 60), now: t0, bounds: bounds) == 300)
        #expect(PollCycle.adaptiveInterval(dates: every(43200, newest: 600), now: t0, bounds: bounds) == 3600)
        // Busy once, silent for two hours now: half the silence.
        #expect(PollCycle.adaptiveInterval(dates: every(60, newest: 7200), now: t0, bounds: bounds) == 3600)
        #expect(PollCycle.adaptiveInterval(dates: every(60, newest: 2400), now: t0, bounds: bounds) == 1200)
        // Too few dates to tell.
        #expect(PollCycle.adaptiveInterval(dates: [t0], now: t0, bounds: bounds) == nil)

        // Through a cycle: a feed publishing every 20 minutes is polled every 10 (±10%).
        let server = try LoopbackHTTPServer()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let items = every(1200, newest: 0, count: 6).enumerated().map { i, date in
            (guid: "g\(i)", title: "Item \(i)", link: "https://test.example/\(i)", date: formatter.string(from: date), text: "Nothing.")
        }
        server.set("/busy.rss", .init(body: Fixtures.rss(items)))
        server.set("/fixed.rss", .init(body: Fixtures.rss(items)))
        var c = config([FeedConfig(url: server.url("/busy.rss")), FeedConfig(url: server.url("/fixed.rss"), interval: 7200)])
        c.daemon.pollInterval = 900
        #expect(c.daemon.intervalBounds == 300...3600)
        let store = try Store(path: c.daemon.database)
        _ = await cycle(c, store: store).run(now: t0, onlyDue: true)
        let busy = try #require(try store.feedState(url: server.url("/busy.rss")))
        #expect(busy.interval == 600)
        #expect(abs(busy.nextPollAt.timeIntervalSince(t0) - 600) <= 60)
        let fixed = try #require(try store.feedState(url: server.url("/fixed.rss")))
        #expect(fixed.interval == nil)
        #expect(abs(fixed.nextPollAt.timeIntervalSince(t0) - 7200) <= 720)
    }

    @Test func fullTextFeedsReadTheArticlePageOnceAndFindWhatTheSummaryHid() async throws {
        let server = try LoopbackHTTPServer()
        let teaser = (
            guid: "t-1", title: "Ministers meet", link: server.url("/2026/11/24/talks.html"), date: "Tue, 24 Nov 2026 10:00:00 GMT",
            text: "Read the full story on our site."
        )
        let sameLink = (
            guid: "t-2", title: "Ministers meet (update)", link: teaser.link, date: "Tue, 24 Nov 2026 11:00:00 GMT",
            text: "Read the full story on our site."
        )
        server.set("/teasers.rss", .init(body: Fixtures.rss([teaser])))
        server.set("/more-teasers.rss", .init(body: Fixtures.rss([sameLink])))
        server.set(
            "/plain.rss",
            .init(body: Fixtures.rss([(guid: "t-3", title: teaser.title, link: teaser.link, date: teaser.date, text: teaser.text)])))
        server.set("/2026/11/24/talks.html", .init(body: Data(Fixtures.articlePage.utf8), contentType: "text/html; charset=utf-8"))

        // A feed without full_text sees only the teaser: nothing to extract.
        let plain = config([FeedConfig(url: server.url("/plain.rss"))])
        let plainReport = await cycle(plain, store: try Store(path: plain.daemon.database)).run(onlyDue: false)
        #expect(plainReport.newDevelopments == 0)
        #expect(server.requests(for: "/2026/11/24/talks.html").isEmpty)

        var c = config([FeedConfig(url: server.url("/teasers.rss"), fullText: true)])
        c.daemon.database = dir + "/full.sqlite"
        let store = try Store(path: c.daemon.database)
        let report = await cycle(c, store: store).run(onlyDue: false)
        #expect(report.newDevelopments >= 1)
        let page = server.requests(for: "/2026/11/24/talks.html")
        #expect(page.count == 1)
        #expect(page.first?.headers["accept"]?.hasPrefix("text/html") == true)
        // The page's story: the meeting on Tuesday (and the background and planned talks it mentions).
        let occurred = try store.developments().filter { $0.record.status == "occurred" }
        #expect(occurred.count == 1)
        let dev = try #require(occurred.first)
        #expect(dev.record.type == "CONSULT")
        #expect(dev.record.location == "Paris")
        #expect(Set(dev.record.participants.compactMap(\.country)) == ["FRA", "IND"])
        // The stored text is the article, not the page's furniture.
        let text = try #require(try store.pageText(url: teaser.link))
        #expect(text.contains("defence cooperation"))
        #expect(!text.contains("Most read"))
        #expect(!text.contains("Sign up"))

        // Another full_text feed linking the same page: read from the cache, not fetched again.
        c.feeds.append(FeedConfig(url: server.url("/more-teasers.rss"), fullText: true))
        _ = await cycle(c, store: store).run(onlyDue: false)
        #expect(server.requests(for: "/2026/11/24/talks.html").count == 1)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
