import Foundation

/// Default file locations: systemd's directories when set, else system paths for root,
/// else XDG directories for a user.
public enum Paths {
    static var env: [String: String] { ProcessInfo.processInfo.environment }
    static var isRoot: Bool { getuid() == 0 }

    static func firstDirectory(_ variable: String) -> String? {
        guard let v = env[variable], !v.isEmpty else { return nil }
        return String(v.split(separator: ":").first ?? "")
    }

    static var userState: String {
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return base + "/diplowatch"
    }

    public static var defaultDatabase: String {
        if let d = firstDirectory("STATE_DIRECTORY") { return d + "/diplowatch.sqlite" }
        return isRoot ? "/var/lib/diplowatch/diplowatch.sqlite" : userState + "/diplowatch.sqlite"
    }

    public static var defaultAlertLog: String {
        if let d = firstDirectory("LOGS_DIRECTORY") { return d + "/alerts.jsonl" }
        return isRoot ? "/var/log/diplowatch/alerts.jsonl" : userState + "/alerts.jsonl"
    }

    public static var defaultConfig: String {
        if let d = firstDirectory("CONFIGURATION_DIRECTORY") { return d + "/diplowatch.toml" }
        if isRoot { return "/etc/diplowatch/diplowatch.toml" }
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return base + "/diplowatch/diplowatch.toml"
    }

    /// Creates the directory that will hold `file`.
    static func ensureParent(of file: String) throws {
        let dir = (file as NSString).deletingLastPathComponent
        guard !dir.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
}
