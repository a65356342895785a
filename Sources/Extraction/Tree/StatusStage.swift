/// Stage 6b, status: negation and modality from the auxiliaries, marks and adverbs of a trigger
/// and of the words that govern it ("agreed to meet", "is expected to visit", "did not meet"),
/// the cues listed in `status.txt`; and the trigger's date and place from its attached phrases.
struct StatusStage {
    let book: FrameBook
    let lexicon: Lexicon

    /// Relations through which a governor's status carries down to a trigger.
    static let chainRelations: Set<String> = ["xcomp", "ccomp", "conj", "obj", "nsubj:pass", "nsubj", "nmod", "obl", "acl"]
    static let cueRelations: Set<Substring> = ["aux", "mark", "advmod", "det", "case", "cc", "amod"]

    /// The trigger and its governors, up to a speech verb.
    func chain(_ word: Int, _ tree: DependencyTree, speech: Set<Int>) -> [Int] {
        var out = [word]
        var k = word
        while out.count < 5, Self.chainRelations.contains(tree.nodes[k].deprel), let h = tree.head(of: k), !speech.contains(h) {
            out.append(h)
            k = h
        }
        return out
    }

    /// A cue's lemma, and the event types it is limited to when written LEMMA@TYPE,TYPE
    /// ("gov=announce@CONSULT": an announced visit is planned, announced sanctions are imposed).
    static func scoped(_ lemma: String) -> (lemma: Substring, types: [Substring]) {
        let parts = lemma.split(separator: "@", maxSplits: 1)
        return (parts.first ?? "", parts.count > 1 ? parts[1].split(separator: ",") : [])
    }

    /// occurred, planned, possible, background, or nil for a negated act.
    func status(_ word: Int, _ tree: DependencyTree, speech: Set<Int>, type: String = "") -> String? {
        let chain = chain(word, tree, speech: speech)
        var found: Set<String> = []
        for (depth, w) in chain.enumerated() {
            for cue in book.cues where !found.contains(cue.status) {
                if !cue.types.isEmpty, !cue.types.contains(type) { continue }
                if cue.relation == "gov" {
                    if depth > 0, tree.nodes[w].lemma == cue.lemma { found.insert(cue.status) }
                } else if tree.children[w].contains(where: {
                    tree.nodes[$0].baseRelation == cue.relation && tree.nodes[$0].lemma == cue.lemma
                }), !(cue.relation == "mark" && cue.lemma == "to" && isPurpose(w, tree)),
                    !(cue.relation == "mark" && cue.lemma == "after" && tree.nodes[w].xpos == "VBG")
                {
                    found.insert(cue.status)
                }
            }
        }
        // Headline style: "Iraq to recall envoy", a root verb with "to", is planned.
        if let top = chain.last, tree.head(of: top) == nil,
            tree.children[top].contains(where: { tree.nodes[$0].lemma == "to" && tree.nodes[$0].baseRelation == "mark" })
        {
            found.insert("planned")
        }
        if found.contains("negated") { return nil }
        return FrameBook.statusOrder.dropFirst().first { found.contains($0) } ?? "occurred"
    }

    /// "issued a license to provide relief", "flew to Paris to sign the accord": a "to" clause
    /// under a verb told in the past that is no cue of its own ("agreed to", "planned to") says
    /// what the act was for, and the act is as done as its governor. So is "after signing the
    /// accord", a step before the day's next act ("after the invasion", a noun, is earlier news).
    func isPurpose(_ w: Int, _ tree: DependencyTree) -> Bool {
        guard let h = tree.head(of: w), tree.nodes[h].xpos == "VBD", tree.nodes[h].upos == "VERB" else { return false }
        return !book.cues.contains { $0.relation == "gov" && $0.lemma == tree.nodes[h].lemma }
    }

    /// A status read from the words, corrected by the act's resolved date: an act told as done on
    /// a day more than about a month before publication is background, one on a later day, month
    /// or year planned. A cue of an earlier event ("after", "earlier") with a recent date ("after
    /// talks on Monday", "earlier this month") tells the day's news: the act occurred.
    static func dated(_ status: String, _ r: TemporalResolver.Resolved?, published: CalendarDay) -> String {
        guard status == "occurred" || status == "background", let r else { return status }
        if isOld(r, published: published) { return "background" }
        guard status == "occurred" else { return "occurred" }
        switch r {
        case .day(let d): return d.dayNumber > published.dayNumber ? "planned" : status
        case .month(let d): return (d.year - published.year) * 12 + d.month - published.month > 0 ? "planned" : status
        case .year(let y): return y > published.year ? "planned" : status
        }
    }

    /// A date more than about a month before publication: a day over 31 days before, a month
    /// before the previous one, a year before the last.
    static func isOld(_ r: TemporalResolver.Resolved, published: CalendarDay) -> Bool {
        switch r {
        case .day(let d): return d.dayNumber < published.dayNumber - 31
        case .month(let d): return (published.year - d.year) * 12 + published.month - d.month > 1
        case .year(let y): return y < published.year - 1
        }
    }

    static let timeRelations: Set<String> = ["obl:tmod", "obl:npmod", "nmod:tmod", "obl", "nmod", "advmod", "nmod:unmarked"]

    /// The first time expression attached to the trigger or its governors.
    func date(_ word: Int, _ tree: DependencyTree, tokens: [Token], time: TemporalResolver, future: Bool, speech: Set<Int>)
        -> TemporalResolver.Resolved?
    {
        for w in chain(word, tree, speech: speech) {
            for c in attachments(w, tree) where Self.timeRelations.contains(tree.nodes[c].deprel) {
                if let r = time.resolve(tokens, tree.span(c), future: future) { return r }
            }
        }
        return nil
    }

    /// The phrases attached to `w`: its dependents, then those the parse hung on its arguments
    /// instead ("met X in Beijing on Tuesday" with both phrases under X), outside clauses. For a
    /// place, only through an object or a time or place phrase, not a topic ("a truce in X").
    func attachments(_ w: Int, _ tree: DependencyTree, placesOnly: Bool = false) -> [Int] {
        var out = tree.children[w]
        var setting: Set<Int> = []
        var k = 0
        while k < out.count, out.count < 4 * tree.count {
            let c = out[k]
            k += 1
            let rel = tree.nodes[c].baseRelation
            // "Israel on Thursday expelled…" often hangs the day on the subject.
            guard ["obj", "iobj", "obl", "nmod"].contains(rel) || (rel == "nsubj" && !placesOnly) else { continue }
            if ["obl", "nmod"].contains(rel), !Set(tree.caseWords(of: c)).isDisjoint(with: Self.settingWords) { setting.insert(c) }
            let bare = tree.caseWords(of: c).isEmpty
            let through = ["obj", "iobj"].contains(rel) || bare || setting.contains(c) || tree.head(of: c).map(setting.contains) == true
            guard through || !placesOnly else { continue }
            out += tree.children[c].filter { ["obl", "nmod"].contains(tree.nodes[$0].baseRelation) && !out.contains($0) }
        }
        return out
    }

    static let settingWords: Set<String> = ["in", "at", "on", "during", "near"]

    /// A place attached with in/at ("talks in Beijing"). The place of what a sanction or a
    /// seizure acts on ("expelled the consul in Istanbul") is that thing's, not the act's.
    func place(_ word: Int, _ tree: DependencyTree, _ found: MentionStage.Found, speech: Set<Int>, type: String = "") -> String? {
        let own = ["SANCTION", "COERCE", "RETREAT"].contains(type)
        for w in chain(word, tree, speech: speech).prefix(2) {
            let phrases = own ? tree.children[w] : attachments(w, tree, placesOnly: true)
            for c in phrases where ["obl", "nmod"].contains(tree.nodes[c].baseRelation) {
                guard tree.caseWords(of: c).contains(where: { ["in", "at"].contains($0) }) else { continue }
                if let p = found.places.first(where: { $0.start <= c && c < $0.end }) { return p.name }
                if let m = found.mention(at: c), m.kind == .state { return m.place ?? m.name }
            }
        }
        return nil
    }
}
