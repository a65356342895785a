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

    /// When the feed last answered before this poll (nil for its first): an entry published after
    /// it (less `slack`) is news even if an outage kept it unread for longer than `maxAge`.
    public var lastRead: Date?

    /// How long before the feed's last answer an entry may be dated and still be new to it (feeds
    /// date entries when written, and publish them later).
    public static let slack: Double = 86400

    public init(maxAge: Double = AlertPolicy.defaultMaxAge, lastRead: Date? = nil) {
        self.maxAge = maxAge
        self.lastRead = lastRead
    }

    /// This policy for a feed last read at `lastRead`.
    public func feed(lastRead: Date?) -> AlertPolicy { AlertPolicy(maxAge: maxAge, lastRead: lastRead) }

    /// Whether `d`, read from an entry published at `published`, may alert at `now`. An entry
    /// without a date counts as published when it was fetched (`now`): it is news to us.
    public func alerts(_ d: Development, published: Date?, now: Date) -> Bool {
        d.status != "background" && !tooOld(published: published, now: now)
    }

    /// Whether an entry published at `published` is too old to alert at `now`: older than `maxAge`
    /// and than the feed's last answer (less `slack`).
    public func tooOld(published: Date?, now: Date) -> Bool {
        var cutoff = now.addingTimeInterval(-maxAge)
        if let lastRead { cutoff = min(cutoff, lastRead.addingTimeInterval(-Self.slack)) }
        return (published ?? now) < cutoff
    }
}
