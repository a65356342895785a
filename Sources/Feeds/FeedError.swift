/// Why a document could not be read as a feed.
public struct FeedError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A one-line reason a user can act on.
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { "feed: \(reason)" }
}
