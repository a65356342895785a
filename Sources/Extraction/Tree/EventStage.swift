/// Stage 6c, events: a reading with its actors, speaker, status, date and place resolved; a
/// directed act is split into one event per target state.
struct EventStage {
    let lexicon: Lexicon
    let mentions: MentionStage
    let status: StatusStage
    let attribution = AttributionStage()

    struct Event {
        var type: String
        var mode: String?
        var status: String
        var participants: [Participant]
        var location: String?
        var date: String?
        var sentence: Int
        /// The lemma of the word that tells the act ("expel", "recall").
        var trigger = ""
    }

    struct Context {
        var tree: DependencyTree
        var found: MentionStage.Found
        var tokens: [Token]
        var time: TemporalResolver
        var sentence: Int
        /// The speaker another sentence names for a quoted sentence (`QuoteAttribution`).
        var quoteSpeaker: [Mention] = []
    }

    func events(_ readings: [FrameStage.Reading], _ ctx: Context) -> [Event] {
        let speeches = attribution.speeches(readings, ctx.tree)
        let speechWords = Set(readings.filter(\.frame.isSpeech).map(\.word))
        var out: [Event] = []
        // What a request asks for is no act of its own ("urged X to call for a truce").
        let requests = Set(readings.filter { $0.frame.type == "REQUEST" }.map(\.word))
        for r in readings where !r.frame.isSpeech {
            if ctx.tree.nodes[r.word].deprel == "xcomp", let h = ctx.tree.head(of: r.word), requests.contains(h) { continue }
            guard let st = status.status(r.word, ctx.tree, speech: speechWords, type: r.frame.type) else { continue }
            var sources: [Mention] = []
            var targets: [Mention] = []
            for (w, role) in r.roles {
                let actors = mentions.actors(at: w, in: ctx.tree, ctx.found)
                if role == .target { targets += actors } else { sources += actors }
            }
            if Frame.verbalTypes.contains(r.frame.type),
                sources.isEmpty || attribution.speaksAsPronoun(r.roles.filter { $0.role != .target }.map(\.word), ctx.tree)
            {
                if let speaker = attribution.speaker(of: r.word, speeches) {
                    let said = speaker.flatMap { mentions.actors(at: $0, in: ctx.tree, ctx.found) }
                    if !said.isEmpty || sources.isEmpty { sources = said }
                } else if !ctx.quoteSpeaker.isEmpty {
                    sources = ctx.quoteSpeaker
                }
            }
            if targets.isEmpty, let (s, t) = recalledEnvoy(r, ctx), !t.isEmpty { (sources, targets) = (s, t) }
            // A directed act whose target is not a slot's own word: the first other actor under
            // the target slots, else under the trigger ("sanctions aimed at … against Russia").
            // A frame with no source slot ("X violated…", told by a speaker) has its target in its slots alone.
            let directed = !r.frame.slots.contains { $0.role == .party } && r.frame.slots.contains { $0.role == .source }
            if directed, !sources.isEmpty, !targets.contains(where: { !sources.map(\.code).contains($0.code) }) {
                let excluded = Set(sources.map { $0.code ?? $0.key })
                let slotWords = r.roles.filter { $0.role == .target }.flatMap { attribution.reportedWords($0.word, ctx.tree) }
                for w in slotWords + [r.word] where targets.isEmpty {
                    targets = mentions.actorsWithin(w, in: ctx.tree, ctx.found, excluding: excluded)
                }
            }
            var event = Event(
                type: r.frame.type, mode: r.frame.mode, status: st, participants: [], location: nil, date: nil, sentence: ctx.sentence)
            event.trigger = r.frame.lemma
            let resolved = status.date(
                r.word, ctx.tree, tokens: ctx.tokens, time: ctx.time, future: st == "planned" || st == "possible", speech: speechWords)
            // Told as news with no time of its own: the month of publication, as the annotations do.
            event.date = resolved.map(Self.iso) ?? (st == "occurred" ? String(ctx.time.published.iso.prefix(7)) : nil)
            event.status = StatusStage.dated(st, resolved, published: ctx.time.published)
            event.location = status.place(r.word, ctx.tree, ctx.found, speech: speechWords, type: r.frame.type)
            out += split(event, sources: sources, targets: targets, symmetric: r.frame.slots.contains { $0.role == .party })
        }
        return out
    }

    /// "The Turkish ambassador to Israel was recalled": a state recalls its own envoy, from the
    /// state the envoy is posted to.
    func recalledEnvoy(_ r: FrameStage.Reading, _ ctx: Context) -> (sources: [Mention], targets: [Mention])? {
        guard ctx.tree.nodes[r.word].lemma == "recall" else { return nil }
        // The envoy is the object of the active verb, the subject of the passive, whichever role the frame gives it.
        for (w, _) in r.roles where Self.envoyNouns.contains(ctx.tree.nodes[w].lemma) {
            let own = mentions.actors(at: w, in: ctx.tree, ctx.found).filter { $0.kind != .person }
            guard !own.isEmpty else { continue }
            return (own, mentions.actorsWithin(w, in: ctx.tree, ctx.found, excluding: Set(own.map { $0.code ?? $0.key })))
        }
        return nil
    }

    /// The words for a state's envoys, whom only their own state recalls.
    static let envoyNouns: Set<String> = ["ambassador", "envoy", "diplomat", "consul", "chargé", "charge"]

    static func iso(_ r: TemporalResolver.Resolved) -> String {
        switch r {
        case .day(let d): return d.iso
        case .month(let d): return String(d.iso.prefix(7))
        case .year(let y): return String(y)
        }
    }

    /// One event per target state for directed acts; symmetric acts keep all parties.
    func split(_ e: Event, sources: [Mention], targets: [Mention], symmetric: Bool) -> [Event] {
        let sourceCodes = Set(sources.compactMap(\.code))
        if symmetric {
            var parties: [Mention] = []
            for m in sources + targets where !parties.contains(where: { $0.key == m.key }) { parties.append(m) }
            let multilateral = e.type == "CONSULT" && parties.contains { lexicon.multilateral.contains($0.code ?? "") }
            // A bloc's own gathering needs no second party ("the G20 summit").
            guard Set(parties.compactMap(\.code)).count >= 2 || multilateral else { return [] }
            var ev = e
            ev.participants = parties.map { $0.participant(role: "both") }
            if e.type == "CONSULT",
                Set(parties.compactMap(\.code)).count > 2 || parties.contains(where: { lexicon.multilateral.contains($0.code ?? "") })
            {
                ev.mode = "multilateral"
            }
            if e.mode == "visit", ev.location == nil, let t = targets.first(where: { $0.kind == .state }) {
                ev.location = t.place ?? t.name
            }
            return [ev]
        }
        guard !sourceCodes.isEmpty else { return [] }
        var byCode: [(String, [Mention])] = []
        for t in targets {
            guard let c = t.code, !sourceCodes.contains(c) else { continue }
            if let i = byCode.firstIndex(where: { $0.0 == c }) { byCode[i].1.append(t) } else { byCode.append((c, [t])) }
        }
        var sourceList: [Mention] = []
        for m in sources where !sourceList.contains(where: { $0.key == m.key }) { sourceList.append(m) }
        // An act with no target state found is left out: most are misread, few are news.
        guard !byCode.isEmpty else { return [] }
        return byCode.map { _, members in
            var ev = e
            ev.participants = sourceList.map { $0.participant(role: "source") } + members.map { $0.participant(role: "target") }
            if e.mode == "visit", ev.location == nil, let t = members.first, t.kind == .state { ev.location = t.place ?? t.name }
            return ev
        }
    }
}
