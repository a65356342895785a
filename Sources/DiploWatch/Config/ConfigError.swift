/// One problem in a config file, located by file, line and key.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String
    public var message: String

    public var description: String {
        "\(file):\(line.map(String.init) ?? "?"): \(key): \(message)"
    }
}

/// Every problem found in a config; the daemon refuses it whole.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public var description: String {
        problems.map { "config: \($0)" }.joined(separator: "\n")
    }
}
