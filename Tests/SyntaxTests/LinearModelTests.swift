import Testing

@testable import Syntax

@Suite struct LinearModelTests {
    /// Rows of every length a slot or run holds, with weights a half float keeps exactly.
    func rows(classCount: Int, count: Int, seed: UInt64) -> [(key: UInt32, entries: [LinearModel.Entry])] {
        var rng = SplitMix(seed: seed)
        var seen = Set<UInt32>()
        var out: [(key: UInt32, entries: [LinearModel.Entry])] = []
        while out.count < count {
            let key = UInt32(truncatingIfNeeded: rng.next()) | 1
            guard seen.insert(key).inserted else { continue }
            let length = [1, 2, 3, 4, 7, classCount / 4 + 1, classCount][rng.below(7)]
            var labels = Array(0..<classCount)
            rng.shuffle(&labels)
            let entries = labels[0..<min(length, classCount)].sorted().map { label in
                let k = rng.below(2000) - 1000
                return LinearModel.Entry(weight: Float(k >= 0 ? k + 1 : k) / 64, label: UInt32(label))
            }
            out.append((key, entries))
        }
        return out
    }

    /// The scores as a plain sum over the rows, feature by feature.
    func expected(_ rows: [(key: UInt32, entries: [LinearModel.Entry])], _ keys: [UInt32], classCount: Int) -> [Float] {
        let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.entries) })
        var scores = [Float](repeating: 0, count: max(classCount, 3))
        for key in keys {
            for e in byKey[key] ?? [] { scores[Int(e.label)] += e.weight }
        }
        return Array(scores[0..<classCount])
    }

    func scores(_ model: LinearModel, _ keys: [UInt32]) -> [Float] {
        var scores = [Float](repeating: 0, count: max(model.classCount, 3))
        keys.withUnsafeBufferPointer { k in scores.withUnsafeMutableBufferPointer { model.score(k, into: $0.baseAddress!) } }
        return Array(scores[0..<model.classCount])
    }

    @Test(arguments: [3, 51, 102])
    func scoresAreTheSumOfTheRowsOfTheKeys(classCount: Int) throws {
        let rows = rows(classCount: classCount, count: 1000, seed: UInt64(classCount))
        let built = LinearModel(classCount: classCount, rows: rows)
        var w = ByteWriter()
        built.write(to: &w)
        let read = try w.bytes.withUnsafeBytes { bytes in
            var r = ByteReader(bytes)
            return try r.model()
        }
        var rng = SplitMix(seed: 99)
        for model in [built, read] {
            #expect(model.featureCount == rows.count)
            for _ in 0..<100 {
                // Keys in the model and keys not in it, in any order.
                let keys = (0..<40).map { _ in rng.below(3) == 0 ? UInt32(truncatingIfNeeded: rng.next()) : rows[rng.below(rows.count)].key
                }
                #expect(scores(model, keys) == expected(rows, keys, classCount: classCount))
            }
        }
        let padded = rows.map { row in
            (
                row.key,
                classCount <= 3
                    ? (0..<classCount).map { c in row.entries.first { $0.label == c } ?? .init(weight: 0, label: UInt32(c)) } : row.entries
            )
        }
        let back = read.rows()
        #expect(back.map(\.key) == padded.map(\.0).sorted())
        let want = Dictionary(uniqueKeysWithValues: padded)
        #expect(back.allSatisfy { row in row.entries.map(\.weight) == want[row.key]!.map(\.weight) })
    }

    func read(_ bytes: [UInt8]) throws -> LinearModel {
        try bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            return try r.model()
        }
    }

    @Test(arguments: [3, 51])
    func aCutOrCorruptModelIsAnErrorNotACrash(classCount: Int) throws {
        var w = ByteWriter()
        LinearModel(classCount: classCount, rows: rows(classCount: classCount, count: 50, seed: 7)).write(to: &w)
        #expect(try read(w.bytes).featureCount == 50)
        for cut in 0..<w.bytes.count {
            #expect(throws: ModelFileError.self) { try read(Array(w.bytes[0..<cut])) }
        }
        // Fewer classes in the header than the rows' labels name.
        var fewer = w.bytes
        fewer[0] = 4
        if classCount > 4 { #expect(throws: ModelFileError.self) { try read(fewer) } }
    }
}
