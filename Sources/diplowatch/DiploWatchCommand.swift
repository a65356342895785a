import ArgumentParser
import DiploWatch
import Logging

/// The `diplowatch` command: a thin shell over the DiploWatch library.
@main
struct DiploWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diplowatch",
        abstract: "Watch news feeds for diplomatic developments and alert on the topics you follow.",
        version: DiploWatchVersion.string,
        subcommands: [
            Run.self, Poll.self, ConfigCommand.self, Extract.self, FeedCommand.self, Alerts.self, Developments.self,
            Feeds.self, Sinks.self, Backup.self, DigestCommand.self,
        ]
    )

    static func main() async {
        LoggingSystem.bootstrap { JournalLogHandler(label: $0) }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
