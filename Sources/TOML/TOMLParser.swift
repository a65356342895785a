/// A TOML 1.0 parser in Swift, written to fail with a line and a message on any input: no
/// assertion, no trap, bounded nesting. It records the line of every key for the config loader.
struct TOMLParser {
    /// Deeper arrays or inline tables than this are refused (no recursion without end).
    static let maxDepth = 32

    private let b: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// What is being read, for the error's key: the full key path, or the header.
    private var context = "-"
    private let rootBox = TableBox(explicit: true)
    private var current: TableBox
    private var currentPath = ""
    private(set) var lines: [String: Int] = [:]

    init(_ bytes: [UInt8]) {
        b = bytes
        current = rootBox
    }

    var root: TOMLTable { rootBox.value }

    // MARK: - Document

    mutating func parseDocument() throws(TOMLError) {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < b.count {
            skipSpaces()
            guard let c = peek() else { break }
            switch c {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try endOfLine()
            case UInt8(ascii: "["):
                try parseHeader()
            default:
                context = currentPath.isEmpty ? "(top level)" : currentPath
                try parseKeyValue(into: current, path: currentPath, depth: 0)
                try endOfLine()
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func parseHeader() throws(TOMLError) {
        let headerLine = line
        i += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { i += 1 }
        skipSpaces()
        context = isArray ? "[[table header]]" : "[table header]"
        let keys = try parseKey()
        skipSpaces()
        try expect("]", "expected ] to close the table header")
        if isArray { try expect("]", "expected ]] to close the array-of-tables header") }
        var box = rootBox
        var path = ""
        for (n, k) in keys.enumerated() {
            let last = n == keys.count - 1
            let here = path.isEmpty ? k : path + "." + k
            context = here
            if last {
                if isArray {
                    let t = TableBox(explicit: true)
                    switch box.entries[k] {
                    case nil:
                        box.set(k, .tableArray(TableArrayBox(t)))
                        path = here + "[0]"
                    case .tableArray(let a):
                        a.tables.append(t)
                        path = here + "[\(a.tables.count - 1)]"
                    default:
                        throw error("\(here) is already defined as something other than an array of tables")
                    }
                    lines[here] = lines[here] ?? headerLine
                    box = t
                } else {
                    switch box.entries[k] {
                    case nil:
                        let t = TableBox(explicit: true)
                        box.set(k, .table(t))
                        box = t
                    case .table(let t) where !t.explicit:
                        t.explicit = true
                        box = t
                    case .table:
                        throw error("table [\(here)] is defined twice")
                    default:
                        throw error("\(here) is already defined as a value, not a table")
                    }
                    path = here
                }
            } else {
                switch box.entries[k] {
                case nil:
                    let t = TableBox(explicit: false)
                    box.set(k, .table(t))
                    box = t
                    path = here
                case .table(let t):
                    box = t
                    path = here
                case .tableArray(let a):
                    box = a.tables[a.tables.count - 1]
                    path = here + "[\(a.tables.count - 1)]"
                case .value:
                    throw error("\(here) is already defined as a value, not a table")
                }
            }
        }
        lines[path] = lines[path] ?? headerLine
        current = box
        currentPath = path
        try endOfLine()
    }

    /// `key = value` into `box`; dotted keys make the tables on the way.
    private mutating func parseKeyValue(into box: TableBox, path: String, depth: Int) throws(TOMLError) {
        let keyLine = line
        let keys = try parseKey()
        var target = box
        var p = path
        for (n, k) in keys.enumerated() {
            p = p.isEmpty ? k : p + "." + k
            context = p
            if n == keys.count - 1 { break }
            switch target.entries[k] {
            case nil:
                let t = TableBox(explicit: true)
                target.set(k, .table(t))
                target = t
            case .table(let t):
                target = t
            default:
                throw error("\(p) is already defined as a value, not a table")
            }
            lines[p] = lines[p] ?? keyLine
        }
        let last = keys[keys.count - 1]
        skipSpaces()
        try expect("=", "expected = after the key")
        skipSpaces()
        let value = try parseValue(path: p, depth: depth)
        guard target.entries[last] == nil else { throw error("duplicate key \(p)") }
        target.set(last, .value(value))
        lines[p] = lines[p] ?? keyLine
    }

    // MARK: - Keys

    private mutating func parseKey() throws(TOMLError) -> [String] {
        var keys: [String] = []
        while true {
            skipSpaces()
            guard let c = peek() else { throw error("expected a key, found the end of the file") }
            if c == UInt8(ascii: "\"") {
                keys.append(try parseBasicString())
            } else if c == UInt8(ascii: "'") {
                keys.append(try parseLiteralString())
            } else if Self.isBare(c) {
                let start = i
                while let d = peek(), Self.isBare(d) { i += 1 }
                keys.append(String(decoding: b[start..<i], as: UTF8.self))
            } else {
                throw error("expected a key (letters, digits, _ and -, or a quoted string), found \(Self.show(c))")
            }
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return keys }
            guard keys.count < Self.maxDepth else { throw error("a dotted key of more than \(Self.maxDepth) parts") }
            i += 1
        }
    }

    private static func isBare(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    // MARK: - Values

    private mutating func parseValue(path: String, depth: Int) throws(TOMLError) -> TOMLValue {
        guard depth < Self.maxDepth else { throw error("arrays and inline tables nested more than \(Self.maxDepth) deep") }
        guard let c = peek() else { throw error("expected a value, found the end of the file") }
        switch c {
        case UInt8(ascii: "\""):
            return .string(starts("\"\"\"") ? try parseMultilineBasicString() : try parseBasicString())
        case UInt8(ascii: "'"):
            return .string(starts("'''") ? try parseMultilineLiteralString() : try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray(path: path, depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(path: path, depth: depth)
        case UInt8(ascii: "t") where starts("true"):
            i += 4
            return .bool(true)
        case UInt8(ascii: "f") where starts("false"):
            i += 5
            return .bool(false)
        default:
            return try parseScalar()
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(TOMLError) -> TOMLValue {
        i += 1
        var out: [TOMLValue] = []
        while true {
            try skipBlank()
            guard let c = peek() else { throw error("unterminated array: expected ]") }
            if c == UInt8(ascii: "]") {
                i += 1
                return .array(out)
            }
            out.append(try parseValue(path: path, depth: depth + 1))
            try skipBlank()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): continue
            case nil: throw error("unterminated array: expected ]")
            case let d?: throw error("expected , or ] in the array, found \(Self.show(d))")
            }
        }
    }

    private mutating func parseInlineTable(path: String, depth: Int) throws(TOMLError) -> TOMLValue {
        i += 1
        let box = TableBox(explicit: true)
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            i += 1
            return .table(box.value)
        }
        while true {
            skipSpaces()
            try parseKeyValue(into: box, path: path, depth: depth + 1)
            skipSpaces()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return .table(box.value)
            case nil: throw error("unterminated inline table: expected }")
            case let d?: throw error("expected , or } in the inline table (which must stay on one line), found \(Self.show(d))")
            }
        }
    }

    /// Numbers, dates and times: read up to a value's end, then classify.
    private mutating func parseScalar() throws(TOMLError) -> TOMLValue {
        let start = i
        while let c = peek(), Self.isScalar(c) { i += 1 }
        // A date and a time may be separated by one space: 1979-05-27 07:32:00Z.
        if i - start == 10, peek() == 0x20, i + 1 < b.count, (0x30...0x39).contains(b[i + 1]) {
            i += 1
            while let c = peek(), Self.isScalar(c) { i += 1 }
        }
        let token = String(decoding: b[start..<i], as: UTF8.self)
        guard !token.isEmpty else {
            throw error("expected a value (a \"string\", number, true, false, [array] or {table}), found \(Self.show(b[start]))")
        }
        do throws(TOMLError) {
            if let n = try TOMLScalar.integer(token) { return .integer(n) }
        } catch {
            throw self.error(error.message)
        }
        if let d = TOMLScalar.float(token) { return .float(d) }
        if TOMLScalar.isDateTime(token) { return .dateTime(token) }
        throw error("\(token) is not a valid value (strings need quotes: \"\(token)\")")
    }

    private static func isScalar(_ c: UInt8) -> Bool {
        isBare(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
    }

    // MARK: - Strings

    private mutating func parseBasicString() throws(TOMLError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw error("unterminated string: expected \"") }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return try utf8(out)
            case UInt8(ascii: "\\"):
                try escape(&out)
            case 0x0A, 0x0D:
                throw error("unterminated string: a \"string\" ends on its line (use \"\"\" for several lines)")
            default:
                try plain(c, &out)
            }
        }
    }

    private mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        i += 3
        skipNewlineAfterDelimiter()
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw error("unterminated string: expected \"\"\"") }
            if c == UInt8(ascii: "\""), starts("\"\"\"") {
                var quotes = 0
                while peek() == UInt8(ascii: "\""), quotes < 5 {
                    i += 1
                    quotes += 1
                }
                out += [UInt8](repeating: UInt8(ascii: "\""), count: quotes - 3)
                return try utf8(out)
            }
            if c == UInt8(ascii: "\\") {
                // A backslash at the end of a line trims the newline and the whitespace after it.
                var j = i + 1
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                if j < b.count, b[j] == 0x0A || (b[j] == 0x0D && j + 1 < b.count && b[j + 1] == 0x0A) {
                    i = j
                    while let d = peek(), d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D {
                        if d == 0x0D, !starts("\r\n") { throw error("a carriage return must be followed by a newline") }
                        advance(d)
                    }
                    continue
                }
                try escape(&out)
                continue
            }
            if c == 0x0A || c == 0x0D {
                if c == 0x0D, !starts("\r\n") { throw error("a carriage return must be followed by a newline") }
                if c == 0x0D { i += 1 }
                advance(0x0A)
                out.append(0x0A)
                continue
            }
            try plain(c, &out)
        }
    }

    private mutating func parseLiteralString() throws(TOMLError) -> String {
        i += 1
        let start = i
        while true {
            guard let c = peek() else { throw error("unterminated string: expected '") }
            if c == UInt8(ascii: "'") { break }
            if c == 0x0A || c == 0x0D { throw error("unterminated string: a 'string' ends on its line (use ''' for several lines)") }
            if Self.isControl(c) { throw error("control character \(Self.show(c)) in a string") }
            i += 1
        }
        let s = try utf8(Array(b[start..<i]))
        i += 1
        return s
    }

    private mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        i += 3
        skipNewlineAfterDelimiter()
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw error("unterminated string: expected '''") }
            if c == UInt8(ascii: "'"), starts("'''") {
                var quotes = 0
                while peek() == UInt8(ascii: "'"), quotes < 5 {
                    i += 1
                    quotes += 1
                }
                out += [UInt8](repeating: UInt8(ascii: "'"), count: quotes - 3)
                return try utf8(out)
            }
            if c == 0x0A || c == 0x0D {
                if c == 0x0D, !starts("\r\n") { throw error("a carriage return must be followed by a newline") }
                if c == 0x0D { i += 1 }
                advance(0x0A)
                out.append(0x0A)
                continue
            }
            if Self.isControl(c) { throw error("control character \(Self.show(c)) in a string") }
            out.append(c)
            i += 1
        }
    }

    private mutating func skipNewlineAfterDelimiter() {
        if starts("\r\n") {
            i += 1
            advance(0x0A)
        } else if peek() == 0x0A {
            advance(0x0A)
        }
    }

    private mutating func plain(_ c: UInt8, _ out: inout [UInt8]) throws(TOMLError) {
        if Self.isControl(c) { throw error("control character \(Self.show(c)) in a string (write it as an escape such as \\n)") }
        out.append(c)
        i += 1
    }

    private mutating func escape(_ out: inout [UInt8]) throws(TOMLError) {
        i += 1
        guard let e = peek() else { throw error("unterminated string after \\") }
        i += 1
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "u") ? 4 : 8
            guard i + n <= b.count, let v = UInt32(String(decoding: b[i..<i + n], as: UTF8.self), radix: 16),
                b[i..<i + n].allSatisfy({ Self.isHex($0) }), let scalar = Unicode.Scalar(v)
            else { throw error("\\\(Character(Unicode.Scalar(e))) needs \(n) hex digits naming a Unicode scalar") }
            out += Array(String(Character(scalar)).utf8)
            i += n
        default:
            throw error("unknown escape \\\(Self.show(e)) (expected \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)")
        }
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }

    /// Control characters other than tab are not allowed in strings and comments.
    private static func isControl(_ c: UInt8) -> Bool { (c < 0x20 && c != 0x09) || c == 0x7F }

    private func utf8(_ bytes: [UInt8]) throws(TOMLError) -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else { throw error("not valid UTF-8 text") }
        return s
    }

    // MARK: - Whitespace, comments, lines

    private mutating func skipSpaces() {
        while let c = peek(), c == 0x20 || c == 0x09 { i += 1 }
    }

    /// Whitespace, newlines and comments, as allowed between the values of an array.
    private mutating func skipBlank() throws(TOMLError) {
        while let c = peek() {
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == UInt8(ascii: "#") || c == 0x0A || c == 0x0D {
                try endOfLine()
            } else {
                return
            }
        }
    }

    /// An optional comment, then a newline or the end of the file.
    private mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        if peek() == UInt8(ascii: "#") {
            i += 1
            while let c = peek(), c != 0x0A, c != 0x0D {
                if Self.isControl(c) { throw error("control character \(Self.show(c)) in a comment") }
                i += 1
            }
        }
        switch peek() {
        case nil: return
        case 0x0A: advance(0x0A)
        case 0x0D:
            guard starts("\r\n") else { throw error("a carriage return must be followed by a newline") }
            i += 1
            advance(0x0A)
        case let c?:
            throw error("expected the end of the line, found \(Self.show(c)) (one key = value per line)")
        }
    }

    private mutating func advance(_ c: UInt8) {
        i += 1
        if c == 0x0A {
            line += 1
            lineStart = i
        }
    }

    private func peek() -> UInt8? { i < b.count ? b[i] : nil }

    private func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        return s.withUTF8Buffer { buf in (0..<n).allSatisfy { b[i + $0] == buf[$0] } }
    }

    private mutating func expect(_ s: Character, _ message: String) throws(TOMLError) {
        guard let c = peek(), c == s.asciiValue else {
            throw error(message + (peek().map { ", found " + Self.show($0) } ?? ", found the end of the file"))
        }
        i += 1
    }

    private func error(_ message: String) -> TOMLError {
        TOMLError(line: line, column: i - lineStart + 1, key: context, message: message)
    }

    private static func show(_ c: UInt8) -> String {
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c == 0x0A || c == 0x0D { return "the end of the line" }
        if c == 0x20 { return "a space" }
        return c < 0x80 ? "byte 0x" + String(c, radix: 16, uppercase: true) : "a non-ASCII character"
    }
}

/// A table being built: its entries in order, and whether a header or a key defined it (a table
/// only made on the way to another may still be defined once by its own header).
final class TableBox {
    enum Entry {
        case table(TableBox)
        case tableArray(TableArrayBox)
        case value(TOMLValue)
    }

    var explicit: Bool
    private(set) var order: [String] = []
    private(set) var entries: [String: Entry] = [:]

    init(explicit: Bool) { self.explicit = explicit }

    func set(_ key: String, _ entry: Entry) {
        if entries[key] == nil { order.append(key) }
        entries[key] = entry
    }

    var value: TOMLTable {
        var t = TOMLTable()
        for k in order {
            switch entries[k] {
            case .table(let box): t[k] = .table(box.value)
            case .tableArray(let a): t[k] = .array(a.tables.map { .table($0.value) })
            case .value(let v): t[k] = v
            case nil: break
            }
        }
        return t
    }
}

final class TableArrayBox {
    var tables: [TableBox]
    init(_ first: TableBox) { tables = [first] }
}
