import Extraction
import Foundation

/// The whole configuration: daemon settings, alert log, feeds, topics and extra actors.
public struct Config: Sendable, Equatable {
    public var daemon = DaemonSettings()
    public var alerts = AlertSettings()
    public var feeds: [FeedConfig] = []
    public var topics: [TopicConfig] = []
    public var actors: [Lexicon.ExtraActor] = []
    /// A directory of dictionary files (`people.txt`, `frames.txt`, …, the format of the built-in
    /// ones) whose lines are added to the built-in dictionaries.
    public var dictionaries: String?
    /// Where the config was read from (nil for the embedded default).
    public var source: String?

    public init() {}

    /// Relative paths in a config file are relative to its directory: the database, the alert
    /// log, and `file:` feed URLs without `//` (`file:samples/world.xml`).
    mutating func resolvePaths(relativeTo dir: String) {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: dir + "/" + path).standardizedFileURL.path
        }
        daemon.database = resolve(daemon.database)
        dictionaries = dictionaries.map(resolve)
        alerts.log = resolve(alerts.log)
        alerts.atom = alerts.atom.map(resolve)
        daemon.metrics = daemon.metrics.map(resolve)
        daemon.caFile = daemon.caFile.map(resolve)
        for i in alerts.webhooks.indices { alerts.webhooks[i].secretFile = alerts.webhooks[i].secretFile.map(resolve) }
        for i in feeds.indices where feeds[i].url.hasPrefix("file:") && !feeds[i].url.hasPrefix("file://") {
            feeds[i].url = "file://" + resolve(String(feeds[i].url.dropFirst("file:".count)))
        }
    }

    /// The extractor dictionary with the user's `[[actors]]` added.
    public var lexicon: Lexicon {
        let extra = dictionaries.map(Self.readDictionaries) ?? [:]
        return actors.isEmpty && extra.isEmpty ? .builtIn : Lexicon(extraActors: actors, extraDictionaries: extra)
    }

    /// The dictionary files in `directory`, by name (validated by the config loader).
    static func readDictionaries(_ directory: String) -> [String: String] {
        var out: [String: String] = [:]
        for name in Lexicon.dictionaryNames {
            if let text = try? String(contentsOfFile: directory + "/" + name + ".txt", encoding: .utf8) { out[name] = text }
        }
        return out
    }
}

public struct DaemonSettings: Sendable, Equatable {
    public var database: String = Paths.defaultDatabase
    /// Seconds between polls of a feed that sets no interval of its own.
    public var pollInterval: Double = 900
    /// Bounds for the adaptive interval of feeds that set no interval of their own; nil derives them
    /// from `pollInterval` (a third of it, and four times it).
    public var minInterval: Double?
    public var maxInterval: Double?
    /// At most this many fetches at once, and at most `perHost` to one host.
    public var concurrency = 16
    public var perHost = 2
    /// A feed failing without a break for this long is marked dead and tried once a day.
    public var deadAfter: Double = 3 * 86400
    /// A proxy for every fetch (`http://host:port`, `socks5h://…`); nil uses the environment's
    /// `http_proxy`/`https_proxy`/`no_proxy`, "" none.
    public var proxy: String?
    /// PEM certificates trusted in addition to the system's CAs.
    public var caFile: String?
    /// Seconds to connect, and for the whole transfer.
    public var connectTimeout: Double = 10
    public var timeout: Double = 30
    /// Largest feed body accepted, in bytes.
    public var maxBodyBytes = 10 * 1024 * 1024
    /// Articles' text is dropped after this many seconds (the articles and their developments stay);
    /// nil keeps text for ever.
    public var retention: Double?
    /// A Prometheus text file (node_exporter's textfile collector) rewritten after every cycle.
    public var metrics: String?
    /// Files of `[[feeds]]` tables read after the config (globs, relative to it), so that
    /// `diplowatch feeds add` never rewrites the config itself.
    public var include: [String] = []
    public var userAgent: String = "DiploWatch/\(DiploWatchVersion.string) (diplomatic news monitor)"

    public init() {}

    /// The bounds the adaptive interval stays within.
    public var intervalBounds: ClosedRange<Double> {
        let low = minInterval ?? pollInterval / 3
        return low...max(low, maxInterval ?? pollInterval * 4)
    }
}

public struct AlertSettings: Sendable, Equatable {
    public enum Format: String, Sendable { case jsonl, text }
    public var log: String = Paths.defaultAlertLog
    public var format: Format = .jsonl
    /// More sinks fed from the same outbox, each at its own pace.
    public var webhooks: [WebhookConfig] = []
    public var execs: [ExecConfig] = []
    /// An Atom 1.0 file of the latest alerts, rewritten atomically as they are delivered.
    public var atom: String?
    /// What raises an alert at all (`max_age`).
    public var policy = AlertPolicy()

    public init() {}
}

public struct FeedConfig: Sendable, Equatable {
    public var url: String
    public var name: String?
    /// Seconds, fixed; nil adapts the interval to how often the feed publishes, within the daemon's bounds.
    public var interval: Double?
    /// This feed's proxy, overriding the daemon's ("" for none).
    public var proxy: String?
    /// Fetch each new entry's page and extract the developments from its main text.
    public var fullText = false
    /// A folder for feed readers (OPML's outline), kept on import and export.
    public var category: String?

    public init(
        url: String, name: String? = nil, interval: Double? = nil, proxy: String? = nil, fullText: Bool = false, category: String? = nil
    ) {
        self.category = category
        self.url = url
        self.name = name
        self.interval = interval
        self.proxy = proxy
        self.fullText = fullText
    }
}

public struct TopicConfig: Sendable, Equatable {
    public var name: String
    public var keywords: [String] = []
    public var countries: [String] = []
    public var types: [String] = []
    public var status: [String] = []
    /// At most this many alerts an hour; the rest are held back and told in one digest alert.
    public var maxPerHour: Int?

    public init(name: String, keywords: [String] = [], countries: [String] = [], types: [String] = [], status: [String] = []) {
        self.name = name
        self.keywords = keywords
        self.countries = countries
        self.types = types
        self.status = status
    }
}

/// The version printed by `--version` and sent in the User-Agent.
public enum DiploWatchVersion {
    public static let string = "0.1.0"
}

/// `[[alerts.webhook]]`: each alert POSTed as JSON, signed with HMAC-SHA256 when a secret is given.
public struct WebhookConfig: Sendable, Equatable {
    public var name: String
    public var url: String
    /// A file holding the shared secret (never the secret itself in the config).
    public var secretFile: String?
    public var maxAttempts = 8
    public var timeout: Double = 10

    public init(name: String, url: String, secretFile: String? = nil, maxAttempts: Int = 8, timeout: Double = 10) {
        self.name = name
        self.url = url
        self.secretFile = secretFile
        self.maxAttempts = maxAttempts
        self.timeout = timeout
    }
}

/// `[[alerts.exec]]`: a program run for each alert (argv, no shell), the alert JSON on its stdin.
public struct ExecConfig: Sendable, Equatable {
    public var name: String
    public var argv: [String]
    public var maxAttempts = 5
    public var timeout: Double = 10

    public init(name: String, argv: [String], maxAttempts: Int = 5, timeout: Double = 10) {
        self.name = name
        self.argv = argv
        self.maxAttempts = maxAttempts
        self.timeout = timeout
    }
}
