import Extraction
import Feeds
import Foundation
import GRDB
import Testing

@testable import DiploWatch

/// Every SQL statement in Sources/DiploWatch/Storage is run through the store's own functions on a
/// migrated database, and its `EXPLAIN QUERY PLAN` must not walk a table that grows with time.
@Suite("Query plans")
struct QueryPlanTests {
    /// Tables whose rows accumulate as the daemon runs (feeds and sinks are as many as configured).
    static let growing: Set<String> = [
        "articles", "article_feeds", "developments", "participants", "development_sources", "alerts", "alert_topics", "pages",
        "sink_deliveries",
    ]

    /// Statements allowed to scan, and why (the whole statement, as run).
    static let exceptions: [String: String] = [
        // Totals: a count walks the smallest index by nature. `status`, tests and the storage
        // benchmark ask for them; the daemon never does.
        "SELECT COUNT(*) FROM articles": "a total",
        "SELECT COUNT(*) FROM developments": "a total",
        "SELECT COUNT(*) FROM alerts": "a total",
        "SELECT COUNT(*) FROM article_feeds": "a total",
        "SELECT COUNT(*) FROM participants": "a total",
        "SELECT COUNT(*) FROM development_sources": "a total",
        "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL": "a total",
        // With a trigger on the table (the row counts), SQLite codes an article's insert with a
        // check of child rows that runs only while the statement has pending foreign-key
        // violations (OP_FkIfZero), which the trigger's one UPDATE cannot cause: never, in effect.
        "INSERT INTO articles (feed_id, guid, url, title, published, content_hash, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)":
            "a foreign-key check skipped at run time",
        // Newest first without a filter: read backwards by rowid and stopped at the LIMIT.
        "SELECT d.id, d.record FROM developments d WHERE 1 ORDER BY d.id DESC LIMIT ?": "the latest N",
        "SELECT * FROM alerts WHERE 1 ORDER BY id DESC LIMIT ?": "the latest N",
    ]

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var statements: [String] = []
        var on = false
        func add(_ sql: String) {
            lock.lock()
            defer { lock.unlock() }
            if on { statements.append(sql) }
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return statements
        }
    }

    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The SQL string literals of Storage/*.swift: statements, and the clauses added to them.
    static func sourceLiterals() throws -> [String] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/DiploWatch/Storage")
        var found: [String] = []
        // The migrations' statements run once, on an empty or older schema: not worth a plan.
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path)
        where file.hasSuffix(".swift") && file != "Store+Schema.swift" {
            var text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            var literals: [String] = []
            for m in text.matches(of: /"""(?s:(.*?))"""/) { literals.append(String(m.1)) }
            text.replace(/"""(?s:.*?)"""/, with: "")
            for m in text.matches(of: /"((?:[^"\\\n]|\\.)*)"/) { literals.append(String(m.1)) }
            for literal in literals {
                let sql = normalized(literal.replacing("\\\n", with: " "))
                guard sql.wholeMatch(of: /(SELECT|INSERT|UPDATE|DELETE|WITH|AND|ORDER BY) .*/) != nil else { continue }
                // Up to the first interpolation: the rest is filled in at run time.
                let fixed = String(sql.prefix { $0 != "\\" }).trimmingCharacters(in: .whitespaces)
                found.append(fixed)
            }
        }
        return found
    }

    /// Runs every Store function that touches the database, as the daemon and the CLI call them.
    static func exercise(_ store: Store) async throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let feeds = [FeedConfig(url: "https://a.example/feed"), FeedConfig(url: "https://b.example/feed")]
        try store.syncFeeds(feeds)
        _ = try store.feedStates()
        _ = try store.feedState(url: feeds[0].url)
        try store.recordSuccess(
            url: feeds[0].url, title: "A", validators: ("\"e1\"", nil), permanentURL: "https://a2.example/feed", interval: 600,
            bodyHash: "h", now: now, next: now)
        try store.recordSuccess(
            url: feeds[0].url, validators: nil, permanentURL: "https://a2.example/feed", interval: nil, now: now, next: now)
        _ = try store.recordUnchanged(
            [UnchangedAnswer(url: feeds[1].url, validators: ("\"e2\"", nil), permanentURL: nil, next: now)], now: now)
        try store.recordFailure(url: feeds[1].url, error: "HTTP 500", now: now) { _ in now }
        try store.recordFailure(url: "https://unsynced.example/feed", error: "HTTP 500", now: now) { _ in now }
        try store.savePages([(url: "https://a.example/page", text: "text")], now: now)
        _ = try store.pageText(url: "https://a.example/page")

        let topics = [
            TopicConfig(name: "all"),
            {
                var t = TopicConfig(name: "limited"); t.maxPerHour = 1; return t
            }(),
        ]
        let extractor = Extractor()
        for (i, f) in [Fixtures.meeting, Fixtures.sameMeetingElsewhere, Fixtures.weather].enumerated() {
            let e = FeedEntry(id: f.guid, title: f.title, link: f.link, published: DateParser.parse(f.date), summary: f.text)
            var developments = extractor.extract(Article(title: e.title, text: f.text, published: Store.isoDay(e.published!)))
            // The first report says possible, the second occurred: an update alert, held by the limit.
            if i == 0 {
                developments = developments.map {
                    var d = $0; d.status = "possible"; return d
                }
            }
            let article = IncomingArticle(feedURL: feeds[i % 2].url, feedTitle: "Desk", entry: e, text: f.text)
            _ = try store.unknown([article])
            _ = try await store.ingest(batch: [(article, developments)], topics: topics, now: now)
            // The same article again, by guid, by URL and by content.
            _ = try store.ingest(article, developments: developments, topics: topics, now: now)
        }
        // A third report of the same development, without news: its last_seen is touched.
        var again = Fixtures.sameMeetingElsewhere
        (again.guid, again.link, again.text) = ("third", "https://c.example/talks", again.text + " More talks are due.")
        let e = FeedEntry(
            id: again.guid, title: again.title, link: again.link, published: DateParser.parse(again.date), summary: again.text)
        _ = try store.ingest(
            IncomingArticle(feedURL: feeds[0].url, feedTitle: nil, entry: e, text: again.text),
            developments: extractor.extract(Article(title: e.title, text: again.text, published: Store.isoDay(e.published!))),
            topics: topics, now: now)
        for (guid, link) in [(nil, Fixtures.meeting.link), (nil, nil)] as [(String?, String?)] {
            let e = FeedEntry(id: guid, title: "t", link: link, published: now, summary: Fixtures.meeting.text)
            _ = try store.unknown([IncomingArticle(feedURL: feeds[1].url, feedTitle: nil, entry: e, text: Fixtures.meeting.text)])
        }
        // A development only the limited topic matches, over its limit: held for good, then told
        // by a digest.
        let deal = FeedEntry(
            id: "deal", title: "Deal", link: "https://a.example/deal", published: now,
            summary: "Japan and India signed a trade agreement on Monday.")
        _ = try store.ingest(
            IncomingArticle(feedURL: feeds[0].url, feedTitle: nil, entry: deal, text: deal.summary!),
            developments: extractor.extract(Article(text: deal.summary!, published: Store.isoDay(now))), topics: [topics[1]],
            policy: AlertPolicy(), now: now)
        try store.raiseDigests(topics: topics, now: now.addingTimeInterval(7200))
        _ = try store.hasUndeliveredAlerts()
        let pending = try store.undeliveredAlerts()
        if let last = pending.last { try store.markDelivered(upTo: last.id, now: now) }
        _ = try store.alert(id: 1)
        _ = try store.mergedAlert(oldID: 1)
        for since in [nil, now] as [Date?] {
            for topic in [nil, "all"] as [String?] {
                for afterID in [0, 1] as [Int64] { _ = try store.alerts(since: since, topic: topic, afterID: afterID) }
            }
        }
        for since in [nil, now] as [Date?] {
            for country in [nil, "FRA"] as [String?] {
                for type in [nil, "CONSULT"] as [String?] {
                    for search in [nil, "Paris"] as [String?] {
                        _ = try store.developments(since: since, country: country, type: type, search: search)
                    }
                }
            }
        }
        if let d = try store.developments().first {
            _ = try store.sourceCount(development: d.id)
            _ = try store.sourceCounts(developments: [d.id, d.id + 1])
        }
        _ = try store.counts()
        _ = try store.metricsSnapshot()
        _ = try store.rowCount()
        _ = store.isHealthy()
        try store.pruneArticleText(before: now.addingTimeInterval(1))
        try store.prunePages(before: now.addingTimeInterval(1))
        try store.registerSink("hook")
        _ = try store.pendingAlerts(sink: "hook")
        try store.recordSinkDelivery(sink: "hook", alert: 1, now: now)
        try store.recordSinkFailure(sink: "hook", alert: 2, error: "HTTP 500", now: now, maxAttempts: 3, firstRetry: 1)
        _ = try store.sinkStatuses()
        _ = try store.participantCountries()
        _ = try store.alertTopics()
    }

    @Test func noStatementScansAGrowingTable() async throws {
        // Given every statement the store runs, collected while its functions run
        let recorder = Recorder()
        let dir = Fixtures.tempDirectory()
        _ = try Store(path: dir + "/db.sqlite", readOnly: false)  // migrated once, unrecorded
        recorder.on = true  // a second opening reads the database's identity
        let store = try Store(path: dir + "/db.sqlite", readOnly: false, trace: { recorder.add($0) })
        try await Self.exercise(store)
        recorder.on = false
        let statements = Set(
            recorder.all.map(Self.normalized).filter { $0.wholeMatch(of: /(?i)(SELECT|INSERT|UPDATE|DELETE|WITH) .*/) != nil })

        // Then each SQL literal of Storage/ was among them (a new statement needs a line above)
        for literal in try Self.sourceLiterals() {
            #expect(statements.contains { $0.contains(literal) }, "not exercised by this test: \(literal)")
        }

        // And none walks a growing table, except those listed with their reason
        let queue = try DatabaseQueue(path: dir + "/db.sqlite")
        for sql in statements.sorted() {
            let plan = try await queue.read { db in
                // Parameters left unbound are NULL: the plan does not depend on them.
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                statement.setUncheckedArguments([])
                return try Row.fetchAll(statement).map { $0["detail"] as String }
            }
            for step in plan {
                guard let m = step.wholeMatch(of: /SCAN (\w+)(?: AS (\w+))?(.*)/) else { continue }
                let table = String(m.1)
                guard Self.growing.contains(table) || Self.growing.contains(Self.alias(String(m.1), in: sql)) else { continue }
                let excused = Self.exceptions[sql] != nil
                #expect(excused, "\(sql)\n  walks \(table): \(step)")
            }
        }
    }

    @Test func aTopicFilterWithAWindowReadsOnlyTheWindow() async throws {
        // Given a database with alerts of a topic
        let recorder = Recorder()
        let dir = Fixtures.tempDirectory()
        let store = try Store(path: dir + "/db.sqlite", readOnly: false, trace: { recorder.add($0) })
        try await Self.exercise(store)

        // When the CLI asks for the topic's alerts since a time, or after an id (`alerts --follow`)
        recorder.on = true
        _ = try store.alerts(since: Date(), topic: "all")
        _ = try store.alerts(topic: "all", afterID: 1)
        recorder.on = false

        // Then the plan walks the window (by time or by id) and probes each alert's topics: it
        // neither reads the topic's whole history nor sorts it
        let queue = try DatabaseQueue(path: dir + "/db.sqlite")
        let statements = recorder.all.filter { $0.hasPrefix("SELECT * FROM alerts") }
        #expect(statements.count == 2)
        for sql in statements {
            let plan = try await queue.read { db in
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                statement.setUncheckedArguments([])
                return try Row.fetchAll(statement).map { $0["detail"] as String }
            }
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(sql)\n  \(plan)")
            #expect(plan.contains { $0.hasPrefix("SEARCH alerts") }, "\(sql)\n  \(plan)")
            #expect(!plan.contains { $0.hasPrefix("SEARCH alert_topics USING COVERING INDEX alert_topics_topic") }, "\(sql)\n  \(plan)")
        }
    }

    @Test func touchingADevelopmentDoesNotReindexItsSummary() async throws {
        // Given a stored development
        let recorder = Recorder()
        let dir = Fixtures.tempDirectory()
        let store = try Store(path: dir + "/db.sqlite", readOnly: false, trace: { recorder.add($0) })
        try await Self.exercise(store)
        let id = try #require(try store.developments(search: "Paris").first?.id)

        // When it is seen again, and when its summary changes
        recorder.on = true
        try store.write { db in try db.execute(sql: "UPDATE developments SET last_seen = last_seen + 1 WHERE id = ?", arguments: [id]) }
        let afterTouch = recorder.all
        try store.write { db in
            try db.execute(sql: "UPDATE developments SET summary = 'Ministers met in Lisbon' WHERE id = ?", arguments: [id])
        }

        // Then only the change of summary runs the full-text trigger, and search follows it
        #expect(!afterTouch.contains { $0.contains("TRIGGER __developments_fts_au") }, "\(afterTouch)")
        #expect(recorder.all.contains { $0.contains("TRIGGER __developments_fts_au") }, "\(recorder.all)")
        #expect(try store.developments(search: "Lisbon").map(\.id) == [id])
        #expect(try store.developments(search: "Paris").isEmpty)
    }

    /// The table an alias stands for in `sql` ("FROM developments d" → developments for "d").
    static func alias(_ name: String, in sql: String) -> String {
        for m in sql.matches(of: /(?:FROM|JOIN) (\w+) (?:AS )?(\w+)/) where m.2 == name { return String(m.1) }
        return name
    }
}
