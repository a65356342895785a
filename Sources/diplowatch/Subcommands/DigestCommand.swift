import ArgumentParser
import DiploWatch
import Foundation

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Print the alerts of a period grouped by topic and by the countries taking part.")
    @OptionGroup var global: GlobalOptions

    @Option(help: "The period: alerts raised since this time (RFC 3339, or a duration such as 24h or 7d).")
    var since = "24h"

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html }

    @Option(help: "text, or html: one self-contained page.")
    var format: Format = .text

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig(feeds: false)
            let start = try TimeArgument.parse(since)
            let store = try openReadOnly(config)
            let digest = Digest(alerts: try store.alerts(since: start, limit: 10_000), since: start)
            print(format == .html ? digest.html : digest.text, terminator: "")
        }
    }
}
