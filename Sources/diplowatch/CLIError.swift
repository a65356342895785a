import ArgumentParser
import DiploWatch
import Foundation

/// Outcomes that end the command with a sysexits code and a one-line message on stderr.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)  // 64
    case badInput(String)  // 65
    case badConfig(String)  // 78
    case failure(String)  // 1

    var description: String {
        switch self {
        case .usage(let s), .badInput(let s), .badConfig(let s), .failure(let s): return s
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: return ExitCode(64)
        case .badInput: return ExitCode(65)
        case .badConfig: return ExitCode(78)
        case .failure: return .failure
        }
    }
}

/// Prints a CLIError and turns it into its exit code; other errors pass through.
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as CLIError {
        FileHandle.standardError.write(Data((TerminalText.safe(Redact.text(error.description)) + "\n").utf8))
        throw error.exitCode
    }
}
