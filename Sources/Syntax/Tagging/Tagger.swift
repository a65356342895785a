/// An averaged-perceptron part-of-speech tagger over joint UPOS/XPOS classes, with the features
/// of Collins (2002) and Honnibal's tagger: the word, its affixes and shape, the two previous tags
/// and the words around it. Two greedy passes: the second also sees the first pass's tags of the
/// next two words.
struct Tagger: Sendable {
    /// Class i's universal and Penn tags.
    let upos: [String]
    let xpos: [String]
    let model: LinearModel
    let second: LinearModel
    /// Frequent words that (nearly) always take one class, tagged without scoring: the form and
    /// its class (Honnibal's tag dictionary).
    let known: [String: Int]
    private let knownIndex: HashIndex<Int>

    init(upos: [String], xpos: [String], model: LinearModel, second: LinearModel, known: [String: Int] = [:]) {
        self.upos = upos
        self.xpos = xpos
        self.model = model
        self.second = second
        self.known = known
        knownIndex = HashIndex(known.map { (WordFeatures(forms: [$0.key]).form[0], $0.value) })
    }

    static let featureCount = 35
    static let secondCount = 41
    static let start: UInt64 = 0x5354_4152_54
    static let end: UInt64 = 0x454E_44

    /// The feature keys of token `i` given the two previous predicted classes (-1 before the start).
    static func features(
        _ w: WordFeatures, _ i: Int, _ p1: Int, _ p2: Int, right: [Int]? = nil, into k: UnsafeMutablePointer<UInt32>
    ) {
        staticFeatures(w, i, right: right, into: k)
        dynamicFeatures(w, i, p1, p2, right: right, into: k)
    }

    @inline(__always) static func at(_ w: WordFeatures, _ a: [UInt64], _ j: Int) -> UInt64 {
        j < 0 ? start : j >= w.count ? end : a[j]
    }

    /// The keys of the features that do not depend on the previous tags of this pass, so they
    /// can be found (and the table lines they read prefetched) a token ahead.
    static func staticFeatures(_ w: WordFeatures, _ i: Int, right: [Int]?, into k: UnsafeMutablePointer<UInt32>) {
        typealias H = FeatureHash
        let word = w.norm[i]
        let s3 = w.suffix3[i]
        k[0] = H.key(H.mix(0, 0))
        k[1] = H.key(H.mix(1, word))
        k[2] = H.key(H.mix(2, w.form[i]))
        k[3] = H.key(H.mix(3, s3))
        k[4] = H.key(H.mix(4, w.suffix2[i]))
        k[5] = H.key(H.mix(5, w.suffix1[i]))
        k[6] = H.key(H.mix(6, w.suffix4[i]))
        k[7] = H.key(H.mix(7, w.prefix1[i]))
        k[8] = H.key(H.mix(8, w.prefix2[i]))
        k[9] = H.key(H.mix(9, w.prefix3[i]))
        k[10] = H.key(H.mix(10, w.shape[i]))
        k[14] = H.key(H.mix(14, at(w, w.norm, i - 1)))
        k[15] = H.key(H.mix(15, at(w, w.suffix3, i - 1)))
        k[16] = H.key(H.mix(16, at(w, w.norm, i - 2)))
        k[17] = H.key(H.mix(17, at(w, w.norm, i + 1)))
        k[18] = H.key(H.mix(18, at(w, w.suffix3, i + 1)))
        k[19] = H.key(H.mix(19, at(w, w.norm, i + 2)))
        k[20] = H.key(H.mix(20, at(w, w.norm, i - 1), word))
        k[21] = H.key(H.mix(21, word, at(w, w.norm, i + 1)))
        k[22] = H.key(H.mix(22, at(w, w.shape, i + 1)))
        k[23] = H.key(H.mix(23, at(w, w.shape, i - 1)))
        k[25] = H.key(H.mix(25, i == 0 ? 1 : 0, w.shape[i]))
        k[27] = H.key(H.mix(27, at(w, w.suffix3, i + 2)))
        k[28] = H.key(H.mix(28, at(w, w.suffix2, i + 1), at(w, w.shape, i + 1)))
        k[30] = H.key(H.mix(40, at(w, w.norm, i - 1), at(w, w.norm, i + 1)))
        k[31] = H.key(H.mix(41, word, at(w, w.shape, i + 1)))
        k[32] = H.key(H.mix(42, s3, w.shape[i]))
        k[34] = H.key(H.mix(44, at(w, w.suffix3, i - 1), s3))
        guard let right else { return }
        let n = w.count
        let r1 = UInt64(i + 1 < n ? right[i + 1] + 2 : 0)
        let r2 = UInt64(i + 2 < n ? right[i + 2] + 2 : 0)
        k[35] = H.key(H.mix(30, r1))
        k[36] = H.key(H.mix(31, r1, r2))
        k[37] = H.key(H.mix(32, r1, word))
        k[39] = H.key(H.mix(34, r1, s3))
    }

    /// The keys of the features of the previous tags (`staticFeatures` writes the others).
    static func dynamicFeatures(
        _ w: WordFeatures, _ i: Int, _ p1: Int, _ p2: Int, right: [Int]?, into k: UnsafeMutablePointer<UInt32>
    ) {
        typealias H = FeatureHash
        let t1 = UInt64(p1 + 2)
        let t2 = UInt64(p2 + 2)
        let word = w.norm[i]
        let s3 = w.suffix3[i]
        k[11] = H.key(H.mix(11, t1))
        k[12] = H.key(H.mix(12, t1, t2))
        k[13] = H.key(H.mix(13, t1, word))
        k[24] = H.key(H.mix(24, t1, s3))
        k[26] = H.key(H.mix(26, t1, at(w, w.norm, i + 1)))
        k[29] = H.key(H.mix(29, t1, at(w, w.suffix2, i + 1)))
        k[33] = H.key(H.mix(43, t1, t2, word))
        guard let right else { return }
        let r1 = UInt64(i + 1 < w.count ? right[i + 1] + 2 : 0)
        k[38] = H.key(H.mix(33, t1, r1))
        k[40] = H.key(H.mix(35, t1, r1, word))
    }

    /// The predicted class of every token.
    /// The class of a proper noun in the singular (PROPN, NNP), if the model has it.
    var properNoun: Int? { upos.indices.first { upos[$0] == "PROPN" && xpos[$0] == "NNP" } }

    /// Whether `form` is in the tag dictionary, the words the treebank always tags one way.
    func isKnown(_ form: String) -> Bool { known[form] != nil }

    /// Tags `w`; a word of `proper` (by index) is a proper noun before any scoring, and the
    /// words after it are tagged knowing so.
    func tag(_ w: WordFeatures, proper: [Bool] = []) -> [Int] {
        var fixed = w.form.map { knownIndex[$0] ?? -1 }
        if let nnp = properNoun {
            for i in proper.indices where proper[i] && i < fixed.count { fixed[i] = nnp }
        }
        let first = Self.pass(w, model, right: nil, fixed: fixed)
        return Self.pass(w, second, right: first, fixed: fixed)
    }

    /// One greedy pass; `right` gives the first pass's tags to the second. While a token is
    /// scored, the table lines of the next one's static features are already being fetched.
    static func pass(_ w: WordFeatures, _ model: LinearModel, right: [Int]?, fixed: [Int]) -> [Int] {
        var out = [Int](repeating: 0, count: w.count)
        var keys = [UInt32](repeating: 0, count: secondCount * 2)
        var scores = [Float](repeating: 0, count: model.classCount)
        let count = right == nil ? featureCount : secondCount
        keys.withUnsafeMutableBufferPointer { buffer in
            scores.withUnsafeMutableBufferPointer { s in
                var k = buffer.baseAddress!
                var ahead = k + secondCount
                var p1 = -1
                var p2 = -1
                if w.count > 0 && fixed[0] < 0 { staticFeatures(w, 0, right: right, into: k) }
                for i in 0..<w.count {
                    if i + 1 < w.count && fixed[i + 1] < 0 {
                        staticFeatures(w, i + 1, right: right, into: ahead)
                        model.prefetch(UnsafeBufferPointer(start: ahead, count: count))
                    }
                    var best = fixed[i]
                    if best < 0 {
                        dynamicFeatures(w, i, p1, p2, right: right, into: k)
                        s.update(repeating: 0)
                        model.score(UnsafeBufferPointer(start: k, count: count), into: s.baseAddress!)
                        best = argmax(s)
                    }
                    out[i] = best
                    p2 = p1
                    p1 = best
                    swap(&k, &ahead)
                }
            }
        }
        return out
    }

    @inline(__always) static func argmax(_ s: UnsafeMutableBufferPointer<Float>) -> Int {
        var best = 0
        for c in 1..<s.count where s[c] > s[best] { best = c }
        return best
    }
}
