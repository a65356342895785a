import ArgumentParser
import DiploWatch
import Foundation
import Logging

struct Poll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll every configured feed once, store what is new, deliver alerts, and exit.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Poll only the feeds that are due, as the daemon would.")
    var dueOnly = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
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
                let report = await cycle.run(onlyDue: dueOnly)
                progress.finish()
                var totals = CycleTotals()
                totals.add(report)
                for problem in Housekeeping(settings: config.daemon, store: store).run(totals: totals) {
                    FileHandle.standardError.write(Data("poll: \(problem)\n".utf8))
                }
                withExtendedLifetime(lock) {}
                print("poll: \(report); \(report.delivered) alert lines written to \(config.alerts.log)")
                if let e = report.deliveryError { throw CLIError.failure("poll: \(e)") }
            } catch let error as StoreError {
                throw CLIError.failure(error.description)
            }
        }
    }
}
