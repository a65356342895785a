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

    init(row: Row) {
        url = row["url"]
        name = row["name"]
        title = row["title"]
        etag = row["etag"]
        lastModified = row["last_modified"]
        nextPollAt = Date(timeIntervalSince1970: row["next_poll_at"])
        errorCount = row["error_count"]
        lastError = row["last_error"]
        lastOKAt = (row["last_ok_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        lastPolledAt = (row["last_polled_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        fetchURL = row["fetch_url"]
        movedTo = row["moved_to"]
        failingSince = (row["failing_since"] as Double?).map(Date.init(timeIntervalSince1970:))
        dead = (row["dead"] as Int? ?? 0) != 0
        interval = row["interval"]
        bodyHash = row["body_hash"]
        state = dead ? "dead" : errorCount > 0 ? "failing" : lastPolledAt == nil ? "new" : "ok"
    }
}

extension Store {
    /// Adds configured feeds that are new and updates their names. Feeds dropped from the config
    /// keep their history but are no longer polled (the caller polls only configured feeds).
    public func syncFeeds(_ feeds: [FeedConfig]) throws(StoreError) {
        try write { db in
            for f in feeds {
                try db.run(
                    sql: """
                        INSERT INTO feeds (url, name) VALUES (?, ?)
                        ON CONFLICT(url) DO UPDATE SET name = excluded.name
                        """, arguments: [f.url, f.name])
            }
        }
    }

    public func feedStates() throws(StoreError) -> [FeedState] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM feeds ORDER BY url").map(FeedState.init(row:)) }
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
        _ = try self.feedID(db, url: url)
        let t = now.timeIntervalSince1970
        if let validators {
            try db.run(
                sql: "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ? WHERE url = ?",
                arguments: [title, validators.etag, validators.lastModified, url])
        }
        try db.run(
            sql: """
                UPDATE feeds SET error_count = 0, last_error = NULL, failing_since = NULL, dead = 0, last_ok_at = ?,
                last_polled_at = ?, next_poll_at = ?, interval = COALESCE(?, interval), body_hash = COALESCE(?, body_hash)
                WHERE url = ?
                """, arguments: [t, t, next.timeIntervalSince1970, interval, bodyHash, url])
        return try self.recordRedirect(db, url: url, permanentURL: permanentURL)
    }

    private func recordRedirect(_ db: Database, url: String, permanentURL: String?) throws -> String? {
        guard let target = permanentURL else {
            try db.run(sql: "UPDATE feeds SET moved_to = NULL, moved_count = 0 WHERE url = ? AND moved_to IS NOT NULL", arguments: [url])
            return nil
        }
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
