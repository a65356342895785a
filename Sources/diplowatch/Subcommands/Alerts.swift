import ArgumentParser
import DiploWatch
import Foundation

struct Alerts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List alerts from the database.")
    @OptionGroup var global: GlobalOptions

    @Option(help: "Only alerts raised since this time: an RFC 3339 date or time, or a duration such as 24h or 7d.")
    var since: String?

    @Option(help: "Only alerts for this topic.")
    var topic: String?

    @Flag(help: "One JSON object per line, as in the alert log.")
    var json = false

    @Flag(help: "Keep running and print new alerts as they are committed.")
    var follow = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig(feeds: false)
            let sinceDate = try since.map(TimeArgument.parse)
            let store = try openReadOnly(config)
            let topic = try Filters(config: config, store: store).topic(topic)
            let format: AlertSettings.Format = json ? .jsonl : .text
            let printer = AlertLogSink(path: "/dev/null", format: format)
            var batch = try store.alerts(since: sinceDate, topic: topic)
            var last: Int64 = 0
            while true {
                // One write for the batch: a write per line was a tenth of listing a thousand alerts.
                emit(lines: batch.map(printer.line))
                last = batch.last?.id ?? last
                guard follow else { break }
                try await Task.sleep(for: .seconds(1))
                batch = try store.alerts(topic: topic, afterID: last)
            }
        }
    }
}

/// Writes a line straight to standard output, so a reader of a pipe sees it at once.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Writes lines to standard output at once, in one write.
func emit(lines: [String]) {
    guard !lines.isEmpty else { return }
    var text = ""
    for line in lines {
        text += line
        text += "\n"
    }
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Opens the configured database for reading, with a clear error when it does not exist yet.
func openReadOnly(_ config: Config) throws -> Store {
    if let denied = PermissionAdvice.denied(config.daemon.database) { throw CLIError.failure(denied) }
    guard FileManager.default.fileExists(atPath: config.daemon.database) else {
        throw CLIError.failure("no database at \(config.daemon.database) yet: run `diplowatch poll` or start the daemon first")
    }
    do {
        return try Store(path: config.daemon.database, readOnly: true)
    } catch {
        throw CLIError.failure(error.description)
    }
}

/// `--since` values: an RFC 3339 time or date, or a duration back from now ("24h", "7d").
enum TimeArgument {
    static func parse(_ s: String) throws -> Date {
        if let d = RFC3339.date(s) { return d }
        if let seconds = ConfigDuration.parse(s) { return Date().addingTimeInterval(-seconds) }
        throw CLIError.badInput("--since: \"\(s)\" is neither an RFC 3339 time nor a duration such as 24h")
    }
}
