import Foundation
import Syntax

// SyntaxTrain TREEBANK-DIR OUTPUT [SEED]: trains the syntax model on the treebank's train file,
// picks epochs on its dev file, and writes the model file.
let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: SyntaxTrain TREEBANK-DIR OUTPUT [SEED]\n".utf8))
    exit(64)
}
let dir = URL(fileURLWithPath: args[1])
func read(_ suffix: String) -> String {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    guard let name = files.sorted().first(where: { $0.hasSuffix(suffix) }),
        let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    else {
        FileHandle.standardError.write(Data("train-syntax: no *\(suffix) in \(dir.path)\n".utf8))
        exit(66)
    }
    return text
}
let started = Date()
var trainer = SyntaxTrainer(seed: UInt64(args.count > 3 ? args[3] : "1") ?? 1)
trainer.log = { line in
    FileHandle.standardOutput.write(Data((String(format: "[%6.1fs] ", Date().timeIntervalSince(started)) + line + "\n").utf8))
}
if let e = ProcessInfo.processInfo.environment["SYNTAX_PARSER_EPOCHS"], let n = Int(e) { trainer.parserEpochs = n }
if let e = ProcessInfo.processInfo.environment["SYNTAX_TAGGER_EPOCHS"], let n = Int(e) { trainer.taggerEpochs = n }
if let e = ProcessInfo.processInfo.environment["SYNTAX_FOLDS"], let n = Int(e) { trainer.folds = n }
trainer.checkpoint = { bytes in
    try? Data(bytes).write(to: URL(fileURLWithPath: args[2] + ".best"))
}
do {
    let bytes = try trainer.train(conllu: read("-train.conllu"), dev: read("-dev.conllu"))
    try Data(bytes).write(to: URL(fileURLWithPath: args[2]))
    print(String(format: "wrote %@: %.1f MB in %.0f s", args[2], Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
} catch {
    FileHandle.standardError.write(Data("train-syntax: \(error)\n".utf8))
    exit(1)
}
