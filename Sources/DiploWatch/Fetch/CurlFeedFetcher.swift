import CCurl
import Feeds
import Foundation

/// Fetches with libcurl: http, https and file URLs; connect, total and low-speed timeouts; at most
/// 5 redirects, followed one by one so a permanent move can be told from a temporary one; HTTP/2
/// over TLS where the server offers it; compression; conditional GET; a body size cap; proxies from
/// the environment or the config; TLS verification against the system's CAs plus an optional extra
/// CA file. Transfers run on one libcurl multi handle (`CurlMulti`), off the cooperative pool,
/// reusing each host's connections.
public struct CurlFeedFetcher: FeedFetcher {
    public var userAgent: String
    public var connectTimeout: Double
    public var timeout: Double
    public var maxBodyBytes: Int
    /// The proxy for requests that name none; nil leaves it to the environment.
    public var proxy: String?
    /// PEM certificates trusted in addition to the system's (a private CA).
    public var extraCAFile: String?
    private let caBundle: CABundle?

    public init(
        userAgent: String, connectTimeout: Double = 10, timeout: Double = 30, maxBodyBytes: Int = 10 << 20, proxy: String? = nil,
        extraCAFile: String? = nil
    ) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.proxy = proxy
        self.extraCAFile = extraCAFile
        self.caBundle = extraCAFile.map(CABundle.init(extraFile:))
        Self.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(settings: DaemonSettings) {
        self.init(
            userAgent: settings.userAgent, connectTimeout: settings.connectTimeout, timeout: settings.timeout,
            maxBodyBytes: settings.maxBodyBytes, proxy: settings.proxy, extraCAFile: settings.caFile)
    }

    /// The system's CA bundle followed by the extra file, read once.
    final class CABundle: Sendable {
        let pem: Result<Data, FetchError>

        init(extraFile: String) {
            let system = dw_curl_cainfo().map { String(cString: $0) } ?? "/etc/ssl/certs/ca-certificates.crt"
            guard let extra = FileManager.default.contents(atPath: extraFile) else {
                pem = .failure(FetchError(url: extraFile, reason: "cannot read the CA file (daemon.ca_file)"))
                return
            }
            var data = FileManager.default.contents(atPath: system) ?? Data()
            data.append(0x0A)
            data.append(extra)
            pem = .success(data)
        }
    }

    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResult {
        if request.url.hasPrefix("sample:") {
            guard let body = EmbeddedDefault.samples[String(request.url.dropFirst("sample:".count))] else {
                throw FetchError(url: request.url, reason: "no such bundled sample feed")
            }
            return FetchResult(status: 200, body: Data(body.utf8), finalURL: request.url)
        }
        return try await perform(request, on: CurlMulti.shared).get()
    }

    final class Transfer {
        var body = Data()
        var headers: [String: String] = [:]
        var limit: Int
        var overflow = false
        init(limit: Int) { self.limit = limit }

        func reset() {
            body = Data()
            headers = [:]
            overflow = false
        }
    }

    static let maxRedirects = 5

    /// Seconds below 64 bytes/s after which a transfer is dropped: a quarter of the timeout.
    var lowSpeedTime: Int { max(1, Int(timeout / 4)) }

    /// Which of the three time limits fired, from curl's error message.
    func timeoutReason(curl message: String) -> String {
        let seconds = { (s: Double) in s == s.rounded() ? "\(Int(s))" : "\(s)" }
        if message.contains("too slow") {
            return "dropped: under 64 bytes/s for \(lowSpeedTime) s (the limit is a quarter of daemon.timeout, \(seconds(timeout)) s)"
        }
        if message.hasPrefix("Connection timed out") || message.hasPrefix("Resolving timed out") || message.contains("connect") {
            return "could not connect within \(seconds(connectTimeout)) s (daemon.connect_timeout)"
        }
        return "timed out after \(seconds(timeout)) s (daemon.timeout)"
    }

    func perform(_ request: FetchRequest, on multi: CurlMulti) async -> Result<FetchResult, FetchError> {
        guard let handle = multi.checkout() else {
            return .failure(FetchError(url: request.url, reason: "cannot create a curl handle"))
        }
        defer { multi.checkin(handle) }
        let transfer = Transfer(limit: maxBodyBytes)
        let box = Unmanaged.passRetained(transfer)
        defer { box.release() }

        dw_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        // Redirects are followed here, one at a time, to see each one's status.
        dw_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        dw_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")
        dw_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        dw_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        dw_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        // A server trickling bytes is given up after a quarter of the timeout below 64 bytes/s.
        dw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 64)
        dw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, lowSpeedTime)
        // curl's own words say which limit fired: the three share one code (28).
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        dw_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        dw_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl decodes
        dw_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        dw_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBodyBytes))
        if let proxy = request.proxy ?? proxy { dw_easy_setopt_string(handle, CURLOPT_PROXY, proxy) }
        if let caBundle {
            switch caBundle.pem {
            case .failure(let error): return .failure(error)
            case .success(let pem):
                _ = pem.withUnsafeBytes { dw_easy_setopt_blob(handle, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) }
            }
        }
        var headers: UnsafeMutablePointer<curl_slist>?
        switch request.accept {
        case .feed:
            headers = curl_slist_append(
                headers,
                "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
        case .page:
            headers = curl_slist_append(headers, "Accept: text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
        }
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
            let line = UnsafeRawBufferPointer(start: ptr, count: n)
            if line.starts(with: "HTTP/".utf8) {
                t.headers = [:]  // a new response (after a 100 Continue): forget the previous one's headers
            } else if let (name, value) = CurlFeedFetcher.header(line) {
                t.headers[name] = value
            }
            return n
        }
        dw_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, box.toOpaque())

        var url = request.url
        var permanentURL: String?
        var stillPermanent = true
        var hops = 0
        while true {
            transfer.reset()
            errorBuffer[0] = 0
            dw_easy_setopt_string(handle, CURLOPT_URL, url)
            let code = await multi.perform(handle)
            if code != CURLE_OK {
                if transfer.overflow || code == CURLE_FILESIZE_EXCEEDED {
                    return .failure(FetchError(url: request.url, reason: "body exceeds the \(maxBodyBytes)-byte limit"))
                }
                var reason = String(cString: curl_easy_strerror(code))
                if code == CURLE_OPERATION_TIMEDOUT { reason = timeoutReason(curl: String(cString: errorBuffer)) }
                if code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE {
                    var detail = "TLS certificate not trusted"
                    if code == CURLE_PEER_FAILED_VERIFICATION { detail += " (add its CA with daemon.ca_file)" }
                    reason = detail
                }
                return .failure(FetchError(url: request.url, reason: "\(reason) (curl \(code.rawValue))"))
            }
            var status = 0
            dw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            if [301, 302, 303, 307, 308].contains(status) {
                var location: UnsafeMutablePointer<CChar>?
                dw_easy_getinfo_string(handle, CURLINFO_REDIRECT_URL, &location)
                guard let next = location.map({ String(cString: $0) }) else {
                    return .failure(FetchError(url: request.url, reason: "HTTP \(status) without a Location", status: status))
                }
                let scheme = next.prefix { $0 != ":" }.lowercased()
                guard scheme == "http" || scheme == "https" else {
                    return .failure(FetchError(url: request.url, reason: "redirect to \(scheme): refused", status: status))
                }
                hops += 1
                guard hops <= Self.maxRedirects else {
                    return .failure(FetchError(url: request.url, reason: "more than \(Self.maxRedirects) redirects", status: status))
                }
                if stillPermanent, status == 301 || status == 308 {
                    permanentURL = next
                } else {
                    stillPermanent = false
                }
                url = next
                continue
            }
            var version = 0
            dw_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
            let httpVersion: String? =
                switch version {
                case CURL_HTTP_VERSION_1_0: "1.0"
                case CURL_HTTP_VERSION_1_1: "1.1"
                case CURL_HTTP_VERSION_2_0: "2"
                case CURL_HTTP_VERSION_3: "3"
                default: nil
                }
            if status == 304 {
                return .success(FetchResult(status: 304, finalURL: url, permanentURL: permanentURL, httpVersion: httpVersion))
            }
            if status >= 300 {
                let retry = transfer.headers["retry-after"].flatMap { Self.retryAfter($0) }
                return .failure(FetchError(url: request.url, reason: "HTTP \(status)", status: status, retryAfter: retry))
            }
            return .success(
                FetchResult(
                    status: status == 0 ? 200 : status, body: transfer.body, etag: transfer.headers["etag"],
                    lastModified: transfer.headers["last-modified"], finalURL: url, permanentURL: permanentURL,
                    httpVersion: httpVersion, contentType: transfer.headers["content-type"]))
        }
    }

    /// A header line's name (lowercased) and value (without the spaces around it and the line
    /// end), read as bytes: 2,000 answers of a dozen headers each made Foundation's trimming a tenth
    /// of a warm cycle.
    static func header(_ line: UnsafeRawBufferPointer) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        var start = colon + 1
        var end = line.count
        while start < end, blank(line[start]) { start += 1 }
        while end > start, blank(line[end - 1]) { end -= 1 }
        let name = String(decoding: line[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return (name, String(decoding: line[start..<end], as: UTF8.self))
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
