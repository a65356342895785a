/// Quotes that run across sentences: a sentence inside a quote its own words do not attribute
/// is said by the speaker of the sentence that closes the quote ("“… . … ,” the minister said.")
/// or of the sentence that opens it with a colon ("The minister said:" and a quoted paragraph).
/// Read on tokens, before parsing, so the attributed sentence can be let through the gate.
enum QuoteAttribution {
    /// Where the speaker of a quoted sentence is named: a sentence and the range of its tokens.
    struct Source: Equatable {
        var sentence: Int
        var words: Range<Int>
    }

    /// Forms of the speech verbs that attribute a quote.
    static let speechForms: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "declared", "wrote", "tweeted", "posted",
        "insisted", "stressed", "noted", "warned", "according",
    ]

    /// For each quoted sentence without a speech of its own, where its speaker is named.
    static func sources(_ sentences: [[Token]]) -> [Int: Source] {
        var open = false
        var out: [Int: Source] = [:]
        var pending: [Int] = []
        var intro: Source?
        for (k, tokens) in sentences.enumerated() {
            let startsOpen = open
            var close: Int?
            for (i, t) in tokens.enumerated() {
                switch t.text {
                case "“", "``": open = true
                case "”", "''":
                    if open { close = i }
                    open = false
                case "\"":
                    if open { close = i }
                    open.toggle()
                default: break
                }
            }
            let quoted = startsOpen || tokens.first.map { ["“", "\"", "``"].contains($0.text) } == true
            let speaks = tokens.contains { speechForms.contains($0.lower) }
            if let close, tokens[(close + 1)...].contains(where: { speechForms.contains($0.lower) }) {
                // The quote ends here and its speaker follows the closing mark ("…,” the minister said).
                for p in pending where out[p] == nil { out[p] = Source(sentence: k, words: (close + 1)..<tokens.count) }
                pending = []
            } else if quoted, !speaks {
                if let intro { out[k] = intro }
                if open { pending.append(k) } else { pending = [] }
            } else {
                pending = []
            }
            // "The minister said:" opens a quoted paragraph; a sentence outside a quote ends it.
            if let colon = tokens.lastIndex(where: { $0.text == ":" }), colon >= tokens.count - 2,
                tokens[..<colon].contains(where: { speechForms.contains($0.lower) })
            {
                intro = Source(sentence: k, words: 0..<colon)
            } else if !quoted, !open {
                intro = nil
            }
            // A quote left open for more than three sentences is misread; its sentences keep no speaker.
            if pending.count > 3 { pending = [] }
        }
        return out
    }
}
