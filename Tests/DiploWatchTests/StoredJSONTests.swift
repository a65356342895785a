import Extraction
import Foundation
import Testing

@testable import DiploWatch

/// The store's own JSON reader must read every record as `JSONDecoder` does, and what it cannot
/// read must come out of `JSONDecoder` as before (the value, or its error).
@Suite("Stored JSON")
struct StoredJSONTests {
    static let development = Development(
        type: "CONSULT", mode: "meeting", status: "occurred",
        participants: [
            Participant(name: "Marco Rubio", country: "USA", role: "source", title: "Secretary of State"),
            Participant(name: "Zoë \"Ω\" O'Brien / 王毅 😀", country: nil, role: "target"),
        ],
        location: "Genève\tcity", date: "2026-11-17", topics: ["Gaza", "cease\u{1}fire", "a\\b"],
        evidence: "He said: \"talks\u{2028}went well\" \u{202E}ok\n", confidence: 0.65)

    func encoded<T: Encodable>(_ value: T, escapingSlashes: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decoded<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Read by the fast path only (nil where it gives up).
    func fast<T>(_ text: String, _ read: (inout JSONCursor) throws -> T) -> T? {
        var text = text
        return text.withUTF8 { bytes in
            var c = JSONCursor(bytes: bytes)
            guard let v = try? read(&c), c.atEnd() else { return nil }
            return v
        }
    }

    @Test func developmentsAsTheStoreWritesThemAreReadWithoutTheDecoder() throws {
        for slashes in [false, true] {
            let text = try encoded(Self.development, escapingSlashes: slashes)
            #expect(fast(text, { try $0.development() }) == Self.development)
            #expect(try StoredJSON.development(text) == decoded(Development.self, text))
        }
    }

    @Test func payloadsKeepTheirIDSourcesAndHeldBackCount() throws {
        let payload = AlertPayload(
            development: StoredDevelopment(id: 248_145, record: Self.development),
            sources: [
                AlertSource(feed: "Feed", title: "T", url: "https://example.org/a?b=1&c=%2F", published: "2026-11-02T08:12:08Z"),
                AlertSource(feed: nil, title: nil, url: nil, published: nil),
            ], heldBack: 7)
        let text = try encoded(payload)
        let read = try #require(fast(text, { try $0.payload() }))
        let reference = try decoded(AlertPayload.self, text)
        for p in [read, try StoredJSON.payload(text)] {
            #expect(p.development == reference.development)
            #expect(p.sources == reference.sources)
            #expect(p.heldBack == 7)
        }
        var noCount = payload
        noCount.heldBack = nil
        #expect(try #require(fast(try encoded(noCount), { try $0.payload() })).heldBack == nil)
    }

    @Test func optionalKeysMayBeAbsentOrNullAndUnknownKeysAreSkipped() throws {
        let text = """
             { "type" : "AGREE", "status":"planned", "participants":[{"name":"EU","role":"both","extra":[1,{"x":null}]}],
            "topics":[], "evidence":"\\u00e9\\ud83d\\ude00\\/", "confidence": 1, "date": null, "future": {"a": [true, false, -1.5e-3]} }
            """
        let d = try #require(fast(text, { try $0.development() }))
        #expect(d == (try decoded(Development.self, text)))
        #expect(d.evidence == "é😀/")
        #expect(d.confidence == 1)
        #expect(d.mode == nil && d.location == nil && d.date == nil && d.participants[0].country == nil)
    }

    @Test func whatTheReaderRefusesIsLeftToTheDecoder() throws {
        let good = try encoded(Self.development)
        let refused = [
            good.replacingOccurrences(of: #","type":"CONSULT""#, with: ""),  // a required key missing
            good.replacingOccurrences(of: #""type":"CONSULT""#, with: #""type":null"#),
            good.replacingOccurrences(of: #""confidence":0.65"#, with: #""confidence":"0.65""#),
            good.replacingOccurrences(of: #""mode":"meeting""#, with: #""mode":5"#),
            good.replacingOccurrences(of: #""confidence":0.65"#, with: #""confidence":0.65,"confidence":0.7"#),
            good.replacingOccurrences(of: #""confidence":0.65"#, with: #""confidence":01"#),
            good + " x",
            String(good.dropLast()),
            good.replacingOccurrences(of: "Marco", with: "Mar\\ud800co"),  // a lone surrogate
        ]
        for text in refused {
            #expect(text != good)
            #expect(fast(text, { try $0.development() }) == nil, "\(text)")
            // As before: the decoder's value, or an error where it has none.
            if let reference = try? decoded(Development.self, text) {
                #expect(try StoredJSON.development(text) == reference)
            } else {
                #expect(throws: (any Error).self) { try StoredJSON.development(text) }
            }
        }
    }

    @Test func topicListsAndTheirFallback() throws {
        #expect(try StoredJSON.strings(#"["all", "pres\"sure"]"#) == ["all", "pres\"sure"])
        #expect(try StoredJSON.strings("[]") == [])
        #expect(fast("[1]", { try $0.strings() }) == nil)
        #expect(throws: (any Error).self) { try StoredJSON.strings("[1]") }
    }
}
