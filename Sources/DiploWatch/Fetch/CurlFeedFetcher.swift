import CCurl
import Feeds
import Foundation

/// Fetches with libcurl: http, https and file URLs, timeouts, at most 5 redirects, compression,
/// conditional GET and a body size cap. Transfers run on their own threads, off the cooperative pool.
public struct CurlFeedFetcher: FeedFetcher {
    public var userAgent: String
    public var connectTimeout: Double
    public var timeout: Double
    public var maxBodyBytes: Int

    public init(userAgent: String, connectTimeout: Double = 10, timeout: Double = 30, maxBodyBytes: Int = 10 << 20) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        Self.globalInit
    }

    public init(settings: DaemonSettings) {
        self.init(
            userAgent: settings.userAgent, connectTimeout: settings.connectTimeout, timeout: settings.timeout,
            maxBodyBytes: settings.maxBodyBytes)
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResult {
        if request.url.hasPrefix("sample:") {
            guard let body = EmbeddedDefault.samples[String(request.url.dropFirst("sample:".count))] else {
                throw FetchError(url: request.url, reason: "no such bundled sample feed")
            }
            return .fetched(body: Data(body.utf8), etag: nil, lastModified: nil, finalURL: request.url, status: 200)
        }
        let result: Result<FetchResult, FetchError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: perform(request))
            }
        }
        return try result.get()
    }

    final class Transfer {
        var body = Data()
        var headers: [String: String] = [:]
        var limit: Int
        var overflow = false
        init(limit: Int) { self.limit = limit }
    }

    func perform(_ request: FetchRequest) -> Result<FetchResult, FetchError> {
        guard let handle = curl_easy_init() else {
            return .failure(FetchError(url: request.url, reason: "cannot create a curl handle"))
        }
        defer { curl_easy_cleanup(handle) }
        let transfer = Transfer(limit: maxBodyBytes)
        let box = Unmanaged.passRetained(transfer)
        defer { box.release() }

        dw_easy_setopt_string(handle, CURLOPT_URL, request.url)
        dw_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        dw_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        dw_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        dw_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")
        dw_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        dw_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        dw_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        // A server trickling bytes is given up after a quarter of the timeout below 64 bytes/s.
        dw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 64)
        dw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout / 4)))
        dw_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl decodes
        dw_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        dw_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBodyBytes))
        var headers: UnsafeMutablePointer<curl_slist>?
        headers = curl_slist_append(
            headers, "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
        if let etag = request.etag { headers = curl_slist_append(headers, "If-None-Match: \(etag)") }
        if let lm = request.lastModified { headers = curl_slist_append(headers, "If-Modified-Since: \(lm)") }
        defer { curl_slist_free_all(headers) }
        dw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        dw_easy_setopt_write(handle, CURLOPT_WRITEFUNCTION) { ptr, size, count, user in
            let t = Unmanaged<Transfer>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            if t.body.count + n > t.limit {
                t.overflow = true
                return 0
            }
            if let ptr { t.body.append(UnsafeRawPointer(ptr).assumingMemoryBound(to: UInt8.self), count: n) }
            return n
        }
        dw_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, box.toOpaque())
        dw_easy_setopt_write(handle, CURLOPT_HEADERFUNCTION) { ptr, size, count, user in
            let t = Unmanaged<Transfer>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            guard let ptr else { return n }
            let line = String(decoding: UnsafeRawBufferPointer(start: ptr, count: n), as: UTF8.self)
            if line.hasPrefix("HTTP/") {
                t.headers = [:]  // a new response (after a redirect): forget the previous one's headers
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                t.headers[name] = value
            }
            return n
        }
        dw_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, box.toOpaque())

        let code = curl_easy_perform(handle)
        var status = 0
        dw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        dw_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url

        if code != CURLE_OK {
            if transfer.overflow || code == CURLE_FILESIZE_EXCEEDED {
                return .failure(FetchError(url: request.url, reason: "body exceeds the \(maxBodyBytes)-byte limit"))
            }
            var reason = String(cString: curl_easy_strerror(code))
            if code == CURLE_OPERATION_TIMEDOUT { reason = "timed out after \(Int(timeout)) s" }
            if code == CURLE_TOO_MANY_REDIRECTS { reason = "more than 5 redirects" }
            return .failure(FetchError(url: request.url, reason: "\(reason) (curl \(code.rawValue))"))
        }
        if status == 304 { return .success(.notModified) }
        if status >= 400 {
            let retry = transfer.headers["retry-after"].flatMap { Self.retryAfter($0) }
            return .failure(FetchError(url: request.url, reason: "HTTP \(status)", status: status, retryAfter: retry))
        }
        return .success(
            .fetched(
                body: transfer.body, etag: transfer.headers["etag"], lastModified: transfer.headers["last-modified"],
                finalURL: finalURL, status: status == 0 ? 200 : status))
    }

    /// Retry-After in seconds, or as an HTTP date (RFC 9110 10.2.3), as seconds from `now`.
    static func retryAfter(_ value: String, now: Date = Date()) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v) { return max(0, s) }
        return DateParser.parse(v).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// The libcurl version this binary runs with.
    public static var curlVersion: String { String(cString: dw_curl_version()) }
}
