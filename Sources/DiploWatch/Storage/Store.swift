import Extraction
import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#endif

/// The SQLite database (WAL, versioned migrations): feeds, articles, developments, their
/// sources and the alert outbox. Only the Store and the alert sinks touch disk.
public final class Store: Sendable {
    let pool: DatabasePool
    public let path: String
    /// A random name given to the database when it is created (empty for a read-only one that
    /// predates it): alert lines carry it, so a log written from another database is recognised.
    public let identity: String

    /// Opens (creating if needed) the database at `path` and migrates it.
    public convenience init(path: String, readOnly: Bool = false) throws(StoreError) {
        try self.init(path: path, readOnly: readOnly, trace: nil)
    }

    /// `trace` receives the SQL of every statement run (the query-plan test collects them).
    init(path: String, readOnly: Bool, trace: (@Sendable (String) -> Void)?) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(10)
        config.label = "diplowatch"
        // WAL with synchronous=NORMAL: a crash of the process loses no committed transaction; only a
        // power failure may lose the last few (SQLite's documented trade-off for WAL).
        config.prepareDatabase { db in
            if let trace {
                db.trace(options: .statement) { event in
                    if case .statement(let s) = event { trace(s.sql) }
                }
            }
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Persistent WAL: the -wal and -shm files stay when the daemon stops, so that a member of
            // its group, who may not create files in the state directory, can still open it read-only.
            var persist: CInt = 1
            let code = withUnsafeMutablePointer(to: &persist) {
                sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        do {
            if !readOnly { try Paths.ensureParent(of: path) }
            pool = try DatabasePool(path: path, configuration: config)
            if !readOnly { try Self.migrator.migrate(pool) }
            identity = try pool.read { db in
                guard try db.tableExists("meta") else { return "" }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'database_id'") ?? ""
            }
        } catch {
            throw StoreError("cannot open \(path): \(Self.describe(error))", code: Self.code(error))
        }
    }

    static func code(_ error: any Error) -> Int32? {
        (error as? DatabaseError).map { $0.resultCode.primaryResultCode.rawValue }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e)" }
        return "\(error)"
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError(Self.describe(error), code: Self.code(error)) }
    }

    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError(Self.describe(error), code: Self.code(error)) }
    }

    /// A write that suspends the calling task instead of blocking its thread.
    func asyncWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.write(body) } catch { throw StoreError(Self.describe(error), code: Self.code(error)) }
    }

    /// Copies the database to a new file with SQLite's online backup, consistent even while the
    /// daemon writes, and checks the copy. An existing file is never overwritten.
    public func backup(to path: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError("backup: \(path) already exists; name a new file")
        }
        do {
            try Paths.ensureParent(of: path)
            let copy = try DatabaseQueue(path: path)
            try pool.backup(to: copy, pagesPerStep: 1024)
            let check = try copy.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            guard check == "ok" else { throw StoreError("backup: the copy at \(path) fails its integrity check: \(check ?? "?")") }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("backup to \(path): \(Self.describe(error))")
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?" }
    }
}

/// A storage failure, with SQLite's own message and primary result code.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// SQLite's primary result code (13 full, 11 corrupt, 26 not a database, 10 I/O, 8 read-only).
    public var code: Int32?
    init(_ message: String, code: Int32? = nil) {
        self.message = message
        self.code = code
    }
    public var description: String { "store: \(message)" }

    /// The database file is damaged: retrying cannot help.
    public var isCorruption: Bool {
        code == 11 || code == 26 || message.contains("malformed") || message.contains("not a database")
    }

    /// What an operator can do about it, in one sentence.
    public func advice(database: String) -> String {
        if code == 13 || message.contains("disk is full") {
            return "free space on the filesystem that holds \(database); the feeds not stored are read again on the next poll"
        }
        if isCorruption {
            return "the database file is damaged: stop diplowatch, move \(database) aside (keep it for inspection) "
                + "and restore a backup or start a new database; the alert log keeps every alert already written"
        }
        return "check that \(database) and its directory are writable and the disk is healthy"
    }
}

extension Database {
    /// Executes a statement compiled once per connection (GRDB's statement cache): the ingestion
    /// path runs the same few statements for every article.
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
