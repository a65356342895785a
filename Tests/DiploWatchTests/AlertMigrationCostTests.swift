import Foundation
import GRDB
import Testing

@testable import DiploWatch

#if canImport(GRDBSQLite)
    import GRDBSQLite
#endif

/// Migration v9 runs inside `Store(path:)`, before the daemon tells systemd it is ready: its cost
/// must grow with the number of old alert rows, not with its square. Counted in virtual machine
/// steps (SQLite's progress handler), never timed; a run over budget is interrupted, so a quadratic
/// migration fails in a fraction of a second instead of running for minutes.
@Suite("Alert migration cost")
struct AlertMigrationCostTests {
    let dir = Fixtures.tempDirectory()

    /// Counts SQLite virtual machine steps, in units of `Self.every`, and interrupts past `budget`.
    final class StepCounter: @unchecked Sendable {
        static let every: Int32 = 1000
        var units = 0
        var budget = Int.max
        var steps: Int { units * Int(Self.every) }
    }

    @Test func migratingTwentyThousandOldRowsCostsStepsInProportion() throws {
        // Given a database of the previous version holding 20,000 alert rows: 10,000 events of two
        // topics each, most delivered, every delivered row also reached by a sink
        let rows = 20_000
        let counter = StepCounter()
        var config = Configuration()
        config.prepareDatabase { db in
            sqlite3_progress_handler(
                db.sqliteConnection, StepCounter.every,
                { context in
                    let c = Unmanaged<StepCounter>.fromOpaque(context!).takeUnretainedValue()
                    c.units += 1
                    return c.steps > c.budget ? 1 : 0
                }, Unmanaged.passUnretained(counter).toOpaque())
        }
        let queue = try DatabaseQueue(path: dir + "/db.sqlite", configuration: config)
        try Store.migrator.migrate(queue, upTo: "v8p: indexes for queries that grow with time, summary-only re-index")
        try queue.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO developments (id, fingerprint, type, status, summary, record, confidence, first_seen, last_seen)
                      SELECT i, 'fp' || i, 'AGREE', 'occurred', 's', '{}', 1, 0, 0 FROM n;
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO alerts (id, development_id, topic, kind, status, created, payload, delivered_at, held)
                      SELECT i, (i + 1) / 2, CASE i % 2 WHEN 1 THEN 'asia' ELSE 'deals' END, 'new', 'occurred', i, '{}',
                        CASE WHEN i < ? THEN i END, 0 FROM n;
                    INSERT INTO sinks (name, baseline) VALUES ('webhook:ops', 0);
                    INSERT INTO sink_deliveries (alert_id, sink, attempts, delivered_at)
                      SELECT id, 'webhook:ops', 1, delivered_at FROM alerts WHERE delivered_at IS NOT NULL;
                    """, arguments: [rows / 2, rows, rows - 100])
        }

        // When the new version migrates it, with a budget of 2,000 steps per old row (a quadratic
        // migration needs some 20,000 times that)
        counter.units = 0
        counter.budget = 2_000 * rows
        let start = Date()
        try Store.migrator.migrate(queue)
        print("v9 migration of \(rows) old alert rows: \(counter.steps) virtual machine steps, \(Date().timeIntervalSince(start)) s")

        // Then it finished within the budget, and merged every event
        #expect(counter.steps < counter.budget)
        let (alerts, topics, first, undelivered) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_topics"),
                try String.fetchOne(db, sql: "SELECT topics FROM alerts WHERE id = 1"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL")
            )
        }
        #expect(alerts == rows / 2)
        #expect(topics == rows)
        #expect(first == #"["asia","deals"]"#)
        #expect(undelivered == 50)
    }
}
