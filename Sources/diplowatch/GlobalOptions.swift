import ArgumentParser
import DiploWatch

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The config file (default: \(Paths.defaultConfig), else the embedded default).")
    var config: String?

    /// The config; `feeds: false` for commands that only read the database, which neither read
    /// nor check the feeds (a config of thousands took most of such a command's time).
    func loadConfig(feeds: Bool = true) throws -> Config {
        do {
            return try ConfigLoader.load(path: config, feeds: feeds)
        } catch {
            throw CLIError.badConfig(error.description)
        }
    }
}
