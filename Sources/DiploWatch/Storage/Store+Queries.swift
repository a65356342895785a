import Extraction
import Foundation
import GRDB

extension Store {
    /// The articles a development was read from, the evidence's first, then oldest first: feed,
    /// title, URL, publication time.
    public func sources(development id: Int64) throws(StoreError) -> [AlertSource] {
        try read { db in try self.sources(db, development: id) }
    }

    /// How many articles each of `ids` was read from, in one read (the CLI lists a thousand
    /// developments; a read each cost more than the listing itself).
    public func sourceCounts(developments ids: [Int64]) throws(StoreError) -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        return try read { db in
            var out: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.development_id AS id, COUNT(*) AS n FROM json_each(?) j \
                    JOIN development_sources s ON s.development_id = j.value GROUP BY s.development_id
                    """, arguments: [list])
            while let row = try rows.next() { out[row["id"]] = row["n"] }
            return out
        }
    }

    /// The country and body codes of stored participants, each with the names it appears under
    /// (the built-in name; stored names are not read, so this costs a seek per code, not a scan).
    public func participantCountries() throws(StoreError) -> [String: Set<String>] {
        let codes = try read { db in try String.fetchAll(db, sql: Self.distinctSQL(column: "country", table: "participants")) }
        var out: [String: Set<String>] = [:]
        for code in codes { out[code] = Lexicon.actorCodes[code].map { [$0] } ?? [] }
        return out
    }

    /// The topics alerts were raised for.
    public func alertTopics() throws(StoreError) -> Set<String> {
        // A read-only reader of a database the daemon has not migrated yet (v9) reads the old column.
        try read { db in
            Set(
                try String.fetchAll(
                    db, sql: Self.distinctSQL(column: "topic", table: try db.tableExists("alert_topics") ? "alert_topics" : "alerts")))
        }
    }

    /// The distinct values of an indexed column, one index seek per value (a loose index scan)
    /// instead of a walk of the whole index.
    static func distinctSQL(column: String, table: String) -> String {
        """
        WITH RECURSIVE v(x) AS (SELECT MIN(\(column)) FROM \(table) \
        UNION ALL SELECT (SELECT MIN(\(column)) FROM \(table) WHERE \(column) > v.x) FROM v WHERE v.x IS NOT NULL) \
        SELECT x FROM v WHERE x IS NOT NULL
        """
    }
}
