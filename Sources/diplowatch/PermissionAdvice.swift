import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Says who may read the daemon's files when the user may not: the group that owns them.
enum PermissionAdvice {
    /// A message when `path`, or the directory holding it, cannot be read by this user; nil otherwise.
    static func denied(_ path: String) -> String? {
        let dir = (path as NSString).deletingLastPathComponent
        let blocked: String
        if access(dir, X_OK) != 0, errno == EACCES {
            blocked = dir
        } else if access(path, R_OK) != 0, errno == EACCES {
            blocked = path
        } else {
            return nil
        }
        var info = stat()
        var group = "the group that owns \(blocked)"
        if stat(blocked, &info) == 0, let g = getgrgid(info.st_gid), let name = g.pointee.gr_name {
            group = "the \(String(cString: name)) group (sudo usermod -aG \(String(cString: name)) $USER, then log in again)"
        }
        return "cannot read \(path): permission denied; members of \(group) may read it"
    }
}
