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

    @Flag(help: "One JSON object per line, each development with its sources, as `alerts --json`.")
    var json = false

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig(feeds: false)
            let store = try openReadOnly(config)
            let filters = Filters(config: config, store: store)
            let list = try store.developments(
                since: try since.map(TimeArgument.parse), country: try filters.country(country), type: try filters.type(type),
                search: search)
            if json {
                for d in list {
                    emit(
                        try JSONOutput.string(
                            DevelopmentRecord(development: d, sources: try store.sources(development: d.id)), pretty: false))
                }
            } else {
                let counts = try store.sourceCounts(developments: list.map(\.id))
                for d in list {
                    let n = counts[d.id] ?? 0
                    print(TerminalText.safe("#\(d.id) \(DevelopmentFormatter.line(d.record)) (\(n) source\(n == 1 ? "" : "s"))"))
                }
            }
        }
    }
}
