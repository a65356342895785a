/// The order a cycle starts its due feeds in: each once, the next being the first not yet started
/// whose host has fewer than `perHost` in flight, so feeds on a busy host wait while others go
/// ahead. Feeds are indexes and hosts numbers: the cycle asks after every feed that finishes, and
/// scanning the waiting feeds by URL, then removing one from the front of an array of them, was a
/// tenth of the CPU of a warm cycle of 2,000 feeds.
struct FeedQueue {
    /// Each feed's host number; nil for a URL without a host, which is never held back.
    private let hosts: [Int?]
    private let perHost: Int
    private var busy: [Int]
    private var started: [Bool]
    /// Every feed before it has been started.
    private var head = 0

    init(hosts: [Int?], perHost: Int) {
        self.hosts = hosts
        self.perHost = max(1, perHost)
        busy = Array(repeating: 0, count: (hosts.compactMap { $0 }.max() ?? -1) + 1)
        started = Array(repeating: false, count: hosts.count)
    }

    /// Host names numbered in order of first appearance (nil stays nil).
    static func hostNumbers(_ hosts: [String?]) -> [Int?] {
        var numbers: [String: Int] = [:]
        return hosts.map { host in
            host.map { h in
                if let n = numbers[h] { return n }
                numbers[h] = numbers.count
                return numbers.count - 1
            }
        }
    }

    /// The next feed to start, marked started; nil when every feed not yet started waits for its host.
    mutating func next() -> Int? {
        while head < started.count, started[head] { head += 1 }
        var i = head
        while i < started.count {
            if !started[i], hosts[i].map({ busy[$0] < perHost }) ?? true {
                started[i] = true
                if let h = hosts[i] { busy[h] += 1 }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Feed `index`, started earlier, is done: its host has room for one more.
    mutating func finished(_ index: Int) {
        if let h = hosts[index] { busy[h] -= 1 }
    }
}
