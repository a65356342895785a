/// Stage 7, merge: events become development records; the same event told twice in an article
/// (the headline and the body, a lead and a later paragraph) is one development.
struct MergeStage {
    let lexicon: Lexicon

    /// With `titled`, sentence 0 is the headline: what it tells merges with the body's telling
    /// of the same act whatever the headline's tense said, and takes the body's status and sentence.
    func developments(_ events: [EventStage.Event], sentences: [String], titled: Bool = false, topics: (Int) -> [String])
        -> [Development]
    {
        var out: [Development] = []
        var fromTitle: [Bool] = []
        // The body's sentence tells the act in full: the first one that tells it is the evidence.
        var titleEvidence: [Bool] = []
        var triggers: [[String]] = []
        for e in events {
            let participants = e.participants.sorted { ($0.role, $0.name) < ($1.role, $1.name) }
            var confidence = 0.6
            if participants.contains(where: isPerson) { confidence += 0.15 }
            if e.date != nil { confidence += 0.1 }
            if e.status == "possible" { confidence -= 0.1 }
            let d = Development(
                type: e.type, mode: e.type == "CONSULT" ? e.mode : nil, status: e.status, participants: participants,
                location: e.location, date: e.date, topics: topics(e.sentence), evidence: sentences[e.sentence],
                confidence: (min(confidence, 0.95) * 100).rounded() / 100)
            let headline = titled && e.sentence == 0
            if let i = out.indices.first(where: { sameEvent(out[$0], d) && (headline || fromTitle[$0] || sameAct(e, triggers[$0])) }) {
                out[i] = merge(out[i], d)
                triggers[i].append(e.trigger)
                // Once the body tells the headline's act, a later act of the type must be the same act.
                if !headline { fromTitle[i] = false }
                if titleEvidence[i], !headline { (out[i].evidence, titleEvidence[i]) = (d.evidence, false) }
            } else if let i = out.indices.first(where: { fromTitle[$0] != headline && sameEvent(out[$0], d, anyStatus: true) }) {
                let status = headline ? out[i].status : d.status
                out[i] = merge(out[i], d)
                out[i].status = status
                fromTitle[i] = false
                triggers[i].append(e.trigger)
                if titleEvidence[i], !headline { (out[i].evidence, titleEvidence[i]) = (d.evidence, false) }
            } else {
                out.append(d)
                triggers.append([e.trigger])
                fromTitle.append(headline)
                titleEvidence.append(headline)
            }
        }
        return out
    }

    /// Acts done to a state rather than with it: two in one article told by different words
    /// ("expelled the envoy", "recalled its own") are two developments.
    static let distinctActTypes: Set<String> = ["SANCTION", "RETREAT", "AID", "MOBILIZE", "COERCE", "ASSAULT"]

    /// Is `e` told by the same act as the words of an earlier development? A verb and its noun
    /// ("expel", "expulsion") share their first letters.
    func sameAct(_ e: EventStage.Event, _ words: [String]) -> Bool {
        guard Self.distinctActTypes.contains(e.type), !e.trigger.isEmpty else { return true }
        return words.contains { $0.isEmpty || $0.prefix(3) == e.trigger.prefix(3) }
    }

    private func isPerson(_ p: Participant) -> Bool { !lexicon.actorNames.contains(p.name) }

    private func codes(_ d: Development, role: String? = nil) -> Set<String> {
        Set(d.participants.filter { role == nil || $0.role == role }.compactMap(\.country))
    }

    /// Same type, status, direction and states, and no two different days.
    func sameEvent(_ a: Development, _ b: Development, anyStatus: Bool = false) -> Bool {
        guard a.type == b.type, a.status == b.status || anyStatus else { return false }
        if a.type == "CONSULT", a.mode != b.mode, a.mode != nil, b.mode != nil { return false }
        guard codes(a, role: "source") == codes(b, role: "source"), codes(a, role: "target") == codes(b, role: "target") else {
            return false
        }
        guard codes(a) == codes(b) else { return false }
        if let da = a.date, let db = b.date, da.count == 10, db.count == 10, da != db { return false }
        return true
    }

    /// Keeps the first telling and adds what the second knows that it did not; a person replaces
    /// their state shown as a whole.
    func merge(_ a: Development, _ b: Development) -> Development {
        var m = a
        for p in b.participants where !m.participants.contains(where: { $0.name == p.name }) {
            if isPerson(p), let i = m.participants.firstIndex(where: { $0.country == p.country && !isPerson($0) }) {
                var q = p
                q.role = m.participants[i].role
                m.participants[i] = q
            } else if isPerson(p) || !m.participants.contains(where: { $0.country == p.country }) {
                m.participants.append(p)
            }
        }
        if m.mode == nil { m.mode = b.mode }
        if m.location == nil { m.location = b.location }
        if (m.date?.count ?? 0) < (b.date?.count ?? 0) { m.date = b.date }
        m.topics = Array(Set(m.topics + b.topics)).sorted()
        m.confidence = min(0.95, max(m.confidence, b.confidence) + 0.05)
        return m
    }
}
