import Foundation
import GRDB

extension Store {
    /// The articles a development was read from, oldest first: feed, title, URL, publication time.
    public func sources(development id: Int64) throws(StoreError) -> [AlertSource] {
        try read { db in try self.sources(db, development: id) }
    }

    /// The country and body codes of stored participants, each with the names it appears under.
    public func participantCountries() throws(StoreError) -> [String: Set<String>] {
        try read { db in
            var out: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT country, name FROM participants WHERE country IS NOT NULL") {
                out[row["country"], default: []].insert(row["name"])
            }
            return out
        }
    }

    /// The topics alerts were raised for.
    public func alertTopics() throws(StoreError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT topic FROM alerts")) }
    }
}
