import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's files as the shipped unit leaves them (its own user and group, directories 0750,
/// UMask 0027), read by real users: one in the group, one not. Users are created with useradd,
/// processes switched to them with setpriv; this needs root.
@Suite("Reading as a member of the daemon's group")
struct GroupReadTests {
    static let tools = ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/bin/setpriv"]
    static let canRun = getuid() == 0 && tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let group = "dwtest"

    @discardableResult
    static func run(_ argv: [String]) throws -> CLIRunner.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// The group, a daemon user whose primary group it is, a reader in it and a user outside it.
    static func createUsers() throws {
        try run(["/usr/sbin/groupadd", "-f", "--system", group])
        for (user, args) in [
            ("dwtest-daemon", ["-g", group]), ("dwtest-reader", ["-U", "-G", group]), ("dwtest-other", ["-U"]),
        ] where getpwnam(user) == nil {
            let r = try run(["/usr/sbin/useradd", "--system", "-M", "-s", "/usr/sbin/nologin"] + args + [user])
            try #require(r.status == 0 || getpwnam(user) != nil, "useradd \(user): \(r.stderr)")
        }
    }

    /// `argv` as `user` with the user's own groups (initgroups), under UMask 0027.
    static func runAs(_ user: String, _ argv: [String], primaryGroup: String? = nil) throws -> CLIRunner.Result {
        let quoted = argv.map { "'\($0)'" }.joined(separator: " ")
        return try run([
            "/usr/bin/setpriv", "--reuid=\(user)", "--regid=\(primaryGroup ?? user)", "--init-groups", "--", "/bin/sh", "-c",
            "umask 0027; HOME=/nonexistent exec \(quoted)",
        ])
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test(.enabled(if: canRun, "needs root, useradd and setpriv: it creates a daemon user and a reader in its group"))
    func aGroupMemberReadsTheAlertLogAndTheDatabase() throws {
        try Self.createUsers()
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: EndToEndTests.feed([EndToEndTests.meeting])))
        // Given the state directory as systemd makes it: the daemon's, group-readable (0750).
        let dir = CLIRunner.tempDirectory()
        chmod(dir, 0o755)
        // The other users run a copy of the binary in that directory: the build directory may sit
        // in one they cannot enter (a checkout under /root, or in a mktemp -d directory, is 0700).
        let binary = dir + "/diplowatch"
        try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: binary)
        chmod(binary, 0o755)
        let state = dir + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try #require(Self.run(["/bin/chown", "dwtest-daemon:\(Self.group)", state]).status == 0)
        chmod(state, 0o750)
        let cfg = dir + "/diplowatch.toml"
        try EndToEndTests().config(dir: state, feeds: [server.url("/world.rss")]).write(toFile: cfg, atomically: true, encoding: .utf8)
        chmod(cfg, 0o644)

        // When the daemon's user polls, and has finished.
        let poll = try Self.runAs("dwtest-daemon", [binary, "poll", "-c", cfg], primaryGroup: Self.group)
        try #require(poll.status == 0, "\(poll.stderr)")
        #expect(Self.mode(state + "/db.sqlite") == 0o640)
        #expect(Self.mode(state + "/alerts.jsonl") == 0o640)
        // The WAL files stay, so that readers who cannot create files here can open the database.
        #expect(FileManager.default.fileExists(atPath: state + "/db.sqlite-wal"))
        #expect(FileManager.default.fileExists(atPath: state + "/db.sqlite-shm"))

        // Then a member of the group reads the log and the database.
        let log = try Self.runAs("dwtest-reader", ["/usr/bin/tail", "-n1", state + "/alerts.jsonl"])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(log.stdout.contains("\"topic\":\"us-china\""))
        for command in [["alerts"], ["developments", "--country", "CHN"], ["feeds"], ["digest"]] {
            let r = try Self.runAs("dwtest-reader", [binary] + command + ["-c", cfg])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(r.stdout.contains(command == ["feeds"] ? "ok  " : "Jake Sullivan"), "\(command): \(r.stdout)")
        }
        // Reading changed nothing, and writing is the daemon's alone.
        let write = try Self.runAs("dwtest-reader", [binary, "poll", "-c", cfg])
        #expect(write.status != 0)
        // Someone outside the group is told who may read it.
        let other = try Self.runAs("dwtest-other", [binary, "alerts", "-c", cfg])
        #expect(other.status == 1)
        #expect(
            other.stderr.contains("cannot read \(state)/db.sqlite: permission denied; members of the \(Self.group) group"),
            "\(other.stderr)")
    }
}
