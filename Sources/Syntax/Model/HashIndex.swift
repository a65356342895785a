/// A read-only map from 64-bit hashes to values, for the per-token lookups of the tag dictionary
/// and the lemmatizer: open addressing with linear probing over keys that are hashes already,
/// where `Dictionary` would hash each key again with SipHash.
struct HashIndex<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let shift: UInt64
    private let mask: Int

    /// The pairs' map; of two pairs with one key, the first is kept (as `Dictionary`'s
    /// `uniquingKeysWith: { a, _ in a }`).
    init<S: Sequence<(UInt64, Value)>>(_ pairs: S) {
        let list = Array(pairs)
        var capacity = 8
        while capacity < list.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        mask = capacity - 1
        for (key, value) in list {
            var i = home(key)
            while values[i] != nil, keys[i] != key { i = (i + 1) & mask }
            if values[i] == nil {
                keys[i] = key
                values[i] = value
            }
        }
    }

    /// Fibonacci hashing: the key's top bits after a multiply, as the keys' low bits may be weak.
    @inline(__always) private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always) subscript(key: UInt64) -> Value? {
        var i = home(key)
        while let value = values[i] {
            if keys[i] == key { return value }
            i = (i + 1) & mask
        }
        return nil
    }
}
