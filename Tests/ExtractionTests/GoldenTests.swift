import Foundation
import Testing

@testable import Extraction

/// Golden files: each `Golden/NNN-name.json` article beside `NNN-name.expected.json`, the
/// extractor's exact output. Set `DIPLOWATCH_RECORD_GOLDEN=1` to rewrite the expected files after
/// checking the new output by hand; a recording run fails so nobody commits one by accident.
@Suite("Golden articles")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var articles: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.sorted()
    }

    static func render(_ developments: [Development]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["developments": developments]), as: UTF8.self) + "\n"
    }

    @Test func thereAreAtLeastFortyGoldenArticles() {
        #expect(Self.articles.count >= 40)
    }

    @Test(arguments: articles)
    func matchesExpectedOutput(_ name: String) throws {
        let input = Self.directory.appendingPathComponent(name)
        let article = try JSONDecoder().decode(Article.self, from: Data(contentsOf: input))
        let actual = try Self.render(Extractor().extract(article))
        let expectedURL = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".expected.json"))
        if ProcessInfo.processInfo.environment["DIPLOWATCH_RECORD_GOLDEN"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedURL.lastPathComponent); unset DIPLOWATCH_RECORD_GOLDEN and run again")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): the extractor's output differs from \(expectedURL.lastPathComponent)")
    }
}
