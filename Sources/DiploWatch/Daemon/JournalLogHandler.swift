import Foundation
import Logging

/// Log lines on stderr: `<N>message key=value` for journald when `$JOURNAL_STREAM` is set
/// (N is the syslog priority), else `time level message key=value` for a terminal.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let journald: Bool

    public init(label: String, journald: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil) {
        self.label = label
        self.journald = journald
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let m = event.metadata { all.merge(m) { _, new in new } }
        var line = journald ? "<\(Self.priority(event.level))>" : "\(RFC3339.string(Date())) \(event.level) "
        // Feed titles, server messages and URLs reach the journal and the terminal: no control
        // characters, and no credentials (user:password@, ?api_key=).
        line += Self.clean("\(event.message)")
        for (k, v) in all.sorted(by: { $0.key < $1.key }) {
            let value = Self.clean("\(v)")
            line += value.contains(" ") ? " \(k)=\"\(value)\"" : " \(k)=\(value)"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func clean(_ s: String) -> String { TerminalText.safe(Redact.text(s)) }
}
