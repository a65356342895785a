import Extraction
import Foundation

/// The extractor for a config, built the first time an article needs it: a warm cycle, where no
/// article is new, never builds the dictionaries. Built once, then shared by every task.
public final class LazyExtractor: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> Extractor
    // Guarded by `lock`.
    private var built: Extractor?

    public init(_ make: @escaping @Sendable () -> Extractor) { self.make = make }

    /// The extractor of the config's lexicon (the built-in one plus the user's actors and dictionaries).
    public convenience init(config: Config) {
        self.init { Extractor(lexicon: config.lexicon) }
    }

    /// One already built.
    public convenience init(_ extractor: Extractor) {
        self.init { extractor }
    }

    /// Whether the extractor has been built yet.
    public var isBuilt: Bool { lock.withLock { built != nil } }

    public var extractor: Extractor {
        lock.withLock {
            if let built { return built }
            let e = make()
            built = e
            return e
        }
    }
}
