import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary against a real HTTP server on 127.0.0.1.
@Suite("End to end")
struct EndToEndTests {
    static func feed(_ items: [(String, String, String)]) -> Data {
        var s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback desk</title><link>https://l.example/</link>"
        for (guid, title, text) in items {
            s += "<item><guid isPermaLink=\"false\">\(guid)</guid><title>\(title)</title><link>https://l.example/\(guid)</link>"
            s += "<pubDate>Wed, 28 Aug 2024 12:00:00 GMT</pubDate><description>\(text)</description></item>"
        }
        return Data((s + "</channel></rss>").utf8)
    }

    static let meeting = (
        "m1", "Sullivan and Wang hold talks in Beijing",
        "US National Security Adviser Jake Sullivan held talks with China's top foreign policy official, Wang Yi, in Beijing on Tuesday, the White House said."
    )

    func config(dir: String, feeds: [String], extra: String = "") -> String {
        var s =
            "[daemon]\ndatabase = \"\(dir)/db.sqlite\"\npoll_interval = \"2s\"\n\n[alerts]\nmax_age = \"36500d\"\nlog = \"\(dir)/alerts.jsonl\"\n"
        for f in feeds { s += "\n[[feeds]]\nurl = \"\(f)\"\n" }
        s += "\n[[topics]]\nname = \"us-china\"\ncountries = [\"USA\", \"CHN\"]\n" + extra
        return s
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func pollTwiceWritesTheAlertOnce() throws {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: Self.feed([Self.meeting]), etag: "\"w1\""))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try config(dir: dir, feeds: [server.url("/world.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)

        let first = try CLIRunner.run(["poll", "-c", cfg])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLIRunner.run(["poll", "-c", cfg])
        #expect(second.status == 0)

        let log = lines(dir + "/alerts.jsonl")
        #expect(log.count == 1)
        let alert = try #require(try JSONSerialization.jsonObject(with: Data(log[0].utf8)) as? [String: Any])
        #expect(alert["id"] as? Int == 1)
        #expect(alert["topic"] as? String == "us-china")
        #expect(alert["kind"] as? String == "new")
        #expect((alert["time"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
        let dev = try #require(alert["development"] as? [String: Any])
        #expect(dev["id"] as? Int == 1)
        #expect(dev["type"] as? String == "CONSULT")
        #expect(dev["status"] as? String == "occurred")
        #expect(dev["location"] as? String == "Beijing")
        let names = (dev["participants"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names.map(Set.init) == ["Jake Sullivan", "Wang Yi"])
        let sources = try #require(alert["sources"] as? [[String: Any]])
        #expect(sources.first?["url"] as? String == "https://l.example/m1")
        #expect(sources.first?["feed"] as? String == "Loopback desk")
        #expect(sources.first?["published"] as? String == "2024-08-28T12:00:00Z")
        #expect(server.requests(for: "/world.rss").map(\.status) == [200, 304])

        let listed = try CLIRunner.run(["alerts", "-c", cfg, "--json"])
        #expect(listed.stdout.split(separator: "\n").count == 1)
        let devs = try CLIRunner.run(["developments", "-c", cfg, "--country", "CHN"])
        #expect(devs.stdout.contains("Jake Sullivan (USA) – Wang Yi (CHN)"))
        let feeds = try CLIRunner.run(["feeds", "-c", cfg])
        #expect(feeds.stdout.contains("last ok: 20"))
    }

    @Test func proxiesFromTheEnvironmentAndFeedStatesWithReasons() throws {
        // The loopback server plays the proxy named in http_proxy; the feed's host does not resolve,
        // so only a proxied request can reach it.
        let proxy = try LoopbackHTTPServer()
        let rss = """
            <rss version="2.0"><channel><title>Proxied desk</title>
            <item><title>Quiet day</title><guid>q1</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
            <description>Nothing happened.</description></item></channel></rss>
            """
        proxy.set("http://feeds.invalid/world.rss", .init(body: Data(rss.utf8)))
        proxy.set("http://feeds.invalid/broken.rss", .init(status: 500, body: Data("oops".utf8)))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try """
        [daemon]
        database = "db.sqlite"
        [alerts]
        log = "alerts.jsonl"
        [[feeds]]
        url = "http://feeds.invalid/world.rss"
        [[feeds]]
        url = "http://feeds.invalid/broken.rss"
        name = "Broken desk"
        """.write(toFile: cfg, atomically: true, encoding: .utf8)
        let env = ["http_proxy": "http://127.0.0.1:\(proxy.port)", "no_proxy": ""]
        let poll = try CLIRunner.run(["poll", "-c", cfg], environment: env)
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(proxy.requests(for: "http://feeds.invalid/world.rss").count == 1)
        let feeds = try CLIRunner.run(["feeds", "-c", cfg]).stdout
        #expect(feeds.contains("ok  Proxied desk\n  url: http://feeds.invalid/world.rss"))
        #expect(feeds.contains("failing  Broken desk\n  url: http://feeds.invalid/broken.rss"))
        #expect(feeds.contains("1 error in a row: fetch: http://feeds.invalid/broken.rss: HTTP 500"))
        let json = try CLIRunner.run(["feeds", "-c", cfg, "--json"]).stdout
        #expect(json.contains("\"name\":\"Broken desk\"") && json.contains("\"state\":\"failing\""))
    }

    func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    @Test func daemonNotifiesReloadsOnHangupAndStopsOnTerm() throws {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: Self.feed([Self.meeting])))
        server.set(
            "/second.rss",
            .init(
                body: Self.feed([
                    (
                        "s1", "Lavrov and Wang meet",
                        "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Moscow on Tuesday."
                    )
                ])))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try config(dir: dir, feeds: [server.url("/world.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let notify = NotifyListener(path: dir + "/notify.sock")

        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = ["run", "-c", cfg]
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notify.path
        env["JOURNAL_STREAM"] = "8:1234"
        p.environment = env
        let errPath = dir + "/stderr.log"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }

        #expect(notify.wait(for: "READY=1"))
        #expect(waitUntil(20) { lines(dir + "/alerts.jsonl").count == 1 })
        #expect(notify.wait(for: "STATUS=Last cycle"))
        #expect(notify.wait(for: "WATCHDOG=1"))
        // Read commands work while the daemon holds the database.
        let listed = try CLIRunner.run(["alerts", "-c", cfg, "--json"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Jake Sullivan"))

        // A broken config on SIGHUP is refused with file, line and key; the daemon keeps running.
        try (config(dir: dir, feeds: [server.url("/world.rss")]) + "\n[alerts2]\nx = 1\n").write(
            toFile: cfg, atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        #expect(notify.wait(for: "RELOADING=1"))
        #expect(waitUntil(10) { ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").contains("config reload refused") })
        let stderrText = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(stderrText.contains("<3>config reload refused"))
        #expect(stderrText.contains("diplowatch.toml:16: alerts2: unknown key"))
        #expect(p.isRunning)

        // A line the old TOML parser asserted on ("[") is a syntax error too, not the end of the daemon.
        try "[\n".write(toFile: cfg, atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        #expect(
            waitUntil(10) {
                ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").contains("diplowatch.toml:1: [table header]: syntax error")
            })
        #expect(p.isRunning)

        // A good config on SIGHUP applies without a restart: the new feed's alert arrives.
        try config(dir: dir, feeds: [server.url("/world.rss"), server.url("/second.rss")]).replacingOccurrences(
            of: "[\"USA\", \"CHN\"]", with: "[\"USA\", \"CHN\", \"RUS\"]"
        )
        .write(toFile: cfg, atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        #expect(waitUntil(20) { lines(dir + "/alerts.jsonl").count == 2 })
        #expect(lines(dir + "/alerts.jsonl").last?.contains("Sergey Lavrov") == true)

        kill(p.processIdentifier, SIGTERM)
        #expect(notify.wait(for: "STOPPING=1"))
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(lines(dir + "/alerts.jsonl").count == 2)
    }

    /// A database deleted, or replaced by an empty file, while its alert log stays: the new
    /// database's alert #1 (the same development, from another feed) is not the log's alert #1,
    /// and is written.
    @Test(arguments: ["delete", "empty file"])
    func aRecreatedDatabaseNeverSwallowsAlerts(_ how: String) throws {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: Self.feed([Self.meeting])))
        server.set(
            "/other.rss",
            .init(
                body: Self.feed([("o1", Self.meeting.1, Self.meeting.2)])))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try config(dir: dir, feeds: [server.url("/world.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let first = try CLIRunner.run(["poll", "-c", cfg])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(lines(dir + "/alerts.jsonl").count == 1)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dir + "/db.sqlite" + suffix) }
        if how == "empty file" { _ = FileManager.default.createFile(atPath: dir + "/db.sqlite", contents: Data()) }
        try config(dir: dir, feeds: [server.url("/other.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let second = try CLIRunner.run(["poll", "-c", cfg])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1 alert lines written"), "\(second.stdout)")
        #expect(second.stderr.contains("was not written from this database"), "\(second.stderr)")
        let written = lines(dir + "/alerts.jsonl")
        #expect(written.count == 2)
        #expect(written.last?.contains("Jake Sullivan") == true)
        #expect(written.first != written.last)
        // A third poll finds its own line last and writes nothing again.
        let third = try CLIRunner.run(["poll", "-c", cfg])
        #expect(third.stdout.contains("0 alert lines written"))
        #expect(!third.stderr.contains("was not written from this database"))
        #expect(lines(dir + "/alerts.jsonl").count == 2)
    }

    /// From a fresh start, the first poll's alerts reach the webhook and exec sinks too; a sink
    /// added later gets what is raised from then on, not the history.
    @Test func sinksGetEveryAlertFromTheFirstPoll() throws {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: Self.feed([Self.meeting])))
        server.set("/hook", .init(status: 204, body: Data()))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        let sinks = """

            [[alerts.webhook]]
            name = "ops"
            url = "\(server.url("/hook"))"

            [[alerts.exec]]
            name = "pager"
            argv = ["/bin/sh", "-c", "cat >> \(dir)/exec.out"]

            """
        try (config(dir: dir, feeds: [server.url("/world.rss")]) + sinks).write(toFile: cfg, atomically: true, encoding: .utf8)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(lines(dir + "/alerts.jsonl").count == 1)
        #expect(server.requests(for: "/hook").count == 1)
        #expect(lines(dir + "/exec.out").count == 1)
        #expect(lines(dir + "/exec.out").first?.contains("Jake Sullivan") == true)
        let status = try CLIRunner.run(["sinks", "-c", cfg])
        #expect(status.stdout.contains("webhook:ops: 1 delivered, 0 pending"), "\(status.stdout)")
        #expect(status.stdout.contains("exec:pager: 1 delivered, 0 pending"), "\(status.stdout)")

        // A sink added later starts from the alerts raised after it was configured.
        server.set(
            "/world.rss",
            .init(
                body: Self.feed([
                    Self.meeting,
                    (
                        "m2", Self.meeting.1,
                        Self.meeting.2.replacingOccurrences(of: "Beijing", with: "Vienna").replacingOccurrences(
                            of: "Tuesday", with: "Friday")
                    ),
                ])))
        let later = sinks + "[[alerts.exec]]\nname = \"late\"\nargv = [\"/bin/sh\", \"-c\", \"cat >> \(dir)/late.out\"]\n"
        try (config(dir: dir, feeds: [server.url("/world.rss")]) + later).write(toFile: cfg, atomically: true, encoding: .utf8)
        let second = try CLIRunner.run(["poll", "-c", cfg])
        #expect(second.status == 0, "\(second.stderr)")
        let alerts = lines(dir + "/alerts.jsonl").count
        #expect(lines(dir + "/exec.out").count == alerts)
        #expect(lines(dir + "/late.out").count == alerts - 1)
    }

    @Test func secondInstanceOnTheSameDatabaseIsRefused() throws {
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try config(dir: dir, feeds: ["file:///nonexistent/feed.xml"]).write(toFile: cfg, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = ["run", "-c", cfg]
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            p.terminate()
            p.waitUntilExit()
        }
        #expect(waitUntil(10) { FileManager.default.fileExists(atPath: dir + "/db.sqlite") })
        Thread.sleep(forTimeInterval: 0.3)
        let second = try CLIRunner.run(["poll", "-c", cfg])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another diplowatch process is using"))
    }
}
