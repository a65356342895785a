import ArgumentParser
import DiploWatch
import Foundation

struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show each feed's health: last success, last error, next poll.")
    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
            let store = try openReadOnly(config)
            let states = Dictionary(try store.feedStates().map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
            if json {
                print(try JSONOutput.string(config.feeds.compactMap { states[$0.url] }))
                return
            }
            for f in config.feeds {
                let s = states[f.url]
                let ok = s?.lastOKAt.map(RFC3339.string) ?? "never"
                let next = s.map { RFC3339.string($0.nextPollAt) } ?? "at the next cycle"
                var line = "\(f.name ?? s?.title ?? f.url)\n  url: \(f.url)\n  last ok: \(ok); next poll: \(next)"
                if let e = s?.lastError { line += "\n  last error (\(s?.errorCount ?? 0) in a row): \(e)" }
                print(line)
            }
        }
    }
}
