import Foundation

/// Hides credentials in URLs before they are printed or logged: the password of `user:pass@`
/// and the values of query parameters that carry secrets (`api_key`, `token`, `sig`, …).
public enum Redact {
    /// Query parameter names whose values are secrets (matched case-insensitively, by substring).
    static let secretNames = ["key", "token", "secret", "pass", "pwd", "auth", "sig", "session", "credential", "jwt"]

    /// The URL with its secrets replaced by `***`; text that is not a URL comes back unchanged.
    public static func url(_ s: String) -> String {
        guard let schemeEnd = s.range(of: "://") else { return s }
        var out = String(s[..<schemeEnd.upperBound])
        var rest = s[schemeEnd.upperBound...]
        // user:password@host: the authority ends at the first /, ? or #.
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            let user = authority[..<at].prefix { $0 != ":" }
            out += (authority[..<at].contains(":") ? user + ":***" : "***") + "@"
            out += authority[authority.index(after: at)...]
        } else {
            out += authority
        }
        rest = rest[authorityEnd...]
        guard let q = rest.firstIndex(of: "?") else { return out + rest }
        out += rest[...q]
        let fragmentStart = rest.firstIndex(of: "#") ?? rest.endIndex
        let query = rest[rest.index(after: q)..<max(rest.index(after: q), fragmentStart)]
        out += query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<eq].lowercased()
            return secretNames.contains(where: { name.contains($0) }) ? pair[..<eq] + "=***" : String(pair)
        }.joined(separator: "&")
        return out + rest[fragmentStart...]
    }

    /// Every URL inside a message (an error that quotes the URL it failed on) redacted.
    public static func text(_ s: String) -> String {
        guard s.contains("://") else { return s }
        var out = ""
        var word = ""
        func flush() {
            out += word.contains("://") ? url(word) : word
            word = ""
        }
        for ch in s {
            if ch == " " || ch == "\"" || ch == "'" || ch == "<" || ch == ">" || ch == "(" || ch == ")" || ch.isNewline {
                flush()
                out.append(ch)
            } else {
                word.append(ch)
            }
        }
        flush()
        return out
    }
}

/// Makes text from feeds safe to print on a terminal: control characters (ESC, BEL, CSI, …) are
/// replaced, so a title cannot move the cursor, change the window title or hide output.
public enum TerminalText {
    /// `keepingNewlines` keeps line feeds (and tabs) for multi-line output such as a page's text.
    public static func safe(_ s: String, keepingNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if keepingNewlines, u == "\n" || u == "\t" {
                out.append(u)
            } else if u == "\n" || u == "\t" || u == "\r" {
                out.append(" ")
            } else if isControl(u) {
                out.append("\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls and DEL; also the bidirectional overrides that reorder what is shown.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value)
    }
}
