/// Mutates config files for fuzzing the config loader: byte flips, TOML's own punctuation and
/// hostile values (huge durations, CR/LF, escapes) inserted, lines deleted, repeated, swapped and
/// cut. Deterministic for a seed, so a failure can be replayed.
public struct ConfigMutator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// Fragments that reach the parser's and the loader's corners.
    public static let dictionary: [String] = [
        "[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "'''", "{", "}", ",", ".", "#", "\n", "\r", "\r\n", "\\", "\\u",
        "\\U0010FFFF", "\\uD800", " = ", "a.b.c = 1", "[a.]", "[ ]", "x = [", "= 1", "0x", "1e999", "-9223372036854775809",
        "9223372036854775807", "inf", "nan", "\"999999999999d\"", "\"1e308s\"", "\"0s\"", "\"-1h\"", "1979-05-27T07:32:00Z",
        "\u{0}", "\u{1B}]0;X\u{7}", "\"x\\r\\nEvil: 1\"", "\"\"", "\"http://\"", "\"usa\"", "[\"XXX\"]", "true", "{a = 1}",
        "[[feeds]]\nurl = ", "[daemon]\n", "[alerts]\n", "[[topics]]\nname = \"t\"\n", "\u{FEFF}", "é", "\u{202E}",
    ]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// One to four mutations of `text`.
    public mutating func mutate(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(8) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1, 2:
                bytes.insert(contentsOf: Array(Self.dictionary[below(Self.dictionary.count)].utf8), at: at)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + below(40))
                bytes.removeSubrange(min(at, end)..<end)
            case 4:
                bytes = Array(bytes.prefix(at))
            case 5:
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                guard lines.count > 1 else { continue }
                let a = below(lines.count)
                let b = below(lines.count)
                if below(2) == 0 { lines.swapAt(a, b) } else { lines.insert(lines[a], at: b) }
                bytes = Array(lines.joined(separator: [0x0A]))
            case 6:
                // Replace what follows an "=" on a random line with a hostile value.
                guard let eq = bytes[at...].firstIndex(of: UInt8(ascii: "=")) else { continue }
                let end = bytes[eq...].firstIndex(of: 0x0A) ?? bytes.endIndex
                bytes.replaceSubrange(
                    (eq + 1)..<end, with: Array((" " + Self.dictionary[below(Self.dictionary.count)]).utf8))
            default:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
