import Foundation

/// Running totals of what poll cycles did, for the metrics file.
public struct CycleTotals: Sendable, Equatable {
    public var cycles = 0
    public var fetched = 0
    public var unchanged = 0
    public var failed = 0
    public var alertsDelivered = 0
    public var lastCycleSeconds = 0.0
    /// Cycles in which the database failed, and whether the last one stored what it read.
    public var storageErrors = 0
    public var lastStorageOK = true

    public init() {}

    public mutating func add(_ r: PollCycle.Report) {
        cycles += 1
        fetched += r.fetched
        unchanged += r.notModified
        failed += r.failed
        alertsDelivered += r.delivered
        lastCycleSeconds = r.seconds
        if r.storageError != nil { storageErrors += 1 }
        lastStorageOK = r.storageError == nil
    }
}

/// Writes the Prometheus text format for node_exporter's textfile collector, atomically (a
/// temporary file renamed over the old one, so the collector never reads half a file).
public enum MetricsFile {
    /// The figures; when the database cannot be read, the daemon's own counters still, so the
    /// storage failure shows.
    public static func render(store: Store, totals: CycleTotals) throws -> String {
        let storage = """
            # HELP diplowatch_storage_ok Whether the last poll cycle could store what it read (0: the database failed).
            # TYPE diplowatch_storage_ok gauge
            diplowatch_storage_ok \(totals.lastStorageOK ? 1 : 0)
            # HELP diplowatch_storage_errors_total Poll cycles in which the database failed.
            # TYPE diplowatch_storage_errors_total counter
            diplowatch_storage_errors_total \(totals.storageErrors)

            """
        guard let s = try? store.metricsSnapshot() else { return storage }
        return storage + """
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

    /// Returns one line per problem; the daemon logs them and carries on. After a cycle whose
    /// storage failed, only the metrics file is written (it tells the failure).
    public func run(totals: CycleTotals, now: Date = Date()) -> [String] {
        var problems: [String] = []
        guard totals.lastStorageOK else {
            if let path = settings.metrics {
                do { try MetricsFile.write(try MetricsFile.render(store: store, totals: totals), to: path) } catch {
                    problems.append("metrics: \(path): \(error)")
                }
            }
            return problems
        }
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
