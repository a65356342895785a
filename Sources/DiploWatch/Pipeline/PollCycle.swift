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
    /// Built when the first new article needs it.
    public var extractor: LazyExtractor
    public var sink: any AlertSink
    public var logger: Logger
    /// Called each time a feed has been handled (stored, or its failure recorded), at most every
    /// few seconds: the daemon feeds systemd's watchdog from it.
    public var progress: (@Sendable () -> Void)?
    /// Whether the cycle logs a storage failure itself (`poll` prints it as its last line instead).
    public var logsStorageFailure = true
    /// Called after every feed is handled with the figures so far (`poll`'s progress line).
    public var onFeedDone: (@Sendable (Report) -> Void)?

    public init(
        config: Config, store: Store, fetcher: any FeedFetcher, sink: any AlertSink, logger: Logger,
        extractor: LazyExtractor? = nil
    ) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.extractor = extractor ?? LazyExtractor(config: config)
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
        /// The first storage failure of the cycle: the daemon's failure, not a feed's. The cycle
        /// starts no further feed after it.
        public var storageError: StoreError?
        public var seconds = 0.0

        public var description: String {
            "\(feeds) feeds (\(fetched) fetched, \(notModified) unchanged, \(failed) failed), \(newArticles) new articles, "
                + "\(newDevelopments) new developments, \(alerts) alerts"
        }
    }

    enum Outcome: Sendable {
        case fetched(FeedConfig, Prepared)
        /// 304, or a 200 whose body hashes as the last one stored (new validators, if any, kept).
        case notModified(FeedConfig, permanentURL: String?, validators: (etag: String?, lastModified: String?)? = nil)
        case failed(FeedConfig, reason: String, retryAfter: Double?, gone: Bool = false)
        /// The database failed while the feed was being read: not the feed's fault.
        case storageFailed(FeedConfig, StoreError)
    }

    /// A fetched feed made ready to store: parsed, its new articles extracted (in the fetching task,
    /// so extraction runs on every core), known ones kept to link this feed to them.
    struct Prepared: Sendable {
        var title: String?
        var etag: String?
        var lastModified: String?
        var permanentURL: String?
        var bodyHash: String?
        /// The interval adapted to the entries' dates (nil for a feed with a fixed interval).
        var interval: Double?
        /// Entry pages fetched for a full_text feed, to cache.
        var pages: [(url: String, text: String)] = []
        var batch: [(article: IncomingArticle, developments: [Development])]
    }

    /// Polls the feeds that are due (or all of them) and delivers pending alerts.
    public func run(now: Date = Date(), onlyDue: Bool = true) async -> Report {
        let started = Date()
        var report = Report()
        do {
            try store.syncFeeds(config.feeds)
        } catch {
            storageFailed(error, &report)
        }
        // A sink is owed every alert raised from the first cycle it is configured in: register it
        // before this cycle raises any (registering at delivery lost the first cycle's alerts).
        for name in SinkDelivery.names(for: config.alerts) {
            do { try store.registerSink(name) } catch { storageFailed(error, &report) }
        }
        let states = Dictionary(((try? store.feedStates()) ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        let due = config.feeds.filter { !onlyDue || (states[$0.url]?.nextPollAt ?? .distantPast) <= now }
        report.feeds = due.count
        let gate = HostGate(perHost: config.daemon.perHost)
        let limit = max(1, config.daemon.concurrency)
        func target(_ feed: FeedConfig) -> String { states[feed.url]?.fetchURL ?? feed.url }
        // Each due feed's host as a number, parsed once (nil: a URL without a host, never held back).
        let hosts = FeedQueue.hostNumbers(due.map { HostGate.host(of: target($0)) })
        var lastProgress = Date.distantPast
        var lastDelivery = Date.distantPast
        // Alerts stored since the last delivery.
        var owed = false
        // Feeds that answered with nothing new, recorded together in one transaction.
        var unchanged: [(feed: FeedConfig, state: FeedState?, answer: UnchangedAnswer)] = []
        await withTaskGroup(of: (Int, Outcome).self) { group in
            // Feeds whose host is busy wait while feeds on other hosts go ahead.
            var queue = FeedQueue(hosts: hosts, perHost: gate.perHost)
            func start(_ index: Int) {
                let feed = due[index]
                let state = states[feed.url]
                let url = target(feed)
                group.addTask { (index, await fetchOne(feed, state: state, url: url, gate: gate, now: now)) }
            }
            // The next feed whose host has room; none when every pending feed's host is busy (a
            // feed finishing frees its host, and the next call starts one there).
            func startNext() -> Bool {
                guard let i = queue.next() else { return false }
                start(i)
                return true
            }
            for _ in 0..<limit where startNext() {}
            while let (index, outcome) = await group.next() {
                let feed = due[index]
                queue.finished(index)
                let alertsBefore = report.alerts
                await handle(outcome, state: states[feed.url], now: now, report: &report, unchanged: &unchanged)
                onFeedDone?(report)
                if let progress, Date().timeIntervalSince(lastProgress) >= 5, store.isHealthy() {
                    progress()
                    lastProgress = Date()
                }
                // Alerts go out soon after their feed is stored, not at the end of a long cycle; at
                // most every few seconds, since each delivery first reads back the sink's last line
                // (delivering after every one of a cold cycle's feeds cost a sixth of its CPU).
                if report.alerts > alertsBefore { owed = true }
                if owed, report.deliveryError == nil, Date().timeIntervalSince(lastDelivery) >= Self.deliveryInterval {
                    deliver(&report)
                    lastDelivery = Date()
                    owed = false
                }
                // On SIGTERM, finish what is in hand and start nothing new.
                // After a storage failure nothing new starts either: the next cycle tries again.
                if !Task.isShuttingDownGracefully, report.storageError == nil { _ = startNext() }
            }
        }
        recordUnchanged(unchanged, now: now, report: &report)
        do {
            try store.raiseDigests(topics: config.topics, now: Date())
        } catch {
            storageFailed(error, &report)
        }
        // Also what an earlier run left queued (a crash, a full disk, an unwritable log).
        if report.deliveryError == nil { deliver(&report) }
        deliverToSinks(&report)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// One feed fetched and, when it has changed, parsed and its new articles extracted.
    private func fetchOne(_ feed: FeedConfig, state: FeedState?, url: String, gate: HostGate, now: Date) async -> Outcome {
        let request = FetchRequest(url: url, etag: state?.etag, lastModified: state?.lastModified, proxy: feed.proxy)
        let result: FetchResult
        do throws(FetchError) {
            result = try await gate.fetch(request, with: fetcher)
        } catch {
            return .failed(feed, reason: error.description, retryAfter: error.retryAfter, gone: error.status == 410)
        }
        if result.notModified { return .notModified(feed, permanentURL: result.permanentURL) }
        // The same bytes as last time, from a server that ignores conditional GET.
        let hash = Self.bodyHash(result.body)
        if hash == state?.bodyHash {
            return .notModified(feed, permanentURL: result.permanentURL, validators: (result.etag, result.lastModified))
        }
        do {
            let parsed = try FeedParser.parse(result.body, baseURL: URL(string: result.finalURL), charset: result.charset)
            var prepared = try await prepare(parsed, feed: feed, now: now, gate: gate)
            prepared.etag = result.etag
            prepared.lastModified = result.lastModified
            prepared.permanentURL = result.permanentURL
            prepared.bodyHash = hash
            return .fetched(feed, prepared)
        } catch let error as StoreError {
            return .storageFailed(feed, error)
        } catch {
            return .failed(feed, reason: "\(error)", retryAfter: nil)
        }
    }

    /// The shortest time between two deliveries of the alerts raised during a cycle: short beside
    /// the poll interval, long beside the time to store a feed.
    static let deliveryInterval = 5.0

    private func deliver(_ report: inout Report) {
        do {
            report.delivered += try AlertDelivery(store: store, sink: sink, logger: logger).deliverPending(now: Date())
        } catch let error as StoreError {
            report.deliveryError = "\(error)"
            storageFailed(error, &report)
        } catch {
            report.deliveryError = "\(error)"
            logger.error("alert delivery failed; alerts stay queued and will be retried", metadata: ["error": "\(error)"])
        }
    }

    /// Records the cycle's first storage failure and logs it once, with what to do about it.
    private func storageFailed(_ error: StoreError, _ report: inout Report) {
        guard report.storageError == nil else { return }
        report.storageError = error
        guard logsStorageFailure else { return }
        logger.critical(
            "database failed: \(error.message); \(error.advice(database: store.path))", metadata: ["database": "\(store.path)"])
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

    /// The feed's interval: its own if the config fixes one, else the one adapted to its rhythm,
    /// else the daemon's poll interval, within the daemon's bounds.
    func interval(_ feed: FeedConfig, adapted: Double?) -> Double {
        if let fixed = feed.interval { return fixed }
        let bounds = config.daemon.intervalBounds
        return min(max(adapted ?? config.daemon.pollInterval, bounds.lowerBound), bounds.upperBound)
    }

    /// The next poll: the interval with ±10% jitter so feeds do not all fall due together.
    func nextPoll(_ feed: FeedConfig, adapted: Double?, now: Date) -> Date {
        let i = interval(feed, adapted: adapted)
        return now.addingTimeInterval(i + Double.random(in: -0.1...0.1) * i)
    }

    /// After `errors` consecutive failures: the interval doubled each time plus up to 10% jitter,
    /// capped at a day, and never sooner than the server's Retry-After.
    func backoff(_ feed: FeedConfig, adapted: Double?, errors: Int, retryAfter: Double?, now: Date) -> Date {
        let base = min(interval(feed, adapted: adapted) * pow(2, Double(min(errors - 1, 10))), 86400)
        let wait = max(base + Double.random(in: 0...0.1) * base, retryAfter ?? 0)
        return now.addingTimeInterval(wait)
    }

    private func handle(
        _ outcome: Outcome, state: FeedState?, now: Date, report: inout Report,
        unchanged: inout [(feed: FeedConfig, state: FeedState?, answer: UnchangedAnswer)]
    ) async {
        switch outcome {
        case .failed(let feed, let reason, let retryAfter, let gone):
            report.failed += 1
            fail(feed, adapted: state?.interval, reason: reason, retryAfter: retryAfter, gone: gone, now: now, report: &report)
        case .storageFailed(_, let error):
            storageFailed(error, &report)
        case .notModified(let feed, let permanentURL, let validators):
            report.notModified += 1
            let next = nextPoll(feed, adapted: state?.interval, now: now)
            unchanged.append((feed, state, UnchangedAnswer(url: feed.url, validators: validators, permanentURL: permanentURL, next: next)))
        case .fetched(let feed, let prepared):
            report.fetched += 1
            // Stopping: leave the feed unrecorded so its articles are read on the next start.
            if Task.isShuttingDownGracefully { return }
            do {
                try store.savePages(prepared.pages, now: now)
                let policy = config.alerts.policy.feed(lastRead: state?.lastOKAt)
                let o = try await store.ingest(batch: prepared.batch, topics: config.topics, policy: policy, now: now)
                if o.tooOld > 0 {
                    logger.info(
                        "developments older than max_age stored without alerts",
                        metadata: ["feed.url": "\(feed.url)", "developments": "\(o.tooOld)"])
                }
                report.newArticles += o.newArticles
                report.newDevelopments += o.newDevelopments
                report.alerts += o.alerts
                recordAnswer(
                    feed, state: state, title: prepared.title, validators: (prepared.etag, prepared.lastModified),
                    permanentURL: prepared.permanentURL, interval: prepared.interval, bodyHash: prepared.bodyHash, now: now,
                    report: &report)
            } catch {
                storageFailed(error, &report)
            }
        }
    }

    private func recordUnchanged(
        _ unchanged: [(feed: FeedConfig, state: FeedState?, answer: UnchangedAnswer)], now: Date, report: inout Report
    ) {
        guard !unchanged.isEmpty else { return }
        do {
            let moves = try store.recordUnchanged(unchanged.map(\.answer), now: now)
            for ((feed, state, _), moved) in zip(unchanged, moves) {
                logger.debug("feed unchanged", metadata: ["feed.url": "\(feed.url)"])
                logAnswer(feed, state: state, moved: moved)
            }
        } catch {
            storageFailed(error, &report)
        }
    }

    private func logAnswer(_ feed: FeedConfig, state: FeedState?, moved: String?) {
        if state?.dead == true { logger.notice("dead feed answers again", metadata: ["feed.url": "\(feed.url)"]) }
        if let moved {
            logger.notice(
                "feed moved permanently; polling the new URL from now on (update the config)",
                metadata: ["feed.url": "\(feed.url)", "feed.new_url": "\(moved)"])
        }
    }

    private func recordAnswer(
        _ feed: FeedConfig, state: FeedState?, title: String?, validators: (etag: String?, lastModified: String?)?,
        permanentURL: String?, interval: Double?, bodyHash: String? = nil, now: Date, report: inout Report
    ) {
        do {
            let moved = try store.recordSuccess(
                url: feed.url, title: title, validators: validators, permanentURL: permanentURL, interval: interval, bodyHash: bodyHash,
                now: now, next: nextPoll(feed, adapted: interval ?? state?.interval, now: now))
            logAnswer(feed, state: state, moved: moved)
        } catch {
            storageFailed(error, &report)
        }
    }

    /// The feed's articles, with developments extracted for those the store does not know yet; for
    /// a full_text feed, from the main text of each new entry's page when it says more than the feed.
    func prepare(_ parsed: Feed, feed: FeedConfig, now: Date, gate: HostGate) async throws -> Prepared {
        var articles = parsed.entries.map { entry in
            var text = entry.bestText
            if text.isEmpty { text = entry.title ?? "" }
            return IncomingArticle(feedURL: feed.url, feedTitle: parsed.title, entry: entry, text: text)
        }
        let unknown = try store.unknown(articles)
        var pages: [(url: String, text: String)] = []
        if feed.fullText {
            // New entries' pages, fetched side by side (the host gate keeps it to per_host at once).
            let wanted = articles.indices.filter { unknown[$0] && articles[$0].entry.link.flatMap(HostGate.host(of:)) != nil }
            let found = await withTaskGroup(of: (Int, String?, Bool).self) { group in
                for i in wanted {
                    let link = articles[i].entry.link!
                    group.addTask { await pageText(link, feed: feed, gate: gate).map { (i, $0.text, $0.fetched) } ?? (i, nil, false) }
                }
                var out: [(Int, String?, Bool)] = []
                for await r in group { out.append(r) }
                return out
            }
            for (i, text, fetched) in found {
                guard let text else { continue }
                if fetched, let link = articles[i].entry.link { pages.append((ArticleIdentity.canonical(link) ?? link, text)) }
                if text.count > articles[i].text.count { articles[i].text = text }
            }
        }
        let batch = zip(articles, unknown).map { article, isNew in
            guard isNew else { return (article: article, developments: [Development]()) }
            let e = article.entry
            let developments = extractor.extractor.extract(
                Article(title: e.title, text: article.text, published: Store.isoDay(e.published ?? now), url: e.link))
            return (article: article, developments: developments)
        }
        let adapted =
            feed.interval == nil
            ? PollCycle.adaptiveInterval(
                dates: parsed.entries.compactMap { $0.published ?? $0.updated }, now: now, bounds: config.daemon.intervalBounds)
            : nil
        return Prepared(title: parsed.title, interval: adapted, pages: pages, batch: batch)
    }

    /// An entry page's main text, from the cache or fetched through the host gate. A page that
    /// cannot be fetched leaves the entry with the feed's own text.
    private func pageText(_ url: String, feed: FeedConfig, gate: HostGate) async -> (text: String, fetched: Bool)? {
        if let cached = try? store.pageText(url: ArticleIdentity.canonical(url) ?? url) { return (cached, false) }
        // Stopping: the feed is left unrecorded and read again on the next start, pages and all.
        if Task.isShuttingDownGracefully { return nil }
        let fetcher = self.fetcher
        do {
            let result = try await gate.fetch(FetchRequest(url: url, proxy: feed.proxy, accept: .page), with: fetcher)
            guard let text = MainText.extract(html: result.body, charset: result.charset) else {
                logger.debug("no article text in the page", metadata: ["page.url": "\(url)"])
                return nil
            }
            return (text, true)
        } catch {
            logger.info("entry page not fetched; using the feed's text", metadata: ["page.url": "\(url)", "error": "\(error)"])
            return nil
        }
    }

    /// 64-bit FNV-1a of a body, as hex: equal bodies, equal hashes.
    static func bodyHash(_ body: Data) -> String {
        let h = body.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in raw {
                h ^= UInt64(b)
                h = h &* 0x100_0000_01b3
            }
            return h
        }
        return String(h, radix: 16) + "-" + String(body.count)
    }

    /// How often to poll a feed, from the dates of its entries: half the mean gap between its
    /// latest entries, or half the time since the newest when the feed has gone quiet, within
    /// `bounds`. Nil when fewer than two entries are dated.
    static func adaptiveInterval(dates: [Date], now: Date, bounds: ClosedRange<Double>) -> Double? {
        let recent = dates.filter { $0 <= now.addingTimeInterval(3600) }.sorted(by: >).prefix(20)
        guard recent.count >= 2, let newest = recent.first, let oldest = recent.last else { return nil }
        let meanGap = newest.timeIntervalSince(oldest) / Double(recent.count - 1)
        let gap = max(meanGap, now.timeIntervalSince(newest))
        return min(max(gap / 2, bounds.lowerBound), bounds.upperBound)
    }

    /// Records a failure and schedules the retry. 410 Gone is dead at once (still tried daily).
    private func fail(
        _ feed: FeedConfig, adapted: Double?, reason: String, retryAfter: Double?, gone: Bool, now: Date, report: inout Report
    ) {
        do {
            let r = try store.recordFailure(
                url: feed.url, error: reason, now: now, deadAfter: gone ? 0 : config.daemon.deadAfter, retryAfter: retryAfter
            ) { n in
                backoff(feed, adapted: adapted, errors: n, retryAfter: retryAfter, now: now)
            }
            if r.newlyDead {
                let why = gone ? "the server says it is gone (410)" : "failing for \(ConfigDuration.format(config.daemon.deadAfter))"
                logger.error(
                    "feed marked dead: \(why); trying it once a day",
                    metadata: ["feed.url": "\(feed.url)", "error": "\(reason)"])
            } else {
                logger.warning("feed failed", metadata: ["feed.url": "\(feed.url)", "error": "\(reason)", "feed.errors": "\(r.errors)"])
            }
        } catch {
            storageFailed(error, &report)
        }
    }
}
