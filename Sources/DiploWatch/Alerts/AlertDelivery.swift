import Foundation
import Logging

/// Moves alerts from the outbox to a sink exactly once: what the sink already holds (after a
/// crash between writing and marking) is marked delivered, never written again.
public struct AlertDelivery: Sendable {
    public var store: Store
    public var sink: any AlertSink
    public var logger: Logger?

    public init(store: Store, sink: any AlertSink, logger: Logger? = nil) {
        self.store = store
        self.sink = sink
        self.logger = logger
    }

    /// Delivers everything pending; returns how many alerts were written.
    @discardableResult
    public func deliverPending(now: Date = Date()) throws -> Int {
        // Trust the sink's last line only if it is this outbox's alert as the sink wrote it, not a
        // line from a database that has since been replaced, deleted or recreated.
        if let mark = sink.lastDelivered() {
            // A line of the previous version may be a row that the upgrade merged into its event's
            // alert: every alert up to it is in the log all the same.
            let alert = try store.alert(id: mark.id) ?? store.mergedAlert(oldID: mark.id)
            if let alert, sink.holds(alert, as: mark) {
                try store.markDelivered(upTo: mark.id, now: now)
            } else if try store.hasUndeliveredAlerts() {
                logger?.warning(
                    "the alert log's last line (alert #\(mark.id)) was not written from this database (replaced or recreated?); writing every pending alert after it",
                    metadata: ["database": "\(store.path)"])
            }
        }
        var written = 0
        while true {
            // Everything up to the sink's last line is already marked delivered above.
            let pending = try store.undeliveredAlerts(limit: 500)
            guard let newest = pending.last else { break }
            try sink.deliver(pending)
            try store.markDelivered(upTo: newest.id, now: now)
            written += pending.count
        }
        return written
    }
}
