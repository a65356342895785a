import ArgumentParser
import DiploWatch

struct Sinks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each webhook and exec sink: alerts delivered, pending, given up, and the last error.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
            let store = try openReadOnly(config)
            let statuses: [SinkStatus]
            do { statuses = try store.sinkStatuses() } catch { throw CLIError.failure("\(error)") }
            if statuses.isEmpty { print("no webhook or exec sink has run yet") }
            for s in statuses {
                var line = "\(s.name): \(s.delivered) delivered, \(s.pending) pending, \(s.failed) given up"
                if let e = s.lastError { line += "\n  last error: \(e)" }
                print(TerminalText.safe(Redact.text(line), keepingNewlines: true))
            }
        }
    }
}
