import CSyntaxModel

/// A trained multiclass linear scorer: for each feature key, the weights of the classes it votes
/// for, in one open-addressing table. Models of up to three classes keep the weights in the slot
/// (one cache line per feature); larger ones point to a run of (class, weight) entries. Scoring
/// prefetches every feature's slot first, so the memory loads overlap.
struct LinearModel: Sendable {
    struct Entry: Sendable {
        var weight: Float
        var label: UInt32
    }

    struct DenseSlot: Sendable {
        var key: UInt32 = 0
        var w0: Float = 0
        var w1: Float = 0
        var w2: Float = 0
    }

    let classCount: Int
    var isDense: Bool { classCount <= 3 }
    private let mask: Int
    private var dense: [DenseSlot] = []
    /// key << 32 | first entry << 8 | entry count; 0 is empty.
    private var sparse: [UInt64] = []
    /// A weight with its class in the low 8 bits of the mantissa (the file keeps only 10).
    private var entries: [UInt32] = []

    @inline(__always) private static func pack(_ e: Entry) -> UInt32 { e.weight.bitPattern & ~0xFF | e.label }
    @inline(__always) private static func unpack(_ x: UInt32) -> Entry {
        Entry(weight: Float(bitPattern: x & ~0xFF), label: x & 0xFF)
    }

    private static func capacity(_ rows: Int) -> Int {
        var capacity = 16
        while capacity < rows * 2 { capacity <<= 1 }
        return capacity
    }

    private init(classCount: Int, rowCount: Int, entryCount: Int) {
        self.classCount = classCount
        let capacity = Self.capacity(rowCount)
        mask = capacity - 1
        if classCount <= 3 {
            dense = [DenseSlot](repeating: DenseSlot(), count: capacity)
        } else {
            sparse = [UInt64](repeating: 0, count: capacity)
            entries.reserveCapacity(entryCount)
        }
    }

    /// A model from feature rows: each key with its (class, weight) pairs.
    init(classCount: Int, rows: [(key: UInt32, entries: [Entry])]) {
        self.init(classCount: classCount, rowCount: rows.count, entryCount: rows.reduce(0) { $0 + $1.entries.count })
        for row in rows where !row.entries.isEmpty {
            if isDense {
                var w: [Float] = [0, 0, 0]
                for e in row.entries { w[Int(e.label)] = e.weight }
                insertDense(row.key, w[0], w[1], w[2])
            } else {
                insertSparse(row.key, row.entries)
            }
        }
    }

    private mutating func insertDense(_ key: UInt32, _ a: Float, _ b: Float, _ c: Float) {
        var i = Int(key) & mask
        while dense[i].key != 0 { i = (i + 1) & mask }
        dense[i] = DenseSlot(key: key, w0: a, w1: b, w2: c)
    }

    private mutating func insertSparse<C: Collection<Entry>>(_ key: UInt32, _ row: C) {
        precondition(row.count < 256 && entries.count < 1 << 24, "syntax: model too large")
        var i = Int(key) & mask
        while sparse[i] != 0 { i = (i + 1) & mask }
        sparse[i] = UInt64(key) << 32 | UInt64(entries.count) << 8 | UInt64(row.count)
        for e in row { entries.append(Self.pack(e)) }
    }

    var featureCount: Int { isDense ? dense.reduce(0) { $0 + ($1.key == 0 ? 0 : 1) } : sparse.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// Adds the weights of `keys` to `scores` (classCount wide).
    @inline(__always)
    func score(_ keys: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
        if isDense {
            dense.withUnsafeBufferPointer { slots in
                for key in keys { csyntax_prefetch(slots.baseAddress! + (Int(key) & mask)) }
                for key in keys {
                    var i = Int(key) & mask
                    while true {
                        let slot = slots[i]
                        if slot.key == key {
                            scores[0] += slot.w0
                            scores[1] += slot.w1
                            scores[2] += slot.w2
                            break
                        }
                        if slot.key == 0 { break }
                        i = (i + 1) & mask
                    }
                }
            }
            return
        }
        sparse.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                for key in keys { csyntax_prefetch(slots.baseAddress! + (Int(key) & mask)) }
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { found in
                    var n = 0
                    for key in keys {
                        var i = Int(key) & mask
                        while true {
                            let slot = slots[i]
                            if slot == 0 { break }
                            if UInt32(truncatingIfNeeded: slot >> 32) == key {
                                csyntax_prefetch(entries.baseAddress! + Int((slot >> 8) & 0xFF_FFFF))
                                found[n] = slot
                                n += 1
                                break
                            }
                            i = (i + 1) & mask
                        }
                    }
                    for f in 0..<n {
                        let start = Int((found[f] >> 8) & 0xFF_FFFF)
                        for e in start..<(start + Int(found[f] & 0xFF)) {
                            let x = entries[e]
                            scores[Int(x & 0xFF)] += Float(bitPattern: x & ~0xFF)
                        }
                    }
                }
            }
        }
    }

    /// Every row with its nonzero weights, sorted by key (for writing the model).
    func rows() -> [(key: UInt32, entries: [Entry])] {
        var out: [(key: UInt32, entries: [Entry])] = []
        if isDense {
            for s in dense where s.key != 0 {
                let w = [s.w0, s.w1, s.w2]
                out.append((s.key, (0..<classCount).map { Entry(weight: w[$0], label: UInt32($0)) }))
            }
        } else {
            for slot in sparse where slot != 0 {
                let start = Int((slot >> 8) & 0xFF_FFFF)
                out.append((UInt32(truncatingIfNeeded: slot >> 32), entries[start..<(start + Int(slot & 0xFF))].map(Self.unpack)))
            }
        }
        return out.sorted { $0.key < $1.key }
    }

    /// The model without weights smaller than `threshold` (rows left empty are dropped).
    /// Compares the weights as the file stores them (half floats), so pruning a model read back
    /// from its file gives the same as pruning it before writing.
    func pruned(_ threshold: Float) -> LinearModel {
        func kept(_ e: Entry) -> Bool { abs(Float(Float16(e.weight))) >= threshold }
        let rows = rows().map { row in
            (row.key, isDense ? (row.entries.contains(where: kept) ? row.entries : []) : row.entries.filter(kept))
        }
        return LinearModel(classCount: classCount, rows: rows.filter { !$0.1.isEmpty })
    }

    /// Writes class count, row count, entry count, then each row: the key and, for a dense model,
    /// its weights as half floats, else the entry count and (class, half float) pairs.
    /// Rows go in the order of their home slots in the reader's table, so loading fills the table
    /// front to back instead of at random.
    func write(to w: inout ByteWriter) {
        let home = Self.capacity(rows().count) - 1
        let rows = rows().sorted { (Int($0.key) & home, $0.key) < (Int($1.key) & home, $1.key) }
        w.u32(UInt32(classCount))
        w.u32(UInt32(rows.count))
        w.u32(UInt32(rows.reduce(0) { $0 + $1.entries.count }))
        for row in rows {
            w.u32(row.key)
            if isDense {
                for e in row.entries { w.f16(e.weight) }
            } else {
                w.u8(UInt8(row.entries.count))
                for e in row.entries {
                    w.u8(UInt8(e.label))
                    w.f16(e.weight)
                }
            }
        }
    }

    /// Reads what `write` wrote, straight into the table.
    init(reading r: inout ByteReader) throws {
        let classCount = Int(try r.u32())
        let rowCount = Int(try r.u32())
        let entryCount = Int(try r.u32())
        guard classCount > 0, classCount < 256, rowCount <= r.remaining, entryCount <= r.remaining else {
            throw ModelFileError("bad linear model header")
        }
        self.init(classCount: classCount, rowCount: rowCount, entryCount: entryCount)
        var row: [Entry] = []
        for _ in 0..<rowCount {
            let key = try r.u32()
            guard key != 0 else { throw ModelFileError("zero feature key") }
            if isDense {
                let a = try r.f16()
                let b = classCount > 1 ? try r.f16() : 0
                let c = classCount > 2 ? try r.f16() : 0
                insertDense(key, a, b, c)
            } else {
                row.removeAll(keepingCapacity: true)
                for _ in 0..<Int(try r.u8()) {
                    let label = try r.u8()
                    guard Int(label) < classCount else { throw ModelFileError("class \(label) out of range") }
                    row.append(Entry(weight: try r.f16(), label: UInt32(label)))
                }
                insertSparse(key, row)
            }
        }
    }
}
