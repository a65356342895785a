import CCurl
import Foundation

/// One libcurl multi handle driven by one thread for the whole process: every transfer runs on it,
/// so a host's connections (and its DNS answers) are kept and reused from one request to the next
/// and from one poll cycle to the next, and no thread is started per request. Easy handles are
/// kept in a pool and reset between uses.
final class CurlMulti: @unchecked Sendable {
    static let shared = CurlMulti()

    private struct Job {
        var handle: UnsafeMutableRawPointer
        var done: CheckedContinuation<CURLcode, Never>
    }

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    // Guarded by `lock`.
    private var incoming: [Job] = []
    private var idle: [UnsafeMutableRawPointer] = []
    // Only touched on the transfer thread.
    private var running: [UnsafeMutableRawPointer: CheckedContinuation<CURLcode, Never>] = [:]

    /// Idle connections kept open, over all hosts.
    static let maxCachedConnections = 128
    /// Easy handles kept for reuse.
    static let maxIdleHandles = 64

    private init() {
        multi = curl_multi_init()!
        dw_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.maxCachedConnections)
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "diplowatch-curl"
        thread.start()
    }

    /// An easy handle with default options, from the pool or new.
    func checkout() -> UnsafeMutableRawPointer? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        return reused ?? curl_easy_init()
    }

    /// Gives a handle back once its transfer is over and its results read.
    func checkin(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        lock.lock()
        let keep = idle.count < Self.maxIdleHandles
        if keep { idle.append(handle) }
        lock.unlock()
        if !keep { curl_easy_cleanup(handle) }
    }

    /// Runs one transfer of a configured handle to its end and returns its result code. The caller
    /// must not touch the handle until this returns.
    func perform(_ handle: UnsafeMutableRawPointer) async -> CURLcode {
        await withCheckedContinuation { continuation in
            lock.lock()
            incoming.append(Job(handle: handle, done: continuation))
            lock.unlock()
            curl_multi_wakeup(multi)
        }
    }

    private func loop() {
        while true {
            lock.lock()
            let added = incoming
            incoming.removeAll(keepingCapacity: true)
            lock.unlock()
            for job in added {
                let code = curl_multi_add_handle(multi, job.handle)
                if code == CURLM_OK {
                    running[job.handle] = job.done
                } else {
                    job.done.resume(returning: CURLE_FAILED_INIT)
                }
            }
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
                let result = message.pointee.data.result
                curl_multi_remove_handle(multi, handle)
                running.removeValue(forKey: handle)?.resume(returning: result)
            }
            // Sleeps until a socket is ready, a transfer's timer is due, or a new job wakes it.
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }
}
