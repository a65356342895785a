/// Stage 5b, evaluation: a negative judgement of a state is an accusation. A word of
/// `evaluations.txt` that a verb of judging gives to a state or its act ("called X a rogue
/// state", "described X's move as illegitimate") or that a speaker says of one ("said X's plan
/// was criminal", "“X never stopped its hostile acts,” the minister said") is an ACCUSE reading:
/// the judge's subject or the speaker is its source, the state judged its target. A judgement
/// in the article's own voice accuses no one. The stage also chooses the sense of "call": one
/// that judges ("called X a terror state") or asks for something ("called for restraint") is no
/// phone call, so its CONSULT reading is dropped.
struct EvaluationStage {
    let book: FrameBook
    let mentions: MentionStage
    let found: MentionStage.Found

    func readings(_ tree: DependencyTree, _ readings: [FrameStage.Reading]) -> [FrameStage.Reading] {
        guard !book.evaluations.isEmpty else { return readings }
        var out = readings
        let attribution = AttributionStage()
        let speeches = attribution.speeches(readings, tree)
        let speechWords = Set(readings.filter(\.frame.isSpeech).map(\.word))
        var judges: Set<Int> = []
        var units: Set<Int> = []
        for i in 0..<tree.count {
            let n = tree.nodes[i]
            let pos = n.upos == "PROPN" ? "NOUN" : n.upos
            guard book.evaluations.contains(n.lemma.lowercased() + "/" + pos) else { continue }
            let unit = self.unit(of: i, tree)
            guard units.insert(unit).inserted else { continue }
            if let r = predicative(i, unit, tree) {
                judges.insert(r.word)
                out.append(r)
            } else if attribution.speaker(of: i, speeches) != nil, let target = judged(unit, tree, speech: speechWords) {
                out.append(FrameStage.Reading(frame: Self.frame(n.lemma, pos), word: i, roles: [(target, .target)]))
            }
        }
        return out.filter { r in
            !(r.frame.type == "CONSULT" && tree.nodes[r.word].upos == "VERB" && tree.nodes[r.word].lemma == "call"
                && (judges.contains(r.word) || asksFor(r.word, tree)))
        }
    }

    /// The ACCUSE frame of an evaluative word: its source the judge or the speaker, its target
    /// only the state judged (no other actor near the word stands in for one).
    static func frame(_ lemma: String, _ pos: String) -> Frame {
        Frame(
            type: "ACCUSE", mode: nil, lemma: lemma.lowercased(), pos: pos,
            slots: [Frame.Slot(relation: Frame.Relation(name: "obj"), role: .target, onGovernor: false)])
    }

    /// The word naming whose a judged phrase is: a name itself, "the Xian kingdom", or the
    /// phrase's owner ("X's move", "the X move", "the plan of X", "attempts by X"); not a pronoun,
    /// and not a state the phrase is only about ("the strikes on X", "a day for X").
    func owner(_ w: Int, _ tree: DependencyTree) -> Int? {
        if found.mention(at: w) != nil { return w }
        for c in tree.children[w] where tree.nodes[c].upos != "PRON" {
            let d = tree.nodes[c].deprel
            guard
                ["nmod:poss", "compound", "amod"].contains(d) || (d == "nmod" && (tree.hasCaseWord("of", c) || tree.hasCaseWord("by", c)))
            else { continue }
            if found.mention(at: c) != nil { return c }
            // A demonym is read by the mention stage on the noun it qualifies.
            if mentions.demonym(at: c, tree) != nil { return w }
        }
        return nil
    }

    /// The phrase an evaluative word qualifies: the noun of "hostile acts" and of "a terrorist
    /// state", else the word itself ("as illegitimate").
    func unit(of i: Int, _ tree: DependencyTree) -> Int {
        var k = i
        while tree.nodes[k].deprel == "conj", let h = tree.head(of: k), ["ADJ", "NOUN"].contains(tree.nodes[h].upos) { k = h }
        guard ["amod", "compound"].contains(tree.nodes[k].deprel), let h = tree.head(of: k),
            ["NOUN", "PROPN"].contains(tree.nodes[h].upos)
        else { return k }
        return h
    }

    /// "called Israel a terrorist state", "described the move as illegitimate", "what it called
    /// X's unbecoming treatment", "regards X's plan as criminal": the verb of judging above the
    /// phrase gives the reading its source (the verb's subject) and its target (the verb's other
    /// object, its passive subject, or the phrase's owner).
    func predicative(_ i: Int, _ unit: Int, _ tree: DependencyTree) -> FrameStage.Reading? {
        var k = unit
        var viaAs = false
        for _ in 0..<4 {
            guard let h = tree.head(of: k) else { return nil }
            let rel = tree.nodes[k].baseRelation
            let step = tree.nodes[k].deprel
            let asPhrase = (rel == "obl" || rel == "nmod") && tree.hasCaseWord("as", k)
            viaAs = viaAs || asPhrase
            let objects = tree.children[h].filter { tree.nodes[$0].deprel == "obj" && $0 != k }
            let complement =
                asPhrase || step == "xcomp" || step == "nmod:unmarked"
                || (step == "obj" && (!objects.isEmpty || tree.nodes[h].deprel == "acl:relcl"))
            if tree.nodes[h].upos == "VERB", book.judgingVerbs.contains(tree.nodes[h].lemma), complement || viaAs {
                return reading(judge: h, branch: k, unit: unit, i, tree)
            }
            // Climb a noun phrase ("branded the decision a violation"), and, below an "as", the clause it ends.
            guard viaAs || step == "nmod:unmarked" else { return nil }
            k = h
        }
        return nil
    }

    private func reading(judge h: Int, branch k: Int, unit: Int, _ i: Int, _ tree: DependencyTree) -> FrameStage.Reading {
        let passive = tree.isPassive(h)
        var roles: [(word: Int, role: Frame.Role)] = []
        for c in tree.children[h] {
            let d = tree.nodes[c].deprel
            if passive, d == "obl:agent" || (tree.nodes[c].baseRelation == "obl" && tree.hasCaseWord("by", c)) {
                roles.append((c, .source))
            } else if !passive, tree.nodes[c].baseRelation == "nsubj" {
                roles.append((c, .source))
            } else if (d == "obj" || d == "nsubj:pass") && c != k, let o = owner(c, tree) {
                roles.append((o, .target))
            }
        }
        if !roles.contains(where: { $0.role == .source }), let s = FrameStage(book: book).controller(of: h, tree) {
            roles.append((s, .source))
        }
        if !roles.contains(where: { $0.role == .target }) {
            for w in Set([k, unit]) { if let o = owner(w, tree) { roles.append((o, .target)) } }
        }
        let n = tree.nodes[i]
        return FrameStage.Reading(frame: Self.frame(n.lemma, n.upos == "PROPN" ? "NOUN" : n.upos), word: h, roles: roles)
    }

    /// Whom a speaker's evaluation is about: the subject of the phrase told of ("X's remarks were
    /// irresponsible"), the owner of the phrase ("X's hostile acts"), else the subject of the
    /// clause it ends in ("X has never stopped its hostile acts"), below the speech verb.
    func judged(_ unit: Int, _ tree: DependencyTree, speech: Set<Int>) -> Int? {
        if let s = tree.children[unit].first(where: { tree.nodes[$0].baseRelation == "nsubj" }) { return owner(s, tree) }
        if let o = owner(unit, tree) { return o }
        var k = unit
        for _ in 0..<4 {
            guard ["obj", "obl", "nmod", "xcomp", "conj"].contains(tree.nodes[k].baseRelation), let h = tree.head(of: k),
                !speech.contains(h)
            else { return nil }
            // "pledged to end all hostile acts" accuses no one; "never stopped its hostile acts" does.
            if Self.ending.contains(tree.nodes[h].lemma), !negated(h, tree) { return nil }
            if let s = tree.children[h].first(where: { tree.nodes[$0].baseRelation == "nsubj" && $0 != k }) { return owner(s, tree) }
            k = h
        }
        return nil
    }

    /// Verbs by which an act of the kind judged ends or is kept away: what they take is no one's deed.
    static let ending: Set<String> = [
        "end", "stop", "cease", "halt", "prevent", "avoid", "refrain", "renounce", "reject", "oppose", "fight", "combat", "counter",
        "condemn", "denounce", "curb", "resist",
    ]

    private func negated(_ w: Int, _ tree: DependencyTree) -> Bool {
        tree.children[w].contains {
            ["not", "never", "n't"].contains(tree.nodes[$0].lemma.lowercased()) && tree.nodes[$0].baseRelation == "advmod"
        }
    }

    /// "called for restraint", "called on X to act": a call that asks for something.
    func asksFor(_ w: Int, _ tree: DependencyTree) -> Bool {
        tree.children[w].contains { c in
            (tree.nodes[c].baseRelation == "obl" && tree.hasCaseWord("for", c)) || tree.nodes[c].deprel == "xcomp"
        }
    }
}
