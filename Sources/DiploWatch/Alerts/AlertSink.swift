/// The role: somewhere alerts are delivered.
public protocol AlertSink: Sendable {
    /// Writes the alerts durably, in order; throws if any could not be written.
    func deliver(_ alerts: [Alert]) throws(AlertError)
    /// The last alert this sink holds, if it can tell (for crash recovery).
    func lastDelivered() -> DeliveredMark?
    /// Whether `mark` (the sink's last line) is this alert as the sink wrote it.
    func holds(_ alert: Alert, as mark: DeliveredMark) -> Bool
}

extension AlertSink {
    public func holds(_ alert: Alert, as mark: DeliveredMark) -> Bool {
        alert.topic == mark.topic && (mark.developmentID == nil || mark.developmentID == alert.development.id)
    }
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
    /// The line itself, when the sink writes lines.
    public var line: String? = nil
}
