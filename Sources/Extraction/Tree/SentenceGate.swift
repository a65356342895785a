/// Decides, before tagging and parsing, whether a sentence can hold a development: a word form
/// of a trigger lemma and an actor (a capitalised dictionary name or a pronoun that may refer to one).
enum SentenceGate {
    static let pronouns: Set<String> = ["he", "she", "it", "they", "his", "her", "its", "their"]

    static func mayHoldEvent(_ tokens: [Token], lexicon: Lexicon) -> Bool {
        let forms = lexicon.frameBook.triggerForms
        guard tokens.contains(where: { forms.contains($0.lower) }) else { return false }
        return namesActor(tokens, lexicon: lexicon) || tokens.contains { pronouns.contains($0.lower) }
    }

    static func namesActor(_ tokens: [Token], lexicon: Lexicon) -> Bool {
        tokens.contains { t in
            guard t.isCapitalized, let entries = lexicon.names[t.lower] else { return false }
            return entries.contains { e in
                switch e.kind {
                case .country, .demonym, .seat, .body, .person: return true
                default: return false
                }
            }
        }
    }
}
