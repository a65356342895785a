import ArgumentParser
import DiploWatch
import Foundation

struct Developments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List stored developments.")
    @OptionGroup var global: GlobalOptions

    @Option(help: "Only developments seen since this time (RFC 3339, or a duration such as 7d).")
    var since: String?

    @Option(help: "Only developments with a participant from this country or body (ISO alpha-3, or UN, EU, …).")
    var country: String?

    @Option(help: "Only this PLOVER event type (CONSULT, AGREE, SANCTION, …).")
    var type: String?

    @Option(help: "Full-text search in the developments' summaries.")
    var search: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
            let store = try openReadOnly(config)
            let list = try store.developments(since: try since.map(TimeArgument.parse), country: country, type: type, search: search)
            if json {
                print(try JSONOutput.string(["developments": list]))
            } else {
                for d in list {
                    let n = (try? store.sourceCount(development: d.id)) ?? 0
                    print(TerminalText.safe("#\(d.id) \(DevelopmentFormatter.line(d.record)) (\(n) source\(n == 1 ? "" : "s"))"))
                }
            }
        }
    }
}
