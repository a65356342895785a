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
        guard
            case .fetched(let body, let etag, let lastModified, _, let status) = try await fetcher.fetch(
                FetchRequest(url: server.url("/feed.xml")))
        else {
            Issue.record("expected content")
            return
        }
        #expect(body == Data("<rss/>".utf8))
        #expect(status == 200)
        #expect(etag == "\"v1\"")
        #expect(lastModified == "Tue, 24 Nov 2026 10:00:00 GMT")
        let second = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), etag: etag, lastModified: lastModified))
        guard case .notModified = second else {
            Issue.record("expected 304")
            return
        }
        let served = server.requests(for: "/feed.xml")
        #expect(served.map(\.status) == [200, 304])
        #expect(served[1].headers["if-none-match"] == "\"v1\"")
        #expect(served[0].headers["user-agent"] == "DiploWatch-test/1")
        #expect(served[0].headers["accept-encoding"]?.contains("gzip") == true)
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

    @Test func redirectsAreFollowed() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/old", .init(status: 301, body: Data(), headers: ["Location": server.url("/new")]))
        server.set("/new", .init(body: Data("<rss/>".utf8)))
        guard case .fetched(_, _, _, let finalURL, _) = try await fetcher.fetch(FetchRequest(url: server.url("/old"))) else {
            Issue.record("expected content")
            return
        }
        #expect(finalURL == server.url("/new"))
    }

    @Test func stallingServerTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        server.set("/slow", .init(body: Data("<rss/>".utf8), delay: 4))
        await #expect {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
        } throws: { error in
            (error as? FetchError)?.reason.hasPrefix("timed out after 2 s") == true
        }
    }

    @Test func fileURLsAndRefusedSchemes() async throws {
        let dir = Fixtures.tempDirectory()
        try Data("<rss/>".utf8).write(to: URL(fileURLWithPath: dir + "/f.xml"))
        guard case .fetched(let body, _, _, _, _) = try await fetcher.fetch(FetchRequest(url: "file://" + dir + "/f.xml")) else {
            Issue.record("expected content")
            return
        }
        #expect(body == Data("<rss/>".utf8))
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: "gopher://127.0.0.1/")) }
    }
}
