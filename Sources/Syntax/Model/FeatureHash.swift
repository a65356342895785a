/// Deterministic 64-bit hashing for feature keys: the same on every run and platform, unlike
/// `Hasher`, and free of String allocation.
enum FeatureHash {
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a &+ 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { mix(mix(a, b), c) }

    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        mix(mix(mix(a, b), c), d)
    }

    /// A 32-bit key for a feature: never 0, which marks an empty slot.
    @inline(__always) static func key(_ h: UInt64) -> UInt32 {
        let k = UInt32(truncatingIfNeeded: h >> 32) ^ UInt32(truncatingIfNeeded: h)
        return k == 0 ? 1 : k
    }

    /// FNV-1a over bytes, finished by `mix`.
    static func bytes(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for i in range {
            h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3
        }
        return mix(h, UInt64(range.count))
    }

    static func string(_ s: String, seed: UInt64 = 0) -> UInt64 {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBufferPointer { FeatureHash.bytes(UnsafeBufferPointer($0), 0..<$0.count, seed: seed) }
    }
}
