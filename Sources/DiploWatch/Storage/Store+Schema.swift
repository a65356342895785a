import GRDB

extension Store {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "feeds") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("url", .text).notNull().unique()
                t.column("name", .text)
                t.column("title", .text)
                t.column("etag", .text)
                t.column("last_modified", .text)
                t.column("next_poll_at", .double).notNull().defaults(to: 0)
                t.column("error_count", .integer).notNull().defaults(to: 0)
                t.column("last_error", .text)
                t.column("last_ok_at", .double)
                t.column("last_polled_at", .double)
            }
            try db.create(table: "articles") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("feed_id", .integer).notNull().references("feeds", onDelete: .cascade)
                t.column("guid", .text)
                t.column("url", .text)
                t.column("title", .text)
                t.column("published", .double)
                t.column("content_hash", .text).notNull()
                t.column("text", .text).notNull()
                t.column("fetched_at", .double).notNull()
            }
            try db.create(index: "articles_feed_guid", on: "articles", columns: ["feed_id", "guid"], unique: true)
            try db.create(index: "articles_url", on: "articles", columns: ["url"])
            try db.create(index: "articles_hash", on: "articles", columns: ["content_hash"])
            try db.create(table: "article_feeds") { t in
                t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
                t.column("feed_id", .integer).notNull().references("feeds", onDelete: .cascade)
                t.column("guid", .text)
                t.primaryKey(["article_id", "feed_id"])
            }
            try db.create(table: "developments") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fingerprint", .text).notNull().unique()
                t.column("type", .text).notNull()
                t.column("mode", .text)
                t.column("status", .text).notNull()
                t.column("date", .text)
                t.column("location", .text)
                t.column("summary", .text).notNull()
                t.column("record", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("first_seen", .double).notNull()
                t.column("last_seen", .double).notNull()
            }
            try db.create(table: "participants") { t in
                t.column("development_id", .integer).notNull().references("developments", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("country", .text)
                t.column("role", .text).notNull()
                t.column("title", .text)
            }
            try db.create(index: "participants_country", on: "participants", columns: ["country"])
            try db.create(index: "participants_development", on: "participants", columns: ["development_id"])
            try db.create(table: "development_sources") { t in
                t.column("development_id", .integer).notNull().references("developments", onDelete: .cascade)
                t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
                t.column("evidence", .text).notNull()
                t.primaryKey(["development_id", "article_id"])
            }
            try db.create(table: "alerts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("development_id", .integer).notNull().references("developments", onDelete: .cascade)
                t.column("topic", .text).notNull()
                t.column("kind", .text).notNull()
                // The status announced: one alert per development, topic and status, so an
                // advance (possible → planned → occurred) alerts once per step, nothing twice.
                t.column("status", .text).notNull()
                t.column("created", .double).notNull()
                t.column("payload", .text).notNull()
                t.column("delivered_at", .double)
                t.uniqueKey(["development_id", "topic", "status"])
            }
            try db.create(index: "alerts_undelivered", on: "alerts", columns: ["delivered_at", "id"])
            try db.create(virtualTable: "articles_fts", using: FTS5()) { t in
                t.synchronize(withTable: "articles")
                t.column("title")
                t.column("text")
            }
            try db.create(virtualTable: "developments_fts", using: FTS5()) { t in
                t.synchronize(withTable: "developments")
                t.column("summary")
            }
        }
        m.registerMigration("v2: index article guids per feed") { db in
            try db.create(index: "article_feeds_feed_guid", on: "article_feeds", columns: ["feed_id", "guid"])
        }
        m.registerMigration("v3: no full-text index of article text") { db in
            // Indexing every article's text cost a third of a cold cycle and served no query:
            // search runs over development summaries, which carry their evidence.
            try db.dropFTS5SynchronizationTriggers(forTable: "articles_fts")
            try db.drop(table: "articles_fts")
        }
        m.registerMigration("v4: webhook and exec sinks") { db in
            // A sink receives the alerts raised after it was first configured (its baseline).
            try db.create(table: "sinks") { t in
                t.column("name", .text).primaryKey()
                t.column("baseline", .integer).notNull()
            }
            try db.create(table: "sink_deliveries") { t in
                t.column("alert_id", .integer).notNull().references("alerts", onDelete: .cascade)
                t.column("sink", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("next_attempt_at", .double)
                t.column("delivered_at", .double)
                t.column("failed_at", .double)
                t.column("last_error", .text)
                t.primaryKey(["alert_id", "sink"])
            }
        }
        m.registerMigration("v5: per-topic rate limit") { db in
            // A held alert is in the outbox but not written on its own; a later digest alert tells
            // how many were held.
            try db.alter(table: "alerts") { t in
                t.add(column: "held", .integer).notNull().defaults(to: 0)
                t.add(column: "digested", .integer).notNull().defaults(to: 0)
            }
        }
        m.registerMigration("v6: redirects, dead feeds, adaptive intervals, full-text pages") { db in
            try db.alter(table: "feeds") { t in
                // The URL polled instead of the configured one, after a permanent redirect repeated.
                t.add(column: "fetch_url", .text)
                // A permanent redirect seen, and how many polls in a row it has been seen.
                t.add(column: "moved_to", .text)
                t.add(column: "moved_count", .integer).notNull().defaults(to: 0)
                // When the current run of failures began, and whether the feed is dead.
                t.add(column: "failing_since", .double)
                t.add(column: "dead", .integer).notNull().defaults(to: 0)
                // The interval adapted to how often the feed publishes (seconds).
                t.add(column: "interval", .double)
            }
            // Entry pages fetched for full_text feeds: their main text, by URL.
            try db.create(table: "pages") { t in
                t.column("url", .text).primaryKey()
                t.column("text", .text)
                t.column("error", .text)
                t.column("fetched_at", .double).notNull()
            }
        }
        m.registerMigration("v7: body hash") { db in
            // A hash of the last body read: a server without conditional GET that sends the same
            // feed again costs no parsing.
            try db.alter(table: "feeds") { t in t.add(column: "body_hash", .text) }
        }
        m.registerMigration("v8: database identity") { db in
            // A random name for this database, written into every alert line: a log that a replaced
            // or recreated database finds is recognised as not its own.
            try db.create(table: "meta") { t in
                t.column("key", .text).primaryKey()
                t.column("value", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(8))))")
        }
        m.registerMigration("v8p: indexes for queries that grow with time, summary-only re-index") { db in
            try Self.addGrowthIndexes(db)
        }
        m.registerMigration("v9: one alert per event, per-sink cursors") { db in try Self.oneAlertPerEvent(db) }
        m.registerMigration("v10: row counts kept by triggers") { db in try Self.addRowCounts(db) }
        return m
    }
}

extension Store {
    /// Migration v9. An alert was one row per development, topic and status; it becomes one row per
    /// development and status, its topics in `alert_topics` (each with its own rate-limit state).
    /// Rows of one event merge into the lowest id, delivered if any of them was (the event is in
    /// the log already), held only if all were; a merged row's id is kept in `alert_merged`, so a
    /// log whose last line is such a row (the old version wrote all of an event's rows, then marked
    /// them) is still recognised after the upgrade; the autoincrement sequence is untouched, so new
    /// alerts still get ids above every id ever written. Sinks get a cursor: every alert up to it
    /// is delivered or given up. A sink's state of an event: delivered if any row was, given up only
    /// if every row was, else retried with its latest error. Each step reads the old rows once, through an index (the daemon
    /// migrates before it reports ready: the cost must grow with the rows, not with their square).
    static func oneAlertPerEvent(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE alert_topics (
                  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
                  topic TEXT NOT NULL,
                  held INTEGER NOT NULL DEFAULT 0,
                  digested INTEGER NOT NULL DEFAULT 0,
                  created DOUBLE NOT NULL,
                  PRIMARY KEY (alert_id, topic)
                );
                CREATE TEMP TABLE alert_merge (id INTEGER PRIMARY KEY, keep INTEGER NOT NULL);
                INSERT INTO alert_merge (id, keep)
                  SELECT id, MIN(id) OVER (PARTITION BY development_id, status) FROM alerts;
                CREATE INDEX temp.alert_merge_keep ON alert_merge (keep, id);
                INSERT INTO alert_topics (alert_id, topic, held, digested, created)
                  SELECT m.keep, a.topic, a.held, a.digested, a.created FROM alerts a JOIN alert_merge m ON m.id = a.id ORDER BY a.id;
                ALTER TABLE alerts ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
                UPDATE alerts SET
                  topics = (SELECT json_group_array(topic) FROM
                    (SELECT a.topic FROM alerts a JOIN alert_merge m ON m.id = a.id WHERE m.keep = alerts.id ORDER BY a.id)),
                  held = (SELECT MIN(a.held) FROM alerts a JOIN alert_merge m ON m.id = a.id WHERE m.keep = alerts.id),
                  delivered_at = (SELECT MIN(a.delivered_at) FROM alerts a JOIN alert_merge m ON m.id = a.id WHERE m.keep = alerts.id)
                  WHERE id IN (SELECT keep FROM alert_merge WHERE keep = id);
                CREATE TEMP TABLE sink_merge AS
                  SELECT m.keep AS alert_id, d.sink, MAX(d.attempts) AS attempts, MIN(d.delivered_at) AS delivered_at,
                    COUNT(d.failed_at) = (SELECT COUNT(*) FROM alert_merge k WHERE k.keep = m.keep) AS given_up, MAX(d.failed_at) AS failed_at,
                    COALESCE(MAX(CASE WHEN d.failed_at IS NULL THEN d.attempts END), 0) AS retry_attempts,
                    MIN(CASE WHEN d.failed_at IS NULL THEN d.next_attempt_at END) AS next_attempt_at,
                    (SELECT e.last_error FROM alert_merge k CROSS JOIN sink_deliveries e ON e.alert_id = k.id AND e.sink = d.sink
                     WHERE k.keep = m.keep AND e.last_error IS NOT NULL
                     ORDER BY COALESCE(e.failed_at, e.next_attempt_at) DESC, e.attempts DESC LIMIT 1) AS last_error
                  FROM sink_deliveries d JOIN alert_merge m ON m.id = d.alert_id GROUP BY m.keep, d.sink;
                DELETE FROM sink_deliveries;
                INSERT INTO sink_deliveries (alert_id, sink, attempts, next_attempt_at, delivered_at, failed_at, last_error)
                  SELECT alert_id, sink,
                    CASE WHEN delivered_at IS NULL AND NOT given_up THEN retry_attempts ELSE attempts END,
                    CASE WHEN delivered_at IS NULL AND NOT given_up THEN next_attempt_at END,
                    delivered_at, CASE WHEN delivered_at IS NULL AND given_up THEN failed_at END,
                    CASE WHEN delivered_at IS NULL THEN last_error END
                  FROM sink_merge;
                CREATE TABLE alert_merged (
                  old_id INTEGER PRIMARY KEY,
                  alert_id INTEGER NOT NULL,
                  topic TEXT NOT NULL,
                  created DOUBLE NOT NULL
                );
                INSERT INTO alert_merged (old_id, alert_id, topic, created)
                  SELECT m.id, m.keep, a.topic, a.created FROM alert_merge m JOIN alerts a ON a.id = m.id WHERE m.id != m.keep;
                DELETE FROM alerts WHERE id IN (SELECT id FROM alert_merge WHERE id != keep);
                DROP TABLE alert_merge;
                DROP TABLE sink_merge;
                DROP INDEX IF EXISTS alerts_topic_held_created;
                DROP INDEX IF EXISTS alerts_held_pending;
                CREATE UNIQUE INDEX alerts_event ON alerts(development_id, status);
                CREATE INDEX alert_topics_rate ON alert_topics(topic, held, created);
                CREATE INDEX alert_topics_topic ON alert_topics(topic, alert_id);
                CREATE INDEX alert_topics_held_pending ON alert_topics(topic, alert_id) WHERE held = 1 AND digested = 0;
                ALTER TABLE sinks ADD COLUMN cursor INTEGER NOT NULL DEFAULT 0;
                UPDATE sinks SET cursor = COALESCE(
                  (SELECT MIN(a.id) - 1 FROM alerts a WHERE a.id > sinks.baseline AND a.held = 0 AND NOT EXISTS
                    (SELECT 1 FROM sink_deliveries d WHERE d.alert_id = a.id AND d.sink = sinks.name
                     AND (d.delivered_at IS NOT NULL OR d.failed_at IS NOT NULL))),
                  MAX(baseline, (SELECT COALESCE(MAX(id), 0) FROM alerts)));
                """)
    }
}

extension Store {
    /// Migration v10: the totals of the growing tables, kept by triggers. Counting them walked a
    /// million-entry index after every cycle (a sixth of a warm cycle's CPU at 1M articles).
    static func addRowCounts(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
        for table in countedTables {
            try db.execute(
                sql: """
                    INSERT INTO row_counts (name, n) VALUES ('\(table)', (SELECT COUNT(*) FROM \(table)));
                    CREATE TRIGGER row_counts_\(table)_insert AFTER INSERT ON \(table) BEGIN
                        UPDATE row_counts SET n = n + 1 WHERE name = '\(table)';
                    END;
                    CREATE TRIGGER row_counts_\(table)_delete AFTER DELETE ON \(table) BEGIN
                        UPDATE row_counts SET n = n - 1 WHERE name = '\(table)';
                    END;
                    """)
        }
    }
}
