import DiploWatch
import Foundation
import Synchronization

/// `poll`'s progress on a terminal: one line on stderr, rewritten in place as feeds finish, and
/// erased before the summary. Silent when stderr is not a terminal (a pipe, a file, journald).
final class ProgressLine: Sendable {
    let enabled: Bool
    private let last = Mutex(Date.distantPast)

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    static func text(_ r: PollCycle.Report) -> String {
        let done = r.fetched + r.notModified + r.failed
        return "poll: \(done)/\(r.feeds) feeds, \(r.newArticles) new articles, \(r.newDevelopments) new developments, \(r.alerts) alerts"
    }

    /// Redraws the line, at most ten times a second and always for the last feed.
    func update(_ r: PollCycle.Report) {
        guard enabled else { return }
        let done = r.fetched + r.notModified + r.failed
        let now = Date()
        let due = last.withLock { previous in
            guard done == r.feeds || now.timeIntervalSince(previous) >= 0.1 else { return false }
            previous = now
            return true
        }
        if due { FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.text(r)).utf8)) }
    }

    /// Erases the line, so the summary that follows stands alone.
    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
