import CCurl
import Foundation

/// A JSON POST through libcurl, for webhooks. Returns the HTTP status.
public enum CurlPoster {
    final class Body {
        let bytes: [UInt8]
        init(_ data: Data) { bytes = [UInt8](data) }
    }

    public static func post(url: String, body: Data, headers: [String], timeout: Double, userAgent: String) throws(FetchError) -> Int {
        guard let handle = curl_easy_init() else { throw FetchError(url: url, reason: "cannot create a curl handle") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for h in ["Content-Type: application/json"] + headers { list = curl_slist_append(list, h) }
        defer { curl_slist_free_all(list) }
        let payload = Body(body)
        let code: CURLcode = payload.bytes.withUnsafeBufferPointer { buffer in
            dw_easy_setopt_string(handle, CURLOPT_URL, url)
            dw_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            dw_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            dw_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
            dw_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(timeout, 10) * 1000))
            dw_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
            dw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
            dw_easy_setopt_long(handle, CURLOPT_POSTFIELDSIZE, buffer.count)
            dw_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            // Discard the response body.
            dw_easy_setopt_write(handle, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let reason = code == CURLE_OPERATION_TIMEDOUT ? "timed out after \(Int(timeout)) s" : String(cString: curl_easy_strerror(code))
            throw FetchError(url: url, reason: "\(reason) (curl \(code.rawValue))")
        }
        var status = 0
        dw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }
}
