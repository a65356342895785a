import DiploWatch
import Foundation

/// One line of `feeds --json`: a configured feed and its polling state, keys in snake_case and
/// times in RFC 3339.
struct FeedStatusRecord: Encodable {
    var url: String
    var name: String?
    var title: String?
    var state: String
    var lastOKAt: String?
    var lastPolledAt: String?
    var nextPollAt: String?
    var interval: Double?
    var adaptive: Bool
    var errorCount: Int
    var lastError: String?
    var failingSince: String?
    var dead: Bool
    var fetchURL: String?
    var movedTo: String?

    enum CodingKeys: String, CodingKey {
        case url, name, title, state, interval, adaptive, dead
        case lastOKAt = "last_ok_at"
        case lastPolledAt = "last_polled_at"
        case nextPollAt = "next_poll_at"
        case errorCount = "error_count"
        case lastError = "last_error"
        case failingSince = "failing_since"
        case fetchURL = "fetch_url"
        case movedTo = "moved_to"
    }

    init(feed: FeedConfig, state s: FeedState?) {
        url = feed.url
        name = feed.name
        title = s?.title
        state = s?.state ?? "new"
        lastOKAt = s?.lastOKAt.map(RFC3339.string)
        lastPolledAt = s?.lastPolledAt.map(RFC3339.string)
        nextPollAt = s.map { RFC3339.string($0.nextPollAt) }
        interval = feed.interval ?? s?.interval
        adaptive = feed.interval == nil
        errorCount = s?.errorCount ?? 0
        lastError = s?.lastError
        failingSince = s?.failingSince.map(RFC3339.string)
        dead = s?.dead ?? false
        fetchURL = s?.fetchURL
        movedTo = s?.movedTo
    }
}
