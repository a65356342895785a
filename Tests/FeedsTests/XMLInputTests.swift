import Foundation
import Testing

@testable import Feeds

/// Inputs that made libxml2's recovering parser lose text, each fed as the parser now sees it.
@Suite("XML input repair")
struct XMLInputTests {
    static let body =
        "<rss version=\"2.0\"><channel><title>Trade &amp; Aid</title><item><title>Talks &quot;resume&quot; at 5 &lt; 6</title>"
        + "<guid>urn:x:1</guid><link>https://news.example/1</link><description>&lt;p&gt;Envoys met.&lt;/p&gt;</description>"
        + "</item></channel></rss>"

    static func check(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "Trade & Aid", "\(name)", sourceLocation: sourceLocation)
        let e = try #require(feed.entries.first, "\(name)", sourceLocation: sourceLocation)
        #expect(e.title == "Talks \"resume\" at 5 < 6", "\(name)", sourceLocation: sourceLocation)
        #expect(e.id == "urn:x:1", "\(name)", sourceLocation: sourceLocation)
        #expect(e.link == "https://news.example/1", "\(name)", sourceLocation: sourceLocation)
        #expect(e.summary == "Envoys met.", "\(name)", sourceLocation: sourceLocation)
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"

    @Test(
        arguments: [
            ("a blank line before <?xml", "\n" + declaration + body),
            ("spaces and tabs before <?xml", " \t\r\n" + declaration + body),
            ("a stray byte before <?xml", "x" + declaration + body),
            ("a server warning before <?xml", "<b>Warning</b>: headers already sent\n" + declaration + body),
            ("two declarations", declaration + declaration + body),
            ("an unknown entity before the references", body.replacingOccurrences(of: "Trade", with: "Trade&bogus;")),
            ("a control character before the references", body.replacingOccurrences(of: "<title>Trade", with: "<title>\u{1}Trade")),
            ("a stray < before the references", body.replacingOccurrences(of: "<channel>", with: "<channel><copyright>a < b</copyright>")),
            ("an unknown encoding", body.replacingOccurrences(of: "<rss", with: "<?xml version=\"1.0\" encoding=\"x-unknown-8\"?><rss")),
        ])
    func leadingJunkAndErrorsLoseNoText(_ c: (name: String, doc: String)) throws {
        var data = Data(c.doc.utf8)
        if c.name.hasPrefix("an unknown entity") {
            // "Trade&bogus;" is kept as text; the title is checked apart.
            let feed = try FeedParser.parse(data)
            #expect(feed.title == "Trade&bogus; & Aid")
            data = Data(c.doc.replacingOccurrences(of: "Trade&bogus;", with: "Trade").utf8)
        }
        try Self.check(data, c.name)
    }

    @Test func byteOrderMarksAndWideEncodings() throws {
        let doc = "\n" + Self.declaration + Self.body
        try Self.check(Data([0xEF, 0xBB, 0xBF]) + Data(doc.utf8), "UTF-8 BOM, then a blank line")
        try Self.check(Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + Data(doc.utf8), "two UTF-8 BOMs")
        let utf16 = Self.declaration.replacingOccurrences(of: "UTF-8", with: "UTF-16") + Self.body
        try Self.check(Data([0xFE, 0xFF]) + Data(utf16.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), "UTF-16BE, BOM")
        try Self.check(Data(utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16LE, no BOM")
        try Self.check(Data(("\n\n" + utf16).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16LE, blank lines")
        let utf32 =
            Data([0xFF, 0xFE, 0, 0]) + Data(utf16.unicodeScalars.flatMap { u in (0..<4).map { UInt8((u.value >> (8 * $0)) & 0xFF) } })
        try Self.check(utf32, "UTF-32LE, BOM")
    }

    @Test func aNulByteInAnInvalidUTF8ItemKeepsTheRestOfTheItem() throws {
        // Given an item whose title holds a NUL and a stray windows-1252 byte (0x96, a dash)
        var data = Data("<rss version=\"2.0\"><channel><title>Desk</title><item><title>Summit ".utf8)
        data.append(contentsOf: [0x00, 0x96])
        data.append(contentsOf: Array(" day two</title><guid>urn:x:2</guid><link>https://news.example/2</link>".utf8))
        data.append(contentsOf: Array("<description>Leaders &amp; envoys met.</description></item>".utf8))
        data.append(contentsOf: Array("<item><title>Next</title></item></channel></rss>".utf8))
        // When it is parsed
        let feed = try FeedParser.parse(data)
        // Then the item keeps its guid, link and description, and the next item is there
        let e = try #require(feed.entries.first)
        #expect(e.title == "Summit \u{2013} day two")
        #expect(e.id == "urn:x:2")
        #expect(e.link == "https://news.example/2")
        #expect(e.summary == "Leaders & envoys met.")
        #expect(feed.entries.map(\.title) == ["Summit \u{2013} day two", "Next"])
    }

    @Test func cdataCommentsAndAttributesAreLeftAsWritten() throws {
        let feed = try FeedParser.parse(
            Data(
                """

                <?xml version="1.0"?><!-- a < comment & more --><rss version="2.0"><channel><title><![CDATA[R&D <i>news</i> &amp; more]]></title>
                <item><link>https://news.example/?a=1&b=2&amp;c=3</link><enclosure url="https://cdn.example/a.mp3?x=1&y=2" type="audio/mpeg"/></item>
                </channel></rss>
                """.utf8))
        #expect(feed.title == "R&D news & more")
        #expect(feed.entries.first?.link == "https://news.example/?a=1&b=2&c=3")
        #expect(feed.entries.first?.media.map(\.url) == ["https://cdn.example/a.mp3?x=1&y=2"])
    }

    @Test func aWellFormedDocumentIsFedUnchangedButForNamedReferences() {
        let plain = Array("<rss><channel><title>Plain</title></channel></rss>".utf8)
        #expect(XMLInput.prepare(plain, httpCharset: nil) == plain)
        let named = Array("<rss><channel><title>A &amp; B &eacute;</title></channel></rss>".utf8)
        #expect(
            String(decoding: XMLInput.prepare(named, httpCharset: nil), as: UTF8.self)
                == "<rss><channel><title>A &#38; B &#233;</title></channel></rss>")
    }
}
