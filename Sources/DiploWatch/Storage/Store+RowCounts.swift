import GRDB

extension Store {
    /// The tables whose totals the metrics file shows after every cycle.
    static let countedTables = ["articles", "developments", "alerts"]

    /// A counted table's total, from `row_counts` (by `COUNT(*)` on a database not yet migrated).
    func rowCount(_ db: Database, table: String) throws -> Int {
        if try db.tableExists("row_counts"),
            let n = try Int.fetchOne(db.cachedStatement(sql: "SELECT n FROM row_counts WHERE name = ?"), arguments: [table])
        {
            return n
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
    }
}
