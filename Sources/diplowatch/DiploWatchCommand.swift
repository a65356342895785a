import ArgumentParser
import DiploWatch

/// The `diplowatch` command: a thin shell over the DiploWatch library.
@main
struct DiploWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diplowatch",
        abstract: "Watch news feeds for diplomatic developments and alert on the topics you follow.",
        version: DiploWatchVersion.string,
        subcommands: [
            Extract.self,

        ]
    )
}
