/// A TOML value as the config loader reads it, with the line it was written on.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// A date, time or date-time, kept as written (the config has no use for them).
    case dateTime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var int: Int? { if case .integer(let n) = self { n } else { nil } }
    public var double: Double? { if case .float(let d) = self { d } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var array: [TOMLValue]? { if case .array(let a) = self { a } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = self { t } else { nil } }

    /// The type's name in TOML's words, for messages such as "must be a string, not integer".
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .dateTime: "date-time"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A TOML table: its keys in the order written.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }
}

/// A syntax or structure error, with where it was found and the key being read.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// The key being defined (`daemon.timeout`, `feeds[1].url`), or the table header being read.
    public var key: String
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A parsed document: the root table and the line of every key and table, by the path the config
/// loader names them with (`daemon.timeout`, `feeds[1].url`, `alerts.webhook[0]`).
public struct TOMLDocument: Sendable {
    public var root: TOMLTable
    public var lines: [String: Int]

    /// Parses `text`; throws the first error. Never traps, whatever the input.
    public init(parsing text: String) throws(TOMLError) {
        var parser = TOMLParser(Array(text.utf8))
        try parser.parseDocument()
        root = parser.root
        lines = parser.lines
    }
}
