import ArgumentParser
import DiploWatch

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to a new file with SQLite's online backup (safe while the daemon runs).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The new file to write; it must not exist.")
    var path: String

    func run() async throws {
        try await reporting {
            let config = try global.loadConfig(feeds: false)
            let store = try openReadOnly(config)
            do {
                try store.backup(to: path)
            } catch {
                throw CLIError.failure("\(error)")
            }
            print("backup: \(config.daemon.database) copied to \(path) (integrity check ok)")
        }
    }
}
