import Foundation

/// Feeds written for these tests: realistic items, some diplomatic, some not.
enum Fixtures {
    static func rss(_ items: [(guid: String, title: String, link: String, date: String, text: String)]) -> Data {
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Test desk</title><link>https://test.example/</link>

            """
        for i in items {
            s += """
                <item><title>\(i.title)</title><link>\(i.link)</link><guid isPermaLink="false">\(i.guid)</guid>
                <pubDate>\(i.date)</pubDate><description>\(i.text)</description></item>

                """
        }
        return Data((s + "</channel></rss>").utf8)
    }

    static let meeting = (
        guid: "m-1", title: "Top diplomats of France and India meet in Paris",
        link: "https://test.example/2026/11/24/france-india", date: "Tue, 24 Nov 2026 10:00:00 GMT",
        text: "French Foreign Minister Jean-Noel Barrot met Indian External Affairs Minister Subrahmanyam Jaishankar "
            + "in Paris on Tuesday to discuss defence cooperation and trade, the French foreign ministry said."
    )
    static let sameMeetingElsewhere = (
        guid: "other-77", title: "India, France hold talks in Paris",
        link: "https://other.example/india-france-talks", date: "Tue, 24 Nov 2026 12:00:00 GMT",
        text: "Jaishankar held talks with Barrot in Paris on Tuesday, officials said."
    )
    static let weather = (
        guid: "w-1", title: "Storm brings heavy rain", link: "https://test.example/2026/11/24/storm",
        date: "Tue, 24 Nov 2026 09:00:00 GMT", text: "A storm brought heavy rain to the coast on Tuesday, forecasters said."
    )

    /// A news article page as sites serve them: navigation, share bar, the story, a "most read"
    /// box, comments and a footer (`Fixtures/article-page.html`, also a seed for the fuzzer).
    static let articlePage: String = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/article-page.html")
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }()

    static func tempDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diplowatch-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
