/// Trains the tagger: epochs over the shuffled training sentences, keeping the averaged model of
/// the epoch that tags the development sentences best.
struct TaggerTrainer {
    var epochs = 10
    var seed: UInt64 = 1
    var log: (String) -> Void = { _ in }

    /// The joint UPOS/XPOS classes of a treebank, in first-seen order.
    static func classes(_ sentences: [TreebankSentence]) -> (upos: [String], xpos: [String]) {
        var seen: [String: Int] = [:]
        var upos: [String] = []
        var xpos: [String] = []
        for s in sentences {
            for i in 0..<s.count where seen["\(s.upos[i])\t\(s.xpos[i])"] == nil {
                seen["\(s.upos[i])\t\(s.xpos[i])"] = upos.count
                upos.append(s.upos[i])
                xpos.append(s.xpos[i])
            }
        }
        return (upos, xpos)
    }

    func train(_ train: [TreebankSentence], dev: [TreebankSentence]) -> Tagger {
        let (upos, xpos) = Self.classes(train)
        var index: [String: Int] = [:]
        for c in 0..<upos.count { index["\(upos[c])\t\(xpos[c])"] = c }
        let known = Self.known(train, index)
        let first = Perceptron(classCount: upos.count)
        let second = Perceptron(classCount: upos.count)
        let examples = train.map { s in
            (WordFeatures(forms: s.forms), (0..<s.count).map { index["\(s.upos[$0])\t\(s.xpos[$0])"]! })
        }
        var order = Array(examples.indices)
        var rng = SplitMix(seed: seed)
        var best: (accuracy: Double, tagger: Tagger)?
        for epoch in 1...epochs {
            rng.shuffle(&order)
            var correct = 0
            var total = 0
            for e in order {
                let (words, gold) = examples[e]
                let predicted = Self.learn(first, words, gold, right: nil)
                let final = Self.learn(second, words, gold, right: predicted)
                correct += zip(final, gold).filter { $0 == $1 }.count
                total += gold.count
            }
            let tagger = Tagger(upos: upos, xpos: xpos, model: first.averaged(), second: second.averaged(), known: known)
            let (joint, universal) = Self.accuracy(tagger, dev)
            log("tagger epoch \(epoch): train \(fmt(Double(correct) / Double(max(total, 1)))) dev \(fmt(joint)) UPOS \(fmt(universal))")
            if best == nil || joint > best!.accuracy { best = (joint, tagger) }
        }
        return best!.tagger
    }

    /// One training pass over a sentence: predicts each token, updates on a mistake, and goes on
    /// with the gold tag as context. Returns the predictions.
    private static func learn(_ p: Perceptron, _ words: WordFeatures, _ gold: [Int], right: [Int]?) -> [Int] {
        var keys = [UInt32](repeating: 0, count: Tagger.secondCount)
        var scores = [Float](repeating: 0, count: p.classCount)
        var out = gold
        let count = right == nil ? Tagger.featureCount : Tagger.secondCount
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                for i in 0..<words.count {
                    Tagger.features(words, i, i > 0 ? gold[i - 1] : -1, i > 1 ? gold[i - 2] : -1, right: right, into: k.baseAddress!)
                    let f = UnsafeBufferPointer(rebasing: k[0..<count])
                    p.score(f, into: s)
                    let guess = Tagger.argmax(s)
                    p.update(f, truth: gold[i], guess: guess)
                    p.tick()
                    out[i] = guess
                }
            }
        }
        return out
    }

    /// Words seen at least 50 times with one class at least 99.5% of the time. The tagger still
    /// learns from them, as context for their neighbours.
    static func known(_ sentences: [TreebankSentence], _ index: [String: Int]) -> [String: Int] {
        var counts: [String: [Int: Int]] = [:]
        for s in sentences {
            for i in 0..<s.count { counts[s.forms[i], default: [:]][index["\(s.upos[i])\t\(s.xpos[i])"]!, default: 0] += 1 }
        }
        var known: [String: Int] = [:]
        for (form, byClass) in counts {
            let total = byClass.values.reduce(0, +)
            let best = byClass.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            if total >= 50 && Double(best.value) >= 0.995 * Double(total) { known[form] = best.key }
        }
        return known
    }

    /// The share of tokens whose UPOS and XPOS are both right, and whose UPOS is.
    static func accuracy(_ tagger: Tagger, _ sentences: [TreebankSentence]) -> (Double, Double) {
        var correct = 0
        var universal = 0
        var total = 0
        for s in sentences {
            let tags = tagger.tag(WordFeatures(forms: s.forms))
            for i in 0..<s.count {
                if tagger.upos[tags[i]] == s.upos[i] && tagger.xpos[tags[i]] == s.xpos[i] { correct += 1 }
                if tagger.upos[tags[i]] == s.upos[i] { universal += 1 }
                total += 1
            }
        }
        return (Double(correct) / Double(max(total, 1)), Double(universal) / Double(max(total, 1)))
    }
}

func fmt(_ x: Double) -> String {
    let v = (x * 1000).rounded() / 1000
    var s = "\(v)"
    while s.count < 5 { s += "0" }
    return s
}
