/// The frames and status cues of the dictionaries, indexed for the tree stages.
struct FrameBook: Sendable {
    /// Frames by "lemma/POS", in file order: the first whose conditions hold is used.
    var frames: [String: [Frame]] = [:]
    /// Status cues: (status, relation or "gov", lemma, the event types it is limited to or none),
    /// in the order they are tried.
    var cues: [(status: String, relation: String, lemma: String, types: [String])] = []
    /// Lowercased word forms of every trigger lemma: a sentence without one is not parsed.
    var triggerForms: Set<String> = []
    /// The same for the lemmas of frames other than speech: a sentence without one holds no act.
    var eventForms: Set<String> = []
    /// Words of negative evaluation ("lemma/POS", `evaluations.txt`) and the verbs of judging
    /// ("called X a rogue state"), read by `EvaluationStage`.
    var evaluations: Set<String> = []
    var judgingVerbs: Set<String> = []

    /// The kinds of line of `evaluations.txt`.
    static let evaluationKinds = ["ADJ", "NOUN", "JUDGE"]

    /// The statuses a cue can give, in the order they win; "occurred" overrides later cues
    /// ("decided to recall" is done, though "to recall" alone would be planned).
    static let statusOrder = ["negated", "background", "possible", "occurred", "planned"]

    init(frames text: String, verbs verbText: String = "", evaluations evaluationText: String = "", status statusText: String) {
        for (_, line) in Self.dataLines(text) {
            let f = Lexicon.fields(line)
            guard f.count >= 3 else { continue }
            for entry in Self.entries(f[2]) {
                guard case .success(let frame) = Frame.parse(entry, type: f[0], mode: f[1].isEmpty ? nil : f[1]) else { continue }
                add(frame)
            }
        }
        // A verb class gives each of its lemmas the class's frame, unless frames.txt reads that lemma already.
        let written = Set(frames.keys)
        for (_, line) in Self.dataLines(verbText) {
            let f = Lexicon.fields(line)
            guard f.count == 4 else { continue }
            for entry in Self.classEntries(frame: f[2], lemmas: f[3]) {
                guard case .success(let frame) = Frame.parse(entry, type: f[0], mode: nil),
                    !written.contains(frame.lemma + "/" + frame.pos)
                else { continue }
                add(frame)
            }
        }
        for (_, line) in Self.dataLines(evaluationText) {
            let f = Lexicon.fields(line)
            guard f.count == 2, Self.evaluationKinds.contains(f[0]) else { continue }
            for lemma in Lexicon.list(f[1]) {
                if f[0] == "JUDGE" {
                    judgingVerbs.insert(lemma)
                } else {
                    evaluations.insert(lemma + "/" + f[0])
                    // A sentence with an evaluative word may hold an accusation: the gate lets it through.
                    eventForms.formUnion(Inflection.forms(of: lemma))
                    triggerForms.formUnion(Inflection.forms(of: lemma))
                }
            }
        }
        var byStatus: [String: [(String, String)]] = [:]
        for (_, line) in Self.dataLines(statusText) {
            let f = Lexicon.fields(line)
            guard f.count >= 2 else { continue }
            for cue in Lexicon.list(f[1]) {
                let pair = cue.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { byStatus[f[0], default: []].append((pair[0], pair[1])) }
            }
        }
        for s in Self.statusOrder {
            for (r, l) in byStatus[s] ?? [] {
                let (lemma, types) = StatusStage.scoped(l)
                cues.append((s, r, String(lemma), types.map(String.init)))
            }
        }
    }

    private mutating func add(_ frame: Frame) {
        frames[frame.lemma + "/" + frame.pos, default: []].append(frame)
        triggerForms.formUnion(Inflection.forms(of: frame.lemma))
        if !frame.isSpeech { eventForms.formUnion(Inflection.forms(of: frame.lemma)) }
    }

    /// The triggers of one verb class: "lash out" with the frame "VERB nsubj=source" is
    /// "lash/VERB +compound:prt=out nsubj=source"; "side with" requires an obl with "with".
    static func classEntries(frame: String, lemmas: String) -> [String] {
        let template = frame.split(separator: " ").map(String.init)
        guard let pos = template.first else { return [] }
        return Lexicon.list(lemmas).compactMap { lemma in
            let words = lemma.split(separator: " ").map(String.init)
            guard let head = words.first, words.count <= 2 else { return nil }
            var items = [head + "/" + pos]
            if words.count == 2 {
                items.append(particles.contains(words[1]) ? "+compound:prt=" + words[1] : "+obl:" + words[1])
            }
            return (items + template.dropFirst()).joined(separator: " ")
        }
    }

    /// Words that follow a verb as its particle ("lash out", "turn down"), not as a preposition.
    static let particles: Set<String> = ["out", "down", "up", "off", "back", "away"]

    static func dataLines(_ text: String) -> [(Int, Substring)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#") ? nil : (i + 1, line)
        }
    }

    static func entries(_ field: String) -> [String] {
        Lexicon.list(field).map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }
}

extension Lexicon {
    /// Every problem of a user's `frames.txt`, `verbs.txt`, `evaluations.txt` or `status.txt`, as (line number, message); empty
    /// for other dictionary names. `config check` reports them as it reports bad trigger phrases.
    public static func dictionaryProblems(name: String, text: String) -> [(line: Int, message: String)] {
        var out: [(Int, String)] = []
        for (n, line) in FrameBook.dataLines(text) {
            let f = fields(line)
            switch name {
            case "frames":
                guard f.count == 3 else {
                    out.append((n, "expected TYPE | mode | triggers (alternative lemmas are separated by commas)"))
                    continue
                }
                if f[0] != "SPEECH", !Frame.ploverTypes.contains(f[0]) {
                    out.append((n, "unknown type \(f[0]) (expected SPEECH or a PLOVER type)"))
                }
                for entry in FrameBook.entries(f[2]) {
                    if case .failure(let e) = Frame.parse(entry, type: f[0], mode: nil) { out.append((n, e.message)) }
                }
            case "verbs":
                guard f.count == 4 else {
                    out.append((n, "expected TYPE | code | frame | lemmas (a frame is a part of speech and items, as in frames.txt)"))
                    continue
                }
                if f[0] != "SPEECH", !Frame.ploverTypes.contains(f[0]) {
                    out.append((n, "unknown type \(f[0]) (expected SPEECH or a PLOVER type)"))
                }
                for entry in FrameBook.classEntries(frame: f[2], lemmas: f[3]) {
                    if case .failure(let e) = Frame.parse(entry, type: f[0], mode: nil) { out.append((n, e.message)) }
                }
            case "evaluations":
                guard f.count == 2, FrameBook.evaluationKinds.contains(f[0]) else {
                    out.append((n, "expected KIND | words, where KIND is one of \(FrameBook.evaluationKinds.joined(separator: ", "))"))
                    continue
                }
                for w in list(f[1]) where w != w.lowercased() || w.contains(" ") {
                    out.append((n, "\"\(w)\": a word is one lowercase lemma"))
                }
            case "status":
                guard f.count >= 2 else {
                    out.append((n, "expected status | cues"))
                    continue
                }
                if !FrameBook.statusOrder.contains(f[0]) {
                    out.append((n, "unknown status \(f[0]) (expected \(FrameBook.statusOrder.joined(separator: ", ")))"))
                }
                for cue in list(f[1]) {
                    let pair = cue.split(separator: "=")
                    guard pair.count == 2 else {
                        out.append((n, "\"\(cue)\": a cue is RELATION=LEMMA or gov=LEMMA, optionally @TYPE,TYPE"))
                        continue
                    }
                    for t in StatusStage.scoped(String(pair[1])).types where !Frame.ploverTypes.contains(String(t)) {
                        out.append((n, "\"\(cue)\": unknown type \(t) (expected a PLOVER type)"))
                    }
                }
            default: break
            }
        }
        return out
    }
}
