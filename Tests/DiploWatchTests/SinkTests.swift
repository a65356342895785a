import Extraction
import Feeds
import Foundation
import TestSupport
import Testing

@testable import DiploWatch

@Suite("Webhook and exec sinks")
struct SinkTests {
    let dir = Fixtures.tempDirectory()

    /// Raises `n` AGREE alerts in `store`.
    func raise(_ n: Int, in store: Store, offset: Int = 0) throws {
        let pairs = [("Japan", "India"), ("France", "Brazil"), ("Kenya", "Egypt"), ("Chile", "Peru"), ("Spain", "Morocco")]
        for i in offset..<(offset + n) {
            let (a, b) = pairs[i % pairs.count]
            let text = "\(a) and \(b) signed a trade agreement on Monday."
            let e = FeedEntry(
                id: "g\(i)", title: "t\(i)", link: "https://t.example/\(i)", published: DateParser.parse("2026-11-24"), summary: text)
            _ = try store.ingest(
                IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text),
                developments: Extractor().extract(Article(text: text, published: "2026-11-24")),
                topics: [TopicConfig(name: "deals")], now: Date())
        }
    }

    @Test func webhookPostsSignedJSONAndRetriesUntilItGoesThrough() throws {
        let server = try LoopbackHTTPServer()
        server.set("/hook", .init(status: 500, body: Data("busy".utf8), contentType: "text/plain"))
        try "s3cret\n".write(toFile: dir + "/secret", atomically: true, encoding: .utf8)
        let store = try Store(path: dir + "/db.sqlite")
        let sink = try WebhookSink(
            config: WebhookConfig(name: "ops", url: server.url("/hook"), secretFile: dir + "/secret"), userAgent: "t")
        let delivery = SinkDelivery(store: store, sinks: [sink], firstRetry: 60)
        // Given a sink that existed before the alerts…
        #expect(delivery.deliver().delivered == 0)
        try raise(2, in: store)
        // …a failing endpoint keeps them queued, and the next attempt waits for the backoff.
        let failed = delivery.deliver()
        #expect(failed.delivered == 0)
        #expect(failed.failures == ["alerts: webhook ops: HTTP 500"])
        #expect(delivery.deliver().failures.isEmpty)
        #expect(server.requests(for: "/hook").count == 1)
        // Once the endpoint recovers and the backoff has passed, both go, in order.
        server.set("/hook", .init(body: Data("ok".utf8), contentType: "text/plain"))
        #expect(delivery.deliver(now: Date().addingTimeInterval(61)).delivered == 2)
        let posts = server.requests(for: "/hook").dropFirst()
        #expect(posts.count == 2)
        for post in posts {
            #expect(post.method == "POST")
            let expected = "sha256=" + HMAC.hex(HMAC.sha256(key: Array("s3cret".utf8), message: [UInt8](post.body)))
            #expect(post.headers["x-diplowatch-signature"] == expected)
            let json = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
            #expect(json["topic"] as? String == "deals")
            #expect(post.headers["x-diplowatch-alert-id"] == "\(json["id"] as? Int ?? -1)")
        }
        #expect(try store.sinkStatuses() == [SinkStatus(name: "webhook:ops", delivered: 2, pending: 0, failed: 0, lastError: nil)])
    }

    @Test func aPermanentFailureIsRecordedAndTheNextAlertGoesOn() throws {
        let server = try LoopbackHTTPServer()
        server.set("/hook", .init(status: 404, body: Data(), contentType: "text/plain"))
        let store = try Store(path: dir + "/db.sqlite")
        let sink = try WebhookSink(config: WebhookConfig(name: "gone", url: server.url("/hook"), maxAttempts: 2), userAgent: "t")
        let delivery = SinkDelivery(store: store, sinks: [sink], firstRetry: 0)
        _ = delivery.deliver()
        try raise(1, in: store)
        _ = delivery.deliver()
        let second = delivery.deliver()
        #expect(second.failures == ["alerts: webhook gone: HTTP 404 (given up after 2 attempts)"])
        let status = try #require(try store.sinkStatuses().first)
        #expect(status.failed == 1)
        #expect(status.pending == 0)
        #expect(status.lastError == "alerts: webhook gone: HTTP 404")
    }

    @Test func execRunsTheProgramWithTheAlertOnStdinAndTimesOut() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let out = dir + "/received.jsonl"
        let tee = ExecSink(config: ExecConfig(name: "tee", argv: ["/usr/bin/tee", "-a", out]))
        let slow = ExecSink(config: ExecConfig(name: "slow", argv: ["/bin/sleep", "5"], timeout: 0.3))
        let delivery = SinkDelivery(store: store, sinks: [tee, slow], firstRetry: 60)
        _ = delivery.deliver()
        try raise(2, in: store)
        let result = delivery.deliver()
        #expect(result.delivered == 2)
        #expect(result.failures == ["alerts: exec slow: timed out after 0.3 s"])
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"topic\":\"deals\"") })
    }

    @Test func rateLimitHoldsBackAndTellsOneDigest() throws {
        let store = try Store(path: dir + "/db.sqlite")
        let topic = TopicConfig(name: "deals")
        var limited = topic
        limited.maxPerHour = 1
        // Given a topic limited to one alert an hour and three deals in that hour…
        let pairs = [("Japan", "India"), ("France", "Brazil"), ("Kenya", "Egypt")]
        var raised = 0
        for (i, (a, b)) in pairs.enumerated() {
            let text = "\(a) and \(b) signed a trade agreement on Monday."
            let e = FeedEntry(
                id: "r\(i)", title: "t", link: "https://t.example/r\(i)", published: DateParser.parse("2026-11-24"), summary: text)
            raised +=
                try store.ingest(
                    IncomingArticle(feedURL: "https://t.example/f", feedTitle: "T", entry: e, text: text),
                    developments: Extractor().extract(Article(text: text, published: "2026-11-24")), topics: [limited], now: Date()
                ).alerts
        }
        #expect(raised == 1)
        let log = dir + "/alerts.jsonl"
        let delivery = AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl))
        #expect(try delivery.deliverPending() == 1)
        // …within the hour no digest yet; after it, one digest tells the two held back, once.
        #expect(try store.raiseDigests(topics: [limited], now: Date()) == 0)
        #expect(try store.raiseDigests(topics: [limited], now: Date().addingTimeInterval(3601)) == 1)
        #expect(try store.raiseDigests(topics: [limited], now: Date().addingTimeInterval(7200)) == 0)
        #expect(try delivery.deliverPending() == 1)
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let digest = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(digest["kind"] as? String == "digest")
        #expect(digest["held_back"] as? Int == 2)
        #expect(digest["id"] as? Int == 4)
        #expect(AlertLogSink.mark(in: String(lines[1]))?.id == 4)
    }

    @Test func sinksAreConfiguredWithLineNumberedErrors() {
        let text = """
            [alerts]
            log = "/tmp/a.jsonl"

            [[alerts.webhook]]
            name = "ops"
            url = "ftp://example.org/hook"

            [[alerts.exec]]
            argv = ["notify-send", "--urgent"]
            """
        #expect {
            _ = try ConfigLoader.parse(text, file: "s.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems.map(\.description) ?? []
            return problems.contains("s.toml:6: alerts.webhook[0].url: must be an http:// or https:// URL")
                && problems.contains { $0.hasPrefix("s.toml:9: alerts.exec[0].argv: the program must be an absolute path") }
        }
        let good = try? ConfigLoader.parse(
            "[[alerts.webhook]]\nurl = \"https://h.example/x\"\nmax_attempts = 3\n[[alerts.exec]]\nargv = [\"/bin/true\"]\ntimeout = \"5s\"\n",
            file: "g.toml")
        #expect(good?.alerts.webhooks == [WebhookConfig(name: "https://h.example/x", url: "https://h.example/x", maxAttempts: 3)])
        #expect(good?.alerts.execs == [ExecConfig(name: "/bin/true", argv: ["/bin/true"], timeout: 5)])
    }
}
