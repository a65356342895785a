import ArgumentParser
import DiploWatch

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check or show the configuration.", subcommands: [Check.self, Show.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the config; print every problem as file:line: key: message (exit 78 if any).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reporting {
                let config = try global.loadConfig()
                print(
                    "config: \(config.source ?? "embedded default") is valid: \(config.feeds.count) feeds, \(config.topics.count) topics, \(config.actors.count) extra actors"
                )
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the effective config as TOML, defaults filled in.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reporting {
                let config = try global.loadConfig()
                print(ConfigRenderer.toml(config), terminator: "")
            }
        }
    }
}
