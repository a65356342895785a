import Foundation

/// Moves alerts from the outbox to a sink exactly once: what the sink already holds (after a
/// crash between writing and marking) is marked delivered, never written again.
public struct AlertDelivery: Sendable {
    public var store: Store
    public var sink: any AlertSink

    public init(store: Store, sink: any AlertSink) {
        self.store = store
        self.sink = sink
    }

    /// Delivers everything pending; returns how many alerts were written.
    @discardableResult
    public func deliverPending(now: Date = Date()) throws -> Int {
        // Trust the sink's last line only if it is this outbox's alert (not one from a database
        // that has since been replaced).
        if let mark = sink.lastDelivered(), try store.alertMatches(mark) {
            try store.markDelivered(upTo: mark.id, now: now)
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
