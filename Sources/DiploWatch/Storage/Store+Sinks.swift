import Foundation
import GRDB

/// How a webhook or exec sink is doing, for `diplowatch sinks`.
public struct SinkStatus: Sendable, Equatable {
    public var name: String
    public var delivered: Int
    public var pending: Int
    public var failed: Int
    public var lastError: String?
}

extension Store {
    /// Registers a sink (once): it will receive every alert raised from now on, not the history
    /// before it was configured. Its cursor starts there.
    public func registerSink(_ name: String) throws(StoreError) {
        try write { db in
            try db.run(
                sql: """
                    INSERT OR IGNORE INTO sinks (name, baseline, cursor)
                    SELECT ?, m, m FROM (SELECT COALESCE(MAX(id), 0) AS m FROM alerts)
                    """,
                arguments: [name])
        }
    }

    /// Alerts the sink still owes, oldest first, each with the time before which it must not be
    /// retried: those after its cursor (every alert up to the cursor is delivered or given up, as
    /// a sink works through the outbox in order), so delivered ones are never read again.
    /// Held alerts are not sent, as they are not written to the log.
    public func pendingAlerts(sink: String, limit: Int = 200) throws(StoreError) -> [(alert: Alert, notBefore: Date?)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, d.next_attempt_at FROM sinks s JOIN alerts a ON a.id > s.cursor
                    LEFT JOIN sink_deliveries d ON d.alert_id = a.id AND d.sink = s.name
                    WHERE s.name = ? AND a.held = 0 ORDER BY a.id LIMIT ?
                    """, arguments: [sink, limit]
            ).map { row in
                (try self.alert(from: row), (row["next_attempt_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func recordSinkDelivery(sink: String, alert: Int64, now: Date) throws(StoreError) {
        try write { db in
            try db.run(
                sql: """
                    INSERT INTO sink_deliveries (alert_id, sink, attempts, delivered_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(alert_id, sink) DO UPDATE SET attempts = attempts + 1, delivered_at = excluded.delivered_at,
                    last_error = NULL
                    """, arguments: [alert, sink, now.timeIntervalSince1970])
            try self.advanceCursor(db, sink: sink, past: alert)
        }
    }

    /// Records a failed attempt and when to try again (`firstRetry` seconds, doubling per attempt,
    /// capped at an hour); after `maxAttempts` the alert is given up for this sink. Returns
    /// whether it was given up.
    @discardableResult
    public func recordSinkFailure(sink: String, alert: Int64, error: String, now: Date, maxAttempts: Int, firstRetry: Double)
        throws(StoreError) -> Bool
    {
        try write { db in
            let attempts =
                (try Int.fetchOne(
                    db, sql: "SELECT attempts FROM sink_deliveries WHERE alert_id = ? AND sink = ?", arguments: [alert, sink]) ?? 0) + 1
            let givenUp = attempts >= maxAttempts
            let retryAfter = min(3600, firstRetry * pow(2, Double(attempts - 1)))
            try db.run(
                sql: """
                    INSERT INTO sink_deliveries (alert_id, sink, attempts, next_attempt_at, failed_at, last_error)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(alert_id, sink) DO UPDATE SET attempts = excluded.attempts,
                    next_attempt_at = excluded.next_attempt_at, failed_at = excluded.failed_at, last_error = excluded.last_error
                    """,
                arguments: [
                    alert, sink, attempts, now.timeIntervalSince1970 + retryAfter, givenUp ? now.timeIntervalSince1970 : nil, error,
                ])
            if givenUp { try self.advanceCursor(db, sink: sink, past: alert) }
            return givenUp
        }
    }

    /// The sink is done with `alert` (delivered or given up), and so with every alert before it.
    func advanceCursor(_ db: Database, sink: String, past alert: Int64) throws {
        try db.run(sql: "UPDATE sinks SET cursor = ? WHERE name = ? AND cursor < ?", arguments: [alert, sink, alert])
    }

    public func sinkStatuses() throws(StoreError) -> [SinkStatus] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name,
                      (SELECT COUNT(*) FROM sink_deliveries d WHERE d.sink = s.name AND d.delivered_at IS NOT NULL) AS delivered,
                      (SELECT COUNT(*) FROM sink_deliveries d WHERE d.sink = s.name AND d.failed_at IS NOT NULL) AS failed,
                      (SELECT COUNT(*) FROM alerts a WHERE a.id > s.cursor AND a.held = 0) AS pending,
                      (SELECT d.last_error FROM sink_deliveries d WHERE d.sink = s.name AND d.last_error IS NOT NULL
                        ORDER BY d.alert_id DESC LIMIT 1) AS last_error
                    FROM sinks s ORDER BY s.name
                    """
            ).map { row in
                SinkStatus(
                    name: row["name"], delivered: row["delivered"], pending: row["pending"], failed: row["failed"],
                    lastError: row["last_error"])
            }
        }
    }
}
