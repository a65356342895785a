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
            countries = ["usa", "CHN"]
            types = ["consult"]
            status = ["planned"]
            [[actors]]
            name = "Samuel Paparo"
            country = "USA"
            aliases = ["Paparo"]
            """, file: "x.toml")
        #expect(c.daemon.pollInterval == 5400)
        #expect(c.daemon.concurrency == 4)
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

    @Test func syntaxErrorsCarryTheLine() {
        #expect {
            _ = try ConfigLoader.parse("[daemon]\nconcurrency = = 3\n", file: "s.toml")
        } throws: { error in
            (error as? ConfigError)?.problems.first?.line == 2
        }
    }

    @Test func durations() {
        #expect(ConfigDuration.parse("90s") == 90)
        #expect(ConfigDuration.parse("2h") == 7200)
        #expect(ConfigDuration.parse("1d") == 86400)
        #expect(ConfigDuration.parse("1h15m") == 4500)
        #expect(ConfigDuration.parse("soon") == nil)
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
}
