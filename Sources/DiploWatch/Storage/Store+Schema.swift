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
        return m
    }
}
