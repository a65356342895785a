import Foundation
import TOML

/// libFuzzer's entry point for the config file's parser: any bytes, as UTF-8 text as the loader
/// reads them, must give a document or a TOMLError with a line, never an abort, trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = String(data: data, encoding: .utf8) else { return 0 }
    do {
        let document = try TOMLDocument(parsing: text)
        // Every key the loader may name has a line.
        for (_, line) in document.lines where line < 1 { fatalError("a key without a line") }
    } catch {
        if error.line < 1 || error.message.isEmpty { fatalError("an error without a line or a message: \(error)") }
    }
    return 0
}
