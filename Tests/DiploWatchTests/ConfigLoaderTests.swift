import Extraction
import Foundation
import Testing

@testable import DiploWatch

@Suite("Config")
struct ConfigLoaderTests {
    @Test func fullConfigParses() throws {
        let c = try ConfigLoader.parse(
            """
            version = 1
            [daemon]
            database = "/tmp/x.sqlite"
            poll_interval = "1h30m"
            concurrency = 4
            retention = "90d"
            metrics = "/tmp/m.prom"
            [alerts]
            log = "/tmp/alerts.jsonl"
            format = "text"
            [[feeds]]
            url = "https://example.org/a.rss"
            name = "A"
            interval = "10m"
            [[topics]]
            name = "t"
            keywords = ["Taiwan"]
            countries = ["USA", "CHN"]
            types = ["consult"]
            status = ["planned"]
            [[actors]]
            name = "Samuel Paparo"
            country = "USA"
            aliases = ["Paparo"]
            """, file: "x.toml")
        #expect(c.daemon.pollInterval == 5400)
        #expect(c.daemon.concurrency == 4)
        #expect(c.daemon.retention == 7_776_000.0)
        #expect(c.daemon.metrics == "/tmp/m.prom")
        #expect(c.alerts.format == .text)
        #expect(c.feeds == [FeedConfig(url: "https://example.org/a.rss", name: "A", interval: 600)])
        #expect(c.topics.first?.countries == ["USA", "CHN"])
        #expect(c.topics.first?.types == ["CONSULT"])
        #expect(c.actors.first?.aliases == ["Paparo"])
    }

    @Test func everyProblemIsNamedByLineAndKey() {
        let text = """
            [daemon]
            poll_intervall = "5m"
            concurrency = "many"

            [[feeds]]
            url = "ftp://example.org/feed"

            [[topics]]
            name = "x"
            status = ["happened"]
            colour = "red"
            """
        #expect {
            _ = try ConfigLoader.parse(text, file: "bad.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems.map(\.description) ?? []
            return problems.contains { $0.hasPrefix("bad.toml:2: daemon.poll_intervall: unknown key") }
                && problems.contains { $0.hasPrefix("bad.toml:3: daemon.concurrency: must be an integer") }
                && problems.contains { $0.hasPrefix("bad.toml:6: feeds[0].url: must be") }
                && problems.contains { $0.hasPrefix("bad.toml:10: topics[0].status: unknown status \"happened\"") }
                && problems.contains { $0.hasPrefix("bad.toml:11: topics[0].colour: unknown key") }
                && problems.count == 5
        }
    }

    @Test func aTopicOnBackgroundIsRefused() {
        // Background developments never alert: a topic on them would stay silent for good
        let text = """
            [[topics]]
            name = "history"
            status = ["occurred", "background"]
            """
        #expect {
            _ = try ConfigLoader.parse(text, file: "t.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems.map(\.description) ?? []
            return problems == [
                "t.toml:3: topics[0].status: \"background\" never alerts (background developments are stored, not alerted); remove it"
            ]
        }
    }

    @Test func fetchingKeys() throws {
        let dir = Fixtures.tempDirectory()
        try "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".write(
            toFile: dir + "/ca.pem", atomically: true, encoding: .utf8)
        try """
        [daemon]
        poll_interval = "15m"
        min_interval = "2m"
        max_interval = "3h"
        per_host = 3
        dead_after = "5d"
        proxy = "http://user:secret@proxy.internal:3128"
        ca_file = "ca.pem"
        [[feeds]]
        url = "https://example.org/a.rss"
        full_text = true
        proxy = ""
        [[feeds]]
        url = "https://example.org/b.rss"
        """.write(toFile: dir + "/d.toml", atomically: true, encoding: .utf8)
        let c = try ConfigLoader.load(file: dir + "/d.toml")
        #expect(c.daemon.intervalBounds == 120...10800)
        #expect(c.daemon.perHost == 3)
        #expect(c.daemon.deadAfter == 5 * 86400)
        #expect(c.daemon.proxy == "http://user:secret@proxy.internal:3128")
        #expect(c.daemon.caFile == dir + "/ca.pem")
        #expect(c.feeds[0].fullText && c.feeds[0].proxy == "")
        #expect(!c.feeds[1].fullText && c.feeds[1].proxy == nil)
        // Defaults: the bounds follow the poll interval.
        #expect(DaemonSettings().intervalBounds == 300...3600)
        #expect(DaemonSettings().perHost == 2)
        // `config show` keeps the proxy's password out.
        let shown = ConfigRenderer.toml(c)
        #expect(shown.contains("proxy = \"http://user:***@proxy.internal:3128\""))
        #expect(shown.contains("full_text = true"))
        #expect(try ConfigLoader.parse(shown, file: "shown.toml").daemon.perHost == 3)
    }

    @Test func badFetchingKeysAreNamed() {
        let text = """
            [daemon]
            min_interval = "2h"
            max_interval = "1h"
            proxy = "ftp://proxy.internal"
            ca_file = "/nonexistent/ca.pem"
            per_host = 0
            [[feeds]]
            url = "https://example.org/a.rss"
            full_text = "yes"
            """
        #expect {
            _ = try ConfigLoader.parse(text, file: "f.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems.map(\.description) ?? []
            return problems.contains { $0.hasPrefix("f.toml:3: daemon.max_interval: must not be shorter than daemon.min_interval") }
                && problems.contains { $0.hasPrefix("f.toml:4: daemon.proxy: unsupported proxy scheme \"ftp\"") }
                && problems.contains { $0.hasPrefix("f.toml:5: daemon.ca_file: cannot read /nonexistent/ca.pem") }
                && problems.contains { $0.hasPrefix("f.toml:6: daemon.per_host: must be between 1 and 64") }
                && problems.contains { $0.hasPrefix("f.toml:9: feeds[0].full_text: must be true or false") }
                && problems.count == 5
        }
    }

    @Test func syntaxErrorsCarryTheLine() {
        #expect {
            _ = try ConfigLoader.parse("[daemon]\nconcurrency = = 3\n", file: "s.toml")
        } throws: { error in
            (error as? ConfigError)?.problems.first?.line == 2
        }
    }

    @Test func userDictionariesExtendTheExtractor() throws {
        // Given a dictionary directory with a new person and a new frame…
        let dir = Fixtures.tempDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/dict", withIntermediateDirectories: true)
        try "# our own\nAda Quill|GBR|envoy|2026-01-01||Quill\n".write(toFile: dir + "/dict/people.txt", atomically: true, encoding: .utf8)
        try "CONSULT|meeting|break/VERB +obj=bread nsubj=party obl:with=party\n".write(
            toFile: dir + "/dict/frames.txt", atomically: true, encoding: .utf8)
        try "[extraction]\ndictionaries = \"dict\"\n".write(toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(file: dir + "/c.toml")
        #expect(config.dictionaries == dir + "/dict")
        // …the extractor knows both.
        let out = Extractor(lexicon: config.lexicon).extract(
            Article(text: "Quill broke bread with Indian Prime Minister Narendra Modi in Delhi on Monday.", published: "2026-11-24"))
        #expect(out.count == 1)
        #expect(Set(out.first?.participants.map(\.name) ?? []) == ["Ada Quill", "Narendra Modi"])
        #expect(out.first?.mode == "meeting")
    }

    @Test func badDictionaryFilesAreConfigErrors() throws {
        let dir = Fixtures.tempDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/dict", withIntermediateDirectories: true)
        try "Someone|GBR\n".write(toFile: dir + "/dict/people.txt", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/dict/actors.txt", atomically: true, encoding: .utf8)
        // A phrase list of the extractor before frames: its entries would be lost without a word.
        try "# mine\nCONSULT|meeting|sat down with\n".write(toFile: dir + "/dict/triggers.txt", atomically: true, encoding: .utf8)
        try "[extraction]\ndictionaries = \"dict\"\n".write(toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigLoader.load(file: dir + "/c.toml")
        } throws: { error in
            let problems = (error as? ConfigError)?.problems.map(\.description) ?? []
            return problems.count == 3 && problems.allSatisfy { $0.hasPrefix(dir + "/c.toml:2: extraction.dictionaries: ") }
                && problems.contains { $0.contains("people.txt:1: expected at least 5 fields") }
                && problems.contains { $0.contains("actors.txt: not a dictionary name") }
                && problems.contains {
                    $0.contains("triggers.txt: no longer read; event triggers and the relations that give their roles are in frames.txt")
                }
        }
    }

    @Test func durations() {
        #expect(ConfigDuration.parse("90s") == 90)
        #expect(ConfigDuration.parse("2h") == 7200)
        #expect(ConfigDuration.parse("1d") == 86400)
        #expect(ConfigDuration.parse("1h15m") == 4500)
        #expect(ConfigDuration.parse("soon") == nil)
        // Blanks and tabs around the figure, a no-break space included, are not part of it.
        #expect(ConfigDuration.parse(" \t3d\u{00A0} ") == 259_200.0)
        #expect(ConfigDuration.parse("1 h") == nil)
        #expect(ConfigDuration.parse("   ") == nil)
    }

    @Test func showRedactsCredentialsInURLs() {
        var c = Config()
        c.feeds = [FeedConfig(url: "https://reader:secret@example.org/feed")]
        let shown = ConfigRenderer.toml(c)
        #expect(shown.contains("https://reader:***@example.org/feed"))
        #expect(!shown.contains("secret"))
        #expect(throws: Never.self) { try ConfigLoader.parse(shown, file: "shown.toml") }
    }

    @Test func embeddedDefaultIsValidAndHasFeedsAndTopics() {
        let c = EmbeddedDefault.config
        #expect(!c.feeds.isEmpty)
        #expect(!c.topics.isEmpty)
        #expect(c.feeds.allSatisfy { EmbeddedDefault.samples[String($0.url.dropFirst("sample:".count))] != nil })
    }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// Every duration has an upper bound: beyond it the fetcher's and scheduler's arithmetic overflowed
    /// (`timeout = "999999999999d"` passed config check, then poll trapped).
    @Test(arguments: [
        ("daemon", "timeout"), ("daemon", "connect_timeout"), ("daemon", "poll_interval"), ("daemon", "min_interval"),
        ("daemon", "max_interval"), ("daemon", "dead_after"), ("daemon", "retention"),
    ])
    func hugeDurationsAreRefusedWithLineAndKey(_ table: String, _ key: String) {
        for value in ["\"999999999999d\"", "9223372036854775807", "\"99999999999999999999999999999s\""] {
            let problems = Self.problems("[\(table)]\n\(key) = \(value)\n")
            #expect(problems.count == 1 && problems[0].hasPrefix("c.toml:2: \(table).\(key): must be between"), "\(value): \(problems)")
        }
        #expect(
            Self.problems("[[feeds]]\nurl = \"https://a.example/\"\ninterval = \"400d\"\n").first?.hasPrefix("c.toml:3: feeds[0].interval")
                == true)
        #expect(
            Self.problems("[[alerts.webhook]]\nurl = \"https://a.example/\"\ntimeout = \"2h\"\n").first?.hasPrefix(
                "c.toml:3: alerts.webhook[0].timeout") == true)
    }

    /// Values that passed config check and should not.
    @Test func hostileAndEmptyValuesAreRefused() {
        let problems = Self.problems(
            """
            a.b.c = 1
            [daemon]
            user_agent = "DiploWatch\\r\\nX-Evil: 1"
            database = ""
            metrics = ""
            [alerts]
            log = ""
            [[alerts.webhook]]
            url = "https://"
            [[feeds]]
            url = "http://"
            [[feeds]]
            url = "https://example.org:99999/x"
            [[topics]]
            name = "t"
            countries = ["usa", "Russia", "U S", "USA", "XXX", "CHM"]
            """)
        let expected = [
            "c.toml:1: a: unknown key", "c.toml:3: daemon.user_agent: must be one line of printable text",
            "c.toml:4: daemon.database: must name a file", "c.toml:5: daemon.metrics: must name a file",
            "c.toml:7: alerts.log: must name a file", "c.toml:9: alerts.webhook[0].url: \"https://\" has no host",
            "c.toml:11: feeds[0].url: \"http://\" has no host", "c.toml:13: feeds[1].url: port 99999 is out of range",
            "c.toml:16: topics[0].countries: \"usa\": codes are written in capitals: USA",
            "c.toml:16: topics[0].countries: \"Russia\" is not a code", "c.toml:16: topics[0].countries: \"U S\" is not a code",
            "c.toml:16: topics[0].countries: \"XXX\" is not a known state or body code; known codes include XKX (Kosovo)",
            "c.toml:16: topics[0].countries: \"CHM\" is not a known state or body code; known codes include CAF (Central African Republic)",
        ]
        for e in expected { #expect(problems.contains { $0.hasPrefix(e) }, "\(e) in \(problems)") }
        #expect(problems.count == expected.count, "\(problems)")
    }

    /// An unknown table written only as an array of tables or through dotted members has a line.
    @Test func unknownArrayTablesAndDottedTablesNameTheirLine() {
        #expect(Self.problems("version = 1\n[[top]]\nx = 1\n").first?.hasPrefix("c.toml:2: top: unknown key") == true)
        #expect(Self.problems("version = 1\nd.x.y = 1\n").first?.hasPrefix("c.toml:2: d: unknown key") == true)
    }

    /// Syntax errors and keys in nested dotted form name their line and key, never "-".
    @Test func dottedKeysAndSyntaxErrorsNameLineAndKey() {
        #expect(
            Self.problems("x = 1\n[daemon]\nproxy.host.name = \"p\"\n") == [
                "c.toml:1: x: unknown key (expected daemon, alerts, extraction, feeds, topics, actors)",
                "c.toml:3: daemon.proxy: must be a string, not table",
            ])
        #expect(Self.problems("[daemon]\ntimeout = 30s\n").first?.hasPrefix("c.toml:2: daemon.timeout: syntax error") == true)
        #expect(
            Self.problems("[[feeds]]\nurl = \"https://a/\"\nname = \"x\n").first?.hasPrefix("c.toml:3: feeds[0].name: syntax error") == true
        )
    }

    @Test func withoutFeedsTheFeedsAreNeitherReadNorChecked() throws {
        let dir = Fixtures.tempDirectory()
        let file = dir + "/c.toml"
        try """
        [daemon]
        database = "db.sqlite"
        include = ["missing.d/*.toml", "unreadable.toml"]
        [[feeds]]
        url = "gopher://old.example/feed"
        [[feeds]]
        url = "https://a.example/f"
        [[feeds]]
        url = "https://a.example/f"
        [[topics]]
        name = "t"
        """.write(toFile: file, atomically: true, encoding: .utf8)
        // A directory where an included file should be: it cannot be read as one.
        try FileManager.default.createDirectory(atPath: dir + "/unreadable.toml", withIntermediateDirectories: true)
        let light = try ConfigLoader.load(file: file, feeds: false)
        #expect(light.daemon.database == dir + "/db.sqlite")
        #expect(light.topics.map(\.name) == ["t"])
        #expect(light.feeds.isEmpty)
        do {
            _ = try ConfigLoader.load(file: file)
            Issue.record("a bad feed URL and a duplicate loaded")
        } catch {
            let messages = error.problems.map(\.message).joined(separator: "\n")
            #expect(messages.contains("gopher://old.example/feed"), "\(messages)")
            #expect(messages.contains("duplicate feed https://a.example/f"), "\(messages)")
        }
        // An included file that cannot be read stops only the full load.
        let includes = dir + "/includes.toml"
        try "[daemon]\ninclude = [\"unreadable.toml\"]\n".write(toFile: includes, atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(file: includes, feeds: false).feeds.isEmpty)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: includes) }
    }
}
