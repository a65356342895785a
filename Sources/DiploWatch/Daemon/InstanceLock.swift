import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One daemon (or `poll`) per database: an exclusive flock on the database file itself, held for
/// the life of the process, so two processes never deliver the same alerts. A lock on a side file
/// (`<database>.lock`, as before) was lost when the file was removed; the database file cannot be
/// removed without removing the database. flock does not touch SQLite's own fcntl locks.
public final class InstanceLock: Sendable {
    let fd: Int32
    public let path: String

    public init(database: String) throws(StoreError) {
        path = database
        do { try Paths.ensureParent(of: path) } catch { throw StoreError("cannot create the directory of \(path)") }
        // An empty new file is what SQLite makes of a new database too.
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StoreError("another diplowatch process is using \(database) (it holds a lock on the database file)")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
