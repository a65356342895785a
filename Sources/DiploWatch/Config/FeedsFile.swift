import Foundation
import TOML

/// The feeds file that `diplowatch feeds add`, `import` and `remove` edit: a file of `[[feeds]]`
/// tables that the config includes (`[daemon] include = ["feeds.d/*.toml"]`). The config itself,
/// with its comments, is never rewritten.
public enum FeedsFile {
    /// The name given to the file inside an included directory.
    public static let defaultName = "feeds.toml"

    /// Where new feeds go: the first `include` pattern, as a file (`feeds.d/feeds.toml` for
    /// `feeds.d/*.toml`, or the file itself when the pattern names one).
    public static func target(for config: Config) throws(FeedsFileError) -> String {
        guard let source = config.source else {
            throw FeedsFileError(
                "there is no config file (the embedded default is in use): create \(Paths.defaultConfig) with [daemon] include = [\"feeds.d/*.toml\"] first"
            )
        }
        guard let pattern = config.daemon.include.first else {
            throw FeedsFileError(
                "\(source) includes no feeds file: add include = [\"feeds.d/*.toml\"] to its [daemon] table, then run this again")
        }
        let dir = ConfigLoader.directory(of: source)
        let full = pattern.hasPrefix("/") ? pattern : dir + "/" + pattern
        guard full.contains(where: { "*?[".contains($0) }) else { return full }
        let folder = (full as NSString).deletingLastPathComponent
        let candidate = folder + "/" + defaultName
        guard fnmatch(full, candidate, 0) == 0, !folder.contains(where: { "*?[".contains($0) }) else {
            throw FeedsFileError(
                "the include pattern \"\(pattern)\" would not read a file named \(defaultName); use one such as \"feeds.d/*.toml\"")
        }
        return candidate
    }

    /// A path for messages: relative to the config's directory when inside it.
    public static func displayPath(_ path: String, config: Config) -> String {
        guard let source = config.source else { return path }
        let dir = ConfigLoader.directory(of: source) + "/"
        return path.hasPrefix(dir) ? String(path.dropFirst(dir.count)) : path
    }

    /// A feed as a `[[feeds]]` table.
    public static func toml(_ feed: FeedConfig) -> String {
        var s = "[[feeds]]\nurl = \(quote(feed.url))\n"
        if let n = feed.name { s += "name = \(quote(n))\n" }
        if let c = feed.category { s += "category = \(quote(c))\n" }
        if let i = feed.interval { s += "interval = \(quote(ConfigDuration.format(i)))\n" }
        if feed.fullText { s += "full_text = true\n" }
        return s
    }

    /// Appends feeds to `path`, creating it (and its directory) if needed.
    public static func append(_ feeds: [FeedConfig], to path: String) throws(FeedsFileError) {
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Feeds added with `diplowatch feeds add` and `feeds import`.\n"
        for f in feeds {
            if !text.hasSuffix("\n") { text += "\n" }
            text += "\n" + toml(f)
        }
        try write(text, to: path)
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FeedsFileError) {
        do {
            try Paths.ensureParent(of: path)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw FeedsFileError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// One `[[feeds]]` table in a file's text: its lines and values.
    public struct Block: Sendable {
        public var lines: Range<Int>
        public var url: String?
        public var name: String?
    }

    /// The `[[feeds]]` tables of a TOML text, each up to the next table header.
    public static func blocks(in text: String) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var starts: [Int] = []
        var headers: [Int] = []
        for (i, l) in lines.enumerated() {
            let t = l.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") { headers.append(i) }
            if t.hasPrefix("[[feeds]]") { starts.append(i) }
        }
        return starts.map { start in
            let end = headers.first { $0 > start } ?? lines.count
            let body = lines[start..<end].joined(separator: "\n")
            let table = (try? TOMLDocument(parsing: body))?.root
            let feed = table?["feeds"]?.array?.first?.table
            return Block(lines: start..<end, url: feed?["url"]?.string, name: feed?["name"]?.string)
        }
    }

    /// `text` without the lines of `block`.
    public static func removing(_ block: Block, from text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var range = block.lines
        // A blank line left before the table goes with it.
        if range.lowerBound > 0, lines[range.lowerBound - 1].trimmingCharacters(in: .whitespaces).isEmpty {
            range = (range.lowerBound - 1)..<range.upperBound
        }
        lines.removeSubrange(range)
        return lines.joined(separator: "\n")
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += String(format: "\\u%04X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

/// Why the feeds file cannot be changed, in a line a user can act on.
public struct FeedsFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
