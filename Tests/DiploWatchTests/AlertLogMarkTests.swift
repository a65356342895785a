import Foundation
import Testing

@testable import DiploWatch

/// The alert log's last marked line is found from the end of the file's last 256 KB: it must be
/// the line that splitting the whole window into lines finds.
@Suite("Alert log's last line")
struct AlertLogMarkTests {
    /// The reading by splitting, as the sink read the window before.
    static func bySplitting(_ bytes: [UInt8]) -> DeliveredMark? {
        for raw in bytes.split(separator: UInt8(ascii: "\n")).reversed() {
            let line = String(decoding: raw, as: UTF8.self)
            if var mark = AlertLogSink.mark(in: line) {
                mark.line = line
                return mark
            }
        }
        return nil
    }

    static let json = #"{"development":{"id":7},"id":41,"kind":"new","topic":"all","topics":["all"]}"#
    static let text = "2026-12-01T09:14:03Z #42 [us-china, summits] new: CONSULT/meeting occurred: A – B"

    @Test func theLastMarkedLineIsTheOneSplittingFinds() {
        let logs = [
            "", "\n", "\n\n\n", Self.json, Self.json + "\n", Self.json + "\n\n", "\n" + Self.json, Self.text + "\n" + Self.json + "\n",
            Self.json + "\n" + Self.text + "\n", Self.json + "\n" + Self.text + "\n{\"id\":4",  // a torn last line
            Self.json + "\nnot an alert\n\n", "not an alert", "d\":{\"id\":7},\"id\":41}\n" + Self.text, Self.text + "\r\n",
            String(Self.json.dropFirst(5)) + "\n",  // a window that starts inside a line
        ]
        for log in logs {
            let bytes = Array(log.utf8)
            #expect(AlertLogSink.lastMark(in: bytes) == Self.bySplitting(bytes), "\(log)")
        }
        #expect(AlertLogSink.lastMark(in: Array((Self.json + "\n" + Self.text + "\n{\"id\":4").utf8))?.id == 42)
        #expect(AlertLogSink.lastMark(in: Array((Self.text + "\n" + Self.json + "\n\n").utf8))?.id == 41)
    }
}
