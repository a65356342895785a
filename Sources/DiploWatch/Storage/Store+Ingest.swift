import Extraction
import Feeds
import Foundation
import GRDB

/// What one article's ingestion changed.
public struct IngestOutcome: Sendable, Equatable {
    /// How many of the articles were new (0 or 1 for a single article).
    public var newArticles = 0
    public var newDevelopments = 0
    public var updatedDevelopments = 0
    public var alerts = 0
    /// Developments that would have alerted but for `max_age`.
    public var tooOld = 0
}

/// An article as the store receives it: identity, metadata and plain text.
public struct IncomingArticle: Sendable {
    public var feedURL: String
    public var feedTitle: String?
    public var entry: FeedEntry
    public var text: String
    public var identity: ArticleIdentity

    public init(feedURL: String, feedTitle: String?, entry: FeedEntry, text: String) {
        self.feedURL = feedURL
        self.feedTitle = feedTitle
        self.entry = entry
        self.text = text
        self.identity = ArticleIdentity(entry: entry, text: text)
    }
}

extension Store {
    static let statusRank = ["background": 0, "possible": 1, "planned": 2, "occurred": 3]

    /// The fingerprint that makes two reports one development: type, mode, the set of
    /// participating states and bodies, and the month it happens in.
    public static func fingerprint(_ d: Development, published: Date?) -> String {
        let codes = Set(d.participants.compactMap(\.country)).sorted().joined(separator: ",")
        let month: String
        if let date = d.date, date.count >= 7 {
            month = String(date.prefix(7))
        } else {
            month = published.map { isoDay($0).prefix(7) }.map(String.init) ?? "undated"
        }
        return [d.type, d.mode ?? "", codes, month].joined(separator: "|")
    }

    /// The UTC calendar day of a time, as `YYYY-MM-DD`.
    static func isoDay(_ date: Date) -> String {
        CalendarDay(dayNumber: Int((date.timeIntervalSince1970 / 86400).rounded(.down))).iso
    }

    func existingArticle(_ db: Database, feed: Int64, identity: ArticleIdentity) throws -> Int64? {
        if let g = identity.guid,
            let id = try Int64.fetchOne(
                try db.cachedStatement(sql: "SELECT article_id FROM article_feeds WHERE feed_id = ? AND guid = ?"), arguments: [feed, g])
        {
            return id
        }
        if let u = identity.url,
            let id = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT id FROM articles WHERE url = ? LIMIT 1"), arguments: [u])
        {
            return id
        }
        return try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ? LIMIT 1"), arguments: [identity.contentHash])
    }

    /// Stores an article, its developments, and the alerts they raise, in one transaction:
    /// an alert exists exactly when its development does (the outbox).
    public func ingest(
        _ article: IncomingArticle, developments: [Development], topics: [TopicConfig], policy: AlertPolicy = .any, now: Date
    ) throws(StoreError) -> IngestOutcome {
        try write { db in
            var sent = SentCounts()
            return try self.ingest(db, article, developments: developments, topics: topics, policy: policy, now: now, sent: &sent)
        }
    }

    /// Which of a feed's articles are new: one read for the whole feed, before extraction.
    public func unknown(_ articles: [IncomingArticle]) throws(StoreError) -> [Bool] {
        guard let url = articles.first?.feedURL else { return [] }
        return try read { db in
            let feed = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT id FROM feeds WHERE url = ?"), arguments: [url]) ?? -1
            return try articles.map { try self.existingArticle(db, feed: feed, identity: $0.identity) == nil }
        }
    }

    /// Stores a feed's articles (with their developments, empty for known ones) and the alerts they
    /// raise in one transaction.
    public func ingest(
        batch: [(article: IncomingArticle, developments: [Development])], topics: [TopicConfig], policy: AlertPolicy = .any, now: Date
    ) async throws(StoreError) -> IngestOutcome {
        try await asyncWrite { db in
            var total = IngestOutcome()
            var sent = SentCounts()
            for (article, developments) in batch {
                let o = try self.ingest(db, article, developments: developments, topics: topics, policy: policy, now: now, sent: &sent)
                total.newDevelopments += o.newDevelopments
                total.updatedDevelopments += o.updatedDevelopments
                total.alerts += o.alerts
                total.newArticles += o.newArticles
                total.tooOld += o.tooOld
            }
            return total
        }
    }

    /// Each rate-limited topic's alerts of the last hour, counted once per transaction and then
    /// kept up to date as alerts are inserted: counting again for every alert walked the index over
    /// all of the hour's alerts each time (quadratic in a cycle that raises many).
    struct SentCounts {
        var byTopic: [String: Int] = [:]

        mutating func count(_ db: Database, store: Store, topic: String, now: Date) throws -> Int {
            if let n = byTopic[topic] { return n }
            let n = try store.sentInLastHour(db, topic: topic, now: now)
            byTopic[topic] = n
            return n
        }
    }

    func ingest(
        _ db: Database, _ article: IncomingArticle, developments: [Development], topics: [TopicConfig], policy: AlertPolicy,
        now: Date,
        sent: inout SentCounts
    ) throws -> IngestOutcome {
        do {
            var outcome = IngestOutcome()
            let feed = try self.feedID(db, url: article.feedURL)
            if let title = article.feedTitle {
                try db.run(sql: "UPDATE feeds SET title = ? WHERE id = ? AND title IS NOT ?", arguments: [title, feed, title])
            }
            if let id = try self.existingArticle(db, feed: feed, identity: article.identity) {
                try db.run(
                    sql: "INSERT OR IGNORE INTO article_feeds (article_id, feed_id, guid) VALUES (?, ?, ?)",
                    arguments: [id, feed, article.identity.guid])
                return outcome
            }
            let e = article.entry
            try db.run(
                sql: """
                    INSERT INTO articles (feed_id, guid, url, title, published, content_hash, text, fetched_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    feed, article.identity.guid, article.identity.url, e.title, e.published?.timeIntervalSince1970,
                    article.identity.contentHash, article.text, now.timeIntervalSince1970,
                ])
            let articleID = db.lastInsertedRowID
            try db.run(
                sql: "INSERT INTO article_feeds (article_id, feed_id, guid) VALUES (?, ?, ?)",
                arguments: [articleID, feed, article.identity.guid])
            outcome.newArticles = 1

            for d in developments {
                let fp = Self.fingerprint(d, published: e.published)
                // What an alert announces: the kind and the development as now stored.
                var announced: (kind: String, record: Development)?
                let devID: Int64
                if let row = try Row.fetchOne(
                    try db.cachedStatement(sql: "SELECT id, status, record FROM developments WHERE fingerprint = ?"), arguments: [fp])
                {
                    devID = row["id"]
                    let old: String = row["status"]
                    if (Self.statusRank[d.status] ?? 0) > (Self.statusRank[old] ?? 0) {
                        var record = try StoredJSON.development(row["record"])
                        record.status = d.status
                        // The sentence that tells the advance is the news now.
                        record.evidence = d.evidence
                        if d.date != nil { record.date = d.date }
                        record.location = record.location ?? d.location
                        record.topics = Array(Set(record.topics + d.topics)).sorted()
                        try db.run(
                            sql: "UPDATE developments SET status = ?, date = ?, record = ?, last_seen = ? WHERE id = ?",
                            arguments: [d.status, record.date, try Self.json(record), now.timeIntervalSince1970, devID])
                        announced = (try self.kindOwed(db, development: devID, status: d.status) ?? "update", record)
                        outcome.updatedDevelopments += 1
                    } else {
                        try db.run(
                            sql: "UPDATE developments SET last_seen = ?, confidence = MAX(confidence, ?) WHERE id = ?",
                            arguments: [now.timeIntervalSince1970, d.confidence, devID])
                        // Stored without an alert (old news, background): this report may raise it.
                        if let kind = try self.kindOwed(db, development: devID, status: old) {
                            announced = (kind, try StoredJSON.development(row["record"]))
                        }
                    }
                } else {
                    try db.run(
                        sql: """
                            INSERT INTO developments (fingerprint, type, mode, status, date, location, summary, record,
                            confidence, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            fp, d.type, d.mode, d.status, d.date, d.location, DevelopmentFormatter.line(d) + " — " + d.evidence,
                            try Self.json(d), d.confidence, now.timeIntervalSince1970, now.timeIntervalSince1970,
                        ])
                    devID = db.lastInsertedRowID
                    for p in d.participants {
                        try db.run(
                            sql: "INSERT INTO participants (development_id, name, country, role, title) VALUES (?, ?, ?, ?, ?)",
                            arguments: [devID, p.name, p.country, p.role, p.title])
                    }
                    announced = ("new", d)
                    outcome.newDevelopments += 1
                }
                try db.run(
                    sql: "INSERT OR IGNORE INTO development_sources (development_id, article_id, evidence) VALUES (?, ?, ?)",
                    arguments: [devID, articleID, d.evidence])
                guard let (kind, record) = announced, policy.alerts(record, published: e.published ?? e.updated, now: now) else {
                    if announced != nil, policy.tooOld(published: e.published ?? e.updated, now: now) { outcome.tooOld += 1 }
                    continue
                }
                let matching = topics.filter { TopicMatcher.matches($0, development: record, title: e.title) }
                if try self.raiseAlert(db, development: devID, kind: kind, record: record, topics: matching, now: now, sent: &sent) {
                    outcome.alerts += 1
                }
            }
            return outcome
        }
    }

    /// A development's sources: first the article whose sentence is `evidence` (by default the
    /// one that first reported it, the lowest article id), then the others by publication time.
    func sources(_ db: Database, development: Int64, evidence: String? = nil) throws -> [AlertSource] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, s.evidence, COALESCE(f.title, f.name, f.url) AS feed, a.title, a.url, a.published
                FROM development_sources s JOIN articles a ON a.id = s.article_id JOIN feeds f ON f.id = a.feed_id
                WHERE s.development_id = ? ORDER BY a.published, a.id
                """, arguments: [development])
        // Of several reports with the sentence (syndicated copies), the latest stored: the one that
        // raised the alert, however the copies are dated.
        let told = evidence.flatMap { e in rows.filter { $0["evidence"] as String == e }.max { ($0["id"] as Int64) < ($1["id"] as Int64) } }
        let first = (told ?? rows.min { ($0["id"] as Int64) < ($1["id"] as Int64) }).map { $0["id"] as Int64 }
        return (rows.filter { $0["id"] as Int64 == first } + rows.filter { $0["id"] as Int64 != first }).map { row in
            AlertSource(
                feed: row["feed"], title: row["title"], url: row["url"],
                published: (row["published"] as Double?).map { UTCTimestamp.string(Date(timeIntervalSince1970: $0)) })
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
