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
    /// box, comments and a footer.
    static let articlePage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Ministers meet in Paris | Test Desk</title>
        <style>body { font-family: serif; }</style><script>window.analytics = { page: "story" };</script></head>
        <body>
        <header class="site-header"><a href="/">Test Desk</a>
          <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        </header>
        <div class="share-bar"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
        <main>
          <div class="story-body" id="story">
            <h1>Top diplomats of France and India meet in Paris</h1>
            <p class="byline">By a staff reporter, 24 November 2026</p>
            <p>French Foreign Minister Jean-Noel Barrot met Indian External Affairs Minister Subrahmanyam Jaishankar in Paris
            on Tuesday to discuss defence cooperation, trade and the situation in the Indo-Pacific, the French foreign ministry said.</p>
            <p>The two ministers, who last met in September, reviewed progress on a submarine programme, a civil nuclear project
            and plans for a new consulate, according to a joint statement released after the talks.</p>
            <p>Officials on both sides described the meeting as cordial, and said further talks were planned for early next year,
            although no date has been fixed.</p>
            <div class="related-links"><h3>Related</h3><ul><li><a href="/a">India and France sign a space deal</a></li>
            <li><a href="/b">What the submarine programme means</a></li></ul></div>
          </div>
          <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/c">Storm brings heavy rain to the coast</a></li>
          <li><a href="/d">Ten recipes for the weekend</a></li></ol></aside>
        </main>
        <section id="comments" class="comments"><h2>Comments</h2><p>What a meeting, I think it will change everything, really.</p></section>
        <div class="newsletter-signup"><p>Sign up for our morning briefing, delivered to your inbox every weekday.</p></div>
        <footer><p>Copyright Test Desk. All rights reserved.</p></footer>
        </body></html>
        """

    static func tempDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diplowatch-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
