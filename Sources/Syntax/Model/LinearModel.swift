import CSyntaxModel

/// A trained multiclass linear scorer: for each feature key, the weights of the classes it votes
/// for, in one open-addressing table of 16-byte slots, four to a cache line. A model of up to
/// three classes keeps the weights in the slot; a larger one keeps up to three (class, weight)
/// entries there and points a longer row to a run beside the table: its entries, or for a row
/// that votes for a quarter of the classes or more, one weight per class, added as a vector.
/// Most features cost one memory load; scoring prefetches every feature's slot first, so the
/// loads overlap.
struct LinearModel: Sendable {
    struct Entry: Sendable {
        var weight: Float
        var label: UInt32
    }

    /// A key and three words: the weights of a dense model, or up to three packed entries (0 is
    /// none), or for a longer row `a` = its run's start << 8 | a marker and `b` = the entry count.
    struct Slot {
        var key: UInt32 = 0
        var a: UInt32 = 0
        var b: UInt32 = 0
        var c: UInt32 = 0
    }

    /// The slots' memory (huge pages where the system has them), written only while the model
    /// is built.
    private final class Table: @unchecked Sendable {
        let slots: UnsafeMutablePointer<Slot>
        let bytes: Int

        init(count: Int) {
            bytes = count * MemoryLayout<Slot>.stride
            guard let memory = csyntax_table_alloc(bytes) else { fatalError("syntax: no memory for a \(count)-slot model table") }
            slots = memory.bindMemory(to: Slot.self, capacity: count)
        }

        deinit { csyntax_table_free(slots, bytes) }
    }

    /// Markers in the low byte of a slot's `a`, where an entry has its class (below 250).
    static let entryRun: UInt32 = 0xFF
    static let weightRun: UInt32 = 0xFE
    static let maxClasses = 250
    let classCount: Int
    var isDense: Bool { classCount <= 3 }
    private let table: Table
    /// The number of slots, a power of two at least twice the rows: sparser tables proved faster
    /// than smaller ones, as a quarter of the features a sentence asks for are not in the model
    /// and the lookup of one stops only at an empty slot. A key's home is the first slot of the cache line its low
    /// bits pick, so a lookup reads one line unless that line is full, and homes follow the order
    /// in which `write` puts the rows in the file, so loading fills the table front to back.
    private let capacity: Int
    private let homeMask: Int
    /// Runs of rows longer than a slot holds: packed entries, or one weight per class.
    private var runs: [UInt32] = []

    @inline(__always) private static func pack(_ e: Entry) -> UInt32 { e.weight.bitPattern & ~0xFF | e.label }
    @inline(__always) private static func unpack(_ x: UInt32) -> Entry {
        Entry(weight: Float(bitPattern: x & ~0xFF), label: x & 0xFF)
    }

    private static func slotCount(_ rows: Int) -> Int {
        var capacity = 16
        while capacity < rows * 2 { capacity <<= 1 }
        return capacity
    }

    @inline(__always) private func home(_ key: UInt32) -> Int { Int(key) & homeMask }

    private init(classCount: Int, rowCount: Int) {
        precondition(classCount <= Self.maxClasses, "syntax: too many classes")
        self.classCount = classCount
        capacity = Self.slotCount(rowCount)
        homeMask = (capacity - 1) & ~3
        table = Table(count: capacity)
    }

    /// A model from feature rows: each key with its (class, weight) pairs.
    init(classCount: Int, rows: [(key: UInt32, entries: [Entry])]) {
        self.init(classCount: classCount, rowCount: rows.count)
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

    /// The slot for a new key: its home or the first free slot after it.
    private func freeSlot(_ key: UInt32) -> UnsafeMutablePointer<Slot> {
        var i = home(key)
        while table.slots[i].key != 0 { i = i + 1 == capacity ? 0 : i + 1 }
        return table.slots + i
    }

    private mutating func insertDense(_ key: UInt32, _ a: Float, _ b: Float, _ c: Float) {
        freeSlot(key).pointee = Slot(key: key, a: a.bitPattern, b: b.bitPattern, c: c.bitPattern)
    }

    private mutating func insertSparse<C: Collection<Entry>>(_ key: UInt32, _ row: C) {
        precondition(row.count < 256 && runs.count < 1 << 24, "syntax: model too large")
        let slot = freeSlot(key)
        if row.count * 4 > classCount && row.count > 3 {
            slot.pointee = Slot(key: key, a: UInt32(runs.count) << 8 | Self.weightRun, b: UInt32(row.count), c: 0)
            let start = runs.count
            runs.append(contentsOf: repeatElement(0, count: classCount))
            for e in row { runs[start + Int(e.label)] = e.weight.bitPattern }
            return
        }
        if row.count > 3 {
            slot.pointee = Slot(key: key, a: UInt32(runs.count) << 8 | Self.entryRun, b: UInt32(row.count), c: 0)
            for e in row { runs.append(Self.pack(e)) }
            return
        }
        // A +0.0 weight adds nothing, so its packed form (0 for class 0) can mark an empty place.
        var entries = row.makeIterator()
        let a = entries.next().map(Self.pack) ?? 0
        let b = entries.next().map(Self.pack) ?? 0
        slot.pointee = Slot(key: key, a: a, b: b, c: entries.next().map(Self.pack) ?? 0)
    }

    var featureCount: Int { (0..<capacity).reduce(0) { $0 + (table.slots[$1].key == 0 ? 0 : 1) } }

    /// Starts loading the table lines of `keys` (their dynamic features' keys are not yet
    /// written, so those lines may be any).
    @inline(__always)
    func prefetch(_ keys: UnsafeBufferPointer<UInt32>) {
        let slots = UnsafePointer(table.slots)
        for key in keys { csyntax_prefetch(slots + home(key)) }
    }

    /// Adds the weights of `keys` to `scores` (classCount wide), class by class in the order of
    /// `keys`. (A weight run adds +0.0 for the classes its row has no weight for, which changes
    /// no score's value.)
    @inline(__always)
    func score(_ keys: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
        let slots = UnsafePointer(table.slots)
        for key in keys { csyntax_prefetch(slots + home(key)) }
        if isDense {
            for key in keys {
                var i = home(key)
                while true {
                    let slot = slots[i]
                    if slot.key == key {
                        scores[0] += Float(bitPattern: slot.a)
                        if classCount > 1 { scores[1] += Float(bitPattern: slot.b) }
                        if classCount > 2 { scores[2] += Float(bitPattern: slot.c) }
                        break
                    }
                    if slot.key == 0 { break }
                    i = i + 1 == capacity ? 0 : i + 1
                }
            }
            return
        }
        runs.withUnsafeBufferPointer { runs in
            withUnsafeTemporaryAllocation(of: UnsafePointer<Slot>.self, capacity: keys.count) { found in
                var n = 0
                for key in keys {
                    var i = home(key)
                    while true {
                        let slot = slots[i]
                        if slot.key == key {
                            if slot.a & 0xFF == Self.entryRun {
                                csyntax_prefetch(runs.baseAddress! + Int(slot.a >> 8))
                            } else if slot.a & 0xFF == Self.weightRun {
                                let run = runs.baseAddress! + Int(slot.a >> 8)
                                for line in stride(from: 0, to: classCount, by: 16) { csyntax_prefetch(run + line) }
                            }
                            found[n] = slots + i
                            n += 1
                            break
                        }
                        if slot.key == 0 { break }
                        i = i + 1 == capacity ? 0 : i + 1
                    }
                }
                for f in 0..<n {
                    let slot = found[f].pointee
                    if slot.a & 0xFF == Self.weightRun {
                        let run = runs.baseAddress! + Int(slot.a >> 8)
                        for c in 0..<classCount { scores[c] += Float(bitPattern: run[c]) }
                    } else if slot.a & 0xFF == Self.entryRun {
                        let start = Int(slot.a >> 8)
                        for e in start..<(start + Int(slot.b)) { Self.add(runs[e], to: scores) }
                    } else {
                        Self.add(slot.a, to: scores)
                        Self.add(slot.b, to: scores)
                        Self.add(slot.c, to: scores)
                    }
                }
            }
        }
    }

    @inline(__always) private static func add(_ x: UInt32, to scores: UnsafeMutablePointer<Float>) {
        if x != 0 { scores[Int(x & 0xFF)] += Float(bitPattern: x & ~0xFF) }
    }

    /// Every row with its weights, sorted by key (for writing the model).
    func rows() -> [(key: UInt32, entries: [Entry])] {
        var out: [(key: UInt32, entries: [Entry])] = []
        for i in 0..<capacity where table.slots[i].key != 0 {
            let s = table.slots[i]
            if isDense {
                let w = [s.a, s.b, s.c].map { Float(bitPattern: $0) }
                out.append((s.key, (0..<classCount).map { Entry(weight: w[$0], label: UInt32($0)) }))
            } else if s.a & 0xFF == Self.weightRun {
                let start = Int(s.a >> 8)
                let w = (0..<classCount).map { Entry(weight: Float(bitPattern: runs[start + $0]), label: UInt32($0)) }
                out.append((s.key, w.filter { $0.weight.bitPattern != 0 }))
            } else if s.a & 0xFF == Self.entryRun {
                let start = Int(s.a >> 8)
                out.append((s.key, runs[start..<(start + Int(s.b))].map(Self.unpack)))
            } else {
                out.append((s.key, [s.a, s.b, s.c].filter { $0 != 0 }.map(Self.unpack)))
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
        let home = Self.slotCount(rows().count) - 1
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
        guard classCount > 0, classCount <= Self.maxClasses, rowCount <= r.remaining, entryCount <= r.remaining else {
            throw ModelFileError("bad linear model header")
        }
        self.init(classCount: classCount, rowCount: rowCount)
        runs.reserveCapacity(entryCount)
        // Each row's bytes are checked once and read in place; a sparse row's entries go in a
        // buffer on the stack. (Loading is most of a process's start-up.)
        try ByteReader.halfFloats.withUnsafeBufferPointer { half in
            try withUnsafeTemporaryAllocation(of: Entry.self, capacity: 256) { row in
                for _ in 0..<rowCount {
                    if isDense {
                        let p = try r.raw(4 + 2 * classCount)
                        let key = UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))
                        guard key != 0 else { throw ModelFileError("zero feature key") }
                        func weight(_ i: Int) -> Float {
                            half[Int(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: 4 + 2 * i, as: UInt16.self)))]
                        }
                        insertDense(key, weight(0), classCount > 1 ? weight(1) : 0, classCount > 2 ? weight(2) : 0)
                    } else {
                        let head = try r.raw(5)
                        let key = UInt32(littleEndian: head.loadUnaligned(as: UInt32.self))
                        guard key != 0 else { throw ModelFileError("zero feature key") }
                        let n = Int(head[4])
                        let e = try r.raw(3 * n)
                        for j in 0..<n {
                            let label = e[3 * j]
                            guard Int(label) < classCount else { throw ModelFileError("class \(label) out of range") }
                            let bits = UInt16(e[3 * j + 1]) | UInt16(e[3 * j + 2]) << 8
                            row[j] = Entry(weight: half[Int(bits)], label: UInt32(label))
                        }
                        insertSparse(key, UnsafeBufferPointer(rebasing: row[0..<n]))
                    }
                }
            }
        }
    }
}
