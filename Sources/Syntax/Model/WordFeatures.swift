/// Per-token hashes computed once per sentence and shared by the tagger and the parser: the
/// normalised word, the exact form, its shape, prefixes and suffixes.
struct WordFeatures {
    var norm: [UInt64] = []
    var form: [UInt64] = []
    var shape: [UInt64] = []
    var prefix1: [UInt64] = []
    var prefix2: [UInt64] = []
    var prefix3: [UInt64] = []
    var suffix1: [UInt64] = []
    var suffix2: [UInt64] = []
    var suffix3: [UInt64] = []
    var suffix4: [UInt64] = []
    /// Whether each token starts with a capital letter.
    var capitalized: [Bool] = []

    var count: Int { norm.count }

    init(forms: [String]) {
        for f in [\WordFeatures.norm, \.form, \.shape, \.prefix1, \.prefix2, \.prefix3, \.suffix1, \.suffix2, \.suffix3, \.suffix4] {
            self[keyPath: f].reserveCapacity(forms.count)
        }
        var lower: [UInt8] = []
        var shapeBytes: [UInt8] = []
        for word in forms {
            var text = word
            text.withUTF8 { add($0, lower: &lower, shape: &shapeBytes) }
        }
    }

    private mutating func add(_ b: UnsafeBufferPointer<UInt8>, lower: inout [UInt8], shape: inout [UInt8]) {
        lower.removeAll(keepingCapacity: true)
        shape.removeAll(keepingCapacity: true)
        var letters = false
        var digits = false
        var run = 0
        for c in b {
            let isUpper = c >= 0x41 && c <= 0x5A
            let isLower = c >= 0x61 && c <= 0x7A
            let isDigit = c >= 0x30 && c <= 0x39
            letters = letters || isUpper || isLower || c >= 0x80
            digits = digits || isDigit
            lower.append(isUpper ? c | 0x20 : c)
            let s: UInt8 = isUpper ? 0x58 : isLower ? 0x78 : isDigit ? 0x64 : c >= 0x80 ? 0x78 : c
            if let last = shape.last, last == s {
                run += 1
                if run >= 3 { continue }
            } else {
                run = 0
            }
            shape.append(s)
        }
        let n = b.count
        let shapeHash = shape.withUnsafeBufferPointer { FeatureHash.bytes($0, 0..<$0.count, seed: 7) }
        lower.withUnsafeBufferPointer { l in
            norm.append(digits && !letters ? shapeHash : FeatureHash.bytes(l, 0..<n, seed: 1))
            prefix1.append(FeatureHash.bytes(l, 0..<min(1, n), seed: 11))
            prefix2.append(FeatureHash.bytes(l, 0..<min(2, n), seed: 12))
            prefix3.append(FeatureHash.bytes(l, 0..<min(3, n), seed: 13))
            suffix1.append(FeatureHash.bytes(l, max(0, n - 1)..<n, seed: 21))
            suffix2.append(FeatureHash.bytes(l, max(0, n - 2)..<n, seed: 22))
            suffix3.append(FeatureHash.bytes(l, max(0, n - 3)..<n, seed: 23))
            suffix4.append(FeatureHash.bytes(l, max(0, n - 4)..<n, seed: 24))
        }
        form.append(FeatureHash.bytes(b, 0..<n, seed: 2))
        shape.isEmpty ? self.shape.append(0) : self.shape.append(shapeHash)
        capitalized.append(n > 0 && b[0] >= 0x41 && b[0] <= 0x5A)
    }
}
