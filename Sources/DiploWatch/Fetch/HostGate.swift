import Foundation

/// At most `perHost` requests in flight to any one host, for feeds and entry pages alike; the rest
/// wait their turn in order. URLs without a network host (file:, sample:) pass straight through.
public actor HostGate {
    public let perHost: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    public init(perHost: Int) { self.perHost = max(1, perHost) }

    /// The host a URL's requests count against: lowercased, without port (a server's ports share
    /// its capacity) and without userinfo.
    public nonisolated static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let s = url[..<scheme.lowerBound].lowercased()
        guard s == "http" || s == "https" else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }.dropFirst()).lowercased() }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    /// Whether a request to `host` would start now.
    public func hasRoom(_ host: String?) -> Bool {
        guard let host else { return true }
        return active[host, default: 0] < perHost
    }

    /// Runs `body` once the host has room.
    public func run<T: Sendable, E: Error>(url: String, _ body: @Sendable () async throws(E) -> T) async throws(E) -> T {
        let host = Self.host(of: url)
        await acquire(host)
        let result: Result<T, E>
        do throws(E) {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        release(host)
        return try result.get()
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
