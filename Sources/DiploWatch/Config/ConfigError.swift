/// One problem in a config file, located by file, line and key.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String
    public var message: String

    /// `file:line: key: message`; a problem with the file as a whole is `file: message`.
    public var description: String {
        if line == nil, key == "-" { return "\(file): \(Self.escaped(message))" }
        return "\(file):\(line.map(String.init) ?? "?"): \(Self.escaped(key)): \(Self.escaped(message))"
    }

    /// Control characters from the file (a quoted key or value holding a newline or an escape
    /// sequence) shown as escapes, so a problem stays one line and cannot drive the terminal.
    static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: TerminalText.isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where TerminalText.isControl(u): out += "\\u{" + String(u.value, radix: 16) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Every problem found in a config; the daemon refuses it whole.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public var description: String {
        problems.map { "config: \($0)" }.joined(separator: "\n")
    }
}
