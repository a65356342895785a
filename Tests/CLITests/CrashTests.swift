import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// kill -9 at random moments while the daemon ingests: afterwards every alert is in the log
/// exactly once and SQLite's integrity check passes.
@Suite("Crash safety")
struct CrashTests {
    static let states = [
        ("French", "France"), ("German", "Germany"), ("Japanese", "Japan"), ("Indian", "India"), ("Brazilian", "Brazil"),
        ("Kenyan", "Kenya"), ("Mexican", "Mexico"), ("Turkish", "Turkey"), ("Egyptian", "Egypt"), ("Canadian", "Canada"),
        ("Australian", "Australia"), ("Nigerian", "Nigeria"), ("Polish", "Poland"), ("Chilean", "Chile"),
    ]
    static let events = [
        "officials met %@ officials in Geneva on Monday to discuss trade.",
        "leaders signed an agreement with %@ leaders on Tuesday.",
        "ministers urged %@ ministers to reopen talks on fisheries.",
    ]

    /// Feeds of realistic one-paragraph items: a development between two states each.
    static func writeFeeds(to dir: String, feeds: Int, items: Int) throws -> [String] {
        var urls: [String] = []
        var n = 0
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for f in 0..<feeds {
            // Each feed is a different month, so its developments are new ones and alerts keep coming.
            let date = "10 \(months[f % 12]) \(2010 + f / 12) 10:00:00 GMT"
            var s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash desk \(f)</title><link>https://crash.example/</link>"
            for i in 0..<items {
                let a = states[n % states.count]
                let b = states[(n / states.count + n + 1) % states.count]
                let event = String(format: events[(n / 7) % events.count], b.0)
                // Distinct text per item: the same text in two feeds would be one article.
                let text = (a.1 == b.1 ? "Markets were quiet on Monday." : "\(a.0) \(event)") + " Filed as item \(f)-\(i)."
                s += "<item><guid isPermaLink=\"false\">c-\(f)-\(i)</guid><title>Item \(f)-\(i)</title>"
                s += "<link>https://crash.example/\(f)/\(i)</link><pubDate>\(date)</pubDate>"
                s += "<description>\(text)</description></item>"
                n += 1
            }
            let path = "\(dir)/feed-\(f).xml"
            try (s + "</channel></rss>").write(toFile: path, atomically: true, encoding: .utf8)
            urls.append("file://" + path)
        }
        return urls
    }

    static func config(_ dir: String, feeds: [String]) -> String {
        var s =
            "[daemon]\ndatabase = \"\(dir)/db.sqlite\"\nconcurrency = 1\npoll_interval = \"1h\"\n\n[alerts]\nmax_age = \"36500d\"\nlog = \"\(dir)/alerts.jsonl\"\n"
        for f in feeds { s += "\n[[feeds]]\nurl = \"\(f)\"\n" }
        return s + "\n[[topics]]\nname = \"all\"\n\n[[topics]]\nname = \"deals\"\ntypes = [\"AGREE\"]\n"
    }

    /// What an alert says, without its id and time (which differ from run to run).
    static func signatures(_ log: String) throws -> (ids: [Int], lines: [String]) {
        var ids: [Int] = []
        var lines: [String] = []
        for line in log.split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            let d = try #require(o["development"] as? [String: Any])
            let names = ((d["participants"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.sorted()
            ids.append(o["id"] as? Int ?? -1)
            lines.append(
                [o["topic"], o["kind"], d["type"], d["status"]].map { "\($0 ?? "")" }.joined(separator: "|") + "|"
                    + names.joined(separator: ","))
        }
        return (ids, lines.sorted())
    }

    @Test func killNineTwentyTimesLosesAndRepeatsNothing() throws {
        let dir = CLIRunner.tempDirectory()
        let feeds = try Self.writeFeeds(to: dir, feeds: 120, items: 40)

        // The reference: one uninterrupted cycle.
        let reference = dir + "/reference"
        try FileManager.default.createDirectory(atPath: reference, withIntermediateDirectories: true)
        try Self.config(reference, feeds: feeds).write(toFile: reference + "/c.toml", atomically: true, encoding: .utf8)
        let started = Date()
        let refRun = try CLIRunner.run(["poll", "-c", reference + "/c.toml"])
        let fullRun = Date().timeIntervalSince(started)
        #expect(refRun.status == 0, "\(refRun.stderr)")
        let expected = try Self.signatures(String(contentsOfFile: reference + "/alerts.jsonl", encoding: .utf8))
        #expect(expected.lines.count > 100)

        // The same corpus, with the daemon killed at random moments twenty times.
        let crashed = dir + "/crashed"
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        try Self.config(crashed, feeds: feeds).write(toFile: crashed + "/c.toml", atomically: true, encoding: .utf8)
        var generator = SystemRandomNumberGenerator()
        var progress: [Int] = []
        for _ in 0..<20 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            p.arguments = ["run", "-c", crashed + "/c.toml"]
            p.standardError = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            // No run lives longer than a sixth of the uninterrupted run, so at least six kills land
            // before the corpus is done, wherever they fall.
            Thread.sleep(forTimeInterval: Double.random(in: (fullRun / 20)...(fullRun / 6), using: &generator))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let log = (try? String(contentsOfFile: crashed + "/alerts.jsonl", encoding: .utf8)) ?? ""
            progress.append(log.split(separator: "\n").count)
        }
        // The kills must land mid-work: several of them before the corpus was done.
        #expect(progress.filter { $0 < expected.lines.count }.count >= 5, "alert lines after each kill: \(progress)")
        // Then let it finish.
        let finish = try CLIRunner.run(["poll", "-c", crashed + "/c.toml"])
        #expect(finish.status == 0, "\(finish.stderr)")

        let actual = try Self.signatures(String(contentsOfFile: crashed + "/alerts.jsonl", encoding: .utf8))
        #expect(actual.ids == Array(1...actual.ids.count), "alert ids must run 1…n with no gap or repeat")
        #expect(actual.lines == expected.lines)
        let check = try CLIRunner.run(["developments", "-c", crashed + "/c.toml"])
        #expect(check.status == 0)
        let integrity = try sqliteIntegrity(crashed + "/db.sqlite")
        #expect(integrity == "ok")
    }

    /// The daemon holds its database whatever happens to the files beside it: with the old side
    /// lock file removed mid-run, a `poll` is refused and no alert is written twice.
    @Test func removingSideFilesNeverLetsASecondProcessIn() throws {
        let dir = CLIRunner.tempDirectory()
        let feeds = try Self.writeFeeds(to: dir, feeds: 12, items: 40)
        try Self.config(dir, feeds: feeds).write(toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = ["run", "-c", dir + "/c.toml"]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        defer {
            if p.isRunning { p.terminate() }
            p.waitUntilExit()
        }
        func logLines() -> Int {
            ((try? String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        let deadline = Date().addingTimeInterval(30)
        while logLines() == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(logLines() > 0)
        // Every side file that is not the database's own journal.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        where name.hasPrefix("db.sqlite") && !["db.sqlite", "db.sqlite-wal", "db.sqlite-shm"].contains(name) {
            try FileManager.default.removeItem(atPath: dir + "/" + name)
        }
        try? FileManager.default.removeItem(atPath: dir + "/db.sqlite.lock")
        let second = try CLIRunner.run(["poll", "-c", dir + "/c.toml"])
        #expect(second.status == 1, "\(second.stdout)")
        #expect(second.stderr.hasPrefix("store: another diplowatch process is using \(dir)/db.sqlite"), "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1)
        // Let the daemon finish its cycle: the log stops growing.
        var last = -1
        while logLines() != last, Date() < deadline.addingTimeInterval(60) {
            last = logLines()
            Thread.sleep(forTimeInterval: 1.5)
        }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        let actual = try Self.signatures(String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8))
        #expect(actual.ids.count > 100)
        #expect(actual.ids == Array(1...actual.ids.count), "alert ids must run 1…n with no repeat")
    }

    /// `diplowatch backup` runs SQLite's integrity check on the copy it makes.
    func sqliteIntegrity(_ path: String) throws -> String {
        let dir = (path as NSString).deletingLastPathComponent
        try "[daemon]\ndatabase = \"\(path)\"\n".write(toFile: dir + "/only-db.toml", atomically: true, encoding: .utf8)
        let copy = dir + "/integrity-copy.sqlite"
        let backup = try CLIRunner.run(["backup", "-c", dir + "/only-db.toml", copy])
        return backup.status == 0 && backup.stdout.contains("integrity check ok") ? "ok" : backup.stderr
    }
}
