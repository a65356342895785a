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
    if let t = ProcessInfo.processInfo.environment["SYNTAX_PRUNE"].flatMap(Float.init) {
        let pruned = try SyntaxTrainer.pruned(model: [UInt8](try Data(contentsOf: URL(fileURLWithPath: args[1]))), threshold: t)
        try Data(pruned).write(to: URL(fileURLWithPath: args[2]))
        print(String(format: "pruned at %g: %.1f MB", t, Double(pruned.count) / 1e6))
        exit(0)
    }
    if ProcessInfo.processInfo.environment["SYNTAX_CHECK_LEMMAS"] != nil {
        let model = try Data(contentsOf: URL(fileURLWithPath: args[2]))
        print("lemma tables match:", try SyntaxTrainer.lemmasMatch(model: [UInt8](model), conllu: read("-train.conllu")))
        exit(0)
    }
    if ProcessInfo.processInfo.environment["SYNTAX_TAGGER_ONLY"] != nil {
        try trainer.trainTagger(conllu: read("-train.conllu"), dev: read("-dev.conllu"))
        exit(0)
    }
    let bytes = try trainer.train(conllu: read("-train.conllu"), dev: read("-dev.conllu"))
    let output = URL(fileURLWithPath: args[2])
    try Data(bytes).write(to: output)
    var sum: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { sum = (sum ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    let header = """
        // Written by make train-syntax: the FNV-1a checksum of \(output.lastPathComponent), so that
        // model.c, which embeds it, is compiled again whenever the model changes.
        #define SYNTAX_MODEL_CHECKSUM 0x\(String(sum, radix: 16))ULL

        """
    try Data(header.utf8).write(to: output.deletingLastPathComponent().appendingPathComponent("model_version.h"))
    print(String(format: "wrote %@: %.1f MB in %.0f s", args[2], Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
} catch {
    FileHandle.standardError.write(Data("train-syntax: \(error)\n".utf8))
    exit(1)
}
