import Foundation
import Logging
import TestSupport
import Testing

@testable import DiploWatch

/// The fetch layer against nginx from Debian on 127.0.0.1, whose access log is the witness.
@Suite("Against nginx", .enabled(if: Nginx.isAvailable || Nginx.isRequired))
struct NginxTests {
    let dir = Fixtures.tempDirectory()
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func cycle(_ config: Config, store: Store, fetcher: CurlFeedFetcher? = nil) -> PollCycle {
        PollCycle(
            config: config, store: store, fetcher: fetcher ?? CurlFeedFetcher(settings: config.daemon),
            sink: AlertLogSink(path: config.alerts.log, format: .jsonl),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    func config(_ urls: [String]) -> Config {
        var c = Config()
        c.daemon.database = dir + "/db.sqlite"
        c.alerts.log = dir + "/alerts.jsonl"
        c.daemon.connectTimeout = 2
        c.daemon.timeout = 5
        c.feeds = urls.map { FeedConfig(url: $0) }
        c.topics = [TopicConfig(name: "all")]
        return c
    }

    @Test func aSecondPollOfUnchangedFeedsGetsOnly304s() async throws {
        let nginx = try Nginx(directory: dir + "/nginx")
        let paths = (0..<8).map { "/feeds/f\($0).rss" }
        for p in paths { try nginx.put(p, Fixtures.rss([Fixtures.meeting, Fixtures.weather])) }
        let c = config(paths.map(nginx.url))
        let store = try Store(path: c.daemon.database)
        let first = await cycle(c, store: store).run(onlyDue: false)
        #expect(first.fetched == 8)
        let before = nginx.accessLog(atLeast: 8).count
        let second = await cycle(c, store: store).run(onlyDue: false)
        #expect(second.notModified == 8)
        let log = nginx.accessLog(atLeast: before + 8)
        #expect(log.prefix(before).allSatisfy { $0.status == 200 })
        let warm = log.dropFirst(before)
        #expect(warm.count == 8)
        #expect(warm.allSatisfy { $0.status == 304 && $0.bytes == 0 })
    }

    @Test func gzipIsAskedForAndDecoded() async throws {
        let nginx = try Nginx(directory: dir + "/nginx")
        let items = (0..<200).map { i in
            (
                guid: "g\(i)", title: "Item \(i)", link: "https://test.example/\(i)", date: "Tue, 24 Nov 2026 10:00:00 GMT",
                text: Fixtures.weather.text
            )
        }
        let feed = Fixtures.rss(items)
        try nginx.put("/big.rss", feed)
        let result = try await CurlFeedFetcher(userAgent: "test", timeout: 5).fetch(FetchRequest(url: nginx.url("/big.rss")))
        #expect(result.body == feed)
        let access = try #require(nginx.accessLog(atLeast: 1).last)
        #expect(access.acceptEncoding.contains("gzip"))
        #expect(access.bytes < feed.count / 5, "sent \(access.bytes) of \(feed.count) bytes")
    }

    @Test func aFeedAnswering429IsNotAskedAgainBeforeRetryAfter() async throws {
        let nginx = try Nginx(
            directory: dir + "/nginx",
            locations: """
                    location = /busy.rss { add_header Retry-After 3600 always; return 429; }
                    location = /old.rss { return 301 /new.rss; }
                    location = /away.rss { return 302 /new.rss; }
                """)
        try nginx.put("/new.rss", Fixtures.rss([Fixtures.weather]))
        // The busy feed under another host name: a host that says 429 is not asked for its other feeds either.
        let busy = "http://localhost:\(nginx.port)/busy.rss"
        var c = config([busy, nginx.url("/old.rss"), nginx.url("/away.rss")])
        for i in c.feeds.indices { c.feeds[i].interval = 60 }
        let store = try Store(path: c.daemon.database)
        // Every ten minutes within the hour, then just after it.
        for minute in stride(from: 0.0, through: 59, by: 10) {
            _ = await cycle(c, store: store).run(now: t0.addingTimeInterval(minute * 60), onlyDue: true)
        }
        // Six cycles: /busy once; /old then /new twice, then /new alone four times; /away then /new six times.
        #expect(nginx.accessLog(atLeast: 1 + 2 * 2 + 4 + 6 * 2).filter { $0.path == "/busy.rss" }.map(\.status) == [429])
        _ = await cycle(c, store: store).run(now: t0.addingTimeInterval(3601), onlyDue: true)
        #expect(nginx.accessLog(atLeast: 21 + 1 + 1 + 2).filter { $0.path == "/busy.rss" }.map(\.status) == [429, 429])

        // Meanwhile the 301 moved its feed after two polls, and the 302 never did.
        let log = nginx.accessLog(atLeast: 21 + 1 + 1 + 2)
        #expect(log.filter { $0.path == "/old.rss" }.count == 2)
        #expect(log.filter { $0.path == "/away.rss" }.count == 7)
        #expect(try store.feedState(url: nginx.url("/old.rss"))?.fetchURL == nginx.url("/new.rss"))
        #expect(try store.feedState(url: nginx.url("/away.rss"))?.fetchURL == nil)
    }

    @Test func httpsWithAPrivateCANeedsItsCertificateAndSpeaksHTTP2() async throws {
        let nginx = try Nginx(directory: dir + "/nginx", tls: true)
        try nginx.put("/feed.rss", Fixtures.rss([Fixtures.meeting]))
        let url = nginx.tlsURL("/feed.rss")

        // The system's CAs alone do not trust it: a one-line error that says what to do.
        let plain = CurlFeedFetcher(userAgent: "test", connectTimeout: 2, timeout: 5)
        await #expect {
            _ = try await plain.fetch(FetchRequest(url: url))
        } throws: { error in
            (error as? FetchError)?.reason.hasPrefix("TLS certificate not trusted (add its CA with daemon.ca_file)") == true
        }

        // With the CA as daemon.ca_file: verified, over HTTP/2.
        var c = config([url])
        let ca: String = try #require(nginx.caFile)
        c.daemon.caFile = ca
        let trusted = CurlFeedFetcher(settings: c.daemon)
        let result = try await trusted.fetch(FetchRequest(url: url))
        #expect(result.httpVersion == "2")
        #expect(result.body == Fixtures.rss([Fixtures.meeting]))
        #expect(nginx.accessLog(atLeast: 1).last?.proto == "HTTP/2.0")

        // And through a whole cycle.
        let report = await cycle(c, store: try Store(path: c.daemon.database)).run(onlyDue: false)
        #expect(report.fetched == 1)
        #expect(report.newDevelopments == 1)
    }

    @Test func aHostsConnectionIsReusedFromOneRequestAndOneCycleToTheNext() async throws {
        // Given feeds on one host
        let nginx = try Nginx(directory: dir + "/nginx")
        let paths = (0..<6).map { "/feeds/r\($0).rss" }
        for p in paths { try nginx.put(p, Fixtures.rss([Fixtures.weather])) }
        var c = config(paths.map(nginx.url))
        c.daemon.perHost = 1

        // When two cycles poll them one at a time
        let store = try Store(path: c.daemon.database)
        _ = await cycle(c, store: store).run(onlyDue: false)
        _ = await cycle(c, store: store, fetcher: CurlFeedFetcher(settings: c.daemon)).run(onlyDue: false)

        // Then all twelve requests came on one connection
        let log = nginx.accessLog(atLeast: 12)
        #expect(log.count == 12)
        #expect(Set(log.map(\.connection)).count == 1, "\(log.map(\.connection))")
    }
}

@Suite("Test environment")
struct TestEnvironmentTests {
    @Test func nginxAndOpensslArePresentWhereRequired() {
        // CI sets DIPLOWATCH_REQUIRE_NGINX=1: the nginx tests must run there, not skip.
        if Nginx.isRequired {
            #expect(Nginx.binary != nil, "nginx is required (DIPLOWATCH_REQUIRE_NGINX=1) but not installed")
            #expect(Nginx.openssl != nil, "openssl is required (DIPLOWATCH_REQUIRE_NGINX=1) but not installed")
        }
    }
}
