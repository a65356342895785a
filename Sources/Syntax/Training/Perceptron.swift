/// An averaged multiclass perceptron in training (Collins 2002), with the averaging trick of
/// Daumé: `w` holds the current weights and `u` the sum of update × time, so the average is
/// w − u / c. Rows are created only for features that take part in an update.
final class Perceptron {
    let classCount: Int
    private var keys: [UInt32]
    private var rowOf: [Int32]
    private var mask: Int
    private(set) var rowCount = 0
    private var rowKeys: [UInt32] = []
    private var w: [Float] = []
    private var u: [Double] = []
    /// How many updates touched each row, to leave out rows learned from a single mistake.
    private var updates: [UInt32] = []
    /// The number of examples seen, the clock of the averaging.
    private var clock: Double = 1

    init(classCount: Int) {
        self.classCount = classCount
        keys = [UInt32](repeating: 0, count: 1 << 16)
        rowOf = [Int32](repeating: -1, count: 1 << 16)
        mask = (1 << 16) - 1
    }

    @inline(__always) private func find(_ key: UInt32) -> Int {
        var i = Int(key) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    private func row(_ key: UInt32, create: Bool) -> Int {
        let i = find(key)
        if keys[i] == key { return Int(rowOf[i]) }
        if !create { return -1 }
        if (rowCount + 1) * 2 > keys.count {
            grow()
            return row(key, create: true)
        }
        keys[i] = key
        rowOf[i] = Int32(rowCount)
        rowKeys.append(key)
        w.append(contentsOf: repeatElement(0, count: classCount))
        u.append(contentsOf: repeatElement(0, count: classCount))
        updates.append(0)
        rowCount += 1
        return rowCount - 1
    }

    private func grow() {
        let capacity = keys.count * 2
        keys = [UInt32](repeating: 0, count: capacity)
        rowOf = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (r, key) in rowKeys.enumerated() {
            let i = find(key)
            keys[i] = key
            rowOf[i] = Int32(r)
        }
    }

    /// The current (not averaged) scores of `features`.
    func score(_ features: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Float>) {
        scores.update(repeating: 0)
        w.withUnsafeBufferPointer { w in
            for f in features {
                let r = row(f, create: false)
                if r < 0 { continue }
                let base = r * classCount
                for c in 0..<classCount { scores[c] += w[base + c] }
            }
        }
    }

    /// Moves weight from `guess` to `truth` on `features`.
    func update(_ features: UnsafeBufferPointer<UInt32>, truth: Int, guess: Int) {
        if truth == guess { return }
        for f in features {
            let row = row(f, create: true)
            updates[row] &+= 1
            let r = row * classCount
            w[r + truth] += 1
            u[r + truth] += clock
            w[r + guess] -= 1
            u[r + guess] -= clock
        }
    }

    /// Advances the averaging clock by one example.
    func tick() { clock += 1 }

    /// The averaged weights as a runtime model, dropping weights smaller than `threshold` and
    /// rows updated fewer than `minUpdates` times.
    func averaged(threshold: Float = 1e-3, minUpdates: UInt32 = 1) -> LinearModel {
        var rows: [(key: UInt32, entries: [LinearModel.Entry])] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount where updates[r] >= minUpdates {
            var entries: [LinearModel.Entry] = []
            for c in 0..<classCount {
                let i = r * classCount + c
                let avg = Float(Double(w[i]) - u[i] / clock)
                if abs(avg) >= threshold { entries.append(LinearModel.Entry(weight: avg, label: UInt32(c))) }
            }
            if !entries.isEmpty { rows.append((rowKeys[r], entries)) }
        }
        return LinearModel(classCount: classCount, rows: rows)
    }
}
