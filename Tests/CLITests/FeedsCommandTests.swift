import Foundation
import TestSupport
import Testing

/// `feeds add`, `import`, `export` and `remove` against a real HTTP server on 127.0.0.1, on a
/// config that includes `feeds.d/*.toml` and must never be rewritten.
@Suite("Feeds from the command line")
struct FeedsCommandTests {
    static let mainConfig = """
        # My DiploWatch config: these comments must survive every feeds command.
        [daemon]
        database = "state/db.sqlite"
        include = ["feeds.d/*.toml"]   # feeds added from the command line

        [alerts]
        log = "state/alerts.jsonl"

        [[feeds]]
        url = "http://127.0.0.1:1/hand-written.rss"
        name = "Hand written"

        """

    static let atom = Data(
        """
        <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry press releases</title><id>x</id>
        <entry><id>e1</id><title>One</title><link href="https://m.example/1"/><updated>2026-11-24T10:00:00Z</updated></entry></feed>
        """.utf8)

    static let page = Data(
        """
        <!DOCTYPE html><html><head><title>Ministry</title>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/atom+xml" title="Press releases" href="/press.atom">
        </head><body><p>Welcome</p></body></html>
        """.utf8)

    static func setUp() throws -> (dir: String, cfg: String, server: LoopbackHTTPServer) {
        let server = try LoopbackHTTPServer()
        server.set("/press.atom", .init(body: atom, contentType: "application/atom+xml"))
        server.set("/ministry/", .init(body: page, contentType: "text/html; charset=utf-8"))
        server.set("/plain/", .init(body: Data("<html><head><title>No feed</title></head></html>".utf8), contentType: "text/html"))
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Wire JSON", "items": []}"#
        server.set("/wire.json", .init(body: Data(json.utf8), contentType: "application/feed+json"))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try mainConfig.write(toFile: cfg, atomically: true, encoding: .utf8)
        return (dir, cfg, server)
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func addDiscoversTheFeedOfAPageAndLeavesTheConfigAlone() throws {
        let (dir, cfg, server) = try Self.setUp()
        let r = try CLIRunner.run(["feeds", "add", server.url("/ministry/"), "-c", cfg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                feeds add: \(server.url("/ministry/")) links the feed \(server.url("/press.atom"))
                feeds add: added "Ministry press releases" (atom10, 1 entries) to feeds.d/feeds.toml
                config: \(cfg) is valid: 2 feeds. Reload the daemon to use it: sudo systemctl reload diplowatch

                """, "\(r.stdout)")
        #expect(Self.read(cfg) == Self.mainConfig)
        #expect(
            Self.read(dir + "/feeds.d/feeds.toml").contains("url = \"\(server.url("/press.atom"))\"\nname = \"Ministry press releases\"\n"))
        // A feed URL itself, with a name; the config check and a poll see both.
        let json = try CLIRunner.run(["feeds", "add", server.url("/wire.json"), "--name", "Wire", "--category", "Wires", "-c", cfg])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("added \"Wire\" (json, 0 entries)"), "\(json.stdout)")
        let check = try CLIRunner.run(["config", "check", "-c", cfg])
        #expect(check.stdout.contains("3 feeds"), "\(check.stdout)")
        let show = try CLIRunner.run(["config", "show", "-c", cfg])
        #expect(show.stdout.contains("name = \"Wire\"\ncategory = \"Wires\""))
        try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
        _ = try CLIRunner.run(["poll", "-c", cfg])
        #expect(server.requests(for: "/wire.json").count == 2)
    }

    @Test func addRefusesWhatIsNotAFeedOrIsKnown() throws {
        let (dir, cfg, server) = try Self.setUp()
        let none = try CLIRunner.run(["feeds", "add", server.url("/plain/"), "-c", cfg])
        #expect(none.status == 65)
        #expect(none.stderr.contains("is neither a feed nor a page that links one"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/feeds.d/feeds.toml"))
        let missing = try CLIRunner.run(["feeds", "add", server.url("/gone.rss"), "-c", cfg])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("404"), "\(missing.stderr)")
        #expect(try CLIRunner.run(["feeds", "add", server.url("/press.atom"), "-c", cfg]).status == 0)
        let twice = try CLIRunner.run(["feeds", "add", server.url("/ministry/"), "-c", cfg])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("is already configured"), "\(twice.stderr)")
        // A config without include: told what to add, nothing written.
        let bare = dir + "/bare.toml"
        try "[daemon]\ndatabase = \"db.sqlite\"\n".write(toFile: bare, atomically: true, encoding: .utf8)
        let noInclude = try CLIRunner.run(["feeds", "add", server.url("/wire.json"), "-c", bare])
        #expect(noInclude.status == 1)
        #expect(noInclude.stderr.contains("includes no feeds file: add include = [\"feeds.d/*.toml\"]"), "\(noInclude.stderr)")
        #expect(Self.read(bare) == "[daemon]\ndatabase = \"db.sqlite\"\n")
    }

    @Test func importThenExportKeepsNamesAndCategories() throws {
        let (dir, cfg, _) = try Self.setUp()
        let opml = dir + "/subscriptions.opml"
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>From newsboat</title></head><body>
          <outline text="Ministries">
            <outline type="rss" text="Foreign Office &amp; Co" xmlUrl="https://fo.example/rss.xml" htmlUrl="https://fo.example/"/>
            <outline type="rss" text="MFA" xmlUrl="https://mfa.example/feed"/>
          </outline>
          <outline type="rss" text="UN News" xmlUrl="https://news.un.example/rss.xml"/>
          <outline type="rss" text="Hand written" xmlUrl="http://127.0.0.1:1/hand-written.rss"/>
        </body></opml>
        """.write(toFile: opml, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["feeds", "import", opml, "-c", cfg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 3 of 4 feeds into feeds.d/feeds.toml (1 already configured)"), "\(r.stdout)")
        #expect(r.stdout.contains("is valid: 4 feeds"))
        #expect(Self.read(cfg) == Self.mainConfig)
        let export = try CLIRunner.run(["feeds", "export", "-c", cfg])
        #expect(export.status == 0)
        #expect(export.stdout.contains("<opml version=\"2.0\">"))
        #expect(
            export.stdout.contains(
                "<outline type=\"rss\" text=\"Hand written\" title=\"Hand written\" xmlUrl=\"http://127.0.0.1:1/hand-written.rss\"/>"))
        #expect(
            export.stdout.contains(
                """
                    <outline text="Ministries" title="Ministries">
                      <outline type="rss" text="Foreign Office &amp; Co" title="Foreign Office &amp; Co" xmlUrl="https://fo.example/rss.xml"/>
                      <outline type="rss" text="MFA" title="MFA" xmlUrl="https://mfa.example/feed"/>
                    </outline>
                """), "\(export.stdout)")
        // The export imports into an empty config as the same feeds.
        let other = CLIRunner.tempDirectory()
        try "[daemon]\ninclude = [\"feeds.d/*.toml\"]\n".write(toFile: other + "/c.toml", atomically: true, encoding: .utf8)
        try export.stdout.write(toFile: other + "/x.opml", atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["feeds", "import", other + "/x.opml", "-c", other + "/c.toml"]).status == 0)
        #expect(
            try CLIRunner.run(["feeds", "export", "-c", other + "/c.toml"]).stdout.components(separatedBy: "<body>").last
                == export.stdout.components(separatedBy: "<body>").last)
    }

    @Test func aChangeThatBreaksTheConfigIsPutBack() throws {
        let (dir, cfg, server) = try Self.setUp()
        #expect(try CLIRunner.run(["feeds", "add", server.url("/press.atom"), "-c", cfg]).status == 0)
        let before = Self.read(dir + "/feeds.d/feeds.toml")
        let opml = dir + "/bad.opml"
        try "<opml version=\"2.0\"><body><outline text=\"x\" xmlUrl=\"gopher://old.example/feed\"/></body></opml>".write(
            toFile: opml, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["feeds", "import", opml, "-c", cfg])
        #expect(r.status == 78)
        #expect(r.stderr.contains("feeds.d/feeds.toml:"), "\(r.stderr)")
        #expect(r.stderr.contains("must be an http://, https:// or file: URL"), "\(r.stderr)")
        #expect(r.stderr.contains("was left as it was"))
        #expect(Self.read(dir + "/feeds.d/feeds.toml") == before)
        let notOPML = try CLIRunner.run(["feeds", "import", cfg, "-c", cfg])
        #expect(notOPML.status == 65)
        #expect(notOPML.stderr.contains("not an OPML document"), "\(notOPML.stderr)")
    }

    @Test func removeByNameOrURLOnlyFromTheFeedsFile() throws {
        let (dir, cfg, server) = try Self.setUp()
        #expect(try CLIRunner.run(["feeds", "add", server.url("/press.atom"), "-c", cfg]).status == 0)
        #expect(try CLIRunner.run(["feeds", "add", server.url("/wire.json"), "-c", cfg]).status == 0)
        let byName = try CLIRunner.run(["feeds", "remove", "Ministry press releases", "-c", cfg])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.contains("removed \"Ministry press releases\" from feeds.d/feeds.toml"))
        #expect(byName.stdout.contains("is valid: 2 feeds"))
        let file = Self.read(dir + "/feeds.d/feeds.toml")
        #expect(!file.contains("press.atom") && file.contains("wire.json"))
        let byURL = try CLIRunner.run(["feeds", "remove", server.url("/wire.json"), "-c", cfg])
        #expect(byURL.status == 0, "\(byURL.stderr)")
        #expect(!Self.read(dir + "/feeds.d/feeds.toml").contains("[[feeds]]"))
        let handWritten = try CLIRunner.run(["feeds", "remove", "Hand written", "-c", cfg])
        #expect(handWritten.status == 65)
        #expect(handWritten.stderr.contains("is in \(cfg) itself, at line 9; remove it there"), "\(handWritten.stderr)")
        #expect(try CLIRunner.run(["feeds", "remove", "nothing", "-c", cfg]).status == 65)
        #expect(Self.read(cfg) == Self.mainConfig)
    }
}
