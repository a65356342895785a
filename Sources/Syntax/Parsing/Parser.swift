/// A greedy arc-hybrid dependency parser: an averaged perceptron picks each move and a second
/// one labels each arc as it is made.
struct Parser: Sendable {
    /// Relation names; `rootLabel` is the index of "root".
    let labels: [String]
    let moves: LinearModel
    let labeler: LinearModel
    let rootLabel: Int

    init(labels: [String], moves: LinearModel, labeler: LinearModel) {
        self.labels = labels
        self.moves = moves
        self.labeler = labeler
        rootLabel = labels.firstIndex(of: "root") ?? 0
    }

    /// Heads (-1 for the root) and label indices of the tokens.
    func parse(_ features: ParserFeatures, count n: Int) -> (heads: [Int], labels: [Int]) {
        var c = ArcHybrid(count: n)
        var keys = [UInt32](repeating: 0, count: max(ParserFeatures.count, ParserFeatures.labelCount))
        var scores = [Float](repeating: 0, count: max(3, labels.count))
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                while !c.isTerminal {
                    let move = bestMove(features, c, k, s)
                    var label = 0
                    if let (h, d) = c.arc(move) {
                        label = bestLabel(features, c, h, d, k, s)
                    }
                    c.apply(move, label: label)
                }
            }
        }
        let heads = (0..<n).map { c.heads[$0] == n ? -1 : c.heads[$0] }
        return (heads, Array(c.labels[0..<n]))
    }

    func bestMove(
        _ f: ParserFeatures, _ c: ArcHybrid, _ k: UnsafeMutableBufferPointer<UInt32>, _ s: UnsafeMutableBufferPointer<Float>
    ) -> ArcHybrid.Move {
        f.fill(c, into: k.baseAddress!)
        s.update(repeating: 0)
        moves.score(UnsafeBufferPointer(rebasing: k[0..<ParserFeatures.count]), into: s.baseAddress!)
        var best: ArcHybrid.Move?
        for m in ArcHybrid.Move.allCases where c.isValid(m) {
            if best == nil || s[m.rawValue] > s[best!.rawValue] { best = m }
        }
        return best!
    }

    func bestLabel(
        _ f: ParserFeatures, _ c: ArcHybrid, _ h: Int, _ d: Int, _ k: UnsafeMutableBufferPointer<UInt32>,
        _ s: UnsafeMutableBufferPointer<Float>
    ) -> Int {
        if h == c.n { return rootLabel }
        f.fillLabel(c, head: h, dependent: d, into: k.baseAddress!)
        s.update(repeating: 0)
        labeler.score(UnsafeBufferPointer(rebasing: k[0..<ParserFeatures.labelCount]), into: s.baseAddress!)
        var best = rootLabel == 0 ? 1 : 0
        for l in 0..<labels.count where l != rootLabel && s[l] > s[best] { best = l }
        return best
    }
}
