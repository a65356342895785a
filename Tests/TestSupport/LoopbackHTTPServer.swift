import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small real HTTP/1.1 server on 127.0.0.1 (a free port), one thread per connection, for tests
/// of the fetch layer and of whole poll cycles. It answers conditional requests with 304 and
/// records every request it served.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// What the server answers for a path.
    public struct Resource: Sendable {
        public var status: Int
        public var body: Data
        public var headers: [String: String]
        public var etag: String?
        public var lastModified: String?
        /// Seconds to wait before answering (a stalling server).
        public var delay: Double
        /// A trickling server: the body sent `trickleBytes` at a time, `trickle` seconds apart.
        public var trickle: Double = 0
        public var trickleBytes = 1

        public init(
            status: Int = 200, body: Data, contentType: String = "application/rss+xml", etag: String? = nil,
            lastModified: String? = nil, headers: [String: String] = [:], delay: Double = 0, trickle: Double = 0,
            trickleBytes: Int = 1
        ) {
            self.trickle = trickle
            self.trickleBytes = trickleBytes
            self.status = status
            self.body = body
            self.headers = headers.merging(["Content-Type": contentType]) { a, _ in a }
            self.etag = etag
            self.lastModified = lastModified
            self.delay = delay
        }
    }

    /// A request as served: method, path, request headers (lowercased names), body and the status sent.
    public struct Served: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: Data
        public var status: Int
    }

    private let lock = NSLock()
    private var resources: [String: Resource] = [:]
    private var served: [Served] = []
    private var inFlight: [String: Int] = [:]
    private var peak: [String: Int] = [:]
    private var inFlightTotal = 0
    private var peakTotal = 0
    private let listener: Int32
    public let port: UInt16

    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) }
        }
        self.listener = listener
        port = UInt16(bigEndian: addr.sin_port)
        let fd = listener
        Thread.detachNewThread { [weak self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                guard let self else {
                    close(client)
                    return
                }
                Thread.detachNewThread { self.handle(client) }
            }
        }
    }

    deinit { stop() }

    /// Stops accepting connections.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    public func set(_ path: String, _ resource: Resource) {
        lock.withLock { resources[path] = resource }
    }

    public var requests: [Served] { lock.withLock { served } }

    /// The most requests in flight at once with this Host header's host (port dropped), or in all.
    public func peakConcurrency(host: String? = nil) -> Int {
        lock.withLock { host.map { peak[$0, default: 0] } ?? peakTotal }
    }

    public func requests(for path: String) -> [Served] { requests.filter { $0.path == path } }

    private func handle(_ fd: Int32) {
        defer { close(fd) }
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !buffer.containsHeaderEnd {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { return }
            buffer.append(contentsOf: chunk[0..<n])
            if buffer.count > 65536 { return }
        }
        let head = String(decoding: buffer, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return }
        let path = String(parts[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // The body, as long as Content-Length says.
        var body = Data()
        if let length = headers["content-length"].flatMap(Int.init), length > 0,
            let end = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound
        {
            body = Data(buffer[end...])
            while body.count < length {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                body.append(contentsOf: chunk[0..<n])
            }
        }
        let method = String(parts[0])
        let host = String((headers["host"] ?? "").prefix { $0 != ":" })
        lock.withLock {
            inFlight[host, default: 0] += 1
            inFlightTotal += 1
            peak[host] = max(peak[host, default: 0], inFlight[host]!)
            peakTotal = max(peakTotal, inFlightTotal)
        }
        defer {
            lock.withLock {
                inFlight[host, default: 1] -= 1
                inFlightTotal -= 1
            }
        }
        let resource = lock.withLock { resources[path] }
        var status = resource?.status ?? 404
        var responseBody = resource?.body ?? Data("not found".utf8)
        var extra = resource?.headers ?? ["Content-Type": "text/plain"]
        if let r = resource {
            if r.delay > 0 { Thread.sleep(forTimeInterval: r.delay) }
            if let e = r.etag { extra["ETag"] = e }
            if let lm = r.lastModified { extra["Last-Modified"] = lm }
            let etagMatch = r.etag != nil && headers["if-none-match"] == r.etag
            let dateMatch = r.lastModified != nil && headers["if-modified-since"] == r.lastModified
            if r.status == 200, etagMatch || (dateMatch && headers["if-none-match"] == nil) {
                status = 304
                responseBody = Data()
            }
        }
        lock.withLock { served.append(Served(method: method, path: path, headers: headers, body: body, status: status)) }
        var response = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(responseBody.count)\r\nConnection: close\r\n"
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { response += "\(k): \(v)\r\n" }
        response += "\r\n"
        var out = Array(response.utf8)
        if let r = resource, r.trickle > 0 {
            guard sendAll(out, to: fd) else { return }
            var rest = responseBody[...]
            while !rest.isEmpty {
                Thread.sleep(forTimeInterval: r.trickle)
                guard sendAll(Array(rest.prefix(r.trickleBytes)), to: fd) else { return }
                rest = rest.dropFirst(r.trickleBytes)
            }
            return
        }
        out.append(contentsOf: responseBody)
        _ = sendAll(out, to: fd)
    }

    /// Writes everything, or stops when the client has gone (no SIGPIPE for the test process).
    private func sendAll(_ out: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < out.count {
            let n = out[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

extension [UInt8] {
    fileprivate var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 {
            return true
        }
        return false
    }
}
