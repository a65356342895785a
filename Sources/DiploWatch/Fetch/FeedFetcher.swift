import Foundation

/// What a fetch asks for: the URL and the validators from the last successful fetch.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What a fetch brought back.
public enum FetchResult: Sendable {
    /// New content with the validators to send next time.
    case fetched(body: Data, etag: String?, lastModified: String?, finalURL: String, status: Int)
    /// 304: the feed has not changed.
    case notModified
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
