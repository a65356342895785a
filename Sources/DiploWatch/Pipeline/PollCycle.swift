import Extraction
import Feeds
import Foundation
import Logging
import ServiceLifecycle

/// One pass over the feeds: fetch (bounded concurrency), parse, extract, store, then deliver
/// the alerts raised. A failing feed is recorded and backed off; it never stops the cycle.
public struct PollCycle: Sendable {
    public var config: Config
    public var store: Store
    public var fetcher: any FeedFetcher
    public var extractor: Extractor
    public var sink: any AlertSink
    public var logger: Logger

    public init(
        config: Config, store: Store, fetcher: any FeedFetcher, sink: any AlertSink, logger: Logger, extractor: Extractor? = nil
    ) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.extractor = extractor ?? Extractor(lexicon: config.lexicon)
        self.sink = sink
        self.logger = logger
    }

    /// What a cycle did, for the log line, STATUS= and tests.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public var feeds = 0
        public var fetched = 0
        public var notModified = 0
        public var failed = 0
        public var newArticles = 0
        public var newDevelopments = 0
        public var alerts = 0
        public var delivered = 0
        /// Alerts sent to webhooks and exec sinks.
        public var sinkDelivered = 0
        public var deliveryError: String?
        public var seconds = 0.0

        public var description: String {
            "\(feeds) feeds (\(fetched) fetched, \(notModified) unchanged, \(failed) failed), \(newArticles) new articles, "
                + "\(newDevelopments) new developments, \(alerts) alerts"
        }
    }

    enum Outcome: Sendable {
        case fetched(FeedConfig, Prepared)
        case notModified(FeedConfig)
        case failed(FeedConfig, reason: String, retryAfter: Double?)
    }

    /// A fetched feed made ready to store: parsed, its new articles extracted (in the fetching task,
    /// so extraction runs on every core), known ones kept to link this feed to them.
    struct Prepared: Sendable {
        var title: String?
        var etag: String?
        var lastModified: String?
        var batch: [(article: IncomingArticle, developments: [Development])]
    }

    /// Polls the feeds that are due (or all of them) and delivers pending alerts.
    public func run(now: Date = Date(), onlyDue: Bool = true) async -> Report {
        let started = Date()
        var report = Report()
        do {
            try store.syncFeeds(config.feeds)
        } catch {
            logger.error("cannot record feeds", metadata: ["error": "\(error)"])
        }
        let states = Dictionary(((try? store.feedStates()) ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        let due = config.feeds.filter { !onlyDue || (states[$0.url]?.nextPollAt ?? .distantPast) <= now }
        report.feeds = due.count
        let fetcher = self.fetcher
        let limit = max(1, config.daemon.concurrency)
        await withTaskGroup(of: Outcome.self) { group in
            var pending = due.makeIterator()
            func start(_ feed: FeedConfig) {
                let state = states[feed.url]
                group.addTask {
                    let request = FetchRequest(url: feed.url, etag: state?.etag, lastModified: state?.lastModified)
                    let result: FetchResult
                    do throws(FetchError) {
                        result = try await fetcher.fetch(request)
                    } catch {
                        return .failed(feed, reason: error.description, retryAfter: error.retryAfter)
                    }
                    switch result {
                    case .notModified:
                        return .notModified(feed)
                    case .fetched(let body, let etag, let lastModified, let finalURL, _):
                        do {
                            let parsed = try FeedParser.parse(body, baseURL: URL(string: finalURL))
                            let batch = try prepare(parsed, feed: feed, now: now)
                            return .fetched(feed, Prepared(title: parsed.title, etag: etag, lastModified: lastModified, batch: batch))
                        } catch {
                            return .failed(feed, reason: "\(error)", retryAfter: nil)
                        }
                    }
                }
            }
            for _ in 0..<limit {
                guard let feed = pending.next() else { break }
                start(feed)
            }
            while let outcome = await group.next() {
                let alertsBefore = report.alerts
                await handle(outcome, now: now, report: &report)
                // Alerts go out as soon as their feed is stored, not at the end of a long cycle.
                if report.alerts > alertsBefore, report.deliveryError == nil { deliver(&report) }
                // On SIGTERM, finish what is in hand and start nothing new.
                if !Task.isShuttingDownGracefully, let feed = pending.next() { start(feed) }
            }
        }
        do {
            try store.raiseDigests(topics: config.topics, now: Date())
        } catch {
            logger.error("cannot raise rate-limit digests", metadata: ["error": "\(error)"])
        }
        // Also what an earlier run left queued (a crash, a full disk, an unwritable log).
        if report.deliveryError == nil { deliver(&report) }
        deliverToSinks(&report)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func deliver(_ report: inout Report) {
        do {
            report.delivered += try AlertDelivery(store: store, sink: sink).deliverPending(now: Date())
        } catch {
            report.deliveryError = "\(error)"
            logger.error("alert delivery failed; alerts stay queued and will be retried", metadata: ["error": "\(error)"])
        }
    }

    /// Webhooks and exec sinks, from the same outbox; their failures are retried later, never lost.
    private func deliverToSinks(_ report: inout Report) {
        guard !config.alerts.webhooks.isEmpty || !config.alerts.execs.isEmpty else { return }
        let (sinks, problems) = SinkDelivery.sinks(for: config.alerts, userAgent: config.daemon.userAgent)
        for p in problems { logger.error("alert sink unavailable", metadata: ["error": "\(p)"]) }
        let result = SinkDelivery(store: store, sinks: sinks).deliver()
        report.sinkDelivered += result.delivered
        for f in result.failures { logger.warning("alert sink failed; will retry", metadata: ["error": "\(f)"]) }
    }

    private func interval(_ feed: FeedConfig) -> Double { feed.interval ?? config.daemon.pollInterval }

    /// The next poll: the interval with ±10% jitter so feeds do not all fall due together.
    func nextPoll(_ feed: FeedConfig, now: Date) -> Date {
        let i = interval(feed)
        return now.addingTimeInterval(i + Double.random(in: -0.1...0.1) * i)
    }

    /// After `errors` consecutive failures: the interval doubled each time, capped at a day.
    func backoff(_ feed: FeedConfig, errors: Int, retryAfter: Double?, now: Date) -> Date {
        let base = min(interval(feed) * pow(2, Double(min(errors - 1, 10))), 86400)
        let wait = max(base + Double.random(in: 0...0.1) * base, retryAfter ?? 0)
        return now.addingTimeInterval(wait)
    }

    private func handle(_ outcome: Outcome, now: Date, report: inout Report) async {
        switch outcome {
        case .failed(let feed, let reason, let retryAfter):
            report.failed += 1
            fail(feed, reason: reason, retryAfter: retryAfter, now: now)
        case .notModified(let feed):
            report.notModified += 1
            try? store.recordNotModified(url: feed.url, now: now, next: nextPoll(feed, now: now))
            logger.debug("feed unchanged", metadata: ["feed.url": "\(feed.url)"])
        case .fetched(let feed, let prepared):
            report.fetched += 1
            // Stopping: leave the feed unrecorded so its articles are read on the next start.
            if Task.isShuttingDownGracefully { return }
            do {
                let o = try await store.ingest(batch: prepared.batch, topics: config.topics, now: now)
                report.newArticles += o.newArticles
                report.newDevelopments += o.newDevelopments
                report.alerts += o.alerts
                try store.recordSuccess(
                    url: feed.url, title: prepared.title, etag: prepared.etag, lastModified: prepared.lastModified, now: now,
                    next: nextPoll(feed, now: now))
            } catch {
                logger.error("cannot store feed", metadata: ["feed.url": "\(feed.url)", "error": "\(error)"])
            }
        }
    }

    /// The feed's articles, with developments extracted for those the store does not know yet.
    func prepare(_ parsed: Feed, feed: FeedConfig, now: Date) throws -> [(article: IncomingArticle, developments: [Development])] {
        let articles = parsed.entries.map { entry in
            var text = entry.bestText
            if text.isEmpty { text = entry.title ?? "" }
            return IncomingArticle(feedURL: feed.url, feedTitle: parsed.title, entry: entry, text: text)
        }
        let unknown = try store.unknown(articles)
        return zip(articles, unknown).map { article, isNew in
            guard isNew else { return (article, []) }
            let e = article.entry
            let developments = extractor.extract(
                Article(title: e.title, text: article.text, published: Store.isoDay(e.published ?? now), url: e.link))
            return (article, developments)
        }
    }

    private func fail(_ feed: FeedConfig, reason: String, retryAfter: Double?, now: Date) {
        let errors =
            (try? store.recordFailure(url: feed.url, error: reason, now: now) { n in
                backoff(feed, errors: n, retryAfter: retryAfter, now: now)
            }) ?? 1
        logger.warning("feed failed", metadata: ["feed.url": "\(feed.url)", "error": "\(reason)", "feed.errors": "\(errors)"])
    }
}
