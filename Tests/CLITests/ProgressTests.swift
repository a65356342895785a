import Foundation
import TestSupport
import Testing

/// `poll` on a terminal and off one. The terminal is a real pseudo-terminal made by util-linux's
/// `script`, so the binary's own isatty(2) decides.
@Suite("Poll progress")
struct ProgressTests {
    static func setUp() throws -> (cfg: String, server: LoopbackHTTPServer) {
        let server = try LoopbackHTTPServer()
        var feeds: [String] = []
        for i in 0..<3 {
            server.set("/f\(i).rss", .init(body: EndToEndTests.feed(i == 0 ? [EndToEndTests.meeting] : [])))
            feeds.append(server.url("/f\(i).rss"))
        }
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try EndToEndTests().config(dir: dir, feeds: feeds).write(toFile: cfg, atomically: true, encoding: .utf8)
        return (cfg, server)
    }

    @Test func aTerminalSeesOneUpdatingLineThenTheSummary() throws {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux's script is needed for a pseudo-terminal")
        let (cfg, server) = try Self.setUp()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: script)
        // -q: no banner; -e: its exit status; -c: the command, in a new pseudo-terminal.
        p.arguments = ["-qec", "'\(CLIRunner.binary)' poll -c '\(cfg)'", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        // Each redraw returns to the start of the line and erases it.
        #expect(text.contains("\r\u{1B}[Kpoll: 3/3 feeds, 1 new articles, 1 new developments, 1 alerts"), "\(text.debugDescription)")
        let summary = text.components(separatedBy: "\r\u{1B}[K").last ?? ""
        #expect(summary.hasPrefix("poll: 3 feeds (3 fetched, 0 unchanged, 0 failed)"), "\(summary.debugDescription)")
        #expect(summary.split(separator: "\n").count == 1)
        _ = server
    }

    @Test func withoutATerminalOnlyTheSummary() throws {
        let (cfg, server) = try Self.setUp()
        let r = try CLIRunner.run(["poll", "-c", cfg])
        #expect(r.status == 0)
        #expect(r.stderr == "", "\(r.stderr.debugDescription)")
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.hasPrefix("poll: 3 feeds (3 fetched"))
        _ = server
    }
}
