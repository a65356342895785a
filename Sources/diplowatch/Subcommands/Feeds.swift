import ArgumentParser
import DiploWatch
import Foundation

struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the feeds' state, or add, import, export and remove feeds.",
        subcommands: [Status.self, Add.self, Import.self, Export.self, Remove.self], defaultSubcommand: Status.self)
}

extension Feeds {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each feed's state (new, ok, failing, dead) and why: last success, last error, next poll, interval, moves.")
        @OptionGroup var global: GlobalOptions

        @Flag(help: "One JSON object per line, one line per configured feed.")
        var json = false

        func run() async throws {
            try await reporting {
                let config = try global.loadConfig()
                let store = try openReadOnly(config)
                let states = Dictionary(try store.feedStates().map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
                if json {
                    for f in config.feeds {
                        emit(Redact.text(try JSONOutput.string(FeedStatusRecord(feed: f, state: states[f.url]), pretty: false)))
                    }
                    return
                }
                for f in config.feeds {
                    let s = states[f.url]
                    let ok = s?.lastOKAt.map(RFC3339.string) ?? "never"
                    let next = s.map { RFC3339.string($0.nextPollAt) } ?? "at the next cycle"
                    var line = "\(s?.state ?? "new")  \(f.name ?? s?.title ?? f.url)\n  url: \(f.url)"
                    if let moved = s?.fetchURL { line += "\n  moved permanently to: \(moved) (polled there; update the config)" }
                    if let seen = s?.movedTo { line += "\n  redirected permanently to \(seen) once; moves if it happens again" }
                    line += "\n  last ok: \(ok); next poll: \(next)"
                    if let i = f.interval ?? s?.interval {
                        line += "; interval \(ConfigDuration.format(i))\(f.interval == nil ? " (adaptive)" : "")"
                    }
                    if let e = s?.lastError {
                        let since = s?.failingSince.map { " since \(RFC3339.string($0))" } ?? ""
                        let n = s?.errorCount ?? 0
                        line += "\n  failing\(since), \(n) error\(n == 1 ? "" : "s") in a row: \(e)"
                        if s?.dead == true { line += "\n  dead: tried once a day until it answers" }
                    }
                    // Titles and server messages come from outside; URLs may hold credentials.
                    print(TerminalText.safe(Redact.text(line), keepingNewlines: true))
                }
            }
        }
    }
}
