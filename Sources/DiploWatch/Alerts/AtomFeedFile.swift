import Foundation

/// `[alerts] atom = PATH`: an Atom 1.0 file of the latest alerts, one entry per alert with its
/// evidence sentence and sources, so any feed reader can follow DiploWatch. The file is rebuilt
/// from the outbox and replaced atomically (a temporary file renamed over it) after each delivery.
public struct AtomFeedFile: Sendable {
    public var path: String
    public var limit: Int

    public init(path: String, limit: Int = 100) {
        self.path = path
        self.limit = limit
    }

    /// Rewrites the file with the latest `limit` alerts in `store`.
    public func update(from store: Store, now: Date = Date()) throws {
        let alerts = try store.alerts(limit: limit)
        try write(Self.document(alerts, now: now))
    }

    func write(_ text: String) throws {
        try Paths.ensureParent(of: path)
        let temp = path + ".tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
            throw AlertError("cannot write \(temp)")
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw AlertError("cannot replace \(path): \(reason)")
        }
    }

    /// The Atom document, newest entry first.
    public static func document(_ alerts: [Alert], now: Date) -> String {
        var s = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>DiploWatch alerts</title>
              <id>urn:diplowatch:alerts</id>
              <updated>\(alerts.last?.time ?? RFC3339.string(now))</updated>
              <author><name>DiploWatch</name></author>
              <generator version="\(DiploWatchVersion.string)">DiploWatch</generator>

            """
        for a in alerts.reversed() { s += entry(a) }
        return s + "</feed>\n"
    }

    static func entry(_ a: Alert) -> String {
        let d = a.development.record
        var title = "[\(a.topics.joined(separator: ", "))] \(DevelopmentFormatter.line(d))"
        if a.kind != "new" { title = "\(a.kind): " + title }
        var html = "<p>\(XMLEscape.text(d.evidence))</p>\n"
        if let held = a.heldBack { html += "<p>\(held) more alerts for \(XMLEscape.text(a.topic)) were held back this hour.</p>\n" }
        if !a.sources.isEmpty {
            html += "<ul>\n"
            for src in a.sources {
                let label = XMLEscape.text(src.title ?? src.url ?? "source")
                let link = src.url.map { "<a href=\"\(XMLEscape.text($0))\">\(label)</a>" } ?? label
                let meta = [src.feed, src.published].compactMap { $0 }.map(XMLEscape.text).joined(separator: ", ")
                html += "<li>\(link)\(meta.isEmpty ? "" : " (\(meta))")</li>\n"
            }
            html += "</ul>\n"
        }
        var s = "  <entry>\n    <id>urn:diplowatch:alert:\(a.id):development:\(a.development.id)</id>\n"
        s += "    <title>\(XMLEscape.text(title))</title>\n    <updated>\(a.time)</updated>\n"
        if let published = a.sources.compactMap(\.published).first { s += "    <published>\(published)</published>\n" }
        // The best source: the article whose sentence is the evidence.
        if let url = a.bestSource?.url ?? a.sources.compactMap(\.url).first {
            s += "    <link rel=\"alternate\" href=\"\(XMLEscape.text(url))\"/>\n"
        }
        for topic in a.topics { s += "    <category term=\"\(XMLEscape.text(topic))\"/>\n" }
        s += "    <summary>\(XMLEscape.text(d.evidence))</summary>\n"
        s += "    <content type=\"html\">\(XMLEscape.text(html))</content>\n  </entry>\n"
        return s
    }

}

/// The alert log with the Atom file kept beside it: alerts go to the log first; the Atom file
/// follows, and a failure to write it is reported but never holds the log back.
public struct AtomMirroredSink: AlertSink {
    public var inner: any AlertSink
    public var atom: AtomFeedFile
    public var store: Store
    public var onError: @Sendable (String) -> Void

    public init(inner: any AlertSink, atom: AtomFeedFile, store: Store, onError: @escaping @Sendable (String) -> Void) {
        self.inner = inner
        self.atom = atom
        self.store = store
        self.onError = onError
    }

    public func deliver(_ alerts: [Alert]) throws(AlertError) {
        try inner.deliver(alerts)
        do { try atom.update(from: store) } catch { onError("atom: \(atom.path): \(error)") }
    }

    public func lastDelivered() -> DeliveredMark? { inner.lastDelivered() }

    /// The log's own check (its line byte for byte, the database's identity), not the weak default.
    public func holds(_ alert: Alert, as mark: DeliveredMark) -> Bool { inner.holds(alert, as: mark) }
}

extension AlertSettings {
    /// The configured alert log, with the Atom file when `atom` is set.
    public func sink(store: Store, onError: @escaping @Sendable (String) -> Void) -> any AlertSink {
        let log = AlertLogSink(path: log, format: format)
        guard let atom else { return log }
        return AtomMirroredSink(inner: log, atom: AtomFeedFile(path: atom), store: store, onError: onError)
    }
}
