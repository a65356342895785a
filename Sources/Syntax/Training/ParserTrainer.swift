/// Trains the parser with the dynamic oracle of Goldberg and Nivre: after the first epoch it
/// follows its own prediction most of the time and learns the best move from wherever it is.
/// The relation classifier learns on the arcs the parser makes correctly.
struct ParserTrainer {
    var epochs = 15
    var seed: UInt64 = 1
    /// Rows learned from fewer updates are left out of the model, which keeps it small.
    var minUpdates: UInt32 = 2
    var explore = 0.9
    var log: (String) -> Void = { _ in }
    /// Called with each epoch's parser that beats the previous best on dev.
    var improved: (Parser) -> Void = { _ in }

    struct Example {
        var features: ParserFeatures
        /// Gold heads, projectivized, with the root as n.
        var gold: [Int]
        var labels: [Int]
    }

    static func labels(_ sentences: [TreebankSentence]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for s in sentences {
            for l in s.deprels where seen.insert(l).inserted { out.append(l) }
        }
        if !seen.contains("root") { out.append("root") }
        return out
    }

    static func example(_ s: TreebankSentence, tags: [Int], labels: [String: Int]) -> Example {
        let lifted = Projectivize.lift(s.heads)
        return Example(
            features: ParserFeatures(words: WordFeatures(forms: s.forms), tags: tags),
            gold: lifted.map { $0 == -1 ? s.count : $0 },
            labels: s.deprels.map { labels[$0] ?? 0 })
    }

    /// `tags` are the predicted tags of each sentence (for train and dev).
    func train(
        _ train: [TreebankSentence], tags: [[Int]], dev: [TreebankSentence], devTags: [[Int]]
    ) -> Parser {
        let labels = Self.labels(train)
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let examples = train.indices.map { Self.example(train[$0], tags: tags[$0], labels: index) }
        let moves = Perceptron(classCount: 3)
        let labeler = Perceptron(classCount: labels.count)
        var order = Array(examples.indices)
        var rng = SplitMix(seed: seed)
        var best: (las: Double, parser: Parser)?
        for epoch in 1...epochs {
            rng.shuffle(&order)
            let shell = Parser(
                labels: labels, moves: LinearModel(classCount: 3, rows: []), labeler: LinearModel(classCount: labels.count, rows: []))
            var step = Step(moves: moves, labeler: labeler, shell: shell, explore: epoch > 1 ? explore : 0)
            for e in order { step.run(examples[e], rng: &rng) }
            let parser = Parser(
                labels: labels, moves: moves.averaged(minUpdates: minUpdates), labeler: labeler.averaged(minUpdates: minUpdates))
            let score = ParserTrainer.evaluate(parser, dev, tags: devTags)
            log(
                "parser epoch \(epoch): \(parser.moves.featureCount) + \(parser.labeler.featureCount) features, train moves \(fmt(step.correctMoves / step.allMoves)) dev UAS \(fmt(score.uas)) LAS \(fmt(score.las))"
            )
            if best == nil || score.las > best!.las {
                best = (score.las, parser)
                improved(parser)
            }
        }
        return best!.parser
    }

    static func evaluate(_ parser: Parser, _ sentences: [TreebankSentence], tags: [[Int]]) -> (uas: Double, las: Double) {
        var heads = 0
        var labelled = 0
        var total = 0
        for (i, s) in sentences.enumerated() {
            let (h, l) = parser.parse(ParserFeatures(words: WordFeatures(forms: s.forms), tags: tags[i]), count: s.count)
            for j in 0..<s.count {
                total += 1
                if h[j] == s.heads[j] {
                    heads += 1
                    if parser.labels[l[j]] == s.deprels[j] { labelled += 1 }
                }
            }
        }
        return (Double(heads) / Double(max(total, 1)), Double(labelled) / Double(max(total, 1)))
    }
}

/// One training pass's state: the two perceptrons and the scratch buffers.
private struct Step {
    let moves: Perceptron
    let labeler: Perceptron
    let shell: Parser
    let explore: Double
    var correctMoves = 0.0
    var allMoves = 0.0

    init(moves: Perceptron, labeler: Perceptron, shell: Parser, explore: Double) {
        self.moves = moves
        self.labeler = labeler
        self.shell = shell
        self.explore = explore
    }

    mutating func run(_ x: ParserTrainer.Example, rng: inout SplitMix) {
        var c = ArcHybrid(count: x.gold.count)
        let labelCount = labeler.classCount
        var keys = [UInt32](repeating: 0, count: 128)
        var scores = [Float](repeating: 0, count: 256)
        var correct = 0.0
        defer {
            correctMoves += correct
            allMoves += Double(x.gold.count * 2)
        }
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                while !c.isTerminal {
                    x.features.fill(c, into: k.baseAddress!)
                    let f = UnsafeBufferPointer(rebasing: k[0..<ParserFeatures.count])
                    moves.score(f, into: UnsafeMutableBufferPointer(rebasing: s[0..<3]))
                    var guess: ArcHybrid.Move?
                    var truth: ArcHybrid.Move?
                    var truthCost = Int.max
                    var costs = [0, 0, 0]
                    for m in ArcHybrid.Move.allCases where c.isValid(m) {
                        let cost = c.cost(m, gold: x.gold)
                        costs[m.rawValue] = cost
                        if guess == nil || s[m.rawValue] > s[guess!.rawValue] { guess = m }
                        if cost < truthCost || (cost == truthCost && s[m.rawValue] > s[truth!.rawValue]) {
                            truth = m
                            truthCost = cost
                        }
                    }
                    if costs[guess!.rawValue] > truthCost {
                        moves.update(f, truth: truth!.rawValue, guess: guess!.rawValue)
                    } else {
                        correct += 1
                    }
                    moves.tick()
                    let move = costs[guess!.rawValue] == truthCost || rng.unit() < explore ? guess! : truth!
                    var label = 0
                    if let (h, d) = c.arc(move) {
                        label = trainLabel(x, c, h, d, k, s, labelCount)
                    }
                    c.apply(move, label: label)
                }
            }
        }
    }

    private func trainLabel(
        _ x: ParserTrainer.Example, _ c: ArcHybrid, _ h: Int, _ d: Int, _ k: UnsafeMutableBufferPointer<UInt32>,
        _ s: UnsafeMutableBufferPointer<Float>, _ labelCount: Int
    ) -> Int {
        if h == c.n { return shell.rootLabel }
        x.features.fillLabel(c, head: h, dependent: d, into: k.baseAddress!)
        let f = UnsafeBufferPointer(rebasing: k[0..<ParserFeatures.labelCount])
        let view = UnsafeMutableBufferPointer(rebasing: s[0..<labelCount])
        labeler.score(f, into: view)
        var guess = shell.rootLabel == 0 ? 1 : 0
        for l in 0..<labelCount where l != shell.rootLabel && view[l] > view[guess] { guess = l }
        if x.gold[d] != h { return guess }
        let truth = x.labels[d]
        if truth != shell.rootLabel {
            labeler.update(f, truth: truth, guess: guess)
            labeler.tick()
        }
        return truth
    }
}
