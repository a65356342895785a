/// One problem in a config file, located by file, line and key.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String
    public var message: String

    /// `file:line: key: message`; a problem with the file as a whole is `file: message`.
    public var description: String {
        if line == nil, key == "-" { return "\(file): \(message)" }
        return "\(file):\(line.map(String.init) ?? "?"): \(key): \(message)"
    }
}

/// Every problem found in a config; the daemon refuses it whole.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public var description: String {
        problems.map { "config: \($0)" }.joined(separator: "\n")
    }
}
