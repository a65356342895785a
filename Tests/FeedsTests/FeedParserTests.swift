import Foundation
import Testing

@testable import Feeds

@Suite("Feed parsing")
struct FeedParserTests {
    func parse(_ s: String, base: String? = nil) throws -> Feed {
        try FeedParser.parse(Data(s.utf8), baseURL: base.flatMap(URL.init(string:)))
    }

    @Test func rss20WithContentEncodedAndDublinCore() throws {
        let feed = try parse(
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>World &amp; Region</title><link>https://example.org/</link>
            <item>
              <title>Ministers meet</title>
              <link>https://example.org/a?utm_source=rss</link>
              <guid isPermaLink="false">abc-1</guid>
              <pubDate>Wed, 28 Aug 2024 09:15:00 +0200</pubDate>
              <dc:creator>Jane Roe</dc:creator>
              <description>Short &lt;b&gt;teaser&lt;/b&gt;</description>
              <content:encoded><![CDATA[<p>First paragraph.</p><script>track()</script><p>Second&nbsp;paragraph.</p>]]></content:encoded>
            </item>
            </channel></rss>
            """)
        #expect(feed.format == .rss20)
        #expect(feed.title == "World & Region")
        let e = try #require(feed.entries.first)
        #expect(e.id == "abc-1")
        #expect(e.title == "Ministers meet")
        #expect(e.author == "Jane Roe")
        #expect(e.summary == "Short teaser")
        #expect(e.content == "First paragraph.\n\nSecond paragraph.")
        #expect(e.published == Date(timeIntervalSince1970: 1_724_829_300))
    }

    @Test func undefinedHTMLEntityDoesNotLoseTheFeed() throws {
        let feed = try parse(
            "<rss version=\"2.0\"><channel><title>T&nbsp;1</title><item><title>A&mdash;B &eacute;t&eacute;</title></item></channel></rss>")
        #expect(feed.title == "T 1")
        #expect(feed.entries.first?.title == "A\u{2014}B été")
    }

    @Test func rss091IsRecognised() throws {
        let feed = try parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><item><title>One</title><link>http://e.com/1</link></item></channel></rss>
            """)
        #expect(feed.format == .rss09x)
        #expect(feed.entries.map(\.link) == ["http://e.com/1"])
    }

    @Test func rss10RDF() throws {
        let feed = try parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://e.org/"><title>RDF feed</title><link>http://e.org/</link></channel>
              <item rdf:about="http://e.org/1"><title>First</title><link>http://e.org/1</link><dc:date>2024-01-02T03:04:05Z</dc:date></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rss10)
        #expect(feed.title == "RDF feed")
        #expect(feed.entries.first?.id == "http://e.org/1")
        #expect(feed.entries.first?.published == Date(timeIntervalSince1970: 1_704_164_645))
    }

    @Test func atomWithXMLBaseAndXHTMLContent() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.net/news/">
              <title type="text">Atom desk</title>
              <link rel="self" href="feed.atom"/><link href="./"/>
              <entry>
                <id>tag:example.net,2024:1</id>
                <title type="html">Talks &lt;em&gt;resume&lt;/em&gt;</title>
                <link rel="alternate" href="story/1"/>
                <updated>2024-05-01T10:00:00+02:00</updated>
                <author><name>Desk</name></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p><p>Two.</p></div></content>
              </entry>
            </feed>
            """)
        #expect(feed.format == .atom10)
        #expect(feed.link == "https://example.net/news/")
        let e = try #require(feed.entries.first)
        #expect(e.title == "Talks resume")
        #expect(e.link == "https://example.net/news/story/1")
        #expect(e.content == "One.\n\nTwo.")
        #expect(e.author == "Desk")
        #expect(e.published == Date(timeIntervalSince1970: 1_714_550_400))
    }

    @Test func atom03() throws {
        let feed = try parse(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title>
            <entry><title>E</title><link rel="alternate" href="http://e.org/e"/><issued>2004-01-01T00:00:00Z</issued>
            <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>
            """)
        #expect(feed.format == .atom03)
        #expect(feed.entries.first?.content == "Hi")
        #expect(feed.entries.first?.published == Date(timeIntervalSince1970: 1_072_915_200))
    }

    @Test func jsonFeed() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON desk", "home_page_url": "https://j.example/",
             "items": [{"id": "1", "url": "/a", "title": "A", "content_html": "<p>Hello <b>world</b></p>",
                        "date_published": "2024-02-03T04:05:06Z", "authors": [{"name": "Ann"}]}]}
            """)
        #expect(feed.format == .json)
        #expect(feed.entries.first?.link == "https://j.example/a")
        #expect(feed.entries.first?.content == "Hello world")
        #expect(feed.entries.first?.author == "Ann")
    }

    @Test func truncatedDocumentKeepsWhatItCanRead() throws {
        let feed = try parse(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>Complete</title></item><item><title>Cut of")
        #expect(feed.entries.first?.title == "Complete")
    }

    @Test func latin1Encoding() throws {
        var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        data.append(0xE9)  // é in ISO-8859-1
        data.append(contentsOf: Array("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(data).title == "Café")
    }

    @Test func entityExpansionIsRefusedQuickly() throws {
        let big = String(repeating: "x", count: 100_000)
        let uses = String(repeating: "&big;", count: 20_000)
        let bomb =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><title>\(uses)</title></channel></rss>"
        let start = Date()
        #expect(throws: FeedError.self) { try parse(bomb) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func bareAmpersandsAndUnknownEntitiesAreKeptAsWritten() throws {
        let feed = try parse(
            "<rss version=\"2.0\"><channel><title>A &doesnotexist; B &#X41;</title><item><link>http://e/?a=1&b=2&c</link></item></channel></rss>"
        )
        #expect(feed.title == "A &doesnotexist; B A")
        #expect(feed.entries.first?.link == "http://e/?a=1&b=2&c")
    }

    @Test func dublinCoreTermsSummaryAndXHTMLBody() throws {
        let feed = try parse(
            """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
                 xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><dc:title>DC channel</dc:title>
            <item><dc:title>DC item</dc:title><dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued>
              <dcterms:modified>2004-01-01T00:00:00Z</dcterms:modified><dc:creator>Ed</dc:creator>
              <summary>Short</summary><description>Long description</description></item>
            <item><xhtml:body><xhtml:p>Body text</xhtml:p></xhtml:body></item>
            </channel></rss>
            """)
        #expect(feed.title == "DC channel")
        let e = try #require(feed.entries.first)
        #expect(e.title == "DC item")
        #expect(e.published == Date(timeIntervalSince1970: 1_072_865_695))
        #expect(e.updated == Date(timeIntervalSince1970: 1_072_915_200))
        #expect(e.author == "Ed")
        #expect(e.summary == "Short")
        #expect(e.content == "Long description")
        #expect(feed.entries.last?.content == "Body text")
    }

    @Test func atomBase64TextAndAuthorEmail() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <title type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>
              <author><name>Example author</name><email>me@example.com</email></author>
            </entry></feed>
            """)
        #expect(feed.entries.first?.title == "Example Atom")
        #expect(feed.entries.first?.author == "Example author (me@example.com)")
    }

    @Test func mediaRSSEnclosuresAndAttachments() throws {
        let rss = try parse(
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Video desk</title>
            <link>https://video.example/</link>
            <item><guid>v1</guid><link>https://video.example/v1</link>
              <media:group>
                <media:title>Foreign ministers arrive for the summit</media:title>
                <media:description>Arrivals in Brussels ahead of the talks on Ukraine.</media:description>
                <media:content url="/clips/v1.mp4" type="video/mp4" medium="video"/>
                <media:thumbnail url="https://video.example/clips/v1.jpg"/>
              </media:group>
              <enclosure url="https://video.example/clips/v1.mp3" type="audio/mpeg" length="1000"/>
            </item>
            <item><guid>v2</guid><title>Own title</title><description>Own text.</description>
              <media:description>Not used: the item has its own text.</media:description></item>
            </channel></rss>
            """, base: "https://video.example/feed.rss")
        let v1 = rss.entries[0]
        #expect(v1.title == "Foreign ministers arrive for the summit")
        #expect(v1.summary == "Arrivals in Brussels ahead of the talks on Ukraine.")
        #expect(
            v1.media == [
                FeedMedia(url: "https://video.example/clips/v1.mp4", type: "video/mp4", medium: "video"),
                FeedMedia(url: "https://video.example/clips/v1.jpg", medium: "thumbnail"),
                FeedMedia(url: "https://video.example/clips/v1.mp3", type: "audio/mpeg"),
            ])
        #expect(rss.entries[1].title == "Own title")
        #expect(rss.entries[1].summary == "Own text.")

        // YouTube-style Atom: the text is only in media:group.
        let atom = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Channel</title>
            <entry><id>yt:1</id><title>Briefing</title><link rel="alternate" href="https://video.example/w/1"/>
              <media:group><media:description>The spokesperson's daily briefing.</media:description>
              <media:thumbnail url="https://video.example/1.jpg" width="480" height="360"/></media:group></entry></feed>
            """)
        #expect(atom.entries[0].content == "The spokesperson's daily briefing.")
        #expect(atom.entries[0].media.map(\.url) == ["https://video.example/1.jpg"])

        let json = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Pod", "home_page_url": "https://pod.example/",
             "items": [{"id": "p1", "url": "https://pod.example/p1", "content_text": "Episode one.", "image": "/p1.png",
                        "attachments": [{"url": "https://pod.example/p1.mp3", "mime_type": "audio/mpeg"}]}]}
            """, base: "https://pod.example/feed.json")
        #expect(
            json.entries[0].media == [
                FeedMedia(url: "https://pod.example/p1.mp3", type: "audio/mpeg"),
                FeedMedia(url: "https://pod.example/p1.png", medium: "image"),
            ])
    }

    static let title = "Café “talks” — naïve"

    static func rss(declaring encoding: String?) -> String {
        (encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? "")
            + "<rss version=\"2.0\"><channel><title>\(title)</title><item><title>\(title)</title></item></channel></rss>"
    }

    static func cp1252(_ s: String) -> Data {
        Data(
            s.unicodeScalars.map { u -> UInt8 in
                if let i = Charset.cp1252High.firstIndex(of: u.value) { return UInt8(0x80 + i) }
                return UInt8(u.value)
            })
    }

    @Test(
        arguments: [
            ("UTF-16 with a BOM", Data(rss(declaring: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).withBOM16LE, nil),
            ("windows-1252 declared", cp1252(rss(declaring: "windows-1252")), nil),
            ("ISO-8859-1 declared, windows-1252 quotes", cp1252(rss(declaring: "ISO-8859-1")), nil),
            ("UTF-8 labelled ISO-8859-1", Data(rss(declaring: "ISO-8859-1").utf8), nil),
            ("UTF-8 labelled ISO-8859-1 by HTTP only", Data(rss(declaring: nil).utf8), "ISO-8859-1"),
            ("undeclared windows-1252", cp1252(rss(declaring: nil)), nil),
            ("windows-1252 named only by HTTP", cp1252(rss(declaring: nil)), "windows-1252"),
            ("UTF-8 with a stray windows-1252 byte", Data(rss(declaring: "UTF-8").utf8).replacing("“".utf8, with: [0x93]), nil),
        ] as [(String, Data, String?)])
    func encodingsAreReadRightWhateverTheLabelSays(_ c: (name: String, data: Data, httpCharset: String?)) throws {
        let feed = try FeedParser.parse(c.data, charset: c.httpCharset)
        #expect(feed.title == Self.title, "\(c.name)")
        #expect(feed.entries.first?.title == Self.title, "\(c.name)")
    }

    @Test func aDeclaredEncodingOutranksTheHTTPCharset() throws {
        // Servers send charset=ISO-8859-1 by default for UTF-8 feeds; the document knows better.
        let feed = try FeedParser.parse(Data(Self.rss(declaring: "UTF-8").utf8), charset: "ISO-8859-1")
        #expect(feed.title == Self.title)
        #expect(Charset.parameter(ofContentType: "text/xml; charset=\"ISO-8859-1\"") == "ISO-8859-1")
        #expect(Charset.parameter(ofContentType: "application/rss+xml") == nil)
    }

    @Test func notAFeedIsAClearError() {
        #expect(throws: FeedError("unknown document type <html> (expected rss, rdf:RDF or feed)")) {
            try parse("<html><body>hi</body></html>")
        }
        #expect(throws: FeedError.self) { try parse("") }
        #expect(throws: FeedError.self) { try parse("{\"not\": \"a feed\"}") }
    }
}

extension Data {
    var withBOM16LE: Data { Data([0xFF, 0xFE]) + self }

    func replacing(_ a: String.UTF8View, with b: [UInt8]) -> Data {
        let bytes = [UInt8](self)
        let pattern = Array(a)
        guard let i = (0...(bytes.count - pattern.count)).first(where: { Array(bytes[$0..<$0 + pattern.count]) == pattern }) else {
            return self
        }
        return Data(bytes[..<i] + b + bytes[(i + pattern.count)...])
    }
}
