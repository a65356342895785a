import Extraction
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Appends one line per alert to the alert log (JSON Lines, or text for people).
/// The file is opened for each batch with O_APPEND, so logrotate may move or truncate it.
public struct AlertLogSink: AlertSink {
    public var path: String
    public var format: AlertSettings.Format

    public init(path: String, format: AlertSettings.Format) {
        self.path = path
        self.format = format
    }

    public func line(_ alert: Alert) -> String {
        switch format {
        case .jsonl:
            return (try? Store.json(alert)) ?? "{}"
        case .text:
            return AlertText.line(alert)
        }
    }

    public func deliver(_ alerts: [Alert]) throws(AlertError) {
        guard !alerts.isEmpty else { return }
        do { try Paths.ensureParent(of: path) } catch {
            throw AlertError("cannot create the directory of \(path): \(error.localizedDescription)")
        }
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AlertError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try dropTornLine(fd)
        var text = ""
        for a in alerts { text += line(a) + "\n" }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AlertError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw AlertError("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// A crash in the middle of a write can leave a last line without its newline: cut it off,
    /// so the alert is written again whole and the log stays one JSON object per line.
    private func dropTornLine(_ fd: Int32) throws(AlertError) {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, size - 1) == 1, last != 0x0A else { return }
        var end = size - 1
        var buffer = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let start = max(0, end - off_t(buffer.count))
            let n = pread(fd, &buffer, Int(end - start), start)
            guard n > 0 else { break }
            if let nl = buffer[0..<n].lastIndex(of: 0x0A) {
                end = start + off_t(nl) + 1
                break
            }
            end = start
        }
        guard ftruncate(fd, end) == 0 else {
            throw AlertError("cannot repair the torn last line of \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The line is the one this sink writes for the alert, byte for byte: in JSON it carries the
    /// database's identity, so a recreated database never mistakes an old log's line for its own.
    /// A JSON line written by the previous version (one topic per line, no `topics`) is recognised
    /// by this database's name and the alert's id, development, kind, time and (first) topic.
    public func holds(_ alert: Alert, as mark: DeliveredMark) -> Bool {
        guard let written = mark.line else { return false }
        if written == line(alert) { return true }
        if format == .text { return written.hasPrefix(Self.oneTopicTextPrefix(alert)) }
        struct Dev: Decodable { var id: Int64 }
        struct Head: Decodable {
            var id: Int64
            var time: String
            var topic: String
            var topics: [String]?
            var kind: String
            var database: String?
            var development: Dev
        }
        guard format == .jsonl, let database = alert.database, !database.isEmpty,
            let h = try? JSONDecoder().decode(Head.self, from: Data(written.utf8)),
            h.topics == nil  // a line of this version is compared byte for byte above
        else { return false }
        return h.database == database && h.id == alert.id && h.development.id == alert.development.id && h.kind == alert.kind
            && h.time == alert.time && h.topic == alert.topic
    }

    /// The start of the text line the previous version (one line per topic) wrote for `alert`:
    /// time, id, its one topic, kind and the development. Text lines carry no database identity;
    /// the time to the second and the development stand for it.
    static func oneTopicTextPrefix(_ alert: Alert) -> String {
        var s = "\(alert.time) #\(alert.id) [\(alert.topic)] \(alert.kind): "
        if let n = alert.heldBack { s += "\(n) alerts held back by the topic's rate limit; the latest: " }
        return TerminalText.safe(s + DevelopmentFormatter.line(alert.development.record))
    }

    /// Reads the last complete line of the log.
    public func lastDelivered() -> DeliveredMark? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        guard size > 0 else { return nil }
        let window = min(size, 256 * 1024)
        try? handle.seek(toOffset: size - window)
        guard let data = try? handle.readToEnd() else { return nil }
        return Self.lastMark(in: [UInt8](data))
    }

    /// The last line of `bytes` that carries a mark, read from the end: the lines before it are
    /// not split or decoded (the log's last line is nearly always the one).
    static func lastMark(in bytes: [UInt8]) -> DeliveredMark? {
        var end = bytes.count
        while end > 0 {
            let start = (bytes[..<end].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            if start < end {
                let line = String(decoding: bytes[start..<end], as: UTF8.self)
                if var mark = Self.mark(in: line) {
                    mark.line = line
                    return mark
                }
            }
            end = start - 1
        }
        return nil
    }

    static func mark(in line: String) -> DeliveredMark? {
        if line.hasPrefix("{") {
            struct Dev: Decodable { var id: Int64 }
            struct Head: Decodable {
                var id: Int64
                var topic: String
                var development: Dev
            }
            guard let h = try? JSONDecoder().decode(Head.self, from: Data(line.utf8)) else { return nil }
            return DeliveredMark(id: h.id, topic: h.topic, developmentID: h.development.id)
        }
        // text: "<time> #<id> [topic, topic] kind: …"; a topic may hold "]" or ":", so the topics
        // end before "] " and the kind.
        guard let m = line.prefixMatch(of: #/\S+ \#(\d+) \[(.*?)\] (?:new|update|digest): /#), let id = Int64(m.1) else { return nil }
        let first = m.2.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        return DeliveredMark(id: id, topic: first, developmentID: nil)
    }
}
