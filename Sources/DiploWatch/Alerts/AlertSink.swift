/// The role: somewhere alerts are delivered.
public protocol AlertSink: Sendable {
    /// Writes the alerts durably, in order; throws if any could not be written.
    func deliver(_ alerts: [Alert]) throws(AlertError)
    /// The last alert this sink holds, if it can tell (for crash recovery).
    func lastDelivered() -> DeliveredMark?
}

/// A delivery failure; the alerts stay in the outbox and are retried.
public struct AlertError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "alerts: \(message)" }
}

/// What a sink remembers of the last alert it holds: enough to recognise it in the outbox.
public struct DeliveredMark: Sendable, Equatable {
    public var id: Int64
    public var topic: String
    public var developmentID: Int64?
}
