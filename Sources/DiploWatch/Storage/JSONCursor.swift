/// A forward reader over JSON text; every failure is `JSONCursor.Unreadable`.
struct JSONCursor {
    struct Unreadable: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func atEnd() -> Bool {
        skipSpace()
        return i == bytes.count
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func peek() throws -> UInt8 {
        skipSpace()
        guard i < bytes.count else { throw Unreadable() }
        return bytes[i]
    }

    mutating func expect(_ b: UInt8) throws {
        guard try peek() == b else { throw Unreadable() }
        i += 1
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw Unreadable() }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw Unreadable() }
        i += n
    }

    /// Consumes `null` if it is next.
    mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// An object's members: `member` is called with each key and reads (or skips) its value.
    /// A repeated key is refused.
    mutating func object(_ member: (inout JSONCursor, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            i += 1
            return
        }
        var seen: [String] = []
        while true {
            let key = try string()
            guard !seen.contains(key) else { throw Unreadable() }
            seen.append(key)
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            let b = try peek()
            i += 1
            if b == UInt8(ascii: "}") { return }
            guard b == UInt8(ascii: ",") else { throw Unreadable() }
        }
    }

    mutating func array(_ element: (inout JSONCursor) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            try element(&self)
            let b = try peek()
            i += 1
            if b == UInt8(ascii: "]") { return }
            guard b == UInt8(ascii: ",") else { throw Unreadable() }
        }
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard b >= 0x20 else { throw Unreadable() }
            i += 1
        }
        throw Unreadable()
    }

    /// The rest of a string with escapes, its first `i - start` bytes plain.
    private mutating func escapedString(from start: Int) throws -> String {
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw Unreadable() }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw Unreadable()
                }
            default:
                guard b >= 0x20 else { throw Unreadable() }
                out.append(b)
            }
        }
        throw Unreadable()
    }

    /// `\uXXXX`, a surrogate pair as two; a lone surrogate is left to `JSONDecoder`.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            try literal("\\u")
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
            guard let u = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else { throw Unreadable() }
            return u
        }
        guard let u = Unicode.Scalar(high) else { throw Unreadable() }
        return u
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw Unreadable() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(b - UInt8(ascii: "A") + 10)
            default: throw Unreadable()
            }
        }
        return v
    }

    /// The text of a number, checked against JSON's grammar.
    private mutating func numberText() throws -> String {
        skipSpace()
        let start = i
        func digits(_ c: inout JSONCursor) -> Int {
            let from = c.i
            while c.i < c.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c.bytes[c.i]) { c.i += 1 }
            return c.i - from
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits(&self)
        guard n > 0, n == 1 || bytes[intStart] != UInt8(ascii: "0") else { throw Unreadable() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw Unreadable() }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw Unreadable() }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    mutating func double() throws -> Double {
        guard let d = Double(try numberText()), d.isFinite else { throw Unreadable() }
        return d
    }

    /// An integer written without fraction or exponent (anything else is left to `JSONDecoder`).
    mutating func int64() throws -> Int64 {
        guard let n = Int64(try numberText()) else { throw Unreadable() }
        return n
    }

    mutating func optionalString() throws -> String? { try null() ? nil : try string() }

    mutating func strings() throws -> [String] {
        var out: [String] = []
        try array { c in out.append(try c.string()) }
        return out
    }

    mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try object { c, _ in try c.skipValue() }
        case UInt8(ascii: "["): try array { c in try c.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try numberText()
        }
    }
}
