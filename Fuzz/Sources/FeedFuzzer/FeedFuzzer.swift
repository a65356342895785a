import Feeds
import Foundation

/// libFuzzer's entry point: every input is fed to the feed parser (XML or JSON), to the main-text
/// extractor for article pages and, as text, to HTML to text. Any crash, hang or sanitizer report
/// is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = try? FeedParser.parse(data)
    _ = MainText.extract(html: data)
    _ = HTMLText.plainText(String(decoding: data, as: UTF8.self))
    _ = DateParser.parse(String(decoding: data.prefix(64), as: UTF8.self))
    return 0
}
