import Foundation

/// At most `perHost` requests in flight to any one host, for feeds and entry pages alike; the rest
/// wait their turn in order. A host that answers 429 or 503 with Retry-After is not asked again,
/// for any URL, until then: those requests fail at once with the time left. URLs without a
/// network host (file:, sample:) pass straight through.
public actor HostGate {
    public let perHost: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var resting: [String: Date] = [:]

    public init(perHost: Int) { self.perHost = max(1, perHost) }

    /// The host a URL's requests count against: lowercased, without port (a server's ports share
    /// its capacity) and without userinfo.
    public nonisolated static func host(of url: String) -> String? {
        if let host = asciiHost(of: url) { return host }
        return anyHost(of: url)
    }

    /// `host(of:)` by characters, for any URL.
    nonisolated static func anyHost(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let s = url[..<scheme.lowerBound].lowercased()
        guard s == "http" || s == "https" else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }.dropFirst()).lowercased() }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    /// `host(of:)` for an all-ASCII URL, read byte by byte (a poll asks for 4,000 of them; in
    /// ASCII a character is a byte, so the cuts are the same); nil for any other URL.
    nonisolated static func asciiHost(of url: String) -> String?? {
        let bytes = Array(url.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lower(_ s: ArraySlice<UInt8>) -> String {
            String(decoding: s.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let slash = UInt8(ascii: "/")
        guard
            let colon = bytes.indices.first(where: {
                bytes[$0] == UInt8(ascii: ":") && $0 + 2 < bytes.count && bytes[$0 + 1] == slash && bytes[$0 + 2] == slash
            })
        else { return .some(nil) }
        let scheme = lower(bytes[..<colon])
        guard scheme == "http" || scheme == "https" else { return .some(nil) }
        var authority = bytes[(colon + 3)...].prefix { $0 != slash && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if authority.first == UInt8(ascii: "[") { return .some(lower(authority.dropFirst().prefix { $0 != UInt8(ascii: "]") })) }
        return .some(lower(authority.prefix { $0 != UInt8(ascii: ":") }))
    }

    /// Fetches through the gate: once the host has room, and not while it asked us to wait.
    public func fetch(_ request: FetchRequest, with fetcher: any FeedFetcher) async throws(FetchError) -> FetchResult {
        let host = Self.host(of: request.url)
        try checkRest(host, request.url)
        await acquire(host)
        // The request in flight before ours may have been told to wait.
        do throws(FetchError) {
            try checkRest(host, request.url)
        } catch {
            release(host)
            throw error
        }
        let result: Result<FetchResult, FetchError>
        do throws(FetchError) {
            result = .success(try await fetcher.fetch(request))
        } catch {
            if let host, let wait = error.retryAfter, error.status == 429 || error.status == 503 {
                resting[host] = max(resting[host] ?? .distantPast, Date().addingTimeInterval(wait))
            }
            result = .failure(error)
        }
        release(host)
        return try result.get()
    }

    private func checkRest(_ host: String?, _ url: String) throws(FetchError) {
        guard let host, let until = resting[host] else { return }
        let left = until.timeIntervalSinceNow
        guard left > 0 else {
            resting[host] = nil
            return
        }
        throw FetchError(
            url: url, reason: "\(host) asked to wait (Retry-After) for \(Int(left.rounded(.up))) s more", status: 429, retryAfter: left)
    }

    func acquire(_ host: String?) async {
        guard let host else { return }
        if active[host, default: 0] < perHost {
            active[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func release(_ host: String?) {
        guard let host else { return }
        if var queue = waiting[host], !queue.isEmpty {
            // The slot passes straight to the next in line.
            queue.removeFirst().resume()
            waiting[host] = queue.isEmpty ? nil : queue
        } else {
            active[host, default: 1] -= 1
            if active[host] == 0 { active[host] = nil }
        }
    }
}
