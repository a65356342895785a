import Testing

@testable import TOML

@Suite("TOML parser")
struct TOMLParserTests {
    @Test func configShapesParseWithTheLineOfEveryKey() throws {
        let doc = try TOMLDocument(
            parsing: """
                version = 1  # comment
                [daemon]
                database = "/var/lib/x.sqlite"
                timeout = 30
                ratio = 1.5e3
                on = true

                [[feeds]]
                url = 'https://a.example/rss'
                [[feeds]]
                url = "https://b.example/\\u00e9"
                tags = [ "a",
                  "b", # trailing comma and comment
                ]
                a.b.c = 1
                point = { x = 1, y = -2 }
                text = \"\"\"
                two \\
                   lines\"\"\"
                when = 1979-05-27 07:32:00Z
                """)
        #expect(doc.root["version"]?.int == 1)
        #expect(doc.root["daemon"]?.table?["timeout"]?.int == 30)
        #expect(doc.root["daemon"]?.table?["ratio"]?.double == 1500)
        #expect(doc.root["daemon"]?.table?["on"]?.bool == true)
        let feeds = try #require(doc.root["feeds"]?.array)
        #expect(feeds.count == 2)
        #expect(feeds[1].table?["url"]?.string == "https://b.example/é")
        #expect(feeds[1].table?["tags"]?.array == [.string("a"), .string("b")])
        #expect(feeds[1].table?["a"]?.table?["b"]?.table?["c"]?.int == 1)
        #expect(feeds[1].table?["point"]?.table?["y"]?.int == -2)
        #expect(feeds[1].table?["text"]?.string == "two lines")
        #expect(feeds[1].table?["when"] == .dateTime("1979-05-27 07:32:00Z"))
        #expect(doc.lines["daemon"] == 2)
        #expect(doc.lines["daemon.timeout"] == 4)
        #expect(doc.lines["feeds[0]"] == 8)
        #expect(doc.lines["feeds[1].url"] == 11)
        #expect(doc.lines["feeds[1].a.b.c"] == 15)
        #expect(doc.lines["feeds[1].a"] == 15)
        #expect(doc.lines["feeds[1].point.y"] == 16)
    }

    @Test(arguments: [
        ("[", 1, "[table header]"), ("[[", 1, "[[table header]]"), ("[ ]", 1, "[table header]"), ("a = 1\n[daemon]\nx = ", 3, "daemon.x"),
        ("[daemon]\nx = [1,\n", 3, "daemon.x"), ("= 1", 1, "(top level)"), ("a = \"unterminated", 1, "a"), ("a = 1\na = 2", 2, "a"),
        ("[a]\n[a]", 2, "a"), ("a = 99999999999999999999", 1, "a"), ("a = -9223372036854775809", 1, "a"), ("a = 30s", 1, "a"),
        ("a = \"\\q\"", 1, "a"), ("a = 1 b = 2", 1, "a"), ("a = \"x\u{1B}\"", 1, "a"), ("a = \"\\uD800\"", 1, "a"),
        ("[x]\nb = 1\n[x.b]", 3, "x.b"), ("a = {b = 1,\n}", 1, "a.b"), ("a = 1\r", 1, "a"), ("[a.b]\nc = 1\n[a]\nb = 2", 4, "a.b"),
    ])
    func errorsNameTheLineAndTheKey(_ text: String, _ line: Int, _ key: String) {
        #expect(throws: TOMLError.self) { try TOMLDocument(parsing: text) }
        do {
            _ = try TOMLDocument(parsing: text)
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.key == key, "\(error)")
        }
    }

    @Test func nestingIsBounded() {
        let deep = "a = " + String(repeating: "[", count: 100_000)
        #expect(throws: TOMLError.self) { try TOMLDocument(parsing: deep) }
        let dotted = (0..<10_000).map { "k\($0)" }.joined(separator: ".") + " = 1"
        #expect(throws: TOMLError.self) { try TOMLDocument(parsing: dotted) }
        let inline = "a = " + String(repeating: "{b = ", count: 10_000)
        #expect(throws: TOMLError.self) { try TOMLDocument(parsing: inline) }
    }

    @Test func numbersAsTOMLWritesThem() throws {
        let doc = try TOMLDocument(
            parsing: "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = -9223372036854775808\nf = inf\ng = 6.02e+23\nh = +7")
        #expect(doc.root["a"]?.int == 31)
        #expect(doc.root["b"]?.int == 15)
        #expect(doc.root["c"]?.int == 5)
        #expect(doc.root["d"]?.int == 1000)
        #expect(doc.root["e"]?.int == Int.min)
        #expect(doc.root["f"]?.double == .infinity)
        #expect(doc.root["g"]?.double == 6.02e23)
        #expect(doc.root["h"]?.int == 7)
        for bad in ["a = 01", "a = 1__0", "a = _1", "a = 1.", "a = .5", "a = 0x", "a = +0x1", "a = 1e", "a = 2024-13"] {
            #expect(throws: TOMLError.self, "\(bad)") { try TOMLDocument(parsing: bad) }
        }
    }
}
