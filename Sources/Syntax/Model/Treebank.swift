/// One sentence of a CoNLL-U treebank: its syntactic words (multiword tokens and empty nodes left
/// out) with gold annotation. Heads are 0-based, -1 for the root.
struct TreebankSentence: Sendable {
    var forms: [String]
    var lemmas: [String]
    var upos: [String]
    var xpos: [String]
    var heads: [Int]
    var deprels: [String]

    init(forms: [String], lemmas: [String], upos: [String], xpos: [String], heads: [Int], deprels: [String]) {
        self.forms = forms
        self.lemmas = lemmas
        self.upos = upos
        self.xpos = xpos
        self.heads = heads
        self.deprels = deprels
    }

    var count: Int { forms.count }
}

/// Reads CoNLL-U text.
enum Treebank {
    static func parse(_ text: String) throws -> [TreebankSentence] {
        var out: [TreebankSentence] = []
        var current = TreebankSentence(forms: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [])
        var lineNumber = 0
        func flush() {
            if !current.forms.isEmpty { out.append(current) }
            current = TreebankSentence(forms: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [])
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty {
                flush()
                continue
            }
            if line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 10 else { throw ModelFileError("treebank line \(lineNumber): expected 10 columns") }
            if f[0].contains("-") || f[0].contains(".") { continue }
            guard let head = Int(f[6]) else { throw ModelFileError("treebank line \(lineNumber): bad head \(f[6])") }
            current.forms.append(String(f[1]))
            current.lemmas.append(String(f[2]))
            current.upos.append(String(f[3]))
            current.xpos.append(String(f[4]))
            current.heads.append(head - 1)
            current.deprels.append(String(f[7]))
        }
        flush()
        return out
    }
}
