import Testing

@testable import DiploWatch

/// `HostGate.host(of:)` reads an ASCII URL byte by byte: it must cut every URL where the reading
/// by characters does.
@Suite("Host of a URL")
struct HostGateHostTests {
    static let urls = [
        "http://Example.ORG/feed", "HTTPS://user:pw@Host.example:8443/a?b#c", "https://[2001:DB8::1]:443/x",
        "http://127.0.0.2:42611/feed-0.xml",
        "https://a.example?x=1", "https://a.example#f", "https://a@b@c.example/", "ftp://a.example/", "mailto:x@example.org",
        "example.org/feed",
        "http:/one-slash", "http://", "https://:80/", "https://host.example\r\n/evil", "Http://x.example:/", "https://a/b://c",
    ]

    @Test func asciiURLsAreCutAsByCharacters() {
        for url in Self.urls {
            let fast = HostGate.asciiHost(of: url)
            #expect(fast != nil, "\(url)")
            #expect(fast.flatMap { $0 } == HostGate.anyHost(of: url), "\(url)")
            #expect(HostGate.host(of: url) == HostGate.anyHost(of: url))
        }
        #expect(HostGate.host(of: "HTTPS://User@Host.Example:8443/") == "host.example")
        #expect(HostGate.host(of: "https://[2001:DB8::1]:443/x") == "2001:db8::1")
    }

    @Test func otherURLsAreReadByCharacters() {
        for url in ["https://Bücher.example/feed", "https://xn--bcher-kva.example/é", "https://a.example/\u{301}"] {
            #expect(HostGate.asciiHost(of: url) == nil)
        }
        #expect(HostGate.host(of: "https://Bücher.EXAMPLE/feed") == "bücher.example")
    }
}
