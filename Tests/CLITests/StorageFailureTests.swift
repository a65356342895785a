import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A storage failure is the daemon's failure, not a feed's: `poll` exits non-zero with one line
/// that says what to do, and `run` stops on a damaged file. Real small filesystems, real damage.
@Suite("Storage failures")
struct StorageFailureTests {
    /// A feed of `items` entries of a few KB each, one development apiece.
    static func bigFeed(_ path: String, items: Int, extra: String = "") throws {
        var s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big desk</title>"
        for i in 0..<items {
            s += "<item><guid>g\(i)</guid><title>Item \(i)</title><link>https://big.example/\(i)</link><description>"
            s += "French officials met German officials in Geneva on Monday. " + String(repeating: "Filler text. ", count: 200)
            s += "Item \(i).</description></item>"
        }
        try (s + extra + "</channel></rss>").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func config(_ dir: String, database: String, feeds: [String], metrics: String? = nil) -> String {
        var s = "[daemon]\ndatabase = \"\(database)\"\n" + (metrics.map { "metrics = \"\($0)\"\n" } ?? "")
        s += "\n[alerts]\nmax_age = \"36500d\"\nlog = \"\(dir)/alerts.jsonl\"\n"
        for f in feeds { s += "\n[[feeds]]\nurl = \"\(f)\"\n" }
        return s + "\n[[topics]]\nname = \"all\"\n"
    }

    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskFailsThePollWithOneLine() throws {
        let dir = CLIRunner.tempDirectory()
        let small = dir + "/small"
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        let mount = try CLIRunner.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", small])
        guard mount.status == 0 else {
            print("skipped: cannot mount a 600 KB tmpfs here: \(mount.stderr)")
            return
        }
        defer { _ = try? CLIRunner.runProgram("/bin/umount", [small]) }
        try Self.bigFeed(dir + "/feed.xml", items: 400)
        try Self.config(dir, database: small + "/db.sqlite", feeds: ["file://" + dir + "/feed.xml"]).write(
            toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["poll", "-c", dir + "/c.toml"])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.last?.hasPrefix("poll: the database failed: database or disk is full; free space on the filesystem") == true)
        #expect(!r.stderr.contains("feed failed"))
    }

    @Test func aDamagedDatabaseFailsThePollAndStopsTheDaemon() throws {
        let dir = CLIRunner.tempDirectory()
        try Self.bigFeed(dir + "/feed.xml", items: 400)
        let cfg = dir + "/c.toml"
        try Self.config(dir, database: dir + "/db.sqlite", feeds: ["file://" + dir + "/feed.xml"]).write(
            toFile: cfg, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["poll", "-c", cfg]).status == 0)
        // The WAL is kept when the daemon stops (for group readers) and still holds the pages a
        // clean close checkpointed: remove it, so the damage below is to the only copy.
        for side in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dir + "/db.sqlite" + side) }
        // Damage every other page of the second half of the file: the tables, not the schema.
        let handle = try #require(FileHandle(forUpdatingAtPath: dir + "/db.sqlite"))
        let pages = Int(try handle.seekToEnd()) / 4096
        for page in stride(from: pages / 2, to: pages, by: 2) {
            try handle.seek(toOffset: UInt64(page * 4096))
            handle.write(Data(repeating: 0xA5, count: 4096))
        }
        try handle.close()
        let extra =
            "<item><guid>new</guid><title>New</title><description>Japanese officials met Indian officials in Geneva on Monday.</description></item>"
        try Self.bigFeed(dir + "/feed.xml", items: 400, extra: extra)

        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 1, "\(poll.stdout)")
        #expect(poll.stderr.hasPrefix("poll: the database failed: database disk image is malformed; the database file is damaged"))
        #expect(poll.stderr.split(separator: "\n").count == 1, "\(poll.stderr)")
        #expect(poll.stdout.contains("0 failed"), "the feed is not blamed: \(poll.stdout)")

        // The daemon, given a new feed to read on the same file, stops with exit 1 and says why.
        try FileManager.default.copyItem(atPath: dir + "/feed.xml", toPath: dir + "/feed2.xml")
        try Self.config(
            dir, database: dir + "/db.sqlite", feeds: ["file://" + dir + "/feed.xml", "file://" + dir + "/feed2.xml"],
            metrics: dir + "/metrics.prom"
        ).write(toFile: cfg, atomically: true, encoding: .utf8)
        let notify = NotifyListener(path: dir + "/notify.sock")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = ["run", "-c", cfg]
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notify.path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        #expect(notify.wait(for: "STATUS=Stopped: the database is damaged"))
        if p.isRunning { p.terminate() }  // a daemon that missed the damage must not hang the suite
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("database failed: database disk image is malformed"))
        let metrics = (try? String(contentsOfFile: dir + "/metrics.prom", encoding: .utf8)) ?? ""
        #expect(metrics.contains("diplowatch_storage_ok 0"))
        #expect(metrics.contains("diplowatch_storage_errors_total 1"))
    }

    @Test func aPollInWhichEveryFeedFailedExitsNonZero() throws {
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/c.toml"
        let dead = ["http://127.0.0.1:9/a.rss", "file://" + dir + "/missing.xml"]
        try Self.config(dir, database: dir + "/db.sqlite", feeds: dead).write(toFile: cfg, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["poll", "-c", cfg])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").last == "poll: every feed failed (2 of 2); `diplowatch feeds` shows each one's error")
        // One feed answering is a poll that worked.
        try Self.bigFeed(dir + "/feed.xml", items: 1)
        try Self.config(dir, database: dir + "/db.sqlite", feeds: dead + ["file://" + dir + "/feed.xml"]).write(
            toFile: cfg, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["poll", "-c", cfg]).status == 0)
    }
}
