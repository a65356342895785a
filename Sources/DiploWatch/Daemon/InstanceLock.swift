import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One daemon (or `poll`) per database: an exclusive flock on `<database>.lock`, held for the
/// life of the process, so two processes never deliver the same alerts.
public final class InstanceLock: Sendable {
    let fd: Int32
    public let path: String

    public init(database: String) throws(StoreError) {
        path = database + ".lock"
        do { try Paths.ensureParent(of: path) } catch { throw StoreError("cannot create the directory of \(path)") }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError("another diplowatch process is using \(database) (lock \(path) is held)")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
