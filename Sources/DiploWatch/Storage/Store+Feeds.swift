import Foundation
import GRDB

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

    public func recordSuccess(url: String, title: String?, etag: String?, lastModified: String?, now: Date, next: Date) throws(StoreError) {
        try write { db in
            _ = try self.feedID(db, url: url)
            try db.run(
                sql: """
                    UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, error_count = 0,
                    last_error = NULL, last_ok_at = ?, last_polled_at = ?, next_poll_at = ? WHERE url = ?
                    """,
                arguments: [
                    title, etag, lastModified, now.timeIntervalSince1970, now.timeIntervalSince1970, next.timeIntervalSince1970, url,
                ])
        }
    }

    public func recordNotModified(url: String, now: Date, next: Date) throws(StoreError) {
        try write { db in
            try db.run(
                sql: """
                    UPDATE feeds SET error_count = 0, last_error = NULL, last_ok_at = ?, last_polled_at = ?,
                    next_poll_at = ? WHERE url = ?
                    """, arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, next.timeIntervalSince1970, url])
        }
    }

    /// Records a failure; returns the feed's consecutive error count.
    @discardableResult
    public func recordFailure(url: String, error: String, now: Date, next: @escaping @Sendable (Int) -> Date) throws(StoreError) -> Int {
        try write { db in
            _ = try self.feedID(db, url: url)
            let count =
                (try Int.fetchOne(try db.cachedStatement(sql: "SELECT error_count FROM feeds WHERE url = ?"), arguments: [url]) ?? 0) + 1
            try db.run(
                sql: "UPDATE feeds SET error_count = ?, last_error = ?, last_polled_at = ?, next_poll_at = ? WHERE url = ?",
                arguments: [count, error, now.timeIntervalSince1970, next(count).timeIntervalSince1970, url])
            return count
        }
    }
}
