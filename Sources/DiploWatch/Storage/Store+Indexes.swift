import GRDB

extension Store {
    /// Migration v8p: every statement the daemon and the CLI run on a table that grows with time
    /// finds its rows through an index (checked by a test over `EXPLAIN QUERY PLAN`).
    static func addGrowthIndexes(_ db: Database) throws {
        // The full-text index holds only the summary: re-index on a change of the summary, not on
        // every `last_seen` touch (GRDB's trigger fires on an update of any column).
        try db.execute(
            sql: """
                DROP TRIGGER IF EXISTS "__developments_fts_au";
                CREATE TRIGGER "__developments_fts_au" AFTER UPDATE OF "summary" ON "developments" BEGIN
                    INSERT INTO "developments_fts"("developments_fts", "rowid", "summary") VALUES('delete', old."rowid", old."summary");
                    INSERT INTO "developments_fts"("rowid", "summary") VALUES (new."rowid", new."summary");
                END;
                """)
        // Pruning walks only the articles that still have text, oldest first; pruned ones leave
        // the index, so each pass reads what it changes and no more.
        try db.execute(sql: "CREATE INDEX articles_unpruned_fetched ON articles(fetched_at) WHERE text != ''")
        // The rate-limit count (topic, not held, created in the last hour), covered by the index.
        try db.create(index: "alerts_topic_held_created", on: "alerts", columns: ["topic", "held", "created"])
        // Held alerts waiting for their digest: few, whatever the size of the outbox.
        try db.execute(sql: "CREATE INDEX alerts_held_pending ON alerts(topic, id) WHERE held = 1 AND digested = 0")
        try db.create(index: "alerts_created", on: "alerts", columns: ["created"])
        try db.create(index: "developments_last_seen", on: "developments", columns: ["last_seen"])
        try db.create(index: "developments_type", on: "developments", columns: ["type"])
        try db.create(index: "pages_fetched", on: "pages", columns: ["fetched_at"])
        // A sink's own deliveries (its status counts), without walking every sink's.
        try db.create(index: "sink_deliveries_by_sink", on: "sink_deliveries", columns: ["sink", "alert_id"])
    }
}
