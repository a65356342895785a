/// People named beside a title that says whose official they are, in apposition:
/// "Kwabena Oduro, the Ghanaian president," and "the president of Ghana, Kwabena Oduro," both
/// act for GHA, whether or not the dictionaries know them. The name the text gives wins over the
/// office holder the dictionaries know for that day (a record can lag behind events).
struct TitledPeople {
    let lexicon: Lexicon

    /// Replaces each titled mention in apposition with a name by that person.
    func resolve(_ tokens: [Token], _ mentions: inout [Mention]) {
        var k = 0
        while k < mentions.count {
            let m = mentions[k]
            guard m.title != nil, m.code != nil, m.kind != .body else {
                k += 1
                continue
            }
            if let name = nameBefore(m, tokens, mentions) {
                mentions[k] = named(name, m, tokens)
            } else if let name = nameAfter(m, tokens, mentions) {
                mentions[k] = named(name, m, tokens)
            }
            k += 1
        }
    }

    private func named(_ name: Range<Int>, _ m: Mention, _ tokens: [Token]) -> Mention {
        var p = Mention(
            kind: .person, name: tokens[name].map(\.text).joined(separator: " "), code: m.code, title: m.title,
            start: min(name.lowerBound, m.start), end: max(name.upperBound, m.end))
        p.office = m.office
        return p
    }

    /// "Name, the Ghanaian president": the name ends at the comma before the title's "the"/"a".
    func nameBefore(_ m: Mention, _ tokens: [Token], _ mentions: [Mention]) -> Range<Int>? {
        var comma = m.start - 1
        if comma >= 0, ["the", "a", "an"].contains(tokens[comma].lower) { comma -= 1 }
        guard comma >= 1, tokens[comma].lower == "," else { return nil }
        var s = comma
        while s > 0, comma - s < 4, isNameWord(tokens[s - 1]), !covered(s - 1, mentions) { s -= 1 }
        guard s < comma else { return nil }
        // One capitalised word opening the sentence may be any word ("Meanwhile, the …").
        if s == 0, comma == 1 { return nil }
        if s > 0, tokens[s - 1].isCapitalized, tokens[s - 1].isWord, !isHonorific(tokens[s - 1]) { return nil }
        return s..<comma
    }

    /// "the president of Ghana, Name," / "Ghana's foreign minister, Name": the name runs from
    /// the comma after the title to the next word that is not part of a name.
    func nameAfter(_ m: Mention, _ tokens: [Token], _ mentions: [Mention]) -> Range<Int>? {
        let s = m.end + 1
        guard m.end < tokens.count, tokens[m.end].lower == ",", s < tokens.count else { return nil }
        var e = s
        while e < tokens.count, e - s < 4, isNameWord(tokens[e]), !covered(e, mentions) { e += 1 }
        guard e - s >= 2 || (e > s && e < tokens.count && tokens[e].lower == ",") else { return nil }
        // A person the dictionaries name the same way is already this mention.
        if m.kind == .person, let surname = m.name.split(separator: " ").last?.lowercased(),
            tokens[s..<e].contains(where: { $0.lower == surname })
        {
            return nil
        }
        return s..<e
    }

    private func isNameWord(_ t: Token) -> Bool {
        guard t.isWord, t.isCapitalized, !NameFinder.nameStop.contains(t.lower) else { return false }
        return (lexicon.names[t.lower] ?? []).allSatisfy(\.isPersonName)
    }

    private func isHonorific(_ t: Token) -> Bool {
        (lexicon.names[t.lower] ?? []).contains { $0.kind == .honorific }
    }

    private func covered(_ i: Int, _ mentions: [Mention]) -> Bool {
        mentions.contains { $0.start <= i && i < $0.end }
    }
}
