import Extraction
import Foundation
import TOML

#if canImport(Glibc)
    import Glibc
#endif

/// Reads and validates a TOML config. Every problem is collected (unknown keys, wrong types,
/// bad values), each named by file, line and key, so `config check` can list them all at once.
public enum ConfigLoader {
    /// Loads `path`; with no path, the default path if it exists, else the embedded default.
    /// With `feeds: false` the `[[feeds]]` tables (and the files `[daemon] include` names) are
    /// neither read nor checked: commands that only read the database need none of them, and a
    /// config of thousands of feeds took most of such a command's time.
    public static func load(path: String?, feeds: Bool = true) throws(ConfigError) -> Config {
        if let path {
            return try load(file: path, feeds: feeds)
        }
        if FileManager.default.fileExists(atPath: Paths.defaultConfig) {
            return try load(file: Paths.defaultConfig, feeds: feeds)
        }
        return EmbeddedDefault.config
    }

    /// Config files larger than this are refused before parsing.
    static let maxFileSize = 1 << 20

    public static func load(file: String, feeds: Bool = true) throws(ConfigError) -> Config {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(problems: [
                ConfigProblem(file: file, line: nil, key: "-", message: "cannot read the file: \(Self.whyUnreadable(file))")
            ])
        }
        guard data.count <= maxFileSize else {
            throw ConfigError(problems: [ConfigProblem(file: file, line: nil, key: "-", message: "larger than 1 MB; not a config file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(problems: [ConfigProblem(file: file, line: nil, key: "-", message: "not UTF-8 text")])
        }
        var config = try parse(text, file: file, feeds: feeds)
        config.source = file
        config.resolvePaths(relativeTo: Self.directory(of: file))
        if feeds { try addIncludedFeeds(to: &config, file: file, text: text) }
        return config
    }

    /// Why `file` could not be read, in the system's words ("No such file or directory").
    static func whyUnreadable(_ file: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            close(fd)
            return "read error"
        }
        return String(cString: strerror(errno))
    }

    static func directory(of file: String) -> String {
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        return URL(fileURLWithPath: absolute).standardizedFileURL.deletingLastPathComponent().path
    }

    public static func parse(_ text: String, file: String, feeds: Bool = true) throws(ConfigError) -> Config {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: file, line: error.line, key: error.key, message: "syntax error at column \(error.column): \(error.message)")
            ])
        }
        var reader = Reader(file: file, lines: KeyLines(document.lines))
        reader.readsFeeds = feeds
        let config = reader.read(document.root)
        if !reader.problems.isEmpty { throw ConfigError(problems: reader.problems) }
        return config
    }

    struct Reader {
        let file: String
        var directoryOfFile: String { ConfigLoader.directory(of: file) }
        let lines: KeyLines
        var problems: [ConfigProblem] = []
        /// Whether the `[[feeds]]` tables are read (and checked).
        var readsFeeds = true
        static let feedKeys: Set<String> = ["url", "name", "interval", "proxy", "full_text", "category"]
        static let feedSchemes: Set<String> = ["http", "https", "file", "sample"]

        mutating func problem(_ key: String, _ message: String) {
            problems.append(ConfigProblem(file: file, line: lines.line(of: key), key: key, message: message))
        }

        mutating func read(_ root: TOMLTable) -> Config {
            var c = Config()
            for key in root.keys where !["daemon", "alerts", "extraction", "feeds", "topics", "actors", "version"].contains(key) {
                problem(key, "unknown key (expected daemon, alerts, extraction, feeds, topics, actors)")
            }
            if let t = table(root, "extraction") {
                allow(t, "extraction", ["dictionaries"])
                if let dir = string(t, "extraction.dictionaries") {
                    c.dictionaries = dir
                    checkDictionaries(dir)
                }
            }
            if let v = root["version"], v.int != 1 { problem("version", "must be 1") }
            if let t = table(root, "daemon") {
                allow(
                    t, "daemon",
                    [
                        "database", "poll_interval", "min_interval", "max_interval", "concurrency", "per_host", "connect_timeout",
                        "timeout", "max_body", "user_agent", "retention", "metrics", "dead_after", "proxy", "ca_file", "include",
                    ])
                if let s = path(t, "daemon.database") { c.daemon.database = expand(s) }
                if let d = duration(t, "daemon.poll_interval", Limits.interval) { c.daemon.pollInterval = d }
                if let d = duration(t, "daemon.min_interval", Limits.interval) { c.daemon.minInterval = d }
                if let d = duration(t, "daemon.max_interval", Limits.interval) { c.daemon.maxInterval = d }
                if let lo = c.daemon.minInterval, let hi = c.daemon.maxInterval, lo > hi {
                    problem("daemon.max_interval", "must not be shorter than daemon.min_interval")
                }
                if let n = int(t, "daemon.concurrency", 1...256) { c.daemon.concurrency = n }
                if let n = int(t, "daemon.per_host", 1...64) { c.daemon.perHost = n }
                if let d = duration(t, "daemon.dead_after", Limits.deadAfter) { c.daemon.deadAfter = d }
                if let s = string(t, "daemon.proxy") {
                    c.daemon.proxy = s
                    checkProxy(s, "daemon.proxy")
                }
                if let s = string(t, "daemon.ca_file") {
                    let f = expand(s)
                    c.daemon.caFile = f
                    checkCAFile(f)
                }
                if let d = duration(t, "daemon.connect_timeout", Limits.timeout) { c.daemon.connectTimeout = d }
                if let d = duration(t, "daemon.timeout", Limits.timeout) { c.daemon.timeout = d }
                if let n = int(t, "daemon.max_body", 1024...1_073_741_824) { c.daemon.maxBodyBytes = n }
                if let s = string(t, "daemon.user_agent") {
                    if s.isEmpty || s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                        problem("daemon.user_agent", "must be one line of printable text (no CR, LF or other control characters)")
                    } else {
                        c.daemon.userAgent = s
                    }
                }
                if let d = duration(t, "daemon.retention", Limits.retention) { c.daemon.retention = d }
                if let s = path(t, "daemon.metrics") { c.daemon.metrics = expand(s) }
                c.daemon.include = strings(t, "daemon.include")
            }
            if let t = table(root, "alerts") {
                allow(t, "alerts", ["log", "format", "webhook", "exec", "atom", "max_age"])
                if let d = duration(t, "alerts.max_age", Limits.maxAge) { c.alerts.policy.maxAge = d }
                if let s = path(t, "alerts.log") { c.alerts.log = expand(s) }
                if let s = path(t, "alerts.atom") { c.alerts.atom = expand(s) }
                if let s = string(t, "alerts.format") {
                    if let f = AlertSettings.Format(rawValue: s) {
                        c.alerts.format = f
                    } else {
                        problem("alerts.format", "must be \"jsonl\" or \"text\", not \"\(s)\"")
                    }
                }

                for (i, w) in tables(t, "webhook", prefix: "alerts.").enumerated() {
                    let p = "alerts.webhook[\(i)]"
                    allow(w, p, ["name", "url", "secret_file", "max_attempts", "timeout"])
                    guard let url = string(w, "\(p).url") else {
                        if w["url"] == nil { problem("\(p).url", "missing (every webhook needs a url)") }
                        continue
                    }
                    if let why = URLCheck.problem(url, schemes: ["http", "https"], expected: "must be an http:// or https:// URL") {
                        problem("\(p).url", why)
                    }
                    var hook = WebhookConfig(name: string(w, "\(p).name") ?? url, url: url, secretFile: string(w, "\(p).secret_file"))
                    if let n = int(w, "\(p).max_attempts", 1...100) { hook.maxAttempts = n }
                    if let d = duration(w, "\(p).timeout", Limits.timeout) { hook.timeout = d }
                    if let f = hook.secretFile {
                        let path = f.hasPrefix("/") ? f : directoryOfFile + "/" + f
                        if !FileManager.default.isReadableFile(atPath: path) {
                            problem("\(p).secret_file", "cannot read \(f)")
                        } else if let why = SecretFile.problem(path) {
                            problem("\(p).secret_file", why)
                        }
                    }
                    c.alerts.webhooks.append(hook)
                }
                for (i, e) in tables(t, "exec", prefix: "alerts.").enumerated() {
                    let p = "alerts.exec[\(i)]"
                    allow(e, p, ["name", "argv", "max_attempts", "timeout"])
                    let argv = strings(e, "\(p).argv")
                    guard let program = argv.first else {
                        problem("\(p).argv", "missing (a list: the program and its arguments; no shell is used)")
                        continue
                    }
                    if !program.hasPrefix("/") { problem("\(p).argv", "the program must be an absolute path, not \"\(program)\"") }
                    var exec = ExecConfig(name: string(e, "\(p).name") ?? program, argv: argv)
                    if let n = int(e, "\(p).max_attempts", 1...100) { exec.maxAttempts = n }
                    if let d = duration(e, "\(p).timeout", Limits.timeout) { exec.timeout = d }
                    c.alerts.execs.append(exec)
                }
            }
            var urls = Set<String>()
            for (i, t) in (readsFeeds ? tables(root, "feeds") : []).enumerated() {
                let p = "feeds[\(i)]"
                allow(t, p, Self.feedKeys)
                guard let url = string(t, "\(p).url") else {
                    if t["url"] == nil { problem("\(p).url", "missing (every feed needs a url)") }
                    continue
                }
                if let why = URLCheck.problem(
                    url, schemes: Self.feedSchemes,
                    expected: "must be an http://, https:// or file: URL, not \"\(Redact.url(url))\"")
                {
                    problem("\(p).url", why)
                }
                if !urls.insert(url).inserted { problem("\(p).url", "duplicate feed \(url)") }
                let proxy = string(t, "\(p).proxy")
                if let proxy { checkProxy(proxy, "\(p).proxy") }
                c.feeds.append(
                    FeedConfig(
                        url: url, name: string(t, "\(p).name"), interval: duration(t, "\(p).interval", Limits.interval), proxy: proxy,
                        fullText: bool(t, "\(p).full_text") ?? false, category: string(t, "\(p).category")))
            }
            for (i, t) in tables(root, "topics").enumerated() {
                let p = "topics[\(i)]"
                allow(t, p, ["name", "keywords", "countries", "types", "status", "max_per_hour"])
                guard let name = string(t, "\(p).name") else {
                    if t["name"] == nil { problem("\(p).name", "missing (every topic needs a name)") }
                    continue
                }
                var topic = TopicConfig(name: name)
                topic.keywords = strings(t, "\(p).keywords")
                topic.countries = strings(t, "\(p).countries")
                topic.types = strings(t, "\(p).types").map { $0.uppercased() }
                topic.status = strings(t, "\(p).status").map { $0.lowercased() }
                topic.maxPerHour = int(t, "\(p).max_per_hour", 1...100_000)
                for ty in topic.types where !Self.types.contains(ty) {
                    problem("\(p).types", "unknown event type \"\(ty)\" (expected one of \(Self.types.sorted().joined(separator: ", ")))")
                }
                for s in topic.status where !["occurred", "planned", "possible"].contains(s) {
                    if s == "background" {
                        problem("\(p).status", "\"background\" never alerts (background developments are stored, not alerted); remove it")
                    } else {
                        problem("\(p).status", "unknown status \"\(s)\" (expected occurred, planned, possible)")
                    }
                }
                for code in topic.countries {
                    if let why = CountryCodes.problem(code, userDictionaries: c.dictionaries != nil) { problem("\(p).countries", why) }
                }
                if c.topics.contains(where: { $0.name == name }) { problem("\(p).name", "duplicate topic \"\(name)\"") }
                c.topics.append(topic)
            }
            for (i, t) in tables(root, "actors").enumerated() {
                let p = "actors[\(i)]"
                allow(t, p, ["name", "country", "aliases", "title"])
                guard let name = string(t, "\(p).name"), let country = string(t, "\(p).country") else {
                    if t["name"] == nil { problem("\(p).name", "missing") }
                    if t["country"] == nil { problem("\(p).country", "missing") }
                    continue
                }
                c.actors.append(
                    Lexicon.ExtraActor(
                        name: name, country: country.uppercased(), aliases: strings(t, "\(p).aliases"), title: string(t, "\(p).title")))
            }
            return c
        }

        /// Dictionaries of the phrase-matching extractor that the tree extractor replaced, and where
        /// their entries go now: a user who kept one would otherwise lose its entries silently.
        static let retiredDictionaries = [
            "triggers.txt": "event triggers and the relations that give their roles are in frames.txt",
            "negations.txt": "negation cues are in status.txt (negated|...)",
            "modality.txt": "planned and possible cues are in status.txt (planned|... and possible|...)",
        ]

        /// The directory must exist and hold only dictionary files the extractor knows, each
        /// readable as UTF-8 with lines of the built-in format.
        mutating func checkDictionaries(_ dir: String) {
            let path = dir.hasPrefix("/") ? dir : directoryOfFile + "/" + dir
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                problem("extraction.dictionaries", "cannot read the directory \(path)")
                return
            }
            let known = Set(Lexicon.dictionaryNames.map { $0 + ".txt" })
            for f in files.sorted() where f.hasSuffix(".txt") && !known.contains(f) {
                if let successor = Self.retiredDictionaries[f] {
                    problem("extraction.dictionaries", "\(path)/\(f): no longer read; \(successor)")
                    continue
                }
                problem(
                    "extraction.dictionaries", "\(path)/\(f): not a dictionary name (expected \(known.sorted().joined(separator: ", ")))")
            }
            let minimumFields = [
                "countries": 4, "places": 2, "bodies": 2, "people": 5, "titles": 2, "topics": 2,
            ]
            for (name, need) in minimumFields {
                guard let text = try? String(contentsOfFile: path + "/" + name + ".txt", encoding: .utf8) else { continue }
                for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let t = line.trimmingCharacters(in: .whitespaces)
                    if t.isEmpty || t.hasPrefix("#") { continue }
                    let fields = t.split(separator: "|", omittingEmptySubsequences: false)
                    if fields.count < need {
                        problem("extraction.dictionaries", "\(path)/\(name).txt:\(i + 1): expected at least \(need) fields separated by |")
                    }
                }
            }
            // Frames and status cues have a grammar of their own, checked by the extractor's reader.
            for name in ["frames", "status"] {
                guard let text = try? String(contentsOfFile: path + "/" + name + ".txt", encoding: .utf8) else { continue }
                for (line, message) in Lexicon.dictionaryProblems(name: name, text: text) {
                    problem("extraction.dictionaries", "\(path)/\(name).txt:\(line): \(message)")
                }
            }
        }

        mutating func checkProxy(_ proxy: String, _ key: String) {
            guard !proxy.isEmpty else { return }
            let scheme = proxy.contains("://") ? String(proxy.prefix { $0 != ":" }).lowercased() : "http"
            if !["http", "https", "socks4", "socks4a", "socks5", "socks5h"].contains(scheme) {
                problem(key, "unsupported proxy scheme \"\(scheme)\" (expected http, https, socks4, socks4a, socks5, socks5h)")
            }
        }

        mutating func checkCAFile(_ file: String) {
            let path = file.hasPrefix("/") ? file : directoryOfFile + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                problem("daemon.ca_file", "cannot read \(path)")
                return
            }
            if !String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") {
                problem("daemon.ca_file", "\(path) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
            }
        }

        static let types: Set<String> = [
            "CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COOPERATE", "AID", "SUPPORT",
            "CONCEDE", "RETREAT", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST",
        ]

        /// The last member of a key path (`feeds[3].url` → `url`).
        private func leaf(_ path: String) -> String {
            guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return path }
            return String(path[path.index(after: dot)...])
        }

        mutating func allow(_ t: TOMLTable, _ prefix: String, _ keys: Set<String>) {
            for k in t.keys where !keys.contains(k) {
                problem("\(prefix).\(k)", "unknown key (expected one of \(keys.sorted().joined(separator: ", ")))")
            }
        }

        mutating func table(_ root: TOMLTable, _ key: String) -> TOMLTable? {
            guard let v = root[key] else { return nil }
            guard let t = v.table else {
                problem(key, "must be a table ([\(key)])")
                return nil
            }
            return t
        }

        mutating func tables(_ root: TOMLTable, _ key: String, prefix: String = "") -> [TOMLTable] {
            guard let v = root[key] else { return [] }
            guard let a = v.array else {
                problem(prefix + key, "must be an array of tables ([[\(prefix + key)]])")
                return []
            }
            var out: [TOMLTable] = []
            for (i, e) in a.enumerated() {
                if let t = e.table { out.append(t) } else { problem("\(prefix + key)[\(i)]", "must be a table") }
            }
            return out
        }

        mutating func string(_ t: TOMLTable, _ path: String) -> String? {
            guard let v = t[leaf(path)] else { return nil }
            guard let s = v.string else {
                problem(path, "must be a string, not \(v.typeName)")
                return nil
            }
            return s
        }

        mutating func strings(_ t: TOMLTable, _ path: String) -> [String] {
            guard let v = t[leaf(path)] else { return [] }
            if let s = v.string { return [s] }
            guard let a = v.array else {
                problem(path, "must be a list of strings")
                return []
            }
            var out: [String] = []
            for e in a {
                if let s = e.string { out.append(s) } else { problem(path, "must be a list of strings (found \(e.typeName))") }
            }
            return out
        }

        mutating func int(_ t: TOMLTable, _ path: String, _ range: ClosedRange<Int>) -> Int? {
            guard let v = t[leaf(path)] else { return nil }
            guard let n = v.int else {
                problem(path, "must be an integer, not \(v.typeName)")
                return nil
            }
            guard range.contains(n) else {
                problem(path, "must be between \(range.lowerBound) and \(range.upperBound), not \(n)")
                return nil
            }
            return n
        }

        mutating func bool(_ t: TOMLTable, _ path: String) -> Bool? {
            guard let v = t[leaf(path)] else { return nil }
            guard let b = v.bool else {
                problem(path, "must be true or false, not \(v.typeName)")
                return nil
            }
            return b
        }

        /// A duration within `range` seconds: a positive number of seconds or "30s", "15m", "2h", "1d".
        mutating func duration(_ t: TOMLTable, _ path: String, _ range: ClosedRange<Double>) -> Double? {
            guard let v = t[leaf(path)] else { return nil }
            let seconds = v.int.map(Double.init) ?? v.string.flatMap(ConfigDuration.parse)
            guard let seconds, seconds.isFinite, seconds > 0 else {
                problem(path, "must be a duration such as \"30s\", \"15m\", \"2h\" or a number of seconds")
                return nil
            }
            guard range.contains(seconds) else {
                problem(
                    path,
                    "must be between \(ConfigDuration.describe(range.lowerBound)) and \(ConfigDuration.describe(range.upperBound)), not \(v.string ?? v.int.map(String.init) ?? "\(seconds)")"
                )
                return nil
            }
            return seconds
        }

        /// A file path: a non-empty string without control characters.
        mutating func path(_ t: TOMLTable, _ path: String) -> String? {
            guard let s = string(t, path) else { return nil }
            if s.isEmpty || s.contains("\0") {
                problem(path, "must name a file (it is empty)")
                return nil
            }
            return s
        }

        private func expand(_ path: String) -> String {
            path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst() : path
        }
    }
}

/// Durations in config and on the command line: "90s", "15m", "2h", "1h30m", "1d".
public enum ConfigDuration {
    public static func parse(_ s: String) -> Double? {
        var total = 0.0
        var number = ""
        var any = false
        // Blanks around the figure are trimmed in Swift: Foundation's trimming costs a read command
        // several milliseconds of first-use set-up for a string of a few characters.
        let blank = { (c: Character) in c.isWhitespace && !c.isNewline }
        var figure = Substring(s).drop(while: blank)
        while let last = figure.last, blank(last) { figure.removeLast() }
        for ch in figure {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            guard let n = Double(number) else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            default: return nil
            }
            number = ""
            any = true
        }
        if !number.isEmpty {
            guard let n = Double(number) else { return nil }
            total += n
            any = true
        }
        return any ? total : nil
    }

    /// A bound for messages: "1s", "30d", "0.1s".
    public static func describe(_ seconds: Double) -> String {
        seconds < 1 ? "\(seconds)s" : format(seconds)
    }

    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "\(seconds)s" }
        let s = Int(seconds)
        if s > 0, s % 86400 == 0 { return "\(s / 86400)d" }
        if s > 0, s % 3600 == 0 { return "\(s / 3600)h" }
        if s % 60 == 0 { return "\(s / 60)m" }
        return "\(s)s"
    }
}

/// The line of a key (`daemon.poll_interval`, `feeds[2].url`), as the TOML parser recorded it;
/// a key that is not written (a missing one) gets its table's line.
struct KeyLines {
    let map: [String: Int]

    init(_ map: [String: Int]) { self.map = map }

    func line(of key: String) -> Int? {
        if let n = map[key] { return n }
        // A table written only through its members or as an array (`[[top]]` records `top[0]`).
        if let n = map.filter({ $0.key.hasPrefix(key + ".") || $0.key.hasPrefix(key + "[") }).map(\.value).min() { return n }
        var k = key
        while let cut = k.lastIndex(where: { $0 == "." || $0 == "[" }) {
            k = String(k[..<cut])
            if let n = map[k] { return n }
        }
        return nil
    }
}
