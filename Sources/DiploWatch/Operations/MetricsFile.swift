import Foundation

/// Running totals of what poll cycles did, for the metrics file.
public struct CycleTotals: Sendable, Equatable {
    public var cycles = 0
    public var fetched = 0
    public var unchanged = 0
    public var failed = 0
    public var alertsDelivered = 0
    public var lastCycleSeconds = 0.0

    public init() {}

    public mutating func add(_ r: PollCycle.Report) {
        cycles += 1
        fetched += r.fetched
        unchanged += r.notModified
        failed += r.failed
        alertsDelivered += r.delivered
        lastCycleSeconds = r.seconds
    }
}

/// Writes the Prometheus text format for node_exporter's textfile collector, atomically (a
/// temporary file renamed over the old one, so the collector never reads half a file).
public enum MetricsFile {
    public static func render(store: Store, totals: CycleTotals) throws -> String {
        let s = try store.metricsSnapshot()
        return """
            # HELP diplowatch_feeds Configured feeds by state.
            # TYPE diplowatch_feeds gauge
            diplowatch_feeds{state="ok"} \(s.feedsOK)
            diplowatch_feeds{state="failing"} \(s.feedsFailing)
            diplowatch_feeds{state="dead"} \(s.feedsDead)
            # HELP diplowatch_fetches_total Feed fetches by result since the daemon started.
            # TYPE diplowatch_fetches_total counter
            diplowatch_fetches_total{result="fetched"} \(totals.fetched)
            diplowatch_fetches_total{result="unchanged"} \(totals.unchanged)
            diplowatch_fetches_total{result="failed"} \(totals.failed)
            # HELP diplowatch_articles Articles stored.
            # TYPE diplowatch_articles gauge
            diplowatch_articles \(s.articles)
            # HELP diplowatch_developments Developments stored.
            # TYPE diplowatch_developments gauge
            diplowatch_developments \(s.developments)
            # HELP diplowatch_alerts Alerts raised.
            # TYPE diplowatch_alerts gauge
            diplowatch_alerts \(s.alerts)
            # HELP diplowatch_alerts_delivered_total Alert lines written since the daemon started.
            # TYPE diplowatch_alerts_delivered_total counter
            diplowatch_alerts_delivered_total \(totals.alertsDelivered)
            # HELP diplowatch_cycles_total Poll cycles since the daemon started.
            # TYPE diplowatch_cycles_total counter
            diplowatch_cycles_total \(totals.cycles)
            # HELP diplowatch_cycle_duration_seconds Duration of the last poll cycle.
            # TYPE diplowatch_cycle_duration_seconds gauge
            diplowatch_cycle_duration_seconds \(String(format: "%.3f", totals.lastCycleSeconds))

            """
    }

    public static func write(_ text: String, to path: String) throws {
        try Paths.ensureParent(of: path)
        let temporary = path + ".tmp"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, path) == 0 else {
            throw StoreError("metrics: cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// What runs after each poll cycle: pruning old article text and writing the metrics file.
public struct Housekeeping: Sendable {
    public var settings: DaemonSettings
    public var store: Store

    public init(settings: DaemonSettings, store: Store) {
        self.settings = settings
        self.store = store
    }

    /// Returns one line per problem; the daemon logs them and carries on.
    public func run(totals: CycleTotals, now: Date = Date()) -> [String] {
        var problems: [String] = []
        // The page cache only spares refetching a page linked from several feeds: a month is plenty.
        do { try store.prunePages(before: now.addingTimeInterval(-min(settings.retention ?? 30 * 86400, 30 * 86400))) } catch {
            problems.append("\(error)")
        }
        if let retention = settings.retention {
            do { try store.pruneArticleText(before: now.addingTimeInterval(-retention)) } catch { problems.append("\(error)") }
        }
        if let path = settings.metrics {
            do { try MetricsFile.write(try MetricsFile.render(store: store, totals: totals), to: path) } catch {
                problems.append("metrics: \(path): \(error)")
            }
        }
        return problems
    }
}
