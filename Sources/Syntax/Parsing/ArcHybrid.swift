/// A parser configuration of the arc-hybrid system (Kuhlmann et al. 2011): a stack with the root
/// (index n) at its bottom, a buffer of the words from `next` on, and the arcs made so far.
/// SHIFT pushes the first buffer word; LEFT makes it the head of the stack top and pops it;
/// RIGHT makes the word under the top its head and pops it. The root takes its one dependent by
/// RIGHT only once the buffer is empty.
struct ArcHybrid {
    enum Move: Int, CaseIterable {
        case shift = 0
        case left = 1
        case right = 2
    }

    let n: Int
    var stack: [Int]
    var next = 0
    var heads: [Int]
    var labels: [Int]
    /// The two leftmost and two rightmost dependents of each token (and the root), -1 for none.
    var left1: [Int]
    var left2: [Int]
    var right1: [Int]
    var right2: [Int]
    var leftCount: [Int]
    var rightCount: [Int]
    /// Bit sets of the labels of each token's left and right dependents.
    var leftLabels: [UInt64]
    var rightLabels: [UInt64]

    init(count n: Int) {
        self.n = n
        stack = [n]
        stack.reserveCapacity(n + 1)
        heads = [Int](repeating: -1, count: n + 1)
        labels = [Int](repeating: -1, count: n + 1)
        left1 = heads
        left2 = heads
        right1 = heads
        right2 = heads
        leftCount = [Int](repeating: 0, count: n + 1)
        rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: n + 1)
        rightLabels = leftLabels
    }

    var isTerminal: Bool { next == n && stack.count == 1 }
    var s0: Int { stack.count >= 1 ? stack[stack.count - 1] : -1 }
    var s1: Int { stack.count >= 2 ? stack[stack.count - 2] : -1 }
    var s2: Int { stack.count >= 3 ? stack[stack.count - 3] : -1 }
    var b0: Int { next < n ? next : -1 }

    func isValid(_ m: Move) -> Bool {
        switch m {
        case .shift: return next < n
        case .left: return stack.count >= 2 && next < n
        case .right: return stack.count >= 3 || (stack.count == 2 && next == n)
        }
    }

    /// The head and dependent the move would join, or nil for SHIFT.
    func arc(_ m: Move) -> (head: Int, dependent: Int)? {
        switch m {
        case .shift: return nil
        case .left: return (next, s0)
        case .right: return (s1, s0)
        }
    }

    mutating func apply(_ m: Move, label: Int = 0) {
        switch m {
        case .shift:
            stack.append(next)
            next += 1
        case .left:
            attach(next, stack.removeLast(), label)
        case .right:
            let d = stack.removeLast()
            attach(stack[stack.count - 1], d, label)
        }
    }

    private mutating func attach(_ h: Int, _ d: Int, _ label: Int) {
        heads[d] = h
        labels[d] = label
        let bit: UInt64 = 1 << UInt64(label & 63)
        if d < h {
            if left1[h] == -1 || d < left1[h] {
                left2[h] = left1[h]
                left1[h] = d
            } else if left2[h] == -1 || d < left2[h] {
                left2[h] = d
            }
            leftCount[h] += 1
            leftLabels[h] |= bit
        } else {
            if right1[h] == -1 || d > right1[h] {
                right2[h] = right1[h]
                right1[h] = d
            } else if right2[h] == -1 || d > right2[h] {
                right2[h] = d
            }
            rightCount[h] += 1
            rightLabels[h] |= bit
        }
    }

    /// The number of gold arcs the move makes unreachable (Goldberg and Nivre 2013), for a
    /// projective gold tree with heads in 0...n (n for the root).
    func cost(_ m: Move, gold: [Int]) -> Int {
        var cost = 0
        switch m {
        case .shift:
            let b = next
            for (k, d) in stack.enumerated() {
                if d != n && gold[d] == b { cost += 1 }
                if k < stack.count - 1 && gold[b] == d { cost += 1 }
            }
        case .left, .right:
            let s = s0
            for d in next..<n where gold[d] == s { cost += 1 }
            let h = gold[s]
            let inBuffer = h >= next && h < n
            if m == .left {
                if h != next && (h == s1 || inBuffer) { cost += 1 }
            } else if h != s1 && inBuffer {
                cost += 1
            }
        }
        return cost
    }
}
