import Extraction
import Logging

/// The daemon's current config; SIGHUP replaces it only with one that validates.
public actor ConfigHolder {
    public private(set) var current: Config
    /// The extractor for the current config, built once per load when an article first needs it.
    public private(set) var extractor: LazyExtractor
    let path: String?

    /// The config and its extractor, read together so a reload never splits them.
    public var snapshot: (config: Config, extractor: LazyExtractor) { (current, extractor) }

    public init(_ config: Config, path: String?) {
        current = config
        extractor = LazyExtractor(config: config)
        self.path = path
    }

    /// Re-reads the config file; on any problem keeps the current config and says why.
    @discardableResult
    public func reload(logger: Logger) -> Bool {
        do {
            let fresh = try ConfigLoader.load(path: path)
            if fresh.daemon.database != current.daemon.database {
                logger.warning("daemon.database changed; restart the service to use the new database")
            }
            var applied = fresh
            applied.daemon.database = current.daemon.database
            current = applied
            extractor = LazyExtractor(config: applied)
            logger.info(
                "config reloaded",
                metadata: [
                    "config.file": "\(path ?? "embedded default")", "feeds": "\(fresh.feeds.count)", "topics": "\(fresh.topics.count)",
                ])
            return true
        } catch {
            for p in error.problems {
                logger.error("config reload refused; keeping the previous config", metadata: ["problem": "\(p)"])
            }
            return false
        }
    }
}
