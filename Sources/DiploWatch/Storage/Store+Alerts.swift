import Extraction
import Foundation
import GRDB

extension Store {
    func alert(from row: Row) throws -> Alert {
        let payload = try StoredJSON.payload(row["payload"])
        var topics = (try? StoredJSON.strings((row["topics"] as String?) ?? "[]")) ?? []
        if topics.isEmpty { topics = [row["topic"]] }
        return Alert(
            id: row["id"], time: UTCTimestamp.string(Date(timeIntervalSince1970: row["created"])), topics: topics,
            kind: row["kind"], development: payload.development, sources: payload.sources, heldBack: payload.heldBack,
            database: identity.isEmpty ? nil : identity)
    }

    /// Raises one alert for a development that is new or has advanced: one row whatever the number
    /// of topics it matches, listing them in the order they are configured. `max_per_hour` is kept
    /// per topic: a topic over its limit records the alert as held for it, and the alert is held
    /// (not written) only when every topic it matches is over its limit. Returns whether an alert
    /// to be written was raised.
    func raiseAlert(
        _ db: Database, development devID: Int64, kind: String, record: Development, topics matching: [TopicConfig], now: Date,
        sent: inout SentCounts
    ) throws -> Bool {
        guard !matching.isEmpty else { return false }
        let heldFor = try matching.map { t in
            try t.maxPerHour.map { try sent.count(db, store: self, topic: t.name, now: now) >= $0 } ?? false
        }
        let held = heldFor.allSatisfy { $0 }
        let sources = try self.sources(db, development: devID, evidence: record.evidence)
        let payload = try Self.json(AlertPayload(development: StoredDevelopment(id: devID, record: record), sources: sources))
        let names = matching.map(\.name)
        try db.run(
            sql: """
                INSERT OR IGNORE INTO alerts (development_id, topic, topics, kind, status, created, payload, held)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [devID, names[0], try Self.json(names), kind, record.status, now.timeIntervalSince1970, payload, held ? 1 : 0])
        guard db.changesCount > 0 else { return false }
        let id = db.lastInsertedRowID
        for (name, h) in zip(names, heldFor) {
            try db.run(
                sql: "INSERT OR IGNORE INTO alert_topics (alert_id, topic, held, created) VALUES (?, ?, ?, ?)",
                arguments: [id, name, h ? 1 : 0, now.timeIntervalSince1970])
            if !h, sent.byTopic[name] != nil { sent.byTopic[name, default: 0] += 1 }
        }
        return !held
    }

    /// The kind of alert a development owes at `status`: nil when one was raised for it, `new`
    /// when it never alerted at all (withheld as old news or background until now), else `update`.
    func kindOwed(_ db: Database, development: Int64, status: String) throws -> String? {
        let row = try Row.fetchOne(
            try db.cachedStatement(sql: "SELECT COUNT(*) AS n, COALESCE(MAX(status = ?), 0) AS told FROM alerts WHERE development_id = ?"),
            arguments: [status, development])
        if let row, (row["told"] as Int) == 1 { return nil }
        return (row?["n"] as Int? ?? 0) == 0 ? "new" : "update"
    }

    /// Alerts of a topic raised in the hour before `now` that counted against its rate limit.
    func sentInLastHour(_ db: Database, topic: String, now: Date) throws -> Int {
        try Int.fetchOne(
            try db.cachedStatement(sql: "SELECT COUNT(*) FROM alert_topics WHERE topic = ? AND held = 0 AND created > ?"),
            arguments: [topic, now.timeIntervalSince1970 - 3600]) ?? 0
    }

    /// For each rate-limited topic whose window has room again (or whose oldest held alert is an
    /// hour old), one `digest` alert: the latest held development and how many were held. Only
    /// alerts held for every topic they match count (one written for another topic was seen). Made
    /// in one transaction with marking them, so a digest is raised once and delivered like any alert.
    @discardableResult
    public func raiseDigests(topics: [TopicConfig], now: Date) throws(StoreError) -> Int {
        let limited = topics.compactMap { t in t.maxPerHour.map { (t.name, $0) } }
        guard !limited.isEmpty else { return 0 }
        return try write { db in
            var raised = 0
            for (topic, limit) in limited {
                let held = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, a.development_id, a.created, a.payload, a.held FROM alert_topics t JOIN alerts a ON a.id = t.alert_id
                        WHERE t.topic = ? AND t.held = 1 AND t.digested = 0 ORDER BY t.alert_id
                        """,
                    arguments: [topic])
                let unseen = held.filter { ($0["held"] as Int) == 1 }
                guard let oldest = held.first, let last = held.last else { continue }
                let windowOpen = try self.sentInLastHour(db, topic: topic, now: now) < limit
                guard windowOpen || (oldest["created"] as Double) <= now.timeIntervalSince1970 - 3600 else { continue }
                try db.run(
                    sql: "UPDATE alert_topics SET digested = 1 WHERE topic = ? AND held = 1 AND digested = 0 AND alert_id <= ?",
                    arguments: [topic, last["id"] as Int64])
                guard let latest = unseen.last else { continue }
                var payload = try StoredJSON.payload(latest["payload"])
                payload.heldBack = unseen.count
                try db.run(
                    sql: """
                        INSERT INTO alerts (development_id, topic, topics, kind, status, created, payload)
                        VALUES (?, ?, ?, 'digest', ?, ?, ?)
                        """,
                    arguments: [
                        latest["development_id"] as Int64, topic, try Self.json([topic]), "digest \(latest["id"] as Int64) \(topic)",
                        now.timeIntervalSince1970, try Self.json(payload),
                    ])
                try db.run(
                    sql: "INSERT INTO alert_topics (alert_id, topic, held, created) VALUES (?, ?, 0, ?)",
                    arguments: [db.lastInsertedRowID, topic, now.timeIntervalSince1970])
                raised += 1
            }
            return raised
        }
    }

    /// Alerts not yet written to the alert log, oldest first.
    public func undeliveredAlerts(limit: Int = 1000) throws(StoreError) -> [Alert] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM alerts WHERE delivered_at IS NULL AND held = 0 ORDER BY id LIMIT ?", arguments: [limit]
            )
            .map(self.alert(from:))
        }
    }

    /// Marks alerts up to and including `id` as delivered.
    public func markDelivered(upTo id: Int64, now: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE alerts SET delivered_at = ? WHERE delivered_at IS NULL AND id <= ?",
                arguments: [now.timeIntervalSince1970, id])
        }
    }

    /// Whether any alert waits for the alert log.
    public func hasUndeliveredAlerts() throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM alerts WHERE delivered_at IS NULL AND held = 0)") ?? false
        }
    }

    /// One alert of the outbox by id.
    public func alert(id: Int64) throws(StoreError) -> Alert? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM alerts WHERE id = ?", arguments: [id]).map(self.alert(from:)) }
    }

    /// An alert row merged into another by migration v9 (one row per topic before it), as the
    /// previous version wrote it: its own id, topic and time, the kept alert's kind and development.
    public func mergedAlert(oldID: Int64) throws(StoreError) -> Alert? {
        try read { db in
            guard try db.tableExists("alert_merged"),
                let merged = try Row.fetchOne(
                    db, sql: "SELECT alert_id, topic, created FROM alert_merged WHERE old_id = ?", arguments: [oldID]),
                let row = try Row.fetchOne(db, sql: "SELECT * FROM alerts WHERE id = ?", arguments: [merged["alert_id"] as Int64])
            else { return nil }
            var alert = try self.alert(from: row)
            alert.id = oldID
            alert.topics = [merged["topic"]]
            alert.time = RFC3339.string(Date(timeIntervalSince1970: merged["created"]))
            return alert
        }
    }

    /// Alerts for the CLI, newest last (by time when `since` is given, else by id).
    public func alerts(since: Date? = nil, topic: String? = nil, afterID: Int64 = 0, limit: Int = 1000) throws(StoreError) -> [Alert] {
        try read { db in
            var sql = "SELECT * FROM alerts WHERE 1"
            var args: [any DatabaseValueConvertible] = []
            if afterID > 0 {
                sql += " AND id > ?"
                args.append(afterID)
            }
            if let since {
                sql += " AND created >= ?"
                args.append(since.timeIntervalSince1970)
            }
            if let topic {
                // A read-only reader cannot migrate a database the daemon has not opened since an upgrade.
                guard try db.tableExists("alert_topics") else { throw SchemaBehind() }
                // In a window (by time or after an id, as `--follow` asks every second), walk the
                // window and probe each alert's topics; else read the topic's alerts from its index.
                sql +=
                    since == nil && afterID == 0
                    ? " AND id IN (SELECT alert_id FROM alert_topics WHERE topic = ?)"
                    : " AND EXISTS (SELECT 1 FROM alert_topics t WHERE t.alert_id = alerts.id AND t.topic = ?)"
                args.append(topic)
            }
            // With a time filter, the newest by time: read backwards along the `created` index and
            // stopped at the limit, however many alerts the window holds.
            sql += since == nil ? " ORDER BY id DESC LIMIT ?" : " ORDER BY created DESC, id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(self.alert(from:)).reversed()
        }
    }

    /// Developments for the CLI, newest last; with `since`, the most recently seen last.
    public func developments(
        since: Date? = nil, country: String? = nil, type: String? = nil, search: String? = nil, limit: Int = 1000
    ) throws(StoreError) -> [StoredDevelopment] {
        try read { db in
            var sql = "SELECT d.id, d.record FROM developments d WHERE 1"
            var args: [any DatabaseValueConvertible] = []
            if let since {
                sql += " AND d.last_seen >= ?"
                args.append(since.timeIntervalSince1970)
            }
            if let country {
                sql += " AND d.id IN (SELECT p.development_id FROM participants p WHERE p.country = ?)"
                args.append(country.uppercased())
            }
            if let type {
                sql += " AND d.type = ?"
                args.append(type.uppercased())
            }
            if let search, let pattern = FTS5Pattern(matchingAllPrefixesIn: search) {
                sql += " AND d.id IN (SELECT rowid FROM developments_fts WHERE developments_fts MATCH ?)"
                args.append(pattern)
            }
            // With a time filter, the most recently seen, read backwards along the `last_seen` index.
            sql += since == nil ? " ORDER BY d.id DESC LIMIT ?" : " ORDER BY d.last_seen DESC, d.id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
                StoredDevelopment(
                    id: row["id"], record: try StoredJSON.development(row["record"]))
            }.reversed()
        }
    }

    /// Counts for status lines and tests.
    public func counts() throws(StoreError) -> (articles: Int, developments: Int, alerts: Int, undelivered: Int) {
        try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM developments") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL") ?? 0
            )
        }
    }

    /// Drops the text of articles fetched before `cutoff`; their identity, developments and sources
    /// stay, so nothing is read or alerted twice. Returns how many were pruned.
    /// Works in batches of `batch` articles, each its own short transaction, so a large backlog never
    /// holds the write lock for long; each batch reads only articles that still have text.
    @discardableResult
    public func pruneArticleText(before cutoff: Date, batch: Int = 2000) throws(StoreError) -> Int {
        var total = 0
        while true {
            let n = try write { db in
                try db.run(
                    sql: """
                        UPDATE articles SET text = '' WHERE id IN
                        (SELECT id FROM articles WHERE fetched_at < ? AND text != '' ORDER BY fetched_at LIMIT ?)
                        """, arguments: [cutoff.timeIntervalSince1970, batch])
                return db.changesCount
            }
            total += n
            if n < batch { return total }
        }
    }

    /// Forgets cached entry pages fetched before `cutoff` (their articles keep the text).
    public func prunePages(before cutoff: Date) throws(StoreError) {
        try write { db in try db.run(sql: "DELETE FROM pages WHERE fetched_at < ?", arguments: [cutoff.timeIntervalSince1970]) }
    }

    /// A cheap read: the database answers.
    public func isHealthy() -> Bool {
        (try? read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }

    /// Figures for the metrics file: feeds by state and stored rows.
    public func metricsSnapshot() throws(StoreError) -> (
        feedsOK: Int, feedsFailing: Int, feedsDead: Int, articles: Int, developments: Int, alerts: Int
    ) {
        try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feeds WHERE error_count = 0") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feeds WHERE error_count > 0 AND dead = 0") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feeds WHERE dead = 1") ?? 0,
                try self.rowCount(db, table: "articles"),
                try self.rowCount(db, table: "developments"),
                try self.rowCount(db, table: "alerts")
            )
        }
    }

    /// Rows in the tables a poll writes, for the storage benchmark.
    public func rowCount() throws(StoreError) -> Int {
        try read { db in
            var total = 0
            for table in ["articles", "article_feeds", "developments", "participants", "development_sources", "alerts"] {
                total += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return total
        }
    }

    /// How many sources a development has.
    public func sourceCount(development id: Int64) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM development_sources WHERE development_id = ?", arguments: [id]) ?? 0
        }
    }
}

/// A database older than this version, opened read-only: only the daemon (or `poll`) migrates it.
struct SchemaBehind: Error, CustomStringConvertible {
    var description: String {
        "the database predates this version of diplowatch: restart the daemon (or run `diplowatch poll`) to migrate it, then try again"
    }
}
