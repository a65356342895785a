import Extraction
import Feeds
import Foundation
import GRDB
import Testing

@testable import DiploWatch

/// The metrics file's totals come from counts kept by triggers: they must be the tables' real
/// totals after inserts, cascaded deletes, and the migration that starts them on a full database.
@Suite("Row counts")
struct RowCountsTests {
    let dir = Fixtures.tempDirectory()
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func ingest(_ store: Store, _ f: (guid: String, title: String, link: String, date: String, text: String), feed: String) throws {
        let e = FeedEntry(id: f.guid, title: f.title, link: f.link, published: DateParser.parse(f.date), summary: f.text)
        let found = Extractor().extract(Article(title: e.title, text: f.text, published: Store.isoDay(e.published!)))
        _ = try store.ingest(
            IncomingArticle(feedURL: feed, feedTitle: nil, entry: e, text: f.text), developments: found, topics: [TopicConfig(name: "all")],
            now: now)
    }

    func expectTrueTotals(_ store: Store) throws {
        let c = try store.counts()
        let m = try store.metricsSnapshot()
        #expect(c.articles > 0)
        #expect(m.articles == c.articles)
        #expect(m.developments == c.developments)
        #expect(m.alerts == c.alerts)
    }

    @Test func totalsFollowInsertsAndCascadedDeletes() throws {
        let store = try Store(path: dir + "/db.sqlite")
        try ingest(store, Fixtures.meeting, feed: "https://a.example/f")
        try ingest(store, Fixtures.sameMeetingElsewhere, feed: "https://b.example/f")
        try expectTrueTotals(store)
        #expect(try store.metricsSnapshot().articles == 2)
        // A feed's rows go with it (ON DELETE CASCADE); so do an alert's and a development's.
        try store.write { db in
            try db.execute(sql: "DELETE FROM feeds WHERE url = 'https://a.example/f'")
            try db.execute(sql: "DELETE FROM alerts")
        }
        try expectTrueTotals(store)
        #expect(try store.metricsSnapshot().articles == 1)
        #expect(try store.metricsSnapshot().alerts == 0)
    }

    @Test func theMigrationCountsWhatIsAlreadyStored() throws {
        let path = dir + "/db.sqlite"
        do {
            let store = try Store(path: path)
            try ingest(store, Fixtures.meeting, feed: "https://a.example/f")
            try ingest(store, Fixtures.sameMeetingElsewhere, feed: "https://b.example/f")
            // Back to the schema before the counts, with the rows in it.
            try store.write { db in
                try db.execute(sql: "DROP TABLE row_counts")
                for t in Store.countedTables {
                    try db.execute(sql: "DROP TRIGGER row_counts_\(t)_insert; DROP TRIGGER row_counts_\(t)_delete")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v10:%'")
            }
            // Read by a reader of the older schema: counted the slow way.
            try expectTrueTotals(store)
        }
        let store = try Store(path: path)
        #expect(try store.read { db in try db.tableExists("row_counts") })
        try expectTrueTotals(store)
        #expect(try store.metricsSnapshot().articles == 2)
    }
}
