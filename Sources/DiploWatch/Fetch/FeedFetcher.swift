import Feeds
import Foundation

/// What a fetch asks for: the URL, the validators from the last successful fetch, and the proxy.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// A proxy URL for this request; nil uses the environment (`http_proxy`, `https_proxy`,
    /// `no_proxy`), "" uses none.
    public var proxy: String?
    /// What the caller wants back: a feed or an HTML page (sets the Accept header).
    public var accept: Accept

    public enum Accept: Sendable { case feed, page }

    public init(url: String, etag: String? = nil, lastModified: String? = nil, proxy: String? = nil, accept: Accept = .feed) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.proxy = proxy
        self.accept = accept
    }
}

/// What a fetch brought back: new content (200) or "unchanged" (304).
public struct FetchResult: Sendable {
    /// The final response's status: 200 (or another 2xx), or 304.
    public var status: Int
    public var body: Data
    /// Validators to send next time.
    public var etag: String?
    public var lastModified: String?
    /// Where the redirects, if any, ended.
    public var finalURL: String
    /// Where the leading run of permanent redirects (301, 308) led, if the request was redirected
    /// permanently. A temporary redirect (302, 303, 307) ends the run.
    public var permanentURL: String?
    /// "1.1", "2" or "3" for HTTP responses.
    public var httpVersion: String?
    /// The Content-Type header, whose charset counts when the document declares none.
    public var contentType: String?

    public var notModified: Bool { status == 304 }

    public init(
        status: Int, body: Data = Data(), etag: String? = nil, lastModified: String? = nil, finalURL: String, permanentURL: String? = nil,
        httpVersion: String? = nil, contentType: String? = nil
    ) {
        self.status = status
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.permanentURL = permanentURL
        self.httpVersion = httpVersion
        self.contentType = contentType
    }

    /// The charset parameter of the Content-Type.
    public var charset: String? { Charset.parameter(ofContentType: contentType) }
}

/// Why a fetch failed, in a line a user can act on.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var status: Int?
    /// Seconds the server asked us to wait (Retry-After).
    public var retryAfter: Double?

    public var description: String { "fetch: \(url): \(reason)" }
}

/// The role: fetches one URL.
public protocol FeedFetcher: Sendable {
    func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResult
}
