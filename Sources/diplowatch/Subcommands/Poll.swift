import ArgumentParser
import DiploWatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

struct Poll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll every configured feed once, store what is new, deliver alerts, and exit.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Poll only the feeds that are due, as the daemon would.")
    var dueOnly = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
            // An exec sink that exits without reading its stdin, or a webhook that hangs up, is an
            // EPIPE error to handle, not a signal that ends the daemon.
            signal(SIGPIPE, SIG_IGN)
            let logger = Logger(label: "diplowatch")
            do {
                let lock = try InstanceLock(database: config.daemon.database)
                let store = try Store(path: config.daemon.database)
                var cycle = PollCycle(
                    config: config, store: store, fetcher: CurlFeedFetcher(settings: config.daemon),
                    sink: config.alerts.sink(store: store, onError: { FileHandle.standardError.write(Data("poll: \($0)\n".utf8)) }),
                    logger: logger)
                let progress = ProgressLine()
                if progress.enabled { cycle.onFeedDone = { progress.update($0) } }
                cycle.logsStorageFailure = false
                let report = await cycle.run(onlyDue: dueOnly)
                progress.finish()
                var totals = CycleTotals()
                totals.add(report)
                if report.storageError == nil {
                    for problem in Housekeeping(settings: config.daemon, store: store).run(totals: totals) {
                        FileHandle.standardError.write(Data("poll: \(problem)\n".utf8))
                    }
                }
                withExtendedLifetime(lock) {}
                print("poll: \(report); \(report.delivered) alert lines written to \(config.alerts.log)")
                // A storage failure is the daemon's, not a feed's: say it once, with what to do.
                if let e = report.storageError {
                    throw CLIError.failure("poll: the database failed: \(e.message); \(e.advice(database: store.path))")
                }
                if let e = report.deliveryError { throw CLIError.failure("poll: \(e)") }
                if report.feeds > 0, report.failed == report.feeds {
                    throw CLIError.failure(
                        "poll: every feed failed (\(report.failed) of \(report.feeds)); `diplowatch feeds` shows each one's error")
                }
            } catch let error as StoreError {
                throw CLIError.failure("\(error.description); \(error.advice(database: config.daemon.database))")
            }
        }
    }
}
