import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The sd_notify protocol: one datagram per message to `$NOTIFY_SOCKET` (a path, or
/// `@name` for the abstract namespace). Without the variable, notifications are dropped.
public struct SystemdNotifier: Sendable {
    public let socketPath: String?

    public init(socketPath: String? = ProcessInfo.processInfo.environment["NOTIFY_SOCKET"]) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sends `message` (e.g. "READY=1\nSTATUS=polling"); returns whether it was sent.
    @discardableResult
    public func notify(_ message: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in pathBytes.enumerated() { raw[i] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT), sa, length) }
            }
        }
        return sent == bytes.count
    }

    /// Runs `work` (opening and upgrading the database), and while it lasts longer than `after`
    /// seconds, asks systemd every `every` seconds for more start-up time (`EXTEND_TIMEOUT_USEC`,
    /// twice the interval) with a status line saying why: an upgrade of a large database can take
    /// longer than `TimeoutStartSec`, and systemd would kill a daemon that was only migrating.
    public func extendingStartTimeout<T>(
        status: String, every: Double = 10, after: Double = 2, _ work: () throws -> T
    ) rethrows -> T {
        guard socketPath != nil else { return try work() }
        let done = DispatchSemaphore(value: 0)
        let stopped = DispatchSemaphore(value: 0)
        let message = "EXTEND_TIMEOUT_USEC=\(UInt64(every * 2 * 1_000_000))\nSTATUS=\(status)"
        let thread = Thread { [self] in
            var wait = after
            while done.wait(timeout: .now() + wait) == .timedOut {
                notify(message)
                wait = every
            }
            stopped.signal()
        }
        thread.start()
        defer {
            done.signal()
            stopped.wait()
        }
        return try work()
    }
}
