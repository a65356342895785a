/// The word forms a lemma can take in news text, used only to decide whether a sentence may
/// hold a trigger before it is parsed (the tagger's lemmas decide afterwards).
enum Inflection {
    static let irregular: [String: [String]] = [
        "meet": ["met"], "break": ["broke", "broken"], "lay": ["laid"], "pay": ["paid"], "fly": ["flew", "flown"],
        "drive": ["drove", "driven"], "hold": ["held"], "speak": ["spoke", "spoken"], "tell": ["told"], "say": ["said"],
        "seek": ["sought"], "strike": ["struck", "stricken"], "cut": ["cut"], "send": ["sent"], "make": ["made"],
        "give": ["gave", "given"], "take": ["took", "taken"], "withdraw": ["withdrew", "withdrawn"], "write": ["wrote", "written"],
        "lead": ["led"], "shoot": ["shot"], "fight": ["fought"], "win": ["won"], "bring": ["brought"], "buy": ["bought"],
        "sell": ["sold"], "feel": ["felt"], "leave": ["left"], "keep": ["kept"], "begin": ["began", "begun"],
        "forbid": ["forbade", "forbidden"], "freeze": ["froze", "frozen"], "rise": ["rose", "risen"], "be": ["is", "was", "were"],
    ]

    static let irregularLemmas: [String: String] = {
        var out: [String: String] = [:]
        for (lemma, forms) in irregular { for f in forms where out[f] == nil { out[f] = lemma } }
        return out
    }()

    static func lemma(ofIrregular form: String) -> String? { irregularLemmas[form] }

    static func forms(of lemma: String) -> [String] {
        var out = [lemma] + (irregular[lemma] ?? [])
        let last = lemma.last ?? " "
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if last == "e" {
            out += [lemma + "s", lemma + "d", String(lemma.dropLast()) + "ing"]
        } else if last == "y", let before = lemma.dropLast().last, !vowels.contains(before) {
            out += [String(lemma.dropLast()) + "ies", String(lemma.dropLast()) + "ied", lemma + "ing"]
        } else {
            let sibilant = ["s", "x", "z", "ch", "sh"].contains { lemma.hasSuffix($0) }
            out += [lemma + (sibilant ? "es" : "s"), lemma + "ed", lemma + "ing"]
            // "plan" → "planned": a short final consonant after one vowel doubles.
            let chars = Array(lemma)
            if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last), vowels.contains(chars[chars.count - 2]),
                !vowels.contains(chars[chars.count - 3])
            {
                out += [lemma + String(last) + "ed", lemma + String(last) + "ing"]
            }
        }
        return out
    }
}
