import Foundation
import TestSupport
import Testing

@Suite("The diplowatch binary")
struct CLITests {
    @Test(arguments: [
        [], ["run"], ["poll"], ["config"], ["config", "check"], ["config", "show"], ["extract"], ["feed", "inspect"],
        ["feed", "page"], ["alerts"], ["developments"], ["feeds"],
    ])
    func everyCommandHasHelp(_ command: [String]) throws {
        let r = try CLIRunner.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: diplowatch"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLIRunner.run(["frobnicate"]).status == 64)
        #expect(try CLIRunner.run(["alerts", "--since"]).status == 64)
    }

    @Test func badConfigExits78NamingLineAndKey() throws {
        let dir = CLIRunner.tempDirectory()
        let path = dir + "/bad.toml"
        try "[daemon]\npoll_interval = \"15m\"\nwibble = 1\n\n[[topics]]\nname = \"x\"\ntypes = [\"MEET\"]\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["config", "check", "-c", path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("\(path):3: daemon.wibble: unknown key"))
        #expect(r.stderr.contains("\(path):7: topics[0].types: unknown event type \"MEET\""))
        #expect(try CLIRunner.run(["poll", "-c", path]).status == 78)
        #expect(try CLIRunner.run(["config", "check", "-c", dir + "/missing.toml"]).status == 78)
    }

    @Test func configCheckNamesTheLineOfABadFrameOrStatusCue() throws {
        let dir = CLIRunner.tempDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/dict", withIntermediateDirectories: true)
        try "# mine\nCONSULT|meeting|meet/VERB nsubj=party\nGREET||Greet/VERB nsubj=source\n".write(
            toFile: dir + "/dict/frames.txt", atomically: true, encoding: .utf8)
        try "planned|aux=will\nsoonish|aux=might;advmod\n".write(toFile: dir + "/dict/status.txt", atomically: true, encoding: .utf8)
        let path = dir + "/c.toml"
        try "[extraction]\ndictionaries = \"dict\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["config", "check", "-c", path])
        #expect(r.status == 78, "\(r.stderr)")
        #expect(r.stderr.contains("\(dir)/dict/frames.txt:3: unknown type GREET"))
        #expect(r.stderr.contains("\(dir)/dict/frames.txt:3: \"Greet/VERB\": a trigger starts with a lowercase lemma"))
        #expect(r.stderr.contains("\(dir)/dict/status.txt:2: unknown status soonish"))
        #expect(r.stderr.contains("\(dir)/dict/status.txt:2: \"advmod\": a cue is RELATION=LEMMA"))
        #expect(!r.stderr.contains("frames.txt:2:") && !r.stderr.contains("status.txt:1:"))
        // Fixed, the same files pass.
        try "CONSULT|meeting|meet/VERB nsubj=party\n".write(toFile: dir + "/dict/frames.txt", atomically: true, encoding: .utf8)
        try "planned|aux=will\n".write(toFile: dir + "/dict/status.txt", atomically: true, encoding: .utf8)
        let fixed = try CLIRunner.run(["config", "check", "-c", path])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    /// Lines on which the TOML parser used before asserted and aborted the process (rc 134).
    @Test(arguments: ["[\n", "[[\n", "[ ]\n", "a = 1\n[\n", "[daemon]\n[", "x = [\n", "= 1\n", "[a.]\n"])
    func configCheckNeverAbortsOnBrokenSyntax(_ text: String) throws {
        let dir = CLIRunner.tempDirectory()
        let path = dir + "/x.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["config", "check", "-c", path])
        #expect(r.status == 78, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("config: \(path):"))
        #expect(r.stderr.contains("syntax error"))
        #expect(!r.stderr.contains(": -: "), "every syntax error names a key or a table header")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// `timeout = "999999999999d"` passed config check, then poll trapped (SIGILL) converting it.
    @Test func aHugeDurationIsABadConfigNotATrap() throws {
        let dir = CLIRunner.tempDirectory()
        let path = dir + "/x.toml"
        try "[daemon]\ndatabase = \"\(dir)/db.sqlite\"\ntimeout = \"999999999999d\"\n[[feeds]]\nurl = \"http://127.0.0.1:9/x\"\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        for command in [["config", "check"], ["poll"]] {
            let r = try CLIRunner.run(command + ["-c", path])
            #expect(r.status == 78, "\(command): \(r.stderr)")
            #expect(r.stderr.hasPrefix("config: \(path):3: daemon.timeout: must be between 0.1s and 1h, not 999999999999d"))
        }
    }

    @Test func aMissingConfigFileSaysWhy() throws {
        let dir = CLIRunner.tempDirectory()
        let r = try CLIRunner.run(["config", "check", "-c", dir + "/missing.toml"])
        #expect(r.status == 78)
        #expect(r.stderr == "config: \(dir)/missing.toml: cannot read the file: No such file or directory\n")
    }

    @Test func embeddedDefaultWorksWithoutAConfigFile() throws {
        // systemd's directories decide the defaults, for root and users alike.
        let home = CLIRunner.tempDirectory()
        let env = [
            "HOME": home, "CONFIGURATION_DIRECTORY": home + "/config", "STATE_DIRECTORY": home + "/state/diplowatch",
            "LOGS_DIRECTORY": home + "/state/diplowatch",
        ]
        let check = try CLIRunner.run(["config", "check"], environment: env)
        #expect(check.status == 0)
        #expect(check.stdout.contains("embedded default"))
        let poll = try CLIRunner.run(["poll"], environment: env)
        #expect(poll.status == 0, "\(poll.stderr)")
        let log = try String(contentsOfFile: home + "/state/diplowatch/alerts.jsonl", encoding: .utf8)
        #expect(log.contains("Marco Rubio"))
        let show = try CLIRunner.run(["config", "show"], environment: env)
        #expect(show.stdout.contains("database = \"\(home)/state/diplowatch/diplowatch.sqlite\""))
    }

    @Test func extractPrintsDevelopmentsAsJSON() throws {
        let article =
            #"{"title": "t", "published": "2024-08-28", "url": "https://x.example/1", "text": "US National Security Adviser Jake Sullivan met China's Foreign Minister Wang Yi in Beijing on Tuesday."}"#
        let r = try CLIRunner.run(["extract", "--json", "-"], stdin: Data(article.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        struct Out: Decodable {
            struct D: Decodable {
                var type: String
                var mode: String?
                var status: String
                var location: String?
                var date: String?
            }
            var developments: [D]
        }
        let out = try JSONDecoder().decode(Out.self, from: Data(r.stdout.utf8))
        #expect(out.developments.count == 1)
        #expect(out.developments.first?.type == "CONSULT")
        #expect(out.developments.first?.mode == "meeting")
        #expect(out.developments.first?.location == "Beijing")
        #expect(out.developments.first?.date == "2024-08-27")
        let bad = try CLIRunner.run(["extract", "--json", "-"], stdin: Data("not json".utf8))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("extract:"))
    }

    @Test func feedInspectPrintsJSON() throws {
        let dir = CLIRunner.tempDirectory()
        let path = dir + "/f.atom"
        try """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>e1</id><title>One</title>
        <link href="https://e.example/1"/><published>2026-11-24T10:00:00Z</published><summary>&lt;p&gt;Hi&lt;/p&gt;</summary></entry></feed>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["feed", "inspect", "--json", path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"format\" : \"atom10\""))
        #expect(r.stdout.contains("\"published\" : \"2026-11-24T10:00:00Z\""))
        #expect(r.stdout.contains("\"summary\" : \"Hi\""))
        try "<html/>".write(toFile: dir + "/x.html", atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["feed", "inspect", dir + "/x.html"]).status == 65)
    }

    @Test func feedInspectTellsHowTheFeedCame() throws {
        let server = try LoopbackHTTPServer()
        server.set("/old.rss", .init(status: 301, body: Data(), headers: ["Location": "/new.rss"]))
        let body = Data("<rss version=\"2.0\"><channel><title>Moved desk</title></channel></rss>".utf8)
        server.set("/new.rss", .init(body: body))
        let r = try CLIRunner.run(["feed", "inspect", "--json", server.url("/old.rss")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"title\" : \"Moved desk\""))
        #expect(
            r.stderr.contains(
                "feed inspect: fetched \(server.url("/old.rss")): 200 over HTTP/1.1, \(body.count) bytes, application/rss+xml; moved permanently to \(server.url("/new.rss"))"
            ), "\(r.stderr)")
    }

    @Test func feedPagePrintsAnArticlesMainText() throws {
        let dir = CLIRunner.tempDirectory()
        let story = "The two foreign ministers met in Geneva on Monday, officials said, and agreed to meet again next month."
        try """
        <html><body><nav><a href="/">Home</a></nav><div class="content"><p>\(story)</p>
        <p>The talks lasted four hours, and covered trade, visas, fisheries and the border dispute, officials added.</p></div>
        <div class="sidebar"><a href="/x">Most read: a recipe for soup</a></div></body></html>
        """.write(toFile: dir + "/page.html", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["feed", "page", dir + "/page.html"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(story + "\n\nThe talks lasted four hours"))
        #expect(!r.stdout.contains("Home") && !r.stdout.contains("soup"))
        try "<html><body><a href='/a'>A</a></body></html>".write(toFile: dir + "/index.html", atomically: true, encoding: .utf8)
        let none = try CLIRunner.run(["feed", "page", dir + "/index.html"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("no article text found"))
    }
}

@Suite("Operations")
struct OperationsTests {
    @Test func backupCopiesTheDatabaseAndNeverOverwrites() throws {
        let home = CLIRunner.tempDirectory()
        let env = [
            "HOME": home, "CONFIGURATION_DIRECTORY": home + "/config", "STATE_DIRECTORY": home + "/state",
            "LOGS_DIRECTORY": home + "/state",
        ]
        #expect(try CLIRunner.run(["poll"], environment: env).status == 0)
        let copy = home + "/backups/copy.sqlite"
        let first = try CLIRunner.run(["backup", copy], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("integrity check ok"))
        // The copy is a working database: point a config at it and list its developments.
        try "[daemon]\ndatabase = \"\(copy)\"\n".write(toFile: home + "/copy.toml", atomically: true, encoding: .utf8)
        let listed = try CLIRunner.run(["developments", "-c", home + "/copy.toml"], environment: env)
        #expect(listed.stdout.contains("Marco Rubio (USA) – Wang Yi (CHN)"))
        let again = try CLIRunner.run(["backup", copy], environment: env)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    /// The unit as shipped, with ExecStart pointed at the built binary so `verify` can check it.
    @Test func systemdUnitVerifiesAndIsHardened() throws {
        let analyze = "/usr/bin/systemd-analyze"
        try #require(FileManager.default.isExecutableFile(atPath: analyze), "systemd-analyze is needed (apt-get install systemd)")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/diplowatch.service")
        let unit = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(
            of: "/usr/local/bin/diplowatch", with: CLIRunner.binary)
        let dir = CLIRunner.tempDirectory()
        let path = dir + "/diplowatch.service"
        try unit.write(toFile: path, atomically: true, encoding: .utf8)

        func run(_ args: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: analyze)
            p.arguments = args
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, out)
        }
        let (verifyStatus, verifyOutput) = try run(["verify", path])
        #expect(verifyStatus == 0, "\(verifyOutput)")
        let (_, security) = try run(["security", "--offline=true", path])
        let line = try #require(security.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let exposure = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(exposure <= 2.0, "\(line)")
    }
}
