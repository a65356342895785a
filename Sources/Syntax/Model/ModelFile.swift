/// Why a model file could not be read.
public struct ModelFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = "syntax model: \(description)" }
}

/// Appends little-endian values to a model file.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f16(_ v: Float) { withUnsafeBytes(of: Float16(v).bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
    mutating func strings(_ list: [String]) {
        u32(UInt32(list.count))
        for s in list { string(s) }
    }
}

/// Reads what `ByteWriter` wrote, with bounds checks.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    private mutating func take(_ n: Int) throws -> Int {
        guard n >= 0, offset + n <= base.count else { throw ModelFileError("truncated at byte \(offset)") }
        defer { offset += n }
        return offset
    }

    mutating func u8() throws -> UInt8 { base[try take(1)] }
    /// The next `n` bytes, in place.
    mutating func raw(_ n: Int) throws -> UnsafeRawBufferPointer {
        let start = try take(n)
        return UnsafeRawBufferPointer(rebasing: base[start..<(start + n)])
    }
    mutating func u32() throws -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
    }
    mutating func f16() throws -> Float {
        Self.halfFloats[Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: try take(2), as: UInt16.self)))]
    }

    /// Every half float's value: a model has millions, and without the F16C instructions each
    /// conversion is a library call.
    static let halfFloats: [Float] = (0...UInt16.max).map { Float(Float16(bitPattern: $0)) }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
    mutating func string() throws -> String {
        let n = Int(try u32())
        let start = try take(n)
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[start..<(start + n)]), as: UTF8.self)
    }
    mutating func strings() throws -> [String] {
        let n = Int(try u32())
        guard n <= base.count - offset else { throw ModelFileError("bad list length \(n)") }
        return try (0..<n).map { _ in try string() }
    }

    mutating func model() throws -> LinearModel { try LinearModel(reading: &self) }

    var remaining: Int { base.count - offset }
}
