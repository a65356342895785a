/// Stage 5, frames: each trigger word (lemma and part of speech) read with the first frame whose
/// conditions hold, its roles filled from the relations the frame names. Passives swap subject
/// and agent; a verb without a subject takes its governor's through xcomp (the governor's object
/// when it has one: "urged Iran to meet") or through coordination.
struct FrameStage {
    let book: FrameBook

    /// A trigger and the words that fill its roles.
    struct Reading: Sendable {
        var frame: Frame
        var word: Int
        var roles: [(word: Int, role: Frame.Role)]
    }

    func readings(_ tree: DependencyTree) -> [Reading] {
        var out: [Reading] = []
        for i in 0..<tree.count {
            let n = tree.nodes[i]
            guard let candidates = book.frames[n.lemma + "/" + n.upos] ?? alternate(n) else { continue }
            guard let frame = candidates.first(where: { holds($0, at: i, tree) }) else { continue }
            out.append(Reading(frame: frame, word: i, roles: roles(frame, at: i, tree)))
        }
        return joined(out, tree)
    }

    /// "signed an accord with X", "attended the summit": a noun trigger on a verb trigger of the
    /// same type is one act; the verb's reading takes the noun's roles, and its mode when it has
    /// none. "the summit attended by X": a participle trigger on its noun gives the noun its roles.
    func joined(_ readings: [Reading], _ tree: DependencyTree) -> [Reading] {
        var out = readings
        var k = out.count - 1
        while k >= 0 {
            let r = out[k]
            let sameAct = { (o: Reading) in o.frame.type == r.frame.type && (o.frame.mode == r.frame.mode || o.frame.mode == nil) }
            if r.frame.pos == "NOUN", let g = governor(of: r.word, tree), let j = out.firstIndex(where: { $0.word == g && sameAct($0) }) {
                out[j].roles += r.roles.filter { role in !out[j].roles.contains { $0.word == role.word } }
                if out[j].frame.mode == nil { out[j].frame.mode = r.frame.mode }
                out.remove(at: k)
            } else if r.frame.pos == "VERB", r.frame.mode == nil, tree.nodes[r.word].deprel == "acl", let h = tree.head(of: r.word),
                let j = out.firstIndex(where: { $0.word == h && $0.frame.type == r.frame.type })
            {
                out[j].roles += r.roles.filter { role in !out[j].roles.contains { $0.word == role.word } }
                out.remove(at: k)
            }
            k -= 1
        }
        return out
    }

    /// Taggers often call an eventive noun a proper noun in titles ("Summit") and a verb a noun.
    /// An irregular form the lemmatizer left as it was ("spoke") is looked up by its lemma.
    private func alternate(_ n: DependencyTree.Node) -> [Frame]? {
        if n.upos == "PROPN" { return book.frames[n.lemma.lowercased() + "/NOUN"] }
        if let f = Inflection.lemma(ofIrregular: n.form.lowercased()).flatMap({ book.frames[$0 + "/" + n.upos] }) { return f }
        // A doubled consonant left by the lemmatizer ("expell" for "expelled", "travell").
        let l = Array(n.lemma)
        guard l.count > 3, l[l.count - 1] == l[l.count - 2], !"aeiou".contains(l[l.count - 1]) else { return nil }
        return book.frames[String(l.dropLast()) + "/" + n.upos]
    }

    func holds(_ frame: Frame, at i: Int, _ tree: DependencyTree) -> Bool {
        // The governor through a list or a measure, or the word the trigger hangs on ("the lifting of sanctions").
        if !frame.governors.isEmpty {
            let heads = [governor(of: i, tree), tree.head(of: i)].compactMap { $0 }
            guard heads.contains(where: { frame.governors.contains(tree.nodes[$0].lemma) }) else { return false }
        }
        for c in frame.conditions {
            let present = tree.children[i].contains { k in
                tree.matches(k, c.relation) && (c.lemmas.isEmpty || c.lemmas.contains(tree.nodes[k].lemma))
            }
            if present != c.required { return false }
        }
        return true
    }

    /// The word a noun trigger hangs on ("imposed" for "imposed sanctions"), through the first
    /// conjunct of a list ("imposed sanctions and tariffs"), a measure noun ("adopted a
    /// package of sanctions") and a sum ("pledged $2 billion in aid", "$5 billion of loans").
    func governor(of i: Int, _ tree: DependencyTree) -> Int? {
        var k = i
        for _ in 0..<tree.count {
            let n = tree.nodes[k]
            let head = tree.head(of: k).map { tree.nodes[$0].upos } ?? ""
            let cases = tree.caseWords(of: k)
            let measure =
                n.deprel == "nmod"
                && ((cases.contains("of") && ["NOUN", "PRON", "NUM", "DET", "SYM"].contains(head))
                    || (cases.contains("in") && ["NUM", "SYM"].contains(head)))
            // "held 'candid' and 'constructive' talks" parsed as the object of a word that is no verb.
            let misattached = n.deprel == "obj" && tree.head(of: k).map { !["VERB", "AUX"].contains(tree.nodes[$0].upos) } == true
            guard n.deprel == "conj" || measure || misattached, let h = tree.head(of: k) else { break }
            k = h
        }
        return tree.head(of: k)
    }

    func roles(_ frame: Frame, at i: Int, _ tree: DependencyTree) -> [(word: Int, role: Frame.Role)] {
        var out: [(Int, Frame.Role)] = []
        let passive = frame.pos == "VERB" && tree.isPassive(i)
        for slot in frame.slots {
            // A noun trigger at the root ("Leaders' talks in Lima") reads its governor's slots on itself.
            let owner = slot.onGovernor ? governor(of: i, tree) ?? (tree.head(of: i) == nil ? i : nil) : i
            // The speaker of "…, the ministry said after talks" is no party to the talks; one who
            // speaks during them ("told X in a phone call", "said at a meeting with X") is.
            guard let owner, !(slot.onGovernor && isSpeech(owner, tree) && !isOccasion(i, tree)) else { continue }
            let before = out.count
            for c in tree.children[owner] where c != i && fills(slot.relation, c, tree, passive: passive && !slot.onGovernor) {
                out.append((c, slot.role))
            }
            // "broke ties with Iran": a phrase the parse hangs on the object instead of the verb.
            if out.count == before, slot.relation.name == "obl", let word = slot.relation.caseWord {
                let nominal = Frame.Relation(name: "nmod", caseWord: word)
                for o in tree.children[owner] where tree.nodes[o].deprel == "obj" || o == i {
                    for c in tree.children[o] where tree.matches(c, nominal) { out.append((c, slot.role)) }
                }
            }
        }
        if frame.pos == "VERB", !out.contains(where: { tree.nodes[$0.0].baseRelation == "nsubj" || isAgent($0.0, tree) }),
            let subject = controller(of: i, tree),
            let slot = frame.slots.first(where: { $0.relation.name == "nsubj" && !$0.onGovernor })
        {
            out.append((subject, passive ? (frame.slots.first { $0.relation.name == "obj" }?.role ?? slot.role) : slot.role))
        } else if frame.pos == "VERB", !passive, !out.contains(where: { tree.nodes[$0.0].baseRelation == "nsubj" }),
            tree.nodes[i].deprel == "root", let slot = frame.slots.first(where: { $0.relation.name == "nsubj" && !$0.onGovernor }),
            let left = tree.children[i].first(where: {
                $0 < i && tree.caseWords(of: $0).isEmpty && Self.nominal.contains(tree.nodes[$0].upos)
            })
        {
            // A root verb with no subject in the parse: the phrase before it stands in for one.
            out.append((left, slot.role))
        }
        // A noun trigger on a verb without a subject: the subject the verb shares ("met X and held talks").
        if frame.pos != "VERB", let slot = frame.slots.first(where: { $0.relation.name == "nsubj" && $0.onGovernor }),
            let g = governor(of: i, tree), !isSpeech(g, tree),
            !tree.children[g].contains(where: { tree.nodes[$0].baseRelation == "nsubj" }),
            let subject = controller(of: g, tree), !out.contains(where: { $0.0 == subject })
        {
            out.append((subject, slot.role))
        }
        if frame.pos == "VERB", let o = sharedObject(of: i, tree),
            let slot = frame.slots.first(where: { $0.relation.name == "obj" && !$0.onGovernor }),
            !out.contains(where: { $0.1 == slot.role })
        {
            out.append((o, slot.role))
        }
        // A word reached through two slots ("restrictions on X": the noun's and the verb's) plays once.
        var seen: Set<Int> = []
        return out.filter { seen.insert($0.0).inserted }
    }

    /// "condemned and sanctioned Syria": a conjunct verb without an object of its own shares the
    /// object its governor takes after both.
    func sharedObject(of i: Int, _ tree: DependencyTree) -> Int? {
        guard tree.nodes[i].deprel == "conj", let h = tree.head(of: i), h < i,
            !tree.children[i].contains(where: { tree.nodes[$0].deprel == "obj" })
        else { return nil }
        return tree.children[h].first { tree.nodes[$0].deprel == "obj" && $0 > i }
    }

    /// A noun the act it hangs on takes place in ("in a call", "during talks", "at a meeting").
    private func isOccasion(_ i: Int, _ tree: DependencyTree) -> Bool {
        tree.nodes[i].baseRelation == "obl" && tree.caseWords(of: i).contains { ["in", "during", "at"].contains($0) }
    }

    private func isSpeech(_ w: Int, _ tree: DependencyTree) -> Bool {
        let n = tree.nodes[w]
        return (book.frames[n.lemma + "/" + n.upos] ?? []).contains { $0.isSpeech && holds($0, at: w, tree) }
    }

    static let nominal: Set<String> = ["NOUN", "PROPN", "PRON"]
    /// Verbs whose object is the subject of their infinitive ("urged Iran to stop", "called on
    /// X to act"); other verbs' infinitives take the subject ("visited X to meet Y").
    static let objectControl: Set<String> = [
        "urge", "ask", "press", "encourage", "call", "order", "tell", "invite", "force", "persuade", "allow", "warn", "request",
        "implore", "push", "pressure", "help", "authorize", "authorise", "instruct", "direct",
    ]

    /// Does dependent `c` fill a slot of `relation`? In a passive, the passive subject fills the
    /// object's slot and the "by" agent the subject's.
    private func fills(_ relation: Frame.Relation, _ c: Int, _ tree: DependencyTree, passive: Bool) -> Bool {
        guard passive else { return tree.matches(c, relation) }
        switch relation.name {
        case "obj": return tree.nodes[c].deprel == "nsubj:pass"
        case "nsubj": return isAgent(c, tree)
        default: return tree.matches(c, relation)
        }
    }

    private func isAgent(_ c: Int, _ tree: DependencyTree) -> Bool {
        tree.nodes[c].deprel == "obl:agent" || (tree.nodes[c].baseRelation == "obl" && tree.caseWords(of: c).contains("by"))
    }

    /// The subject a verb without one shares: its governor's object (xcomp of "urge Iran to …")
    /// or subject ("agreed to meet", "is expected to meet", "met X and discussed Y"); a
    /// non-finite adjunct shares it too ("…, blaming Russia", "after signing an accord with X").
    func controller(of i: Int, _ tree: DependencyTree) -> Int? {
        var k = i
        for _ in 0..<tree.count {
            // "signed a deal to resume talks", "announced a plan to visit": an infinitive on a noun of
            // commitment has the subject of the verb the noun is an argument of. Other nouns do not
            // pass it on ("rejected a proposal to mediate", "condemned a plot to attack").
            if tree.nodes[k].deprel == "acl", let h = tree.head(of: k), let g = tree.head(of: h),
                tree.children[k].contains(where: { tree.nodes[$0].lemma == "to" && tree.nodes[$0].baseRelation == "mark" }),
                ["obj", "obl", "nsubj:pass"].contains(tree.nodes[h].deprel), tree.nodes[g].upos == "VERB",
                isCommitment(h, tree)
            {
                if let s = tree.children[g].first(where: { tree.nodes[$0].baseRelation == "nsubj" }) { return s }
                k = g
                continue
            }
            // "the two sides holding talks": a participle with an object of its own says what its noun does.
            if tree.nodes[k].deprel == "acl", let h = tree.head(of: k), tree.children[k].contains(where: { tree.nodes[$0].deprel == "obj" })
            {
                return h
            }
            guard let h = tree.head(of: k), sharesSubject(k, tree) else { break }
            let xcomp = tree.nodes[k].deprel == "xcomp"
            if xcomp, Self.objectControl.contains(tree.nodes[h].lemma),
                let o = tree.children[h].first(where: {
                    tree.nodes[$0].deprel == "obj" || (tree.nodes[$0].baseRelation == "obl" && tree.caseWords(of: $0).contains("on"))
                })
            {
                return o
            }
            // A raising or passive governor hands its passive subject down ("X is set to visit").
            if let s = tree.children[h].first(where: {
                tree.nodes[$0].baseRelation == "nsubj" && (tree.nodes[k].deprel != "conj" || tree.nodes[$0].deprel != "nsubj:pass")
            }) {
                return s
            }
            k = h
        }
        return nil
    }

    /// Nouns whose infinitive is what their holder does: the deal nouns of the AGREE frames and
    /// plans, decisions, pledges and attempts.
    static let commitmentNouns: Set<String> = [
        "plan", "decision", "commitment", "pledge", "promise", "effort", "bid", "attempt", "move", "intention", "readiness",
    ]

    private func isCommitment(_ h: Int, _ tree: DependencyTree) -> Bool {
        let n = tree.nodes[h]
        return Self.commitmentNouns.contains(n.lemma) || (book.frames[n.lemma + "/NOUN"] ?? []).contains { $0.type == "AGREE" }
    }

    /// Does `k` take its governor's subject? An xcomp and a conjunct do; so does a verbal
    /// adjunct with no subject of its own (a participle, "to" or "after" plus a verb).
    private func sharesSubject(_ k: Int, _ tree: DependencyTree) -> Bool {
        let rel = tree.nodes[k].deprel
        if rel == "xcomp" || rel == "conj" { return true }
        guard rel == "advcl", tree.nodes[k].upos == "VERB" else { return false }
        return !tree.children[k].contains { tree.nodes[$0].baseRelation == "nsubj" || tree.nodes[$0].baseRelation == "csubj" }
    }
}
