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

    public init(config: Config, store: Store, fetcher: any FeedFetcher, sink: any AlertSink, logger: Logger) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.extractor = Extractor(lexicon: config.lexicon)
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
        public var deliveryError: String?
        public var seconds = 0.0

        public var description: String {
            "\(feeds) feeds (\(fetched) fetched, \(notModified) unchanged, \(failed) failed), \(newArticles) new articles, "
                + "\(newDevelopments) new developments, \(alerts) alerts"
        }
    }

    enum Outcome: Sendable {
        case fetched(FeedConfig, FetchResult)
        case failed(FeedConfig, FetchError)
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
                    do throws(FetchError) {
                        return .fetched(feed, try await fetcher.fetch(request))
                    } catch {
                        return .failed(feed, error)
                    }
                }
            }
            for _ in 0..<limit {
                guard let feed = pending.next() else { break }
                start(feed)
            }
            while let outcome = await group.next() {
                handle(outcome, now: now, report: &report)
                // On SIGTERM, finish what is in hand and start nothing new.
                if !Task.isShuttingDownGracefully, let feed = pending.next() { start(feed) }
            }
        }
        do {
            report.delivered = try AlertDelivery(store: store, sink: sink).deliverPending(now: Date())
        } catch {
            report.deliveryError = "\(error)"
            logger.error("alert delivery failed; alerts stay queued and will be retried", metadata: ["error": "\(error)"])
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
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

    private func handle(_ outcome: Outcome, now: Date, report: inout Report) {
        switch outcome {
        case .failed(let feed, let error):
            report.failed += 1
            fail(feed, reason: error.description, retryAfter: error.retryAfter, now: now)
        case .fetched(let feed, .notModified):
            report.notModified += 1
            try? store.recordNotModified(url: feed.url, now: now, next: nextPoll(feed, now: now))
            logger.debug("feed unchanged", metadata: ["feed.url": "\(feed.url)"])
        case .fetched(let feed, .fetched(let body, let etag, let lastModified, let finalURL, _)):
            let parsed: Feed
            do {
                parsed = try FeedParser.parse(body, baseURL: URL(string: finalURL))
            } catch {
                report.failed += 1
                fail(feed, reason: error.description, retryAfter: nil, now: now)
                return
            }
            report.fetched += 1
            for entry in parsed.entries {
                // Stopping: leave the feed unrecorded so the rest is read on the next start.
                if Task.isShuttingDownGracefully { return }
                do {
                    let o = try ingest(entry, feed: feed, feedTitle: parsed.title, now: now)
                    if o.newArticle { report.newArticles += 1 }
                    report.newDevelopments += o.newDevelopments
                    report.alerts += o.alerts
                } catch {
                    logger.error("cannot store article", metadata: ["feed.url": "\(feed.url)", "error": "\(error)"])
                }
            }
            do {
                try store.recordSuccess(
                    url: feed.url, title: parsed.title, etag: etag, lastModified: lastModified, now: now, next: nextPoll(feed, now: now))
            } catch {
                logger.error("cannot record feed state", metadata: ["feed.url": "\(feed.url)", "error": "\(error)"])
            }
        }
    }

    private func fail(_ feed: FeedConfig, reason: String, retryAfter: Double?, now: Date) {
        let errors =
            (try? store.recordFailure(url: feed.url, error: reason, now: now) { n in
                backoff(feed, errors: n, retryAfter: retryAfter, now: now)
            }) ?? 1
        logger.warning("feed failed", metadata: ["feed.url": "\(feed.url)", "error": "\(reason)", "feed.errors": "\(errors)"])
    }

    func ingest(_ entry: FeedEntry, feed: FeedConfig, feedTitle: String?, now: Date) throws -> IngestOutcome {
        var text = entry.bestText
        if text.isEmpty { text = entry.title ?? "" }
        let article = IncomingArticle(feedURL: feed.url, feedTitle: feedTitle, entry: entry, text: text)
        if try store.isKnown(article) { return IngestOutcome() }
        let published = entry.published ?? now
        let developments = extractor.extract(
            Article(title: entry.title, text: text, published: Store.isoDay(published), url: entry.link))
        return try store.ingest(article, developments: developments, topics: config.topics, now: now)
    }
}
