import Foundation
import Testing

/// `make install` as a packager runs it: from a copy of the tree that holds a release build made
/// elsewhere, into a DESTDIR, with no Swift toolchain to rebuild anything (SWIFT=/bin/false).
@Suite("make install")
struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let release = root + "/.build/release"
    static let built =
        FileManager.default.isExecutableFile(atPath: release + "/diplowatch")
        && ((try? FileManager.default.contentsOfDirectory(atPath: release + "/man")) ?? []).contains("diplowatch.1")
    static let required = ProcessInfo.processInfo.environment["DIPLOWATCH_REQUIRE_RELEASE"] == "1"

    static func run(_ argv: [String], in dir: String) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out)
    }

    /// The source tree without build output, and the release build's binary and man pages in a
    /// .build of its own, as a copy made with cp -a or rsync would hold them.
    static func copyOfTheTree() throws -> String {
        let copy = CLIRunner.tempDirectory() + "/diplowatch-src"
        let fm = FileManager.default
        try fm.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let tar = try run(
            [
                "sh", "-c",
                "tar -C '\(root)' --exclude=.build --exclude=.git --exclude=demo-state --exclude=bench-results -cf - . | tar -C '\(copy)' -xf -",
            ], in: root)
        try #require(tar.status == 0, "\(tar.output)")
        let products = copy + "/.build/x86_64-unknown-linux-gnu/release"
        try fm.createDirectory(atPath: products, withIntermediateDirectories: true)
        try fm.copyItem(atPath: release + "/diplowatch", toPath: products + "/diplowatch")
        try fm.copyItem(atPath: release + "/man", toPath: products + "/man")
        try fm.createSymbolicLink(atPath: copy + "/.build/release", withDestinationPath: "x86_64-unknown-linux-gnu/release")
        return copy
    }

    @Test(.enabled(if: built || required, "no release build with man pages in .build/release: run make release first (CI does)"))
    func installsTheReleaseBuildFromACopyWithoutBuilding() throws {
        try #require(Self.built, "DIPLOWATCH_REQUIRE_RELEASE=1 but there is no release build with man pages: run make release")
        let copy = try Self.copyOfTheTree()
        let dest = CLIRunner.tempDirectory() + "/root"
        let make = try Self.run(["make", "install", "DESTDIR=\(dest)", "PREFIX=/usr", "SWIFT=/bin/false"], in: copy)
        #expect(make.status == 0, "\(make.output)")

        let bin = dest + "/usr/bin/diplowatch"
        let version = try Self.run([bin, "--version"], in: dest)
        #expect(version.output == "0.1.0\n")
        // A man page for the command and each subcommand, as --help lists them.
        let pages = Set(try FileManager.default.contentsOfDirectory(atPath: dest + "/usr/share/man/man1"))
        for page in [
            "diplowatch.1", "diplowatch.run.1", "diplowatch.poll.1", "diplowatch.feeds.1", "diplowatch.feeds.add.1",
            "diplowatch.feeds.import.1", "diplowatch.feeds.export.1", "diplowatch.feeds.remove.1", "diplowatch.digest.1",
            "diplowatch.alerts.1", "diplowatch.developments.1", "diplowatch.config.check.1",
        ] {
            #expect(pages.contains(page), "\(page) not in \(pages.sorted())")
        }
        let feedsAdd = (try? String(contentsOfFile: dest + "/usr/share/man/man1/diplowatch.feeds.add.1", encoding: .utf8)) ?? ""
        #expect(feedsAdd.contains(".Dt DIPLOWATCH.FEEDS.ADD 1"), "\(feedsAdd.prefix(300))")
        #expect(feedsAdd.contains(".It Fl -name Ar name"))
        // Completions for bash, zsh and fish that know the subcommands.
        for (file, marker) in [
            ("/usr/share/bash-completion/completions/diplowatch", "complete -o filenames -F _diplowatch diplowatch"),
            ("/usr/share/zsh/site-functions/_diplowatch", "#compdef diplowatch"),
            ("/usr/share/fish/vendor_completions.d/diplowatch.fish", "complete -c 'diplowatch'"),
        ] {
            let text = (try? String(contentsOfFile: dest + file, encoding: .utf8)) ?? ""
            #expect(text.contains(marker), "\(file): \(text.prefix(200))")
            #expect(text.contains("digest"), "\(file) does not offer digest")
        }
        let unit = (try? String(contentsOfFile: dest + "/etc/systemd/system/diplowatch.service", encoding: .utf8)) ?? ""
        #expect(unit.contains("ExecStart=/usr/bin/diplowatch run"))
        #expect(FileManager.default.fileExists(atPath: dest + "/usr/lib/sysusers.d/diplowatch.conf"))
        #expect(FileManager.default.fileExists(atPath: dest + "/etc/diplowatch/feeds.d"))
        // The installed config is valid and includes feeds.d; a second install keeps it.
        let check = try Self.run([bin, "config", "check", "-c", dest + "/etc/diplowatch/diplowatch.toml"], in: dest)
        #expect(check.status == 0, "\(check.output)")
        let again = try Self.run(["make", "install", "DESTDIR=\(dest)", "PREFIX=/usr", "SWIFT=/bin/false"], in: copy)
        #expect(again.status == 0)
        #expect(again.output.contains("keeping existing \(dest)/etc/diplowatch/diplowatch.toml"))
    }

    @Test func withoutAReleaseBuildInstallSaysWhatToRun() throws {
        let copy = CLIRunner.tempDirectory() + "/empty-src"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/Makefile", toPath: copy + "/Makefile")
        let make = try Self.run(["make", "install", "DESTDIR=\(copy)/root", "SWIFT=/bin/false"], in: copy)
        #expect(make.status != 0)
        #expect(make.output.contains("install: no release build in .build/release: run make release first"), "\(make.output)")
        #expect(!FileManager.default.fileExists(atPath: copy + "/root"))
    }

    @Test func versionIsPrinted() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "0.1.0\n")
    }
}
