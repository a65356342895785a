import Extraction
import Feeds
import Foundation
import GRDB
import Testing

@testable import DiploWatch

#if canImport(GRDBSQLite)
    import GRDBSQLite
#endif

/// Migration v9: a database of one alert row per development and topic becomes one per event,
/// losing no alert, writing none twice, and keeping ids increasing.
@Suite("Alert migration")
struct AlertMigrationTests {
    let dir = Fixtures.tempDirectory()

    /// One old-format alert row: (id, development, topic, delivered, held).
    typealias OldRow = (id: Int64, development: Int64, topic: String, delivered: Bool, held: Bool)

    /// A database migrated up to v8p holding `rows`, and the JSON line the previous version wrote
    /// for each (one topic per line).
    func oldDatabase(_ rows: [OldRow], text: Bool = false) throws -> (path: String, lines: [Int64: String]) {
        let path = dir + "/db.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue, upTo: "v8p: indexes for queries that grow with time, summary-only re-index")
        var lines: [Int64: String] = [:]
        let pairs = [("Japan", "India"), ("France", "Brazil"), ("Kenya", "Egypt"), ("Chile", "Peru")]
        try queue.write { db in
            let identity = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'database_id'") ?? ""
            for dev in Set(rows.map(\.development)).sorted() {
                let (a, b) = pairs[Int(dev) - 1]
                let d = try #require(
                    Extractor().extract(Article(text: "\(a) and \(b) signed a trade agreement on Monday.", published: "2026-11-24")).first)
                try db.execute(
                    sql: """
                        INSERT INTO developments (id, fingerprint, type, status, summary, record, confidence, first_seen, last_seen)
                        VALUES (?, ?, ?, ?, ?, ?, 1, 0, 0)
                        """, arguments: [dev, "fp\(dev)", d.type, d.status, d.evidence, try Store.json(d)])
            }
            for r in rows {
                let record = try Development.fromJSON(
                    try #require(try String.fetchOne(db, sql: "SELECT record FROM developments WHERE id = ?", arguments: [r.development])))
                let payload = AlertPayload(development: StoredDevelopment(id: r.development, record: record), sources: [])
                let created = 1_795_000_000 + Double(r.id)
                try db.execute(
                    sql: """
                        INSERT INTO alerts (id, development_id, topic, kind, status, created, payload, delivered_at, held)
                        VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        r.id, r.development, r.topic, record.status, created, try Store.json(payload), r.delivered ? created : nil, r.held,
                    ])
                // The previous version's line: the same keys, one topic.
                let line: [String: Any] = [
                    "id": r.id, "time": RFC3339.string(Date(timeIntervalSince1970: created)), "topic": r.topic, "kind": "new",
                    "development": try JSONSerialization.jsonObject(with: Data(try Store.json(payload.development).utf8)), "sources": [],
                    "database": identity,
                ]
                lines[r.id] = String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self)
                if text {
                    // The previous version's text line (no sources here, so nothing after the development).
                    lines[r.id] = TerminalText.safe(
                        "\(RFC3339.string(Date(timeIntervalSince1970: created))) #\(r.id) [\(r.topic)] new: "
                            + DevelopmentFormatter.line(record))
                }
            }
            try db.execute(sql: "INSERT INTO sinks (name, baseline) VALUES ('webhook:ops', 0)")
            for id in rows.filter(\.delivered).map(\.id) {
                try db.execute(
                    sql: "INSERT INTO sink_deliveries (alert_id, sink, attempts, delivered_at) VALUES (?, 'webhook:ops', 1, 1)",
                    arguments: [id])
            }
        }
        return (path, lines)
    }

    @Test func oldRowsBecomeOneAlertPerEventWithoutLossOrRepeat() throws {
        // Given the previous version's outbox: event 1 delivered for both topics, event 2 for one of
        // two (the batch ended between them), event 4 held for its only topic, and event 3 written
        // to the log but not yet marked delivered (a crash in between); its last row has the
        // highest id
        let rows: [OldRow] = [
            (1, 1, "asia", true, false), (2, 1, "deals", true, false), (3, 2, "asia", true, false), (4, 2, "deals", false, false),
            (5, 4, "deals", false, true), (6, 3, "asia", false, false), (7, 3, "deals", false, false),
        ]
        let (path, old) = try oldDatabase(rows)
        let log = dir + "/alerts.jsonl"
        try ([1, 2, 3, 6].map { old[$0]! }.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)

        // When the new version opens it
        let store = try Store(path: path)

        // Then each event is one alert under its lowest id, with all its topics in their order
        let alerts = try store.alerts()
        #expect(alerts.map(\.id) == [1, 3, 5, 6])
        #expect(alerts.map(\.topics) == [["asia", "deals"], ["asia", "deals"], ["deals"], ["asia", "deals"]])
        #expect(try store.counts().undelivered == 2)

        // And the log's last line, in the old shape, is recognised as event 3: nothing is written twice
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl)).deliverPending() == 0)
        #expect(lines(log).count == 4)

        // And the sink still owes event 3 only (event 2 reached it; event 4 is held)
        #expect(try store.pendingAlerts(sink: "webhook:ops").map(\.alert.id) == [6])

        // And the next alert gets an id above every id ever written
        let text = "Spain and Italy signed a trade agreement on Monday."
        let e = FeedEntry(id: "n", title: "n", link: "https://t.example/n", published: Date(), summary: text)
        _ = try store.ingest(
            IncomingArticle(feedURL: "https://t.example/f", feedTitle: nil, entry: e, text: text),
            developments: Extractor().extract(Article(text: text, published: Store.isoDay(Date()))),
            topics: [TopicConfig(name: "deals", types: ["AGREE"])], now: Date())
        #expect(try store.alerts().last?.id == 8)
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .jsonl)).deliverPending() == 1)
        #expect(lines(log).last?.contains("\"id\":8,") == true)
    }

    /// The previous version wrote a whole batch (every topic row of an event), then marked it: a
    /// crash in between leaves the log ending on the event's highest id, which the upgrade merges away.
    static let crashAfterWholeBatch: [OldRow] = [
        (1, 1, "asia", true, false), (2, 1, "deals", true, false), (3, 2, "asia", false, false), (4, 2, "deals", false, false),
        (5, 3, "asia", false, false),
    ]

    @Test(arguments: [false, true])
    func aLogEndingOnAMergedRowIsRecognised(text: Bool) throws {
        // Given a log that ends on row 4, the last of event 2, written but not marked delivered
        let (path, old) = try oldDatabase(Self.crashAfterWholeBatch, text: text)
        let log = dir + "/alerts.log"
        try ([1, 2, 3, 4].map { old[$0]! }.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)

        // When the upgraded version delivers what is pending
        let store = try Store(path: path)
        #expect(try store.alert(id: 4) == nil)  // merged into alert 3
        let written = try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: text ? .text : .jsonl)).deliverPending()

        // Then event 2 (alert 3) counts as written, and only event 3 (alert 5) is added
        #expect(written == 1)
        #expect(lines(log).count == 5)
        #expect(lines(log).last?.contains(text ? " #5 [asia] new: " : "\"id\":5,") == true, "\(lines(log).last ?? "")")
    }

    @Test func aTextLogEndingOnAKeptRowIsRecognised() throws {
        // Given a text log whose last line is row 3, the lowest of event 2 (the one the upgrade keeps)
        let (path, old) = try oldDatabase(Self.crashAfterWholeBatch, text: true)
        let log = dir + "/alerts.log"
        try ([1, 2, 3].map { old[$0]! }.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)

        // When the upgraded version delivers, then event 2 is not written again
        let store = try Store(path: path)
        #expect(try AlertDelivery(store: store, sink: AlertLogSink(path: log, format: .text)).deliverPending() == 1)
        #expect(lines(log).count == 4)
    }

    @Test func aSinksStateMergesAsTheEventsState() throws {
        // Given a sink that gave up on one topic row of event 1 but never tried the other, delivered
        // event 2 for one row (an earlier error noted) while retrying the other, and retries both
        // rows of event 3, the later attempt with another error
        let rows: [OldRow] = [
            (1, 1, "asia", false, false), (2, 1, "deals", false, false), (3, 2, "asia", false, false), (4, 2, "deals", false, false),
            (5, 3, "asia", false, false), (6, 3, "deals", false, false),
        ]
        let (path, _) = try oldDatabase(rows)
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO sink_deliveries (alert_id, sink, attempts, next_attempt_at, delivered_at, failed_at, last_error) VALUES
                      (1, 'webhook:ops', 5, NULL, NULL, 10, 'HTTP 500'),
                      (3, 'webhook:ops', 2, 100, 5, NULL, 'timeout'),
                      (4, 'webhook:ops', 1, 200, NULL, NULL, 'HTTP 502'),
                      (5, 'webhook:ops', 2, 300, NULL, NULL, 'zzz earlier'),
                      (6, 'webhook:ops', 3, 400, NULL, NULL, 'aaa later');
                    """)
        }

        // When the new version opens it
        let store = try Store(path: path)
        let state = try store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT alert_id, next_attempt_at, delivered_at, failed_at, last_error FROM sink_deliveries ORDER BY alert_id"
            ).map { r in
                (
                    alert: r["alert_id"] as Int64, next: r["next_attempt_at"] as Double?, delivered: r["delivered_at"] as Double?,
                    failed: r["failed_at"] as Double?, error: r["last_error"] as String?
                )
            }
        }

        // Then event 1 is still owed (one of its rows was never tried), event 2 is delivered with no
        // error or retry left, and event 3 keeps its latest attempt's error
        let pending = try store.pendingAlerts(sink: "webhook:ops").map(\.alert.id)
        #expect(pending.first == 1 && pending.contains(5), "\(pending)")
        #expect(state.map(\.alert) == [1, 3, 5])
        #expect(state[0].failed == nil)
        #expect(state[1].delivered == 5)
        #expect(state[1].error == nil)
        #expect(state[1].next == nil)
        #expect(state[2].error == "aaa later")
        #expect(state[2].next == 300)
    }

    @Test func aSinksDeliveredAlertsAreNeverReadAgain() throws {
        // Given a sink that has delivered some 300 alerts, and one more raised
        let store = try Store(path: dir + "/db.sqlite")
        try store.registerSink("exec:x")
        let states = [
            "Japan", "India", "France", "Brazil", "Kenya", "Egypt", "Chile", "Peru", "Spain", "Italy", "Germany", "Mexico",
            "Canada", "Nigeria", "Ghana", "Norway", "Sweden", "Poland", "Greece", "Turkey", "Ireland", "Portugal", "Austria", "Belgium",
            "Denmark",
        ]
        let extractor = Extractor()
        var n = 0
        outer: for (i, a) in states.enumerated() {
            for b in states[(i + 1)...] {
                let text = "\(a) and \(b) signed a trade agreement on Monday."
                let e = FeedEntry(id: "g\(n)", title: "t", link: "https://t.example/\(n)", published: Date(), summary: text)
                _ = try store.ingest(
                    IncomingArticle(feedURL: "https://t.example/f", feedTitle: nil, entry: e, text: text),
                    developments: extractor.extract(Article(text: text, published: Store.isoDay(Date()))),
                    topics: [TopicConfig(name: "deals")], now: Date())
                n += 1
                if n == 301 { break outer }
            }
        }
        let all = try store.alerts().map(\.id)
        try #require(all.count > 250)  // a few pairs may read as one development
        for id in all.dropLast() { try store.recordSinkDelivery(sink: "exec:x", alert: id, now: Date()) }

        // When the sink asks what it owes, the answer is the new alert, read from its cursor: the
        // statement steps as often as with no history at all
        let recorder = QueryPlanTests.Recorder()
        let traced = try Store(path: dir + "/db.sqlite", readOnly: false, trace: { recorder.add($0) })
        recorder.on = true
        #expect(try traced.pendingAlerts(sink: "exec:x", limit: 200).map(\.alert.id) == [all.last!])
        recorder.on = false
        let sql = try #require(recorder.all.first { $0.contains("sink_deliveries") })
        let steps = try store.read { db in
            let s = try db.makeStatement(sql: sql)
            _ = try Row.fetchAll(s, arguments: ["exec:x", 200])  // the sink, the limit
            return Int(sqlite3_stmt_status(s.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0))
        }
        print("pending-alerts statement: \(steps) virtual machine steps after 300 delivered")
        #expect(steps < 200, "\(steps) virtual machine steps for one pending alert")
        #expect(try store.sinkStatuses().first?.pending == 1)
    }

    @Test func aReaderOfADatabaseNotYetMigratedIsToldWhatToDo() throws {
        // Given a database the upgraded daemon has not opened yet
        let (path, _) = try oldDatabase([(1, 1, "asia", true, false), (2, 1, "deals", true, false)])

        // When the new CLI reads it (read-only, so it cannot migrate it)
        let store = try Store(path: path, readOnly: true)

        // Then its alerts and topics read as before, and a topic filter says what to do
        #expect(try store.alertTopics() == ["asia", "deals"])
        #expect(try store.alerts().map(\.topics) == [["asia"], ["deals"]])
        #expect(throws: StoreError.self) { try store.alerts(topic: "asia") }
        do {
            _ = try store.alerts(topic: "asia")
        } catch {
            #expect(error.message.contains("restart the daemon (or run `diplowatch poll`) to migrate it"), "\(error)")
        }
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}

extension Development {
    static func fromJSON(_ s: String) throws -> Development { try JSONDecoder().decode(Development.self, from: Data(s.utf8)) }
}
