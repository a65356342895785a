import Extraction
import Foundation

/// Which stored developments raise an alert at all, before topics are matched: not old news and
/// not background.
public struct AlertPolicy: Sendable, Equatable {
    /// Seconds: an entry published longer ago than this is stored and searchable but raises no
    /// alert (so a feed's first poll does not alert its whole backlog).
    public var maxAge: Double

    /// The default of `[alerts] max_age`: three days.
    public static let defaultMaxAge: Double = 3 * 86400

    /// No age limit (the store's own default, for callers that decide themselves).
    public static let any = AlertPolicy(maxAge: .infinity)

    public init(maxAge: Double = AlertPolicy.defaultMaxAge) {
        self.maxAge = maxAge
    }

    /// Whether `d`, read from an entry published at `published`, may alert at `now`. An entry
    /// without a date counts as published when it was fetched (`now`): it is news to us.
    public func alerts(_ d: Development, published: Date?, now: Date) -> Bool {
        guard d.status != "background" else { return false }
        return (published ?? now).timeIntervalSince(now) >= -maxAge
    }
}
