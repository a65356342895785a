import Testing

@testable import DiploWatch

/// The order a cycle starts its feeds in: in config order, each once, a busy host's feeds waiting
/// while other hosts' go ahead.
@Suite("Feed queue")
struct FeedQueueTests {
    @Test func hostsAreNumberedInOrderOfFirstAppearance() {
        #expect(FeedQueue.hostNumbers(["a", "b", nil, "a", "c", "b"]) == [0, 1, nil, 0, 2, 1])
    }

    @Test func aBusyHostsFeedsWaitWhileOthersGoAhead() {
        // Hosts: a a a b a nil b, at most two in flight each.
        var q = FeedQueue(hosts: FeedQueue.hostNumbers(["a", "a", "a", "b", "a", nil, "b"]), perHost: 2)
        #expect(q.next() == 0)
        #expect(q.next() == 1)
        // a is full: its third feed waits, b's goes first, then the hostless one, then b's second.
        #expect(q.next() == 3)
        #expect(q.next() == 5)
        #expect(q.next() == 6)
        #expect(q.next() == nil)
        q.finished(1)
        #expect(q.next() == 2)
        #expect(q.next() == nil)
        q.finished(0)
        q.finished(3)
        #expect(q.next() == 4)
        #expect(q.next() == nil)
        q.finished(2)
        #expect(q.next() == nil)
    }

    @Test func everyFeedStartsOnceWithAtMostPerHostInFlight() {
        let hosts = FeedQueue.hostNumbers((0..<500).map { i in i % 7 == 0 ? nil : "h\(i % 5)" })
        var q = FeedQueue(hosts: hosts, perHost: 3)
        var inFlight: [Int] = []
        var order: [Int] = []
        while true {
            while let i = q.next() {
                inFlight.append(i)
                order.append(i)
            }
            for h in 0..<5 { #expect(inFlight.filter { hosts[$0] == h }.count <= 3) }
            guard !inFlight.isEmpty else { break }
            q.finished(inFlight.removeFirst())
        }
        #expect(order.sorted() == Array(0..<500))
    }
}
