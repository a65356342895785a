import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A unix datagram socket bound at a path, standing in for systemd's notify socket.
public final class NotifyListener: @unchecked Sendable {
    let fd: Int32
    public let path: String

    public init(path: String, timeoutSeconds: Int = 20) {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() { raw[i] = b }
        }
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// The next datagram, or nil after the timeout.
    public func receive() -> String? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buf, buf.count, 0)
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : nil
    }

    /// Reads datagrams until one contains `needle`; false on timeout.
    public func wait(for needle: String) -> Bool {
        while let message = receive() {
            if message.contains(needle) { return true }
        }
        return false
    }
}
