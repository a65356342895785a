import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a hostile feed or a careless operator could do through the human-readable outputs.
@Suite("Security")
struct SecurityTests {
    static let escape = "\u{1B}]0;X\u{07}"

    /// A JSON Feed whose titles hold `title` (JSON can carry any control character, escaped).
    static func feed(title: String) -> Data {
        let s = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Desk \(title)", "items": [{"id": "e1",
             "url": "https://l.example/e1", "title": "Sullivan and Wang hold talks \(title)",
             "date_published": "2024-08-28T12:00:00Z",
             "content_text": "US National Security Adviser Jake Sullivan held talks with China's top foreign policy official, Wang Yi, in Beijing on Tuesday, the White House said."}]}
            """
        return Data(s.utf8)
    }

    static func config(_ dir: String, feeds: [String], format: String = "text", extra: String = "") -> String {
        var s =
            "[daemon]\ndatabase = \"\(dir)/db.sqlite\"\n\n[alerts]\nmax_age = \"36500d\"\nlog = \"\(dir)/alerts.log\"\nformat = \"\(format)\"\n"
        for f in feeds { s += "\n[[feeds]]\nurl = \"\(f)\"\n" }
        return s + "\n[[topics]]\nname = \"us-china\"\ncountries = [\"USA\", \"CHN\"]\n" + extra
    }

    /// A title holding `ESC ] 0 ; X BEL` (set the terminal's title) reaches no terminal raw.
    @Test func terminalEscapesFromAFeedAreNeutralised() throws {
        let server = try LoopbackHTTPServer()
        server.set("/e.rss", .init(body: Self.feed(title: "\\u001b]0;X\\u0007"), contentType: "application/feed+json"))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/c.toml"
        try Self.config(dir, feeds: [server.url("/e.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")
        let outputs = [
            ("alert log", (try? String(contentsOfFile: dir + "/alerts.log", encoding: .utf8)) ?? ""),
            ("alerts", try CLIRunner.run(["alerts", "-c", cfg]).stdout),
            ("feed inspect", try CLIRunner.run(["feed", "inspect", "-c", cfg, server.url("/e.rss")]).stdout),
            ("feeds", try CLIRunner.run(["feeds", "-c", cfg]).stdout),
            ("developments", try CLIRunner.run(["developments", "-c", cfg]).stdout),
        ]
        for (name, text) in outputs {
            #expect(text.contains("Sullivan") || text.contains("Desk"), "\(name) printed nothing: \(text)")
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(name): \(text.debugDescription)")
        }
        // JSON keeps the text, escaped.
        let json = try CLIRunner.run(["alerts", "-c", cfg, "--json"]).stdout
        #expect(json.contains("\\u001b]0;X\\u0007"), "\(json)")
    }

    /// `user:password@` and `?api_key=` never reach the terminal or the journal.
    @Test func credentialsInFeedURLsAreRedactedEverywhere() throws {
        let server = try LoopbackHTTPServer()
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/c.toml"
        let secretURL = "http://reader:hunter2@127.0.0.1:\(server.port)/missing.rss?api_key=TOPSECRET&page=2"
        try Self.config(dir, feeds: [secretURL]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        let journal = try CLIRunner.run(["poll", "-c", cfg], environment: ["JOURNAL_STREAM": "8:1"])
        let outputs = [
            ("poll stderr", poll.stderr), ("journal", journal.stderr), ("feeds", try CLIRunner.run(["feeds", "-c", cfg]).stdout),
            ("feeds --json", try CLIRunner.run(["feeds", "-c", cfg, "--json"]).stdout),
            ("config show", try CLIRunner.run(["config", "show", "-c", cfg]).stdout),
            ("feed inspect", try CLIRunner.run(["feed", "inspect", "-c", cfg, secretURL]).stderr),
        ]
        for (name, text) in outputs {
            #expect(text.contains("127.0.0.1"), "\(name) shows the URL: \(text)")
            #expect(!text.contains("hunter2") && !text.contains("TOPSECRET"), "\(name): \(text)")
        }
        #expect(poll.stderr.contains("reader:***@127.0.0.1:\(server.port)/missing.rss?api_key=***&page=2"), "\(poll.stderr)")
    }

    /// A webhook secret others may write is refused, as ssh refuses such a key, at check and start.
    @Test func aGroupOrWorldWritableSecretFileIsRefused() throws {
        let dir = CLIRunner.tempDirectory()
        let secret = dir + "/hook.secret"
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o666)
        let cfg = dir + "/c.toml"
        let hook = "\n[[alerts.webhook]]\nname = \"ops\"\nurl = \"https://hooks.example/x\"\nsecret_file = \"\(secret)\"\n"
        try Self.config(dir, feeds: ["file:///nonexistent.xml"], extra: hook).write(toFile: cfg, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["config", "check", "-c", cfg])
        #expect(check.status == 78)
        #expect(
            check.stderr
                == "config: \(cfg):19: alerts.webhook[0].secret_file: \(secret) is writable by its group and others (mode 666): refused; chmod go-w \(secret)\n"
        )
        #expect(try CLIRunner.run(["run", "-c", cfg]).status == 78)
        chmod(secret, 0o600)
        #expect(try CLIRunner.run(["config", "check", "-c", cfg]).status == 0)
    }
}
