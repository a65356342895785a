import Foundation
import TestSupport
import Testing

/// One alert per event, text lines people read and no alerts for old news: the built binary
/// polling a loopback feed whose entries are dated relative to now.
@Suite("Alerts per event")
struct AlertEventTests {
    struct Item {
        var guid: String
        var title: String
        var text: String
        /// Seconds before now; nil for an undated entry.
        var age: Double? = 3600
    }

    static func feed(_ items: [Item], now: Date = Date()) -> Data {
        var s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback desk</title><link>https://l.example/</link>"
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for i in items {
            s += "<item><guid isPermaLink=\"false\">\(i.guid)</guid><title>\(i.title)</title><link>https://l.example/\(i.guid)</link>"
            if let age = i.age { s += "<pubDate>\(f.string(from: now.addingTimeInterval(-age)))</pubDate>" }
            s += "<description>\(i.text)</description></item>"
        }
        return Data((s + "</channel></rss>").utf8)
    }

    static let usChina = Item(
        guid: "m1", title: "Sullivan and Wang hold talks in Beijing",
        text: "US National Security Adviser Jake Sullivan held talks with China's top foreign policy official, Wang Yi, "
            + "in Beijing on Tuesday, the White House said.")
    static let franceIndia = Item(
        guid: "m2", title: "France and India meet",
        text: "French Foreign Minister Jean-Noel Barrot met Indian External Affairs Minister Subrahmanyam Jaishankar in Paris "
            + "on Tuesday to discuss defence cooperation and trade, the French foreign ministry said.")
    static let germanyBrazil = Item(
        guid: "m3", title: "Germany and Brazil talks",
        text:
            "German Foreign Minister Annalena Baerbock met Brazilian Foreign Minister Mauro Vieira in Berlin on Monday, the ministry said.")

    func setUp(_ items: [Item], alerts: String = "", topics: String) throws -> (dir: String, cfg: String, server: LoopbackHTTPServer) {
        let server = try LoopbackHTTPServer()
        server.set("/world.rss", .init(body: Self.feed(items)))
        let dir = CLIRunner.tempDirectory()
        let cfg = dir + "/diplowatch.toml"
        try """
        [daemon]
        database = "db.sqlite"

        [alerts]
        log = "alerts.jsonl"
        \(alerts)

        [[feeds]]
        url = "\(server.url("/world.rss"))"
        \(topics)
        """.write(toFile: cfg, atomically: true, encoding: .utf8)
        return (dir, cfg, server)
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    func objects(_ s: String) throws -> [[String: Any]] {
        try lines(s).map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func aDevelopmentMatchingSeveralTopicsIsOneAlert() throws {
        // Given a meeting that three topics of four match
        let topics = """
            [[topics]]
            name = "us-china"
            countries = ["USA", "CHN"]

            [[topics]]
            name = "talks"
            types = ["CONSULT"]

            [[topics]]
            name = "deals"
            types = ["AGREE"]

            [[topics]]
            name = "china"
            countries = ["CHN"]
            """
        let (dir, cfg, server) = try setUp([Self.usChina], alerts: "atom = \"alerts.atom\"", topics: topics)
        defer { withExtendedLifetime(server) {} }

        // When it is polled
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stdout.contains("1 alerts; 1 alert lines written"), "\(poll.stdout)")

        // Then the log has one line, naming every matched topic in the configured order
        let log = try objects(try String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8))
        #expect(log.count == 1)
        #expect(log.first?["topics"] as? [String] == ["us-china", "talks", "china"])
        #expect(log.first?["topic"] as? String == "us-china")

        // And every reader of alerts sees it once, under each of its topics
        #expect(try objects(CLIRunner.run(["alerts", "--json", "-c", cfg]).stdout).count == 1)
        for topic in ["us-china", "talks", "china"] {
            let r = try CLIRunner.run(["alerts", "--topic", topic, "-c", cfg])
            #expect(lines(r.stdout).count == 1, "\(topic): \(r.stdout)")
            #expect(r.stdout.contains("[us-china, talks, china] new: CONSULT"), "\(r.stdout)")
        }
        #expect(try CLIRunner.run(["alerts", "--topic", "deals", "-c", cfg]).stdout.isEmpty)
        let atom = try String(contentsOfFile: dir + "/alerts.atom", encoding: .utf8)
        #expect(atom.components(separatedBy: "<entry>").count == 2)
        #expect(atom.contains("<category term=\"talks\"/>") && atom.contains("<category term=\"china\"/>"))
        let digest = try CLIRunner.run(["digest", "--since", "24h", "-c", cfg]).stdout
        #expect(digest.contains("1 alert from"), "\(digest)")
        #expect(digest.contains("\n  talks (1)\n") && digest.contains("\n  us-china (1)\n") && digest.contains("\n  CHN–USA (1)\n"))
    }

    @Test func aTopicOverItsRateHoldsOnlyWhatNoOtherTopicWants() throws {
        // Given "talks" limited to one alert an hour, "india" without a limit, and three meetings:
        // the second matches both topics, the others only "talks"
        let topics = """
            [[topics]]
            name = "talks"
            types = ["CONSULT"]
            max_per_hour = 1

            [[topics]]
            name = "india"
            countries = ["IND"]
            """
        let (dir, cfg, server) = try setUp([Self.usChina, Self.franceIndia, Self.germanyBrazil], topics: topics)
        defer { withExtendedLifetime(server) {} }

        // When they are polled
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")

        // Then the second is still written (for "india", though "talks" is over its rate), and
        // only the third, wanted by "talks" alone, is held back
        let log = try objects(try String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8))
        #expect(log.count == 2, "\(log)")
        #expect(log.map { $0["topics"] as? [String] ?? [] } == [["talks"], ["talks", "india"]])
        let participants = log.map { (($0["development"] as? [String: Any])?["location"] as? String) ?? "" }
        #expect(participants == ["Beijing", "Paris"])
    }

    @Test func textLinesTellTheEventAndWhereToReadIt() throws {
        // Given one event reported twice in a feed, planned then done, the first report long and
        // carrying a right-to-left override
        let long = Item(
            guid: "long", title: "Sullivan and Wang to hold talks",
            text: "US National Security Adviser Jake Sullivan will hold talks in Beijing on Tuesday with China's top foreign policy "
                + "official, Wang Yi, the White House said, in a meeting \u{202E}that both sides expect to be described as candid, "
                + "substantive and constructive, covering trade, technology controls, the Taiwan Strait and fentanyl.")
        let again = Item(
            guid: "again", title: "Wang and Sullivan meet",
            text:
                "Chinese Foreign Minister Wang Yi met US National Security Adviser Jake Sullivan in Beijing on Tuesday, Chinese state media said."
        )
        let (dir, cfg, server) = try setUp(
            [long, again], alerts: "format = \"text\"", topics: "[[topics]]\nname = \"us-china\"\ncountries = [\"USA\", \"CHN\"]")
        defer { withExtendedLifetime(server) {} }

        // When it is polled
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")

        // Then each text line has the time, kind, type/mode/status, who with whom, place and date,
        // the sentence (cut at a word when long), the URL of the report it is from and, when there
        // are several, how many sources there are
        let written = lines(try String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8))
        #expect(written.count == 2)
        let first = try #require(written.first)
        let pattern =
            #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ #1 \[us-china\] new: CONSULT/meeting planned: Jake Sullivan \(USA\) – Wang Yi \(CHN\), in Beijing on \d{4}-\d\d-\d\d — "US National Security Adviser (.*)…" https://l\.example/long/#
        let m = try #require(first.wholeMatch(of: pattern), "\(first)")
        let quoted = "US National Security Adviser " + m.1
        #expect(quoted.count <= 200 && quoted.count > 150, "\(quoted.count)")
        #expect(long.text.hasPrefix(quoted.replacingOccurrences(of: "\u{FFFD}", with: "\u{202E}") + " "), "\(quoted)")
        #expect(!first.unicodeScalars.contains { $0.value == 0x202E })
        let update = try #require(written.last)
        let tail =
            #/ #2 \[us-china\] update: CONSULT/meeting occurred: Jake Sullivan \(USA\) – Wang Yi \(CHN\), in Beijing on \d{4}-\d\d-\d\d — "Chinese Foreign Minister Wang Yi met US National Security Adviser Jake Sullivan in Beijing on Tuesday, Chinese state media said\." https://l\.example/again \(2 sources\)$/#
        #expect(update.firstMatch(of: tail) != nil, "\(update)")
        // And `diplowatch alerts` prints the same line
        #expect(try CLIRunner.run(["alerts", "-c", cfg]).stdout == written.joined(separator: "\n") + "\n")
    }

    @Test func oldNewsAndBackgroundAreStoredButNeverAlerted() throws {
        // Given a feed's first poll: a fresh report, one ten days old, an undated one, and a
        // fresh one about an agreement signed in 2019
        let items = [
            Item(guid: "fresh", title: "Talks", text: Self.usChina.text),
            Item(guid: "old", title: "Deal", text: "Japan and Kenya signed a trade agreement on Monday.", age: 10 * 86400),
            Item(guid: "undated", title: "Deal", text: "Peru and Chile signed a trade agreement on Monday.", age: nil),
            Item(guid: "history", title: "History", text: "Egypt and Ghana signed a trade agreement in March 2019."),
        ]
        let (dir, cfg, server) = try setUp(items, topics: "[[topics]]\nname = \"all\"")
        defer { withExtendedLifetime(server) {} }

        // When it is polled with the default max_age (3d)
        let poll = try CLIRunner.run(["poll", "-c", cfg])
        #expect(poll.status == 0, "\(poll.stderr)")

        // Then only the fresh and the undated report alert; all four are stored and searchable
        let log = try objects(try String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8))
        let located = log.map { alert in
            ((alert["sources"] as? [[String: Any]])?.first?["url"] as? String) ?? ""
        }
        #expect(located == ["https://l.example/fresh", "https://l.example/undated"], "\(log)")
        #expect(lines(try CLIRunner.run(["developments", "-c", cfg]).stdout).count == 4)
        #expect(try CLIRunner.run(["developments", "--search", "Kenya", "-c", cfg]).stdout.contains("Japan (JPN) – Kenya (KEN)"))
        #expect(try CLIRunner.run(["developments", "--search", "Ghana", "-c", cfg]).stdout.contains("background"))
    }

    @Test func maxAgeIsCheckedShownAndObeyed() throws {
        // Given a ten-day-old report and max_age = "30d"
        let old = Item(guid: "old", title: "Deal", text: "Japan and Kenya signed a trade agreement on Monday.", age: 10 * 86400)
        let (dir, cfg, server) = try setUp([old], alerts: "max_age = \"30d\"", topics: "[[topics]]\nname = \"all\"")
        defer { withExtendedLifetime(server) {} }

        // Then the config shows it, and the report alerts
        #expect(try CLIRunner.run(["config", "show", "-c", cfg]).stdout.contains("\nmax_age = \"30d\"\n"))
        #expect(try CLIRunner.run(["poll", "-c", cfg]).status == 0)
        #expect(lines(try String(contentsOfFile: dir + "/alerts.jsonl", encoding: .utf8)).count == 1)

        // And the default config shows the default; bad values are named by file, line and key
        try "".write(toFile: dir + "/empty.toml", atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["config", "show", "-c", dir + "/empty.toml"]).stdout.contains("\nmax_age = \"3d\"\n"))
        for (value, why) in [
            ("\"3 days\"", "must be a duration"), ("\"40000d\"", "must be between 1m and 36500d"), ("0", "must be a duration"),
        ] {
            let bad = dir + "/bad.toml"
            try "[daemon]\ndatabase = \"db.sqlite\"\n\n[alerts]\nmax_age = \(value)\n".write(toFile: bad, atomically: true, encoding: .utf8)
            let r = try CLIRunner.run(["config", "check", "-c", bad])
            #expect(r.status == 78)
            #expect(r.stderr.contains("\(bad):5: alerts.max_age: \(why)"), "\(r.stderr)")
        }
    }
}
