import Foundation
import Syntax

// SyntaxEval TREEBANKS-DIR: accuracy of the built-in model with gold tokenisation and predicted
// tags (punctuation counted; LAS on the universal relation, as the CoNLL 2018 script does, and
// also with subtypes), and sentences per second of CPU time for tagging, lemmatizing and parsing
// together (the Makefile pins it to one core).
// SyntaxEval --parse [NAME...]: each line of standard input tokenized, tagged and parsed, printed in
// CoNLL-U columns (ID FORM LEMMA UPOS XPOS HEAD DEPREL, heads counted from 1), to see what the
// extractor reads; the NAMEs are words tagged as proper nouns, as the extractor's gazetteer does.
if CommandLine.arguments.dropFirst().first == "--parse" {
    let names = Set(CommandLine.arguments.dropFirst(2).map { $0.lowercased() })
    while let line = readLine() {
        for (i, t) in SyntaxModel.builtIn.parse(line, names: names).tokens.enumerated() {
            print([String(i + 1), t.form, t.lemma, t.upos, t.xpos, String(t.head + 1), t.deprel].joined(separator: "\t"))
        }
        print()
    }
    exit(0)
}
let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../shared/data/treebanks")
let sets = [
    ("EWT-test", "ud-english-ewt/en_ewt-ud-test.conllu"),
    ("PUD", "ud-english-pud/en_pud-ud-test.conllu"),
]
print("eval-syntax: treebanks in \(root.path)")
guard sets.allSatisfy({ FileManager.default.fileExists(atPath: root.appendingPathComponent($0.1).path) }) else {
    print("eval-syntax: \(root.path) has no \(sets.map(\.1).joined(separator: " and ")); nothing to measure")
    exit(0)
}

/// Seconds of CPU time this thread has used: throughput on one core, unaffected by other
/// processes taking turns on it.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let loadStart = Date()
let loadCPU = cpuSeconds()
let model =
    try ProcessInfo.processInfo.environment["EVAL_SYNTAX_MODEL"].map { try SyntaxModel(contentsOf: URL(fileURLWithPath: $0)) }
    ?? SyntaxModel.builtIn
guard model.isTrained else {
    print("eval-syntax: the built-in model is not trained (run make train-syntax)")
    exit(1)
}
print(
    String(
        format: "eval-syntax: built-in model loaded in %.0f ms (%.0f ms of CPU)", Date().timeIntervalSince(loadStart) * 1000,
        (cpuSeconds() - loadCPU) * 1000))

struct Gold {
    var text = ""
    var forms: [String] = []
    var upos: [String] = []
    var heads: [Int] = []
    var deprels: [String] = []
}

func read(_ url: URL) throws -> [Gold] {
    var out: [Gold] = []
    var g = Gold()
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
        if line.isEmpty {
            if !g.forms.isEmpty { out.append(g) }
            g = Gold()
            continue
        }
        if line.hasPrefix("# text = ") { g.text = String(line.dropFirst(9)) }
        if line.hasPrefix("#") { continue }
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        if f.count != 10 || f[0].contains("-") || f[0].contains(".") { continue }
        g.forms.append(String(f[1]))
        g.upos.append(String(f[3]))
        g.heads.append((Int(f[6]) ?? 0) - 1)
        g.deprels.append(String(f[7]))
    }
    if !g.forms.isEmpty { out.append(g) }
    return out
}

func universal(_ r: String) -> Substring { r.split(separator: ":").first ?? "" }

/// EVAL_SYNTAX_DUMP=FILE writes every predicted token (form, tags, lemma, head, relation), to
/// check that a change meant to be faster leaves the output as it was.
let dump = ProcessInfo.processInfo.environment["EVAL_SYNTAX_DUMP"].flatMap { path -> FileHandle? in
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    return FileHandle(forWritingAtPath: path)
}

func describe(_ p: ParsedSentence) -> String {
    p.tokens.map { "\($0.form)\t\($0.upos)\t\($0.xpos)\t\($0.lemma)\t\($0.head)\t\($0.deprel)\n" }.joined() + "\n"
}

var lines: [String] = []
for (name, path) in sets {
    let gold = try read(root.appendingPathComponent(path))
    var tokens = 0
    var upos = 0
    var uas = 0
    var las = 0
    var lasFull = 0
    var parsed: [ParsedSentence] = []
    for g in gold { parsed.append(model.parse(tokens: g.forms)) }
    dump?.write(Data(parsed.map(describe).joined().utf8))
    for (g, p) in zip(gold, parsed) {
        for i in g.forms.indices {
            let t = p.tokens[i]
            tokens += 1
            if t.upos == g.upos[i] { upos += 1 }
            if t.head == g.heads[i] {
                uas += 1
                if universal(t.deprel) == universal(g.deprels[i]) { las += 1 }
                if t.deprel == g.deprels[i] { lasFull += 1 }
            }
        }
    }
    // Speed: repeat the set for at least two seconds of CPU time.
    var rounds = 0
    var sentences = 0
    let start = Date()
    let startCPU = cpuSeconds()
    while cpuSeconds() - startCPU < 2 || rounds < 1 {
        for g in gold { _ = model.parse(tokens: g.forms) }
        rounds += 1
        sentences += gold.count
    }
    let rate = Double(sentences) / (cpuSeconds() - startCPU)
    let wallRate = Double(sentences) / Date().timeIntervalSince(start)
    let n = Double(tokens)
    print(
        "eval-syntax: \(name): \(gold.count) sentences, \(tokens) tokens, LAS with subtypes \(String(format: "%.3f", Double(lasFull) / n)), \(String(format: "%.0f", wallRate)) sentences/s by the wall clock"
    )
    lines.append(
        String(
            format: "syntax %@ UPOS=%.3f UAS=%.3f LAS=%.3f sents/s=%.0f", name, Double(upos) / n, Double(uas) / n,
            Double(las) / n, rate))
}
/// The byte ranges of the gold words in the sentence text, found in order; nil when a word is
/// not a slice of the text.
func goldRanges(_ g: Gold) -> [Range<Int>]? {
    let text = Array(g.text.utf8)
    var out: [Range<Int>] = []
    var at = 0
    for form in g.forms {
        let f = Array(form.utf8)
        while at < text.count && (text[at] == 0x20 || text[at] == 0x09) { at += 1 }
        guard at + f.count <= text.count, Array(text[at..<(at + f.count)]) == f else { return nil }
        out.append(at..<(at + f.count))
        at += f.count
    }
    return out
}

// The tokenizer against the treebank's own splitting of its raw text.
for (name, path) in sets {
    var exact = 0
    var sentences = 0
    var matched = 0
    var predicted = 0
    var gold = 0
    for g in try read(root.appendingPathComponent(path)) {
        guard !g.text.isEmpty, let want = goldRanges(g) else { continue }
        let got = model.tokenize(g.text).map(\.utf8Range)
        sentences += 1
        if got == want {
            exact += 1
        } else if ProcessInfo.processInfo.environment["EVAL_SYNTAX_SHOW_SPLITS"] != nil {
            let t = Array(g.text.utf8)
            print("want:", want.map { String(decoding: t[$0], as: UTF8.self) }.joined(separator: "|"))
            print("got: ", got.map { String(decoding: t[$0], as: UTF8.self) }.joined(separator: "|"))
        }
        matched += Set(got).intersection(want).count
        predicted += got.count
        gold += want.count
    }
    let p = Double(matched) / Double(max(predicted, 1))
    let r = Double(matched) / Double(max(gold, 1))
    print(
        String(
            format: "eval-syntax: tokenizer on %@: %.1f%% of %d sentences split exactly, word F1 %.3f", name,
            100 * Double(exact) / Double(max(sentences, 1)), sentences, 2 * p * r / max(p + r, 1e-9)))
}
for line in lines { print(line) }
