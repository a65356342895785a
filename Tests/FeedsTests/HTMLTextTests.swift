import Testing

@testable import Feeds

@Suite("HTML to text")
struct HTMLTextTests {
    @Test func keepsParagraphsAndDropsScriptsStylesAndNavigation() {
        let html = """
            <html><head><style>p{}</style></head><body><nav>Home | World</nav>
            <h1>Title</h1><p>First   line<br>second line.</p><script>var x = "<p>";</script>
            <ul><li>one</li><li>two</li></ul><footer>© site</footer></body></html>
            """
        #expect(HTMLText.plainText(html) == "Title\n\nFirst line\n\nsecond line.\n\none\n\ntwo")
    }

    @Test func decodesEntities() {
        #expect(HTMLText.plainText("Caf&eacute; &amp; &#8220;talks&#8221;&nbsp;end") == "Café & \u{201C}talks\u{201D} end")
    }

    @Test func escapedMarkupIsTextAfterOneDecoding() {
        // HTML that escapes a tag means the tag's characters: "&lt;p&gt;" reads "<p>".
        #expect(HTMLText.plainText("&lt;p&gt;Hello&lt;/p&gt;") == "<p>Hello</p>")
    }

    @Test func plainTextPassesThroughTidied() {
        #expect(HTMLText.plainText("  two   words \n") == "two words")
    }
}
