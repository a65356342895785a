import ArgumentParser
import DiploWatch
import Foundation

/// A change to the feeds file, checked as `config check` would check it: if the config with the
/// change is not valid, the file is put back as it was and the problems are printed.
struct FeedsEdit {
    let config: Config
    let command: String

    init(global: GlobalOptions, command: String) throws {
        config = try global.loadConfig()
        self.command = command
    }

    /// Runs `change` on the file's text (nil when it does not exist yet), writes the result, and
    /// validates the whole config; returns the config as it now is.
    @discardableResult
    func apply(to path: String, _ change: (String?) throws -> String) throws -> Config {
        let before = try? String(contentsOfFile: path, encoding: .utf8)
        do {
            try FeedsFile.write(try change(before), to: path)
        } catch let e as FeedsFileError {
            throw CLIError.failure("\(command): \(e)")
        }
        do {
            return try ConfigLoader.load(file: config.source ?? path)
        } catch {
            if let before { try? FeedsFile.write(before, to: path) } else { try? FileManager.default.removeItem(atPath: path) }
            throw CLIError.badConfig("\(error.description)\n\(command): the config would not be valid; \(path) was left as it was")
        }
    }

    func target() throws -> String {
        do { return try FeedsFile.target(for: config) } catch { throw CLIError.failure("\(command): \(error)") }
    }

    /// The closing lines: the config is valid, and the daemon needs a reload to see the change.
    func done(_ what: String, config: Config) {
        print("\(command): \(what)")
        print(
            "config: \(config.source ?? "?") is valid: \(config.feeds.count) feeds. Reload the daemon to use it: sudo systemctl reload diplowatch"
        )
    }
}

/// A path for messages: relative to the config's directory when inside it.
func shortPath(_ path: String, config: Config) -> String { FeedsFile.displayPath(path, config: config) }
