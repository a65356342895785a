/// Lifts non-projective arcs (to the head's head) until the tree is projective, since the
/// arc-hybrid system builds projective trees only. Heads are 0...n-1, -1 for the root.
enum Projectivize {
    static func lift(_ heads: [Int]) -> [Int] {
        var h = heads
        while let d = shortestCrossing(h) {
            h[d] = h[h[d]]
        }
        return h
    }

    /// Whether every word between each head and dependent descends from that head.
    static func isProjective(_ heads: [Int]) -> Bool { shortestCrossing(heads) == nil }

    private static func dominates(_ h: Int, _ k: Int, _ heads: [Int]) -> Bool {
        var x = k
        var steps = 0
        while x != -1 && steps <= heads.count {
            if x == h { return true }
            x = heads[x]
            steps += 1
        }
        return false
    }

    private static func shortestCrossing(_ heads: [Int]) -> Int? {
        var best: (d: Int, length: Int)?
        for d in heads.indices where heads[d] >= 0 {
            let h = heads[d]
            let (a, b) = (min(h, d), max(h, d))
            if b - a < 2 || (best != nil && b - a >= best!.length) { continue }
            for k in (a + 1)..<b where !dominates(h, k, heads) {
                best = (d, b - a)
                break
            }
        }
        return best?.d
    }
}
