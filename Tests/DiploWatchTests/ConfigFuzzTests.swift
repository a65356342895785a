import Foundation
import TestSupport
import Testing

@testable import DiploWatch

/// A short fuzz of the whole config loader (parse, then every key's checks) on mutated copies of
/// the shipped configs. An abort or trap ends the test process; `make fuzz` runs the long one.
@Suite("Config fuzz")
struct ConfigFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func mutatedConfigsNeverCrashTheLoader() throws {
        let seeds = try ["Config/diplowatch.toml", "Config/demo.toml"].map {
            try String(contentsOf: Self.root.appendingPathComponent($0), encoding: .utf8)
        }
        var mutator = ConfigMutator(seed: UInt64(Date().timeIntervalSince1970))
        let deadline = Date().addingTimeInterval(1.5)
        var runs = 0
        var refused = 0
        while Date() < deadline {
            let text = mutator.mutate(seeds[runs % seeds.count])
            do {
                let config = try ConfigLoader.parse(text, file: "fuzz.toml")
                _ = ConfigRenderer.toml(config)
            } catch {
                refused += 1
                // Every problem is one line that names the file and a line or the file as a whole.
                for p in error.problems {
                    #expect(!p.description.contains("\n"), "\(p)")
                    #expect(p.line != nil || p.key == "-", "\(p)")
                }
            }
            runs += 1
        }
        #expect(runs > 100)
        #expect(refused > runs / 4)
    }
}
