import Feeds
import Foundation
import TestSupport
import Testing

@testable import DiploWatch

@Suite("Fetching over loopback HTTP")
struct CurlFeedFetcherTests {
    let fetcher = CurlFeedFetcher(userAgent: "DiploWatch-test/1", connectTimeout: 2, timeout: 2, maxBodyBytes: 64 * 1024)

    @Test func conditionalGetGets304WithETag() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/feed.xml", .init(body: Data("<rss/>".utf8), etag: "\"v1\"", lastModified: "Tue, 24 Nov 2026 10:00:00 GMT"))
        let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
        #expect(first.body == Data("<rss/>".utf8))
        #expect(first.status == 200)
        #expect(first.httpVersion == "1.1")
        #expect(first.contentType == "application/rss+xml")
        #expect(first.charset == nil)
        #expect(first.etag == "\"v1\"")
        #expect(first.lastModified == "Tue, 24 Nov 2026 10:00:00 GMT")
        let second = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified))
        #expect(second.notModified)
        #expect(second.body.isEmpty)
        let served = server.requests(for: "/feed.xml")
        #expect(served.map(\.status) == [200, 304])
        #expect(served[1].headers["if-none-match"] == "\"v1\"")
        #expect(served[0].headers["user-agent"] == "DiploWatch-test/1")
        #expect(served[0].headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func theContentTypesCharsetReachesTheParser() async throws {
        // windows-1252 bytes, no XML declaration: only the HTTP header says what they are.
        let server = try LoopbackHTTPServer()
        let body = Data(
            Array("<rss version=\"2.0\"><channel><title>".utf8) + [0x93] + Array("Caf".utf8) + [0xE9, 0x94]
                + Array("</title></channel></rss>".utf8))
        server.set("/latin.rss", .init(body: body, contentType: "application/rss+xml; charset=windows-1252"))
        let result = try await fetcher.fetch(FetchRequest(url: server.url("/latin.rss")))
        #expect(result.charset == "windows-1252")
        #expect(try FeedParser.parse(result.body, charset: result.charset).title == "“Café”")
    }

    @Test func httpErrorsCarryStatusAndRetryAfter() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/busy", .init(status: 429, body: Data("slow down".utf8), headers: ["Retry-After": "120"]))
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/busy")))
        } throws: { error in
            let e = error as? FetchError
            return e?.status == 429 && e?.retryAfter == 120 && e?.description == "fetch: \(server.url("/busy")): HTTP 429"
        }
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: server.url("/missing"))) }
    }

    @Test func headerLinesAreSplitAndTrimmedAsBytes() {
        func header(_ s: String) -> (name: String, value: String)? {
            Array(s.utf8).withUnsafeBytes { CurlFeedFetcher.header($0) }
        }
        #expect(header("ETag: \"abc\"\r\n")! == ("etag", "\"abc\""))
        #expect(header("Last-Modified:\tTue, 24 Nov 2026 12:00:00 GMT \r\n")! == ("last-modified", "Tue, 24 Nov 2026 12:00:00 GMT"))
        #expect(header("X-Empty:   \r\n")! == ("x-empty", ""))
        #expect(header("Content-Type: text/xml; charset=\u{00E9}\r\n")! == ("content-type", "text/xml; charset=\u{00E9}"))
        #expect(header("\r\n") == nil)
    }

    @Test func retryAfterAsSecondsOrHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(CurlFeedFetcher.retryAfter("120", now: now) == 120)
        #expect(CurlFeedFetcher.retryAfter("Wed, 18 Nov 2026 12:06:40 GMT", now: now) == 3600)
        #expect(CurlFeedFetcher.retryAfter("soon", now: now) == nil)
    }

    @Test func oversizedBodyIsRefused() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/big", .init(body: Data(repeating: 65, count: 200 * 1024)))
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/big")))
        } throws: { error in
            (error as? FetchError)?.reason.contains("65536-byte limit") == true
        }
    }

    @Test func permanentAndTemporaryRedirectsAreToldApart() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/moved", .init(status: 301, body: Data(), headers: ["Location": "/moved-again"]))
        server.set("/moved-again", .init(status: 308, body: Data(), headers: ["Location": server.url("/new")]))
        server.set("/away", .init(status: 302, body: Data(), headers: ["Location": server.url("/new")]))
        server.set("/moved-then-away", .init(status: 301, body: Data(), headers: ["Location": "/away"]))
        server.set("/new", .init(body: Data("<rss/>".utf8)))
        // 301 then 308 (a relative Location is resolved): a permanent move to the end of the chain.
        let permanent = try await fetcher.fetch(FetchRequest(url: server.url("/moved")))
        #expect(permanent.body == Data("<rss/>".utf8))
        #expect(permanent.finalURL == server.url("/new"))
        #expect(permanent.permanentURL == server.url("/new"))
        // 302: followed, but nothing moved.
        let temporary = try await fetcher.fetch(FetchRequest(url: server.url("/away")))
        #expect(temporary.finalURL == server.url("/new"))
        #expect(temporary.permanentURL == nil)
        // 301 then 302: the permanent part of the chain is where the move goes.
        let mixed = try await fetcher.fetch(FetchRequest(url: server.url("/moved-then-away")))
        #expect(mixed.finalURL == server.url("/new"))
        #expect(mixed.permanentURL == server.url("/away"))
    }

    @Test func redirectLoopsAndRedirectsToFilesAreRefused() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/loop", .init(status: 302, body: Data(), headers: ["Location": "/loop"]))
        server.set("/to-file", .init(status: 301, body: Data(), headers: ["Location": "file:///etc/passwd"]))
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/loop")))
        } throws: { error in
            (error as? FetchError)?.reason == "more than 5 redirects"
        }
        #expect(server.requests(for: "/loop").count == 6)
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/to-file")))
        } throws: { error in
            (error as? FetchError)?.reason == "redirect to file: refused"
        }
    }

    @Test func aConfiguredProxyCarriesTheRequest() async throws {
        // The loopback server acts as an HTTP proxy: the request line holds the absolute URL of a
        // host that does not resolve, so only a proxied request can succeed.
        let proxy = try LoopbackHTTPServer()
        proxy.set("http://feeds.invalid/world.xml", .init(body: Data("<rss/>".utf8)))
        let viaProxy = CurlFeedFetcher(userAgent: "t", connectTimeout: 2, timeout: 2, proxy: "http://127.0.0.1:\(proxy.port)")
        let result = try await viaProxy.fetch(FetchRequest(url: "http://feeds.invalid/world.xml"))
        #expect(result.body == Data("<rss/>".utf8))
        #expect(proxy.requests(for: "http://feeds.invalid/world.xml").count == 1)
        // A feed's own proxy = "" means none, so the name must resolve (it does not).
        await #expect(throws: FetchError.self) {
            _ = try await viaProxy.fetch(FetchRequest(url: "http://feeds.invalid/world.xml", proxy: ""))
        }
        #expect(proxy.requests.count == 1)
    }

    @Test func anUnreadableExtraCAFileFailsEveryHTTPSFetchWithItsName() async throws {
        let broken = CurlFeedFetcher(userAgent: "t", connectTimeout: 1, timeout: 1, extraCAFile: "/nonexistent/ca.pem")
        await #expect {
            _ = try await broken.fetch(FetchRequest(url: "https://127.0.0.1:1/feed.xml"))
        } throws: { error in
            (error as? FetchError)?.description == "fetch: /nonexistent/ca.pem: cannot read the CA file (daemon.ca_file)"
        }
    }

    /// A server that says nothing is dropped by the low-speed limit (a quarter of the timeout, at
    /// least 1 s), and the message says so: it used to claim the whole timeout had passed.
    @Test func stallingServerTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/slow", .init(body: Data("<rss/>".utf8), delay: 4))
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
        } throws: { error in
            (error as? FetchError)?.reason
                == "dropped: under 64 bytes/s for 1 s (the limit is a quarter of daemon.timeout, 2 s) (curl 28)"
        }
    }

    /// Each time limit is named for what it is: 1 byte every 3 s trips the low-speed limit (a
    /// quarter of 8 s); 500 bytes every 0.2 s (2,500 bytes/s) is fast enough, and runs into the
    /// whole timeout.
    @Test func theMessageSaysWhichLimitFired() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/trickle", .init(body: Data(repeating: 0x20, count: 100), trickle: 3))
        server.set("/long", .init(body: Data(repeating: 0x20, count: 1_000_000), trickle: 0.1, trickleBytes: 2000))
        let slow = CurlFeedFetcher(userAgent: "t", connectTimeout: 2, timeout: 8)
        await #expect {
            _ = try await slow.fetch(FetchRequest(url: server.url("/trickle")))
        } throws: { error in
            (error as? FetchError)?.reason
                == "dropped: under 64 bytes/s for 2 s (the limit is a quarter of daemon.timeout, 8 s) (curl 28)"
        }
        let short = CurlFeedFetcher(userAgent: "t", connectTimeout: 1, timeout: 2)
        await #expect {
            _ = try await short.fetch(FetchRequest(url: server.url("/long")))
        } throws: { error in
            (error as? FetchError)?.reason == "timed out after 2 s (daemon.timeout) (curl 28)"
        }
    }

    @Test func fileURLsAndRefusedSchemes() async throws {
        let dir = Fixtures.tempDirectory()
        try Data("<rss/>".utf8).write(to: URL(fileURLWithPath: dir + "/f.xml"))
        let result = try await fetcher.fetch(FetchRequest(url: "file://" + dir + "/f.xml"))
        #expect(result.body == Data("<rss/>".utf8))
        #expect(result.status == 200)
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: "gopher://127.0.0.1/")) }
    }
}
