import Foundation
import TestSupport
import Testing

/// `[alerts] atom` and `diplowatch digest`, from a poll of a loopback feed.
@Suite("Atom file and digest")
struct AtomAndDigestTests {
    /// Fifteen states give 105 pairs: one trade agreement each, one alert each.
    static let states = [
        "Japan", "India", "France", "Brazil", "Kenya", "Egypt", "Chile", "Peru", "Spain", "Italy", "Germany", "Mexico", "Canada",
        "Nigeria", "Ghana",
    ]

    static func agreements() -> [(String, String, String)] {
        var items: [(String, String, String)] = []
        for (i, a) in states.enumerated() {
            for b in states[(i + 1)...] {
                items.append(("a\(items.count)", "\(a) and \(b) sign a deal", "\(a) and \(b) signed a trade agreement on Monday."))
            }
        }
        return items
    }

    static func setUp(_ items: [(String, String, String)]) throws -> (dir: String, cfg: String, server: LoopbackHTTPServer) {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: EndToEndTests.feed(items)))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        let topics = "\n[[topics]]\nname = \"deals\"\ntypes = [\"AGREE\"]\n"
        try EndToEndTests().config(dir: dir, feeds: [server.url("/world.rss")], extra: topics)
            .replacingOccurrences(of: "[alerts]\n", with: "[alerts]\natom = \"alerts.atom\"\n")
            .write(toFile: cfg, atomically: true, encoding: .utf8)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        try #require(poll.status == 0, "\(poll.stderr)")
        return (dir, cfg, server)
    }

    struct Inspected: Decodable {
        struct Entry: Decodable { var id, title, link, summary, content, updated: String? }
        var format: String
        var title: String?
        var entries: [Entry]
    }

    @Test func theAtomFileHoldsTheLatestHundredAlerts() throws {
        let (dir, cfg, _) = try Self.setUp(Self.agreements())
        let alerts = try CLIRunner.run(["alerts", "--json", "-c", cfg]).stdout.split(separator: "\n")
        #expect(alerts.count == 105)
        // Read back as any feed reader would: DiploWatch's own parser, through the binary.
        let r = try CLIRunner.run(["feed", "inspect", "--json", dir + "/alerts.atom"])
        #expect(r.status == 0, "\(r.stderr)")
        let feed = try JSONDecoder().decode(Inspected.self, from: Data(r.stdout.utf8))
        #expect(feed.format == "atom10")
        #expect(feed.title == "DiploWatch alerts")
        #expect(feed.entries.count == 100)
        #expect(feed.entries.first?.id == "urn:diplowatch:alert:105:development:105")
        #expect(feed.entries.last?.id == "urn:diplowatch:alert:6:development:6")
        let newest = try #require(feed.entries.first)
        #expect(newest.title == "[deals] 2024-08-26 AGREE occurred: Ghana (GHA) – Nigeria (NGA) [trade]", "\(newest.title ?? "")")
        #expect(newest.summary == "Nigeria and Ghana signed a trade agreement on Monday.")
        #expect(newest.link == "https://l.example/a104")
        #expect(newest.content?.contains("Nigeria and Ghana sign a deal") == true, "\(newest.content ?? "")")
        #expect(newest.content?.contains("Loopback desk") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/alerts.atom.tmp"))
    }

    @Test func digestGroupsByTopicAndCountries() throws {
        let (_, cfg, _) = try Self.setUp([EndToEndTests.meeting] + Self.agreements().prefix(2))
        let r = try CLIRunner.run(["digest", "--since", "24h", "-c", cfg])
        #expect(r.status == 0, "\(r.stderr)")
        let text = r.stdout
        #expect(text.hasPrefix("DiploWatch digest: 3 alerts from "))
        #expect(text.contains("\nBy topic\n\n  deals (2)\n    2024-08-26 AGREE occurred: France (FRA) – Japan (JPN) [trade]\n"), "\(text)")
        #expect(
            text.contains("\n  us-china (1)\n    2024-08-27 CONSULT/meeting occurred: Jake Sullivan (USA) – Wang Yi (CHN) in Beijing\n"),
            "\(text)")
        #expect(text.contains("\nBy countries\n\n  CHN–USA (1)\n"), "\(text)")
        #expect(text.contains("\n  FRA–JPN (1)\n") && text.contains("\n  IND–JPN (1)\n"), "\(text)")
        #expect(text.contains("      \"Japan and India signed a trade agreement on Monday.\"\n      https://l.example/a0\n"))
        let none = try CLIRunner.run(["digest", "--since", "2099-01-01", "-c", cfg])
        #expect(none.stdout.hasSuffix("\nNo alerts in this period.\n"), "\(none.stdout)")
        #expect(try CLIRunner.run(["digest", "--format", "pdf", "-c", cfg]).status == 64)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromiumRequired = ProcessInfo.processInfo.environment["DIPLOWATCH_REQUIRE_CHROMIUM"] == "1"

    /// The HTML page as a headless browser renders it: its DOM after parsing, compared by content.
    @Test(
        .enabled(
            if: chromium != nil || chromiumRequired,
            "chromium is not installed (make test installs it; CI sets DIPLOWATCH_REQUIRE_CHROMIUM=1 so this cannot skip)"))
    func digestHTMLRendersInAHeadlessBrowser() throws {
        let browser = try #require(Self.chromium, "chromium is required (DIPLOWATCH_REQUIRE_CHROMIUM=1) but not installed")
        let (dir, cfg, _) = try Self.setUp([EndToEndTests.meeting] + Self.agreements().prefix(2))
        let r = try CLIRunner.run(["digest", "--format", "html", "-c", cfg])
        #expect(r.status == 0, "\(r.stderr)")
        // Self-contained: nothing for the browser to fetch.
        for fetched in ["<script", "<link", "<img", "src=", "@import", "url("] { #expect(!r.stdout.contains(fetched), "\(fetched)") }
        let page = dir + "/digest.html"
        try r.stdout.write(toFile: page, atomically: true, encoding: .utf8)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir)/chromium", "--dump-dom",
            "file://\(page)",
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(dom.contains("<h1>DiploWatch digest: 3 alerts from "), "\(dom.prefix(500))")
        #expect(dom.contains("<section id=\"by-topic\"><h2>By topic</h2>") || dom.contains("<section id=\"by-topic\">\n<h2>By topic</h2>"))
        #expect(dom.contains("<h3>deals <span class=\"count\">(2)</span></h3>"))
        #expect(dom.contains("<h3>CHN–USA <span class=\"count\">(1)</span></h3>"))
        #expect(dom.contains("Jake Sullivan (USA) – Wang Yi (CHN) in Beijing"))
        #expect(dom.contains("<a href=\"https://l.example/m1\">Sullivan and Wang hold talks in Beijing</a>"))
        #expect(dom.components(separatedBy: "<li>").count - 1 == 6)
    }
}
