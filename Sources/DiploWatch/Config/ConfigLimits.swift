import Extraction
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension ConfigLoader {
    /// Upper and lower bounds for every duration in the config, in seconds: beyond them a value is
    /// a typo, and would overflow the fetcher's and scheduler's arithmetic.
    enum Limits {
        static let interval: ClosedRange<Double> = 1...(30 * 86400)
        static let deadAfter: ClosedRange<Double> = 60...(365 * 86400)
        static let timeout: ClosedRange<Double> = 0.1...3600
        static let retention: ClosedRange<Double> = 3600...(100 * 365 * 86400)
        static let maxAge: ClosedRange<Double> = 60...(100 * 365 * 86400)
    }
}

/// The checks on URLs in the config: a scheme the daemon speaks and, for http(s), a host.
enum URLCheck {
    /// `expected` is built only for a URL that fails (it redacts the URL, which costs more than the
    /// check, and a config may list thousands).
    static func problem(_ url: String, schemes: Set<String>, expected: @autoclosure () -> String) -> String? {
        let lower = url.lowercased()
        guard let colon = lower.firstIndex(of: ":"), schemes.contains(String(lower[..<colon])) else { return expected() }
        if url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) {
            return "must not contain spaces or control characters"
        }
        guard lower.hasPrefix("http") else { return nil }
        guard let parsed = URLComponents(string: url), let host = parsed.host, !host.isEmpty else {
            return "\"\(Redact.url(url))\" has no host (expected http://host/path)"
        }
        if let port = parsed.port, !(1...65535).contains(port) { return "port \(port) is out of range" }
        return nil
    }
}

/// The checks on the country and body codes a topic names.
enum CountryCodes {
    static func problem(_ code: String, userDictionaries: Bool = false) -> String? {
        if code.count >= 2, code.count <= 4, code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            if Lexicon.actorCodes[code] != nil || userDictionaries { return nil }
            let near = Lexicon.actorCodes.keys.filter { $0.first == code.first }.sorted().prefix(12)
            let listed = (near.isEmpty ? ["USA", "CHN", "EU", "UN"] : Array(near)).map { "\($0) (\(Lexicon.actorCodes[$0] ?? ""))" }
            return "\"\(code)\" is not a known state or body code; known codes include \(listed.joined(separator: ", "))"
        }
        if code.count >= 2, code.count <= 4, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            return "\"\(code)\": codes are written in capitals: \(code.uppercased())"
        }
        return "\"\(code)\" is not a code: name states by their ISO 3166 alpha-3 code and bodies by theirs (USA, RUS, CHN, EU, UN, NATO)"
    }
}

/// A webhook's secret must be the operator's alone to change, as ssh asks of a private key: a
/// file that group or others may write lets them forge signed alerts.
enum SecretFile {
    static func problem(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let mode = st.st_mode & 0o777
        guard mode & 0o022 != 0 else { return nil }
        let who = [mode & 0o020 != 0 ? "its group" : nil, mode & 0o002 != 0 ? "others" : nil].compactMap { $0 }
        return "\(path) is writable by \(who.joined(separator: " and ")) (mode \(String(mode, radix: 8))): refused; chmod go-w \(path)"
    }
}
