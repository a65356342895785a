import Foundation
import Testing

@testable import DiploWatch

#if canImport(Glibc)
    import Glibc
#endif

@Suite("sd_notify")
struct SystemdNotifierTests {
    /// A unix datagram socket bound at `path`, as systemd listens.
    func listener(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() { raw[i] = b }
        }
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    func receive(_ fd: Int32) -> String? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buf, buf.count, 0)
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : nil
    }

    @Test func sendsDatagramsToThePathInNOTIFY_SOCKET() {
        let path = Fixtures.tempDirectory() + "/notify.sock"
        let fd = listener(path)
        defer { close(fd) }
        let notifier = SystemdNotifier(socketPath: path)
        #expect(notifier.notify("READY=1\nSTATUS=polling"))
        #expect(receive(fd) == "READY=1\nSTATUS=polling")
        #expect(notifier.notify("STOPPING=1"))
        #expect(receive(fd) == "STOPPING=1")
    }

    @Test func withoutASocketNothingIsSent() {
        #expect(!SystemdNotifier(socketPath: nil).notify("READY=1"))
        #expect(!SystemdNotifier(socketPath: "/nonexistent/dir/sock").notify("READY=1"))
    }
}
