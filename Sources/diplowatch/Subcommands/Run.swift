import ArgumentParser
import DiploWatch
import Logging

#if canImport(Glibc)
    import Glibc
#endif

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon in the foreground (systemd Type=notify): poll, extract, alert; SIGHUP reloads the config.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig()
            // An exec sink that exits without reading its stdin, or a webhook that hangs up, is an
            // EPIPE error to handle, not a signal that ends the daemon.
            signal(SIGPIPE, SIG_IGN)
            let logger = Logger(label: "diplowatch")
            do {
                try await Daemon.run(config: config, configPath: config.source, logger: logger)
            } catch let error as StoreError {
                throw CLIError.failure("\(error.description); \(error.advice(database: config.daemon.database))")
            }
        }
    }
}
