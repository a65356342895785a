import ArgumentParser
import DiploWatch

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The config file (default: \(Paths.defaultConfig), else the embedded default).")
    var config: String?

    func loadConfig() throws -> Config {
        do {
            return try ConfigLoader.load(path: config)
        } catch {
            throw CLIError.badConfig(error.description)
        }
    }
}
