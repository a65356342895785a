import DiploWatch
import Extraction
import Feeds
import Foundation
import TestSupport

// Throughput of the pure stages on one core: feed parsing (MB/s) and extraction (articles/s, MB/s).
// Run with `make bench` (release build). Figures vary with the machine; compare runs on one machine.

/// The CPU time this thread has used, in seconds: on a loaded machine the figure to compare.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func measure(_ label: String, minSeconds: Double = 2, _ body: () -> Int) -> (count: Int, seconds: Double, cpu: Double) {
    var count = 0
    let start = Date()
    let cpuStart = threadCPUSeconds()
    repeat { count += body() } while Date().timeIntervalSince(start) < minSeconds
    return (count, Date().timeIntervalSince(start), threadCPUSeconds() - cpuStart)
}

var news = SyntheticNews(seed: 42)

// `DiploWatchBench corpus DIR FEEDS ITEMS [SEED [GENERATION [DIPLOMATIC_SHARE [FULL_SHARE [YEARS_BACK]]]]]` writes a seeded
// corpus of RSS 2.0 and Atom feeds for the end-to-end benchmark (scripts/bench.sh) and exits. Each
// generation's entries are new ones (the scale run writes one per step). YEARS_BACK makes it a year
// of news that many years before the corpus's end (`SyntheticNews.newsYear`).
if CommandLine.arguments.count >= 5, CommandLine.arguments[1] == "corpus" {
    let args = CommandLine.arguments
    let dir = args[2]
    let feedCount = Int(args[3]) ?? 200
    let items = Int(args[4]) ?? 50
    var corpus = SyntheticNews(seed: UInt64(args.count > 5 ? args[5] : "7") ?? 7)
    var mix = SyntheticNews.Mix()
    if args.count > 6 { mix.generation = "g\(args[6])-" }
    if args.count > 7, let share = Double(args[7]) { mix.diplomaticShare = share }
    if args.count > 8, let share = Double(args[8]) { mix.fullShare = share }
    if args.count > 9, let years = Int(args[9]) { corpus.newsYear(max(0, years)) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var bytes = 0
    for f in 0..<feedCount {
        let atom = f % 4 == 3
        let text = atom ? corpus.atom(feed: f, items: items, mix: mix) : corpus.rss(feed: f, items: items, mix: mix)
        bytes += text.utf8.count
        try text.write(toFile: "\(dir)/feed-\(f).\(atom ? "atom" : "xml")", atomically: true, encoding: .utf8)
    }
    print("corpus: \(feedCount) feeds x \(items) items, \(bytes / 1_000_000) MB in \(dir)")
    exit(0)
}

// `housekeeping CONFIG`: what the daemon does after each cycle (pruning, the metrics file) on the
// config's database, timed: prints `housekeeping_s=X`.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "housekeeping" {
    let config = try ConfigLoader.load(path: CommandLine.arguments[2])
    let store = try Store(path: config.daemon.database)
    let start = Date()
    let problems = Housekeeping(settings: config.daemon, store: store).run(totals: CycleTotals())
    let seconds = Date().timeIntervalSince(start)
    for p in problems { print("housekeeping: \(p)") }
    print(String(format: "housekeeping_s=%.3f", seconds))
    exit(problems.isEmpty ? 0 : 1)
}

// `stress SECONDS [DIR]`: the extractor on mutated articles (the golden articles in DIR and
// synthetic ones), until SECONDS have passed. A crash ends the process: the input that caused it is
// written to stress-crash.txt first. libFuzzer cannot build the extractor (SwiftPM passes
// -sanitize=fuzzer to the dictionary plugin's tool too), so this stands in for it.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "stress" {
    let seconds = Double(CommandLine.arguments[2]) ?? 60
    var seeds = (0..<50).map { _ in news.article(diplomatic: true) }
    if CommandLine.arguments.count > 3, let files = try? FileManager.default.contentsOfDirectory(atPath: CommandLine.arguments[3]) {
        for f in files.sorted() where f.hasSuffix(".json") && !f.hasSuffix(".expected.json") {
            if let data = FileManager.default.contents(atPath: CommandLine.arguments[3] + "/" + f),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let text = object["text"] as? String
            {
                seeds.append(text)
            }
        }
    }
    let vocabulary = [
        "met", "talks", "held talks with", "visited", "expelled", "recalled", "was recalled", "was expelled by", "ordered", "to leave",
        "sanctions", "agreed to", "agreed on", "warned", "would", "will", "not", "that", "which", "who", "has", "was", "by", "in",
        "in response to", "to", "with", "between", "and", ",", ".", "\"", "'s", "-", "the two sides", "they", "he", "she", "it", "its",
        "both", "President", "Foreign Minister", "Xi Jinping", "Biden", "Putin", "Modi", "China", "Russia", "United States",
        "Chinese", "US", "Beijing", "Washington", "Paris", "Monday", "last week", "next month", "in 2024", "on March 3", "UN",
        "Security Council", "G20", "summit", "phone call", "discussed", "differences over", "tariffs", "according to",
        "air strike", "fired", "at", "supply arms", "ambassador", "consul-general", "**", "*", "", "\n\n", "…", "“", "”",
    ]
    var rng = SystemRandomNumberGenerator()
    let extractor = Extractor()
    let started = Date()
    var runs = 0
    while Date().timeIntervalSince(started) < seconds {
        var words = seeds.randomElement(using: &rng)!.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...12, using: &rng) {
            let at = words.isEmpty ? 0 : Int.random(in: 0..<words.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: words.insert(vocabulary.randomElement(using: &rng)!, at: at)
            case 1: if !words.isEmpty { words.remove(at: at) }
            case 2: if !words.isEmpty { words[at] = vocabulary.randomElement(using: &rng)! }
            case 3:
                if !words.isEmpty {
                    let end = min(words.count, at + Int.random(in: 1...8, using: &rng))
                    words.insert(contentsOf: words[at..<end], at: Int.random(in: 0...words.count, using: &rng))
                }
            case 4: words = Array(words.prefix(at))
            default:
                if !words.isEmpty {
                    var bytes = Array(words[at].utf8)
                    if !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
                    words[at] = String(decoding: bytes, as: UTF8.self)
                }
            }
        }
        let text = words.joined(separator: " ")
        try? text.write(toFile: "stress-crash.txt", atomically: false, encoding: .utf8)
        _ = extractor.extract(Article(title: nil, text: text, published: "2025-06-15"))
        runs += 1
    }
    try? FileManager.default.removeItem(atPath: "stress-crash.txt")
    print("stress: \(runs) mutated articles through the extractor in \(Int(seconds)) s, no crash")
    exit(0)
}

// `config-stress SECONDS DIR`: the whole config loader (`config check`: parsing, then every key's
// checks) on mutated copies of the .toml files in DIR until SECONDS have passed. libFuzzer covers the
// TOML parser alone (Fuzz/ConfigFuzzer): the loader needs the extractor's dictionaries, which it
// cannot build. A crash leaves its input in config-crash.toml.
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "config-stress" {
    let seconds = Double(CommandLine.arguments[2]) ?? 60
    let dir = CommandLine.arguments[3]
    let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().filter { $0.hasSuffix(".toml") }
        .compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    guard !seeds.isEmpty else {
        FileHandle.standardError.write(Data("config-stress: no .toml files in \(dir)\n".utf8))
        exit(1)
    }
    var mutator = ConfigMutator(seed: UInt64(Date().timeIntervalSince1970))
    let started = Date()
    var runs = 0
    var valid = 0
    while Date().timeIntervalSince(started) < seconds {
        // Mutations stack now and then, so inputs drift further from the seeds.
        var text = mutator.mutate(seeds[runs % seeds.count])
        if runs % 4 == 0 { text = mutator.mutate(text) }
        try? text.write(toFile: "config-crash.toml", atomically: false, encoding: .utf8)
        if let config = try? ConfigLoader.parse(text, file: "stress.toml") {
            _ = ConfigRenderer.toml(config)
            valid += 1
        }
        runs += 1
    }
    try? FileManager.default.removeItem(atPath: "config-crash.toml")
    print("config-stress: \(runs) mutated configs through the config loader in \(Int(seconds)) s (\(valid) valid), no crash")
    exit(0)
}

// `dump [FILE…]`: the developments of the benchmark's own articles, then of each article JSON
// file, one JSON line each, to check that a change to the extractor changes no output.
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "dump" {
    var corpus = SyntheticNews(seed: 42)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    func show(_ label: String, _ article: Article) {
        let json = (try? encoder.encode(Extractor().extract(article))).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        print(label, json)
    }
    for i in 0..<700 { show("synthetic-\(i)", Article(text: corpus.article(diplomatic: i % 10 < 3 || i >= 500), published: "2026-11-24")) }
    for path in CommandLine.arguments.dropFirst(2) {
        guard let data = FileManager.default.contents(atPath: path), let article = try? JSONDecoder().decode(Article.self, from: data)
        else {
            print(path, "unreadable")
            continue
        }
        show((path as NSString).lastPathComponent, article)
    }
    exit(0)
}

let parseOnly = CommandLine.arguments.contains("--parse-only")

// Extraction: 500 articles of ~4 KB, 30% diplomatic.
let articles = (0..<500).map { i in Article(text: news.article(diplomatic: i % 10 < 3), published: "2026-11-24") }
let articleBytes = articles.reduce(0) { $0 + $1.text.utf8.count }
// The dictionaries and the syntax model are built on first use, once per process: timed apart,
// so the throughput figures below are those of a running daemon.
let extractor = Extractor()
let startUp = Date()
let startUpCPU = threadCPUSeconds()
var warmUp = SyntheticNews(seed: 1)
_ = extractor.extract(Article(text: warmUp.article(diplomatic: true), published: "2026-11-24"))
print(
    String(
        format: "extractor start-up: %.3f s (%.3f s CPU), the dictionaries and the syntax model", Date().timeIntervalSince(startUp),
        threadCPUSeconds() - startUpCPU))
var developments = 0
let ex = measure("extract", minSeconds: parseOnly ? 0 : 2) {
    for a in articles { developments += extractor.extract(a).count }
    return articles.count
}
let perSecond = Double(ex.count) / ex.seconds
let mbps = Double(articleBytes) * Double(ex.count / articles.count) / ex.seconds / 1_000_000
print(
    String(
        format: "extraction: %.0f articles/s, %.2f MB/s (%d articles of %.1f KB on average, %d developments per pass; %.0f per CPU second)",
        perSecond, mbps, articles.count, Double(articleBytes) / Double(articles.count) / 1024,
        developments / max(1, ex.count / articles.count), Double(ex.count) / ex.cpu))

// The worst case: every article diplomatic, so none is skipped by the quick check.
let diplomatic = (0..<200).map { _ in Article(text: news.article(diplomatic: true), published: "2026-11-24") }
let dx = measure("extract-diplomatic", minSeconds: parseOnly ? 0 : 2) {
    for a in diplomatic { _ = extractor.extract(a) }
    return diplomatic.count
}
print(
    String(
        format: "extraction, diplomatic articles only: %.0f articles/s (%.0f per CPU second)", Double(dx.count) / dx.seconds,
        Double(dx.count) / dx.cpu))

if CommandLine.arguments.contains("--extract-only") { exit(0) }

// Parsing: 20 feeds of 50 items.
let feeds = (0..<(CommandLine.arguments.contains("--quick") ? 2 : 20)).map { Data(news.rss(feed: $0, items: 50).utf8) }
let feedBytes = feeds.reduce(0) { $0 + $1.count }
var entries = 0
let parse = measure("parse") {
    for f in feeds { entries += (try? FeedParser.parse(f))?.entries.count ?? 0 }
    return feeds.count
}
print(
    String(
        format: "feed parsing: %.1f MB/s (%d feeds, %.1f MB, %d entries per pass)",
        Double(feedBytes) * Double(parse.count / feeds.count) / parse.seconds / 1_000_000, feeds.count, Double(feedBytes) / 1_000_000,
        entries / max(1, parse.count / feeds.count)))

// Storage: 4,000 parsed and extracted articles written in feed-sized transactions, as a poll does.
let storageDir = FileManager.default.temporaryDirectory.appendingPathComponent("diplowatch-bench-\(getpid())").path
let store = try Store(path: storageDir + "/bench.sqlite")
var batches: [[(article: IncomingArticle, developments: [Development])]] = []
for f in 0..<80 {
    let feed = try FeedParser.parse(Data(news.rss(feed: 1000 + f, items: 50).utf8))
    batches.append(
        feed.entries.map { e in
            let article = IncomingArticle(feedURL: "https://bench.example/\(f)", feedTitle: feed.title, entry: e, text: e.bestText)
            return (article, extractor.extract(Article(text: e.bestText, published: "2026-11-24")))
        })
}
let topics = [TopicConfig(name: "all")]
let storageStart = Date()
for b in batches { _ = try await store.ingest(batch: b, topics: topics, now: Date()) }
let storageSeconds = Date().timeIntervalSince(storageStart)
let rows = try store.rowCount()
print(
    String(
        format: "storage: %.0f rows/s (%d rows: articles, feed links, developments, participants, sources, alerts)",
        Double(rows) / storageSeconds, rows))
try? FileManager.default.removeItem(atPath: storageDir)
