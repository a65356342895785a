import Foundation
import GRDB

/// A feed that answered with nothing new, as `recordUnchanged` records it.
public struct UnchangedAnswer: Sendable {
    public var url: String
    /// New validators from a 200 whose body was the same as last time; nil for a 304.
    public var validators: (etag: String?, lastModified: String?)?
    public var permanentURL: String?
    public var next: Date

    public init(url: String, validators: (etag: String?, lastModified: String?)?, permanentURL: String?, next: Date) {
        self.url = url
        self.validators = validators
        self.permanentURL = permanentURL
        self.next = next
    }
}

/// A feed's polling state, as `diplowatch feeds` shows it.
public struct FeedState: Sendable, Codable, Equatable {
    public var url: String
    public var name: String?
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    public var nextPollAt: Date
    public var errorCount: Int
    public var lastError: String?
    public var lastOKAt: Date?
    public var lastPolledAt: Date?
    /// The URL polled now, after a permanent redirect was seen twice in a row.
    public var fetchURL: String?
    /// A permanent redirect seen on the last poll (not yet adopted).
    public var movedTo: String?
    public var failingSince: Date?
    public var dead: Bool
    /// The interval adapted to the feed's publishing rhythm.
    public var interval: Double?
    /// A hash of the last body read and stored.
    public var bodyHash: String?

    /// What `diplowatch feeds` shows: new, ok, failing, dead.
    public var state: String

    init(row: Row) { self.init(row: row, columns: FeedColumns(Array(row.columnNames))) }

    /// A row read with the positions of its columns found once for the statement: by name, each
    /// of 2,000 rows looked its 16 columns up one by one. Values are read straight from SQLite's
    /// columns (GRDB's `StatementColumnConvertible` path), not through a `DatabaseValue` each.
    init(row: Row, columns c: FeedColumns) {
        func value<T: DatabaseValueConvertible & StatementColumnConvertible>(_ i: Int?) -> T? { i.flatMap { row[$0] } }
        url = row[c.url ?? 0]
        name = value(c.name)
        title = value(c.title)
        etag = value(c.etag)
        lastModified = value(c.lastModified)
        nextPollAt = Date(timeIntervalSince1970: row[c.nextPollAt ?? 0])
        errorCount = row[c.errorCount ?? 0]
        lastError = value(c.lastError)
        lastOKAt = (value(c.lastOKAt) as Double?).map(Date.init(timeIntervalSince1970:))
        lastPolledAt = (value(c.lastPolledAt) as Double?).map(Date.init(timeIntervalSince1970:))
        fetchURL = value(c.fetchURL)
        movedTo = value(c.movedTo)
        failingSince = (value(c.failingSince) as Double?).map(Date.init(timeIntervalSince1970:))
        dead = (value(c.dead) as Int? ?? 0) != 0
        interval = value(c.interval)
        bodyHash = value(c.bodyHash)
        state = dead ? "dead" : errorCount > 0 ? "failing" : lastPolledAt == nil ? "new" : "ok"
    }
}

/// Where each of the feeds table's columns is in a row of `SELECT *` (nil: a column an older
/// schema has not got).
struct FeedColumns {
    var url, name, title, etag, lastModified, nextPollAt, errorCount, lastError, lastOKAt, lastPolledAt: Int?
    var fetchURL, movedTo, failingSince, dead, interval, bodyHash: Int?

    init(_ names: [String]) {
        func at(_ column: String) -> Int? { names.firstIndex { $0.caseInsensitiveCompare(column) == .orderedSame } }
        url = at("url")
        name = at("name")
        title = at("title")
        etag = at("etag")
        lastModified = at("last_modified")
        nextPollAt = at("next_poll_at")
        errorCount = at("error_count")
        lastError = at("last_error")
        lastOKAt = at("last_ok_at")
        lastPolledAt = at("last_polled_at")
        fetchURL = at("fetch_url")
        movedTo = at("moved_to")
        failingSince = at("failing_since")
        dead = at("dead")
        interval = at("interval")
        bodyHash = at("body_hash")
    }
}

extension Store {
    /// Adds configured feeds that are new and updates their names. Feeds dropped from the config
    /// keep their history but are no longer polled (the caller polls only configured feeds).
    /// Only feeds that are new or renamed are written: every cycle upserted each of 2,000 feeds.
    public func syncFeeds(_ feeds: [FeedConfig]) throws(StoreError) {
        let stored = try read { db in
            var names: [String: String?] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT url, name FROM feeds")
            while let row = try rows.next() { names[row[0]] = .some(row[1]) }
            return names
        }
        let changed = feeds.filter { f in stored[f.url].map { $0 != f.name } ?? true }
        guard !changed.isEmpty else { return }
        try write { db in
            for f in changed {
                try db.run(
                    sql: """
                        INSERT INTO feeds (url, name) VALUES (?, ?)
                        ON CONFLICT(url) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name
                        """, arguments: [f.url, f.name])
            }
        }
    }

    public func feedStates() throws(StoreError) -> [FeedState] {
        try read { db in
            let statement = try db.makeStatement(sql: "SELECT * FROM feeds ORDER BY url")
            let columns = FeedColumns(statement.columnNames)
            var out: [FeedState] = []
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() { out.append(FeedState(row: row, columns: columns)) }
            return out
        }
    }

    public func feedState(url: String) throws(StoreError) -> FeedState? {
        try read { db in
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM feeds WHERE url = ?"), arguments: [url]).map(FeedState.init(row:))
        }
    }

    func feedID(_ db: Database, url: String) throws -> Int64 {
        if let id = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT id FROM feeds WHERE url = ?"), arguments: [url]) { return id }
        try db.run(sql: "INSERT INTO feeds (url) VALUES (?)", arguments: [url])
        return db.lastInsertedRowID
    }

    /// Records a fetch that answered (200 or 304). A permanent redirect to the same place on two
    /// polls in a row moves the feed there: returns the new URL when that happens.
    @discardableResult
    public func recordSuccess(
        url: String, title: String? = nil, validators: (etag: String?, lastModified: String?)?, permanentURL: String?, interval: Double?,
        bodyHash: String? = nil, now: Date, next: Date
    ) throws(StoreError) -> String? {
        try write { db in
            try self.recordSuccess(
                db, url: url, title: title, validators: validators, permanentURL: permanentURL, interval: interval, bodyHash: bodyHash,
                now: now, next: next)
        }
    }

    /// Records the feeds that answered with nothing new (304, or the same body again) in one
    /// transaction. Returns, in order, the URL each feed moved to, if one did.
    public func recordUnchanged(_ answers: [UnchangedAnswer], now: Date) throws(StoreError) -> [String?] {
        guard !answers.isEmpty else { return [] }
        return try write { db in
            try answers.map { a in
                try self.recordSuccess(
                    db, url: a.url, title: nil, validators: a.validators, permanentURL: a.permanentURL, interval: nil, bodyHash: nil,
                    now: now, next: a.next)
            }
        }
    }

    private func recordSuccess(
        _ db: Database, url: String, title: String?, validators: (etag: String?, lastModified: String?)?, permanentURL: String?,
        interval: Double?, bodyHash: String?, now: Date, next: Date
    ) throws -> String? {
        let t = now.timeIntervalSince1970
        // One statement for the feed's whole state (2,000 unchanged feeds ran four each): new
        // validators if the answer brought them, and no permanent redirect if it brought none.
        let arguments: StatementArguments = [
            t, t, next.timeIntervalSince1970, interval, bodyHash, validators != nil, title, validators?.etag, validators?.lastModified,
            permanentURL == nil, url,
        ]
        let sql = """
            UPDATE feeds SET error_count = 0, last_error = NULL, failing_since = NULL, dead = 0, last_ok_at = ?1,
            last_polled_at = ?2, next_poll_at = ?3, interval = COALESCE(?4, interval), body_hash = COALESCE(?5, body_hash),
            title = CASE WHEN ?6 THEN COALESCE(?7, title) ELSE title END, etag = CASE WHEN ?6 THEN ?8 ELSE etag END,
            last_modified = CASE WHEN ?6 THEN ?9 ELSE last_modified END,
            moved_to = CASE WHEN ?10 THEN NULL ELSE moved_to END,
            moved_count = CASE WHEN ?10 AND moved_to IS NOT NULL THEN 0 ELSE moved_count END
            WHERE url = ?11
            """
        try db.run(sql: sql, arguments: arguments)
        if db.changesCount == 0 {
            _ = try self.feedID(db, url: url)
            try db.run(sql: sql, arguments: arguments)
        }
        guard let permanentURL else { return nil }
        return try self.recordRedirect(db, url: url, to: permanentURL)
    }

    /// A permanent redirect to `target` seen (the statement above forgets one not seen again).
    private func recordRedirect(_ db: Database, url: String, to target: String) throws -> String? {
        let row = try Row.fetchOne(
            try db.cachedStatement(sql: "SELECT moved_to, moved_count FROM feeds WHERE url = ?"), arguments: [url])
        let seen = (row?["moved_to"] as String?) == target ? (row?["moved_count"] as Int? ?? 0) + 1 : 1
        if seen >= 2 {
            // Validators belong to the old URL's responses: the new one starts afresh.
            try db.run(
                sql: """
                    UPDATE feeds SET fetch_url = ?, moved_to = NULL, moved_count = 0, etag = NULL, last_modified = NULL
                    WHERE url = ?
                    """, arguments: [target == url ? nil : target, url])
            return target
        }
        try db.run(sql: "UPDATE feeds SET moved_to = ?, moved_count = ? WHERE url = ?", arguments: [target, seen, url])
        return nil
    }

    /// Records a failure. A feed failing without a break for `deadAfter` seconds is dead and polled
    /// once a day (or later, if the server asked). Returns the error count, and whether the feed is
    /// dead and was not before.
    @discardableResult
    public func recordFailure(
        url: String, error: String, now: Date, deadAfter: Double = 3 * 86400, retryAfter: Double? = nil,
        next: @escaping @Sendable (Int) -> Date
    ) throws(StoreError) -> (errors: Int, dead: Bool, newlyDead: Bool) {
        try write { db in
            _ = try self.feedID(db, url: url)
            let row = try Row.fetchOne(
                try db.cachedStatement(sql: "SELECT error_count, failing_since, dead FROM feeds WHERE url = ?"), arguments: [url])
            let count = (row?["error_count"] as Int? ?? 0) + 1
            let since = row?["failing_since"] as Double? ?? now.timeIntervalSince1970
            let wasDead = (row?["dead"] as Int? ?? 0) != 0
            let dead = now.timeIntervalSince1970 - since >= deadAfter
            let nextAt = dead ? now.addingTimeInterval(max(86400, retryAfter ?? 0)) : next(count)
            try db.run(
                sql: """
                    UPDATE feeds SET error_count = ?, last_error = ?, last_polled_at = ?, next_poll_at = ?, failing_since = ?,
                    dead = ? WHERE url = ?
                    """,
                arguments: [count, error, now.timeIntervalSince1970, nextAt.timeIntervalSince1970, since, dead ? 1 : 0, url])
            return (count, dead, dead && !wasDead)
        }
    }

    /// The cached main text of an entry's page.
    public func pageText(url: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(try db.cachedStatement(sql: "SELECT text FROM pages WHERE url = ?"), arguments: [url])
        }
    }

    /// Caches the main text of entry pages by URL.
    public func savePages(_ pages: [(url: String, text: String)], now: Date) throws(StoreError) {
        guard !pages.isEmpty else { return }
        try write { db in
            for p in pages {
                try db.run(
                    sql: "INSERT OR REPLACE INTO pages (url, text, fetched_at) VALUES (?, ?, ?)",
                    arguments: [p.url, p.text, now.timeIntervalSince1970])
            }
        }
    }
}
