import Foundation
import Testing

@testable import Feeds

/// What other feed readers agree a feed means: escaped markup, authors, links and leniency.
@Suite("Feed model")
struct FeedModelTests {
    func parse(_ s: String, base: String? = nil) throws -> Feed {
        try FeedParser.parse(Data(s.utf8), baseURL: base.flatMap(URL.init(string:)))
    }

    @Test func escapedMarkupIsDecodedOnce() throws {
        // "&lt;b&gt;" inside CDATA is HTML for the text "<b>", not a tag.
        let rss = try parse(
            """
            <rss version="2.0"><channel><title><![CDATA[Using &lt;b&gt; in notes]]></title>
            <item><title><![CDATA[The &lt;p&gt; element]]></title><description>Escaped &amp;lt;br&amp;gt; tag</description></item>
            </channel></rss>
            """)
        #expect(rss.title == "Using <b> in notes")
        #expect(rss.entries[0].title == "The <p> element")
        #expect(rss.entries[0].summary == "Escaped <br> tag")
        // Base64 of "&lt;i&gt;Memo&lt;/i&gt;" (Atom 1.0 binary type, Atom 0.3 mode="base64" of HTML).
        let atom = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="application/octet-stream">Jmx0O2kmZ3Q7TWVtbyZsdDsvaSZndDs=</title>
            <entry><title type="application/x-memo">memo</title><content type="application/json">{"k":2}</content></entry></feed>
            """)
        #expect(atom.title == "<i>Memo</i>")
        #expect(atom.entries[0].title == "memo")
        #expect(atom.entries[0].content == "{\"k\":2}")
        let atom03 = try parse(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
            <title type="text/html" mode="base64">Jmx0O2kmZ3Q7TWVtbyZsdDsvaSZndDs=</title></entry></feed>
            """)
        #expect(atom03.entries[0].title == "<i>Memo</i>")
    }

    @Test func everyAuthorIsKeptInOrder() throws {
        let atom = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>
            <author><name>Ana Ruiz</name></author><author><name>Ben Ode</name><email>ben@news.example</email></author></entry></feed>
            """)
        #expect(atom.entries[0].authors == ["Ana Ruiz", "Ben Ode (ben@news.example)"])
        #expect(atom.entries[0].author == "Ana Ruiz, Ben Ode (ben@news.example)")
        let rss = try parse(
            """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>
            <dc:creator>Ana Ruiz</dc:creator><dc:creator>Ben Ode</dc:creator></item></channel></rss>
            """)
        #expect(rss.entries[0].authors == ["Ana Ruiz", "Ben Ode"])
        let json = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1",
             "authors": [{"name": "Ana Ruiz"}, {"name": "Ben Ode"}, {"name": "Ana Ruiz"}], "author": {"name": "Cy Lam"}}]}
            """)
        #expect(json.entries[0].authors == ["Ana Ruiz", "Ben Ode", "Cy Lam"])
    }

    @Test func entriesWithoutAnAuthorInheritTheFeeds() throws {
        let atom = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><author><name>Desk</name></author>
            <entry><title>a</title></entry><entry><title>b</title><author><name>Own</name></author></entry>
            <entry><title>c</title><source><author><name>Wire</name></author></source></entry></feed>
            """)
        #expect(atom.entries.map(\.authors) == [["Desk"], ["Own"], ["Wire"]])
        let json = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "authors": [{"name": "Desk"}],
             "items": [{"id": "1"}, {"id": "2", "authors": [{"name": "Own"}]}]}
            """)
        #expect(json.entries.map(\.authors) == [["Desk"], ["Own"]])
    }

    @Test func linksHonourXMLBaseSeveralLinksAndAtomEnclosures() throws {
        let rss = try parse(
            """
            <rss version="2.0" xml:base="https://news.example/world/"><channel><title>t</title>
            <link>https://news.example/</link><link></link><link href="https://news.example/feed.rss" rel="self"/>
            <item><link>2026/talks.html</link></item>
            <item xml:base="/europe/"><link>summit.html</link></item></channel></rss>
            """)
        #expect(rss.link == "https://news.example/")
        #expect(rss.entries.map(\.link) == ["https://news.example/world/2026/talks.html", "https://news.example/europe/summit.html"])
        let atom = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://pod.example/"><entry><title>e</title>
            <link rel="alternate" href="ep/1"/><link rel="enclosure" type="audio/mpeg" href="ep/1.mp3"/></entry></feed>
            """)
        #expect(atom.entries[0].link == "https://pod.example/ep/1")
        #expect(atom.entries[0].media == [FeedMedia(url: "https://pod.example/ep/1.mp3", type: "audio/mpeg")])
    }

    @Test func lenientReadings() throws {
        // JSON Feed with a bare version number.
        for version in ["1.0", "1.1"] {
            let json = try parse("{\"version\": \"\(version)\", \"title\": \"J\", \"items\": [{\"id\": \"1\", \"title\": \"x\"}]}")
            #expect(json.title == "J")
            #expect(json.entries.count == 1)
        }
        // <rss> without <channel>: an empty feed.
        let empty = try parse("<rss version=\"2.0\"></rss>")
        #expect(empty.entries.isEmpty)
        // Atom elements and Dublin Core inside RSS items.
        let rss = try parse(
            """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <item><atom:link href="https://news.example/a"/><atom:content type="html">&lt;p&gt;Body&lt;/p&gt;</atom:content>
            <atom:published>2026-11-30T08:00:00Z</atom:published><atom:updated>2026-11-30T09:00:00Z</atom:updated>
            <atom:author><name>Ana Ruiz</name></atom:author><dc:description>Short text</dc:description></item></channel></rss>
            """)
        let e = try #require(rss.entries.first)
        #expect(e.link == "https://news.example/a")
        #expect(e.content == "Body")
        #expect(e.published == Date(timeIntervalSince1970: 1_796_025_600))
        #expect(e.updated == Date(timeIntervalSince1970: 1_796_029_200))
        #expect(e.authors == ["Ana Ruiz"])
        #expect(e.summary == "Short text")
        // An undeclared well-known prefix still means its namespace.
        let undeclared = try parse(
            "<rss version=\"2.0\"><channel><item><content:encoded>&lt;p&gt;Full&lt;/p&gt;</content:encoded></item></channel></rss>")
        #expect(undeclared.entries.first?.content == "Full")
        // A title that is nothing but a tag is that tag as text, not an empty title.
        let tagTitle = try parse("<rss version=\"2.0\"><channel><item><title>&lt;hr/&gt;</title></item></channel></rss>")
        #expect(tagTitle.entries.first?.title == "<hr/>")
    }
}
