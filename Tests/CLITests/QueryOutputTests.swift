import Foundation
import TestSupport
import Testing

/// `--json` output and query filters, run as a user runs them: a poll of a loopback feed first.
@Suite("Query output")
struct QueryOutputTests {
    /// A polled database with one US–China meeting, and its config.
    static func polled() throws -> (config: String, dir: String, server: LoopbackHTTPServer) {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: EndToEndTests.feed([EndToEndTests.meeting])))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try EndToEndTests().config(dir: dir, feeds: [server.url("/world.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        try #require(poll.status == 0, "\(poll.stderr)")
        return (cfg, dir, server)
    }

    /// Every key at every depth of a JSON value.
    static func keys(_ value: Any) -> [String] {
        if let d = value as? [String: Any] { return d.keys + d.values.flatMap(keys) }
        if let a = value as? [Any] { return a.flatMap(keys) }
        return []
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func everyJSONOutputIsJSONLinesWithSnakeCaseKeys() throws {
        let (cfg, _, _) = try Self.polled()
        let snake = /^[a-z][a-z0-9_]*$/
        for command in [["alerts", "--json"], ["developments", "--json"], ["feeds", "--json"]] {
            let r = try CLIRunner.run(command + ["-c", cfg])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            let records = try Self.jsonLines(r.stdout)
            #expect(records.count == 1, "\(command): \(r.stdout)")
            for key in records.flatMap(Self.keys) { #expect(key.wholeMatch(of: snake) != nil, "\(command): key \(key)") }
        }
        let feeds = try Self.jsonLines(try CLIRunner.run(["feeds", "--json", "-c", cfg]).stdout)
        #expect(feeds.first?["state"] as? String == "ok")
        #expect(feeds.first?["last_ok_at"] as? String != nil)
    }

    @Test func developmentsJSONCarriesItsSources() throws {
        let (cfg, _, server) = try Self.polled()
        let r = try CLIRunner.run(["developments", "--json", "-c", cfg])
        let d = try #require(try Self.jsonLines(r.stdout).first)
        #expect(d["id"] as? Int == 1)
        #expect(d["type"] as? String == "CONSULT")
        #expect(d["evidence"] as? String != nil)
        let sources = try #require(d["sources"] as? [[String: Any]])
        #expect(sources.count == 1)
        #expect(sources.first?["feed"] as? String == "Loopback desk")
        #expect(sources.first?["url"] as? String == "https://l.example/m1")
        #expect(sources.first?["title"] as? String == "Sullivan and Wang hold talks in Beijing")
        #expect(sources.first?["published"] as? String == "2024-08-28T12:00:00Z")
        _ = server
    }

    @Test func unknownFilterValuesAreRefusedWithASuggestion() throws {
        let (cfg, _, _) = try Self.polled()
        let china = try CLIRunner.run(["developments", "--country", "china", "-c", cfg])
        #expect(china.status == 64)
        #expect(china.stderr == "--country: `china` is not a code; did you mean CHN (China)?\n")
        let typo = try CLIRunner.run(["developments", "--country", "CHM", "-c", cfg])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean CHN?"), "\(typo.stderr)")
        let meet = try CLIRunner.run(["developments", "--type", "MEET", "-c", cfg])
        #expect(meet.status == 64)
        #expect(meet.stderr.contains("`MEET` is not an event type; did you mean CONSULT?"), "\(meet.stderr)")
        let topic = try CLIRunner.run(["alerts", "--topic", "US-China", "-c", cfg])
        #expect(topic.status == 64)
        #expect(topic.stderr.contains("`US-China` is not a topic; did you mean us-china?"), "\(topic.stderr)")
        // Known values, in any case, still work.
        let ok = try CLIRunner.run(["developments", "--country", "chn", "--type", "consult", "-c", cfg])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Jake Sullivan (USA) – Wang Yi (CHN)"))
        #expect(try CLIRunner.run(["alerts", "--topic", "us-china", "-c", cfg]).stdout.contains("Jake Sullivan"))
    }

    @Test func readCommandsNeedNoFeedsFromTheConfig() throws {
        let (cfg, dir, _) = try Self.polled()
        // A feed the config loader refuses, and an included feeds file that cannot be read: poll
        // names both, while the commands that only read the database do not read the feeds at all.
        var text = try String(contentsOfFile: cfg, encoding: .utf8)
        text = text.replacingOccurrences(of: "[daemon]\n", with: "[daemon]\ninclude = [\"feeds.d/*.toml\"]\n")
        text += "\n[[feeds]]\nurl = \"gopher://old.example/feed\"\n"
        try text.write(toFile: cfg, atomically: true, encoding: .utf8)
        // (a directory where the included file should be: it cannot be read as one, even by root)
        try FileManager.default.createDirectory(atPath: dir + "/feeds.d/a.toml", withIntermediateDirectories: true)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status != 0)
        #expect(poll.stderr.contains("gopher://old.example/feed"), "\(poll.stderr)")
        let developments = try CLIRunner.run(["developments", "--since", "3000d", "-c", cfg])
        #expect(developments.status == 0, "\(developments.stderr)")
        #expect(developments.stdout.contains("Jake Sullivan (USA) – Wang Yi (CHN)"), "\(developments.stdout)")
        let alerts = try CLIRunner.run(["alerts", "--topic", "us-china", "-c", cfg])
        #expect(alerts.status == 0, "\(alerts.stderr)")
        #expect(alerts.stdout.contains("Jake Sullivan"))
        // Filters are still checked against the config's topics and the stored codes.
        #expect(try CLIRunner.run(["alerts", "--topic", "US-China", "-c", cfg]).status == 64)
        #expect(try CLIRunner.run(["developments", "--country", "CHM", "-c", cfg]).stderr.contains("did you mean CHN?"))
    }
}
