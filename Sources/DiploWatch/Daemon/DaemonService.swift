import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `diplowatch run`: polls each feed when it falls due, delivers alerts, reloads its config on
/// SIGHUP, and stops between transactions on SIGTERM. Speaks sd_notify when systemd asks.
public struct DaemonService: Service {
    public let holder: ConfigHolder
    public let store: Store
    public let notifier: SystemdNotifier
    public let logger: Logger
    /// Longest sleep between looks at the schedule.
    public var maxSleep: Double = 30

    public init(holder: ConfigHolder, store: Store, notifier: SystemdNotifier = SystemdNotifier(), logger: Logger) {
        self.holder = holder
        self.store = store
        self.notifier = notifier
        self.logger = logger
    }

    public func run() async throws {
        notifier.notify("READY=1\nSTATUS=Started; first poll under way")
        logger.info("daemon started", metadata: ["database": "\(store.path)"])
        let fatal = await withTaskGroup(of: Void.self) { group in
            group.addTask { await reloadOnHangup() }
            let fatal = await pollLoop()
            group.cancelAll()
            return fatal
        }
        notifier.notify("STOPPING=1")
        if let fatal {
            logger.critical("daemon stopped: the database is damaged", metadata: ["database": "\(store.path)"])
            throw fatal
        }
        logger.info("daemon stopped")
    }

    private func reloadOnHangup() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.notify("RELOADING=1")
            await holder.reload(logger: logger)
            notifier.notify("READY=1")
        }
    }

    /// Returns the storage failure that stopped it (a damaged database), or nil on shutdown.
    private func pollLoop() async -> StoreError? {
        var totals = CycleTotals()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let (config, extractor) = await holder.snapshot
            var cycle = PollCycle(
                config: config, store: store, fetcher: CurlFeedFetcher(settings: config.daemon),
                sink: config.alerts.sink(store: store, onError: { [logger] in logger.error("\($0)") }), logger: logger,
                extractor: extractor)
            // A long cycle (many feeds on slow hosts, two at a time) is alive while feeds keep
            // finishing, each bounded by the fetch timeouts: feed the watchdog as they do.
            let notifier = self.notifier
            cycle.progress = { notifier.notify("WATCHDOG=1") }
            let report = await cycle.run(now: Date(), onlyDue: true)
            if report.feeds > 0 || report.delivered > 0 {
                logger.info(
                    "poll cycle finished",
                    metadata: [
                        "cycle.feeds": "\(report.feeds)", "cycle.fetched": "\(report.fetched)",
                        "cycle.unchanged": "\(report.notModified)", "cycle.failed": "\(report.failed)",
                        "cycle.articles": "\(report.newArticles)", "cycle.developments": "\(report.newDevelopments)",
                        "cycle.alerts": "\(report.delivered)", "cycle.duration_ms": "\(Int(report.seconds * 1000))",
                    ])
                notifier.notify("STATUS=Last cycle: \(report)")
            }
            totals.add(report)
            for problem in Housekeeping(settings: config.daemon, store: store).run(totals: totals) {
                logger.error("housekeeping failed", metadata: ["error": "\(problem)"])
            }
            // A storage failure is the daemon's: a damaged file stops it (exit 1, nothing a retry
            // can mend); anything else (a full disk) degrades it, visibly, until the database answers.
            if let e = report.storageError {
                if e.isCorruption {
                    notifier.notify("STATUS=Stopped: the database is damaged: \(e.message)")
                    return e
                }
                notifier.notify("STATUS=Degraded: database error: \(e.message); retrying in \(Int(longestSleep)) s")
            }
            // The watchdog is fed only while cycles complete and the database answers.
            if report.deliveryError == nil, report.storageError == nil, store.isHealthy() { notifier.notify("WATCHDOG=1") }
            let wait = report.storageError == nil ? nextWait(config) : longestSleep
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
        }
        return nil
    }

    /// Half the watchdog interval systemd gives (`WATCHDOG_USEC`), else `maxSleep`.
    private var longestSleep: Double {
        guard let usec = ProcessInfo.processInfo.environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0 else { return maxSleep }
        return min(maxSleep, usec / 2_000_000)
    }

    private func nextWait(_ config: Config) -> Double {
        let urls = Set(config.feeds.map(\.url))
        let next = ((try? store.feedStates()) ?? []).filter { urls.contains($0.url) }.map(\.nextPollAt).min()
        guard let next else { return longestSleep }
        return min(max(next.timeIntervalSinceNow, 0.5), longestSleep)
    }
}

/// Starting and running the daemon.
public enum Daemon {
    /// Runs until SIGTERM or SIGINT.
    public static func run(config: Config, configPath: String?, logger: Logger) async throws {
        let lock = try InstanceLock(database: config.daemon.database)
        let notifier = SystemdNotifier()
        let store = try notifier.extendingStartTimeout(status: "Opening and upgrading the database \(config.daemon.database)") {
            try Store(path: config.daemon.database)
        }
        let service = DaemonService(
            holder: ConfigHolder(config, path: configPath), store: store, notifier: notifier, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        withExtendedLifetime(lock) {}
    }
}
