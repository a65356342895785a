import Foundation
import Testing

@testable import Feeds

/// Pages written for these tests, shaped like the ones news sites serve.
@Suite("Main text of article pages")
struct MainTextTests {
    static let paragraphs = [
        "The foreign ministers of Norway and Chile met in Oslo on Thursday and agreed to open talks on a fisheries accord, "
            + "their ministries said in a joint readout.",
        "The talks, the first at that level in six years, covered salmon farming, Antarctic research and a shared position "
            + "ahead of the next ocean conference, officials said.",
        "A second round is expected in Santiago in the spring, although neither side has named a date.",
    ]

    static let newsPage = """
        <html><head><title>Norway and Chile to negotiate fisheries accord</title>
        <script>var tracker = "page";</script></head><body>
        <div id="top-nav" class="navigation"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></div>
        <div class="layout">
          <div class="col-main">
            <article class="article">
              <h1>Norway and Chile to negotiate fisheries accord</h1>
              <div class="social-share"><a href="#">Share</a><a href="#">Tweet</a><a href="#">Email</a></div>
              <div class="article-body">
                <p>\(paragraphs[0])</p>
                <figure><img src="/oslo.jpg"><figcaption>Oslo harbour</figcaption></figure>
                <p>\(paragraphs[1])</p>
                <div class="promo-box"><a href="/subscribe">Subscribe for unlimited access to our journalism today</a></div>
                <p>\(paragraphs[2])</p>
              </div>
            </article>
          </div>
          <div class="col-side" id="sidebar">
            <h3>Trending</h3>
            <ul><li><a href="/x">Markets close higher after a volatile week of trading</a></li>
            <li><a href="/y">Ten things to do in the city this weekend, whatever the weather</a></li></ul>
          </div>
        </div>
        <div id="comments"><p>First comment, what a story, I really, truly, honestly did not expect this at all.</p></div>
        <div class="site-footer"><p>About us, contact, careers, terms of use, privacy policy, cookie settings.</p></div>
        </body></html>
        """

    @Test func keepsTheStoryAndDropsThePagesFurniture() throws {
        let text = try #require(MainText.extract(html: Data(Self.newsPage.utf8)))
        // Every paragraph, in order, separated by paragraph breaks.
        let positions = Self.paragraphs.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("\n\n"))
        for junk in ["Home", "Tweet", "Subscribe", "Trending", "Markets close", "First comment", "privacy policy", "tracker"] {
            #expect(!text.contains(junk), "\(junk) leaked into the text")
        }
    }

    @Test func paragraphsInDivsBrokenByAdsAndLineBreaks() throws {
        // Each paragraph in its own <div>, the story split in two blocks by an advert, and a last
        // block of <br>-separated lines.
        let page = """
            <html><body><div class="top"><a href="/">Home</a> <a href="/world">World</a></div>
            <div id="content">
              <div class="story-part"><div>\(Self.paragraphs[0])</div><div>\(Self.paragraphs[1])</div></div>
              <div class="ad-slot advert"><a href="/buy">Buy a car, today, with no deposit, and low rates</a></div>
              <div class="story-part"><div>\(Self.paragraphs[2])<br><br>Officials on both sides, speaking on condition of anonymity, said a text could be ready by the summer.</div></div>
              <div class="related"><ul><li><a href="/r1">Norway's salmon exports reach a record</a></li><li><a href="/r2">Chile's new fisheries law</a></li></ul></div>
            </div></body></html>
            """
        let text = try #require(MainText.extract(html: Data(page.utf8)))
        for p in Self.paragraphs { #expect(text.contains(p)) }
        #expect(text.contains("a text could be ready by the summer"))
        for junk in ["Home", "Buy a car", "salmon exports", "fisheries law"] { #expect(!text.contains(junk), "\(junk) leaked") }
    }

    @Test func usesTheArticleBodyThePageDeclaresInJSONLD() throws {
        let body = Self.paragraphs.joined(separator: "\n\n")
        let json = try String(
            decoding: JSONSerialization.data(withJSONObject: [
                "@context": "https://schema.org", "@graph": [["@type": "NewsArticle", "articleBody": body]],
            ]),
            as: UTF8.self)
        let page = """
            <html><head><script type="application/ld+json">\(json)</script></head>
            <body><div id="app">Loading…</div><p>Cookie notice: we use cookies, and so do our partners, to improve things.</p></body></html>
            """
        let text = try #require(MainText.extract(html: Data(page.utf8)))
        #expect(text == body)
    }

    @Test func aPageWithoutAnArticleHasNoMainText() {
        let index = """
            <html><body><ul>
            <li><a href="/1">Norway and Chile to negotiate fisheries accord</a></li>
            <li><a href="/2">Markets close higher after a volatile week</a></li>
            <li><a href="/3">Storm brings heavy rain to the coast</a></li>
            </ul></body></html>
            """
        #expect(MainText.extract(html: Data(index.utf8)) == nil)
        #expect(MainText.extract(html: Data()) == nil)
        #expect(MainText.extract(html: Data("not html at all".utf8)) == nil)
    }

    @Test func anUndeclaredCharsetIsTheHTTPOnesOrSniffed() throws {
        let page =
            "<html><body><div class=\"story\"><p>“Nous”, said the minister of Réunion, in a long statement.</p><p>\(Self.paragraphs[1])</p></div></body></html>"
        // No <meta charset>: valid UTF-8 is UTF-8 (libxml2 alone would read it as ISO-8859-1).
        let sniffed = try #require(MainText.extract(html: Data(page.utf8)))
        #expect(sniffed.hasPrefix("“Nous”, said the minister of Réunion"))
        // The Content-Type's charset wins.
        let latin = Data(
            page.unicodeScalars.map { u -> UInt8 in
                switch u.value {
                case 0x201C: 0x93
                case 0x201D: 0x94
                default: UInt8(truncatingIfNeeded: u.value)
                }
            })
        let declared = try #require(MainText.extract(html: latin, charset: "windows-1252"))
        #expect(declared.hasPrefix("“Nous”, said the minister of Réunion"))
        let sniffedLatin = try #require(MainText.extract(html: latin))
        #expect(sniffedLatin.hasPrefix("“Nous”, said the minister of Réunion"))
    }

    @Test func theDeclaredCharsetIsHonoured() throws {
        // windows-1252: curly quotes 0x93/0x94 and an e acute 0xE9.
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><div class=\"story\"><p>".utf8)
        bytes += [0x93] + Array("Nous".utf8) + [0x94] + Array(", said the minister of the R".utf8) + [0xE9]
        bytes += Array("union island, at length, in a statement that ran to many lines, and then some more words.</p>".utf8)
        bytes += Array("<p>\(Self.paragraphs[1])</p></div></body></html>".utf8)
        let text = try #require(MainText.extract(html: Data(bytes)))
        #expect(text.hasPrefix("\u{201C}Nous\u{201D}, said the minister of the Réunion island"))
    }
}
