import Foundation

/// Article text → developments. Pure: the publication date is an input, nothing is read or written.
public struct Extractor: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
    }

    static let boundaries: Set<String> = [
        ";", ":", "after", "before", "following", "amid", "while", "as", "since", "despite", "but", "although",
        "though", "because", "where", "whereas", "when", "—", "–", "(", ")",
    ]
    static let skipBeforeTrigger: Set<String> = [
        "also", "has", "have", "had", "then", "later", "again", "jointly", "both", "separately", "swiftly", "quickly",
        "formally", "officially", "reportedly", "to", "will", "would",
    ]
    static let backgroundCues: [[String]] = [
        ["last", "year"], ["previously"], ["in", "the", "past"], ["years", "ago"], ["months", "ago"], ["earlier", "this", "year"],
        ["first", "term"],
    ]

    struct Event {
        var type: String
        var mode: String?
        var status: String
        var sources: [Mention]
        var targets: [Mention]
        var symmetric: Bool
        var location: String?
        var date: String?
        var sentence: Int
        var start: Int
        var end: Int
        var hasExplicitDate = false
        /// The place is the visit's destination, not a place named in the clause.
        var locatedByTarget = false
    }

    /// `DIPLOWATCH_EXTRACTOR=tree` runs the dependency-tree engine instead, while the two are compared.
    static let treeEngine = ProcessInfo.processInfo.environment["DIPLOWATCH_EXTRACTOR"] == "tree"

    /// Extracts the developments of one article.
    public func extract(_ article: Article) -> [Development] {
        if Self.treeEngine { return TreeExtractor(lexicon: lexicon).extract(article) }
        // Most news names fewer than two states: no development can come of it (see `assemble`).
        guard lexicon.mayHoldDevelopment(article.text) else { return [] }
        let published = article.published.flatMap(CalendarDay.init(iso:)) ?? CalendarDay(year: 2000, month: 1, day: 1)
        let finder = MentionFinder(lexicon: lexicon, day: published.dayNumber)
        let time = TemporalResolver(published: published)
        let sentences = SentenceSplitter.split(article.text)
        let tokenized = sentences.map(Tokenizer.tokens)
        var memory = ArticleMemory()
        var events: [Event] = []

        for (si, tokens) in tokenized.enumerated() {
            if tokens.count < 3 { continue }
            let (mentions, places) = finder.mentions(tokens, memory: memory)
            let triggers = findTriggers(tokens, mentions: mentions)
            var sentenceEvents: [Event] = []
            var carriedStart: Int?
            var topicOfDiscussion: Int?
            var previousCause: Range<Int>?
            for (ti, trig) in triggers.enumerated() {
                let prevEnd = ti > 0 ? triggers[ti - 1].end : 0
                let nextStart = ti + 1 < triggers.count ? triggers[ti + 1].start : tokens.count
                var clauseStart = prevEnd
                var b = trig.start - 1
                while b >= prevEnd {
                    if Self.isBoundary(tokens, b) { clauseStart = b + 1; break }
                    b -= 1
                }
                // "agreed to meet": the infinitive shares its governor's subject.
                if let carried = carriedStart {
                    clauseStart = carried
                    carriedStart = nil
                }
                var clauseEnd = nextStart
                var f = trig.end
                while f < nextStart {
                    if Self.isBoundary(tokens, f) { clauseEnd = f; break }
                    f += 1
                }
                // "in response to the killing of protesters and attacks on villages": what the
                // previous development answers is told as its cause, not as news.
                if let cause = previousCause, cause.contains(trig.start) { continue }
                // "sanctions … in response to the annexation of Ukraine's regions": what follows is
                // the cause, and only its agent ("in response to actions by Russia") is the target.
                var causeStart = clauseEnd
                for c in trig.end..<tokens.count
                where
                    (Self.isCauseStart(tokens[c].lower)
                    && Self.causeCues.contains(where: { cue in
                        c + cue.count <= tokens.count && cue.indices.allSatisfy { tokens[c + $0].lower == cue[$0] }
                    })) || Self.isBoundary(tokens, c)
                {
                    if !Self.isBoundary(tokens, c) {
                        causeStart = min(c, clauseEnd)
                        var e = c
                        while e < tokens.count, !Self.isBoundary(tokens, e) || e == c { e += 1 }
                        previousCause = c..<e
                    }
                    break
                }
                if negated(tokens, from: clauseStart, trigger: trig.start) { continue }
                // "discussed tariffs, export controls and Taiwan", "talks on sanctions": a noun after
                // a discussion is what was talked about, not a development of its own.
                if trig.type != "CONSULT", !tokens[trig.start].lower.hasSuffix("ed"),
                    (ti > 0 && trig.start - triggers[ti - 1].end <= 10
                        && (topicOfDiscussion == ti - 1
                            || (triggers[ti - 1].type == "CONSULT"
                                && Self.discussionWords.contains(tokens[triggers[ti - 1].end - 1].lower))))
                        || Self.followsDispute(tokens, trig.start, from: max(clauseStart, ti > 0 ? triggers[ti - 1].end : 0))
                {
                    topicOfDiscussion = ti  // a list of topics goes on: "tariffs, export controls and joint exercises"
                    continue
                }
                // "the militant group that has seized parts of Iraq": a relative clause's subject is
                // the noun before "that"; an actor only if one is named there.
                var relativeSubject: Mention?
                var isRelative = false
                do {
                    var k = trig.start - 1
                    while k >= clauseStart, Self.auxiliaries.contains(tokens[k].lower) { k -= 1 }
                    if k >= 1, ["that", "which", "who"].contains(tokens[k].lower) {
                        isRelative = true
                        var a = k - 1
                        if a >= 0, tokens[a].lower == "," { a -= 1 }
                        relativeSubject = mentions.first { $0.end == a + 1 && !$0.locative && !$0.reporter }
                    }
                }
                if isRelative, relativeSubject == nil, !["CONSULT", "AGREE"].contains(trig.type) { continue }
                // "diplomacy and dialogue are vital": talks praised in general, not talks held.
                if trig.end + 1 < tokens.count, Self.copulas.contains(tokens[trig.end].lower),
                    Self.evaluative.contains(tokens[trig.end + 1].lower)
                {
                    continue
                }
                // "its expelled ambassador", "the sanctioned firms": a participle used as an adjective
                // refers to what happened before, it does not tell it.
                if trig.end - trig.start == 1, tokens[trig.start].lower.hasSuffix("ed"), trig.start > 0,
                    Self.beforeParticiple.contains(tokens[trig.start - 1].lower)
                {
                    continue
                }
                // "according to a joint statement": where the news comes from.
                let before = tokens[max(0, trig.start - 3)..<trig.start].map(\.lower)
                if let a = before.firstIndex(of: "according"), a + 1 < before.count, before[a + 1] == "to" { continue }
                var type = trig.type
                var mode = trig.mode
                // "called on X to…" asks; "called on the prime minister" is a courtesy call.
                if ["call", "called", "calls"].contains(tokens[trig.start].lower), trig.end - trig.start == 2,
                    tokens[trig.start + 1].lower == "on"
                {
                    let ahead = tokens[trig.end..<min(tokens.count, trig.end + 12)].map(\.lower)
                    if ahead.contains("to") { type = "REQUEST"; mode = nil } else { type = "CONSULT"; mode = "meeting" }
                }
                // "agreed to meet": the meeting is the development.
                if type == "AGREE", trig.end + 1 < tokens.count, tokens[trig.end].lower == "to",
                    ti + 1 < triggers.count, triggers[ti + 1].start <= trig.end + 2
                {
                    carriedStart = clauseStart
                    continue
                }
                let left = mentions.filter { $0.start >= clauseStart && $0.end <= trig.start && !$0.reporter && !$0.locative }
                let gap = trig.gap ?? 0..<0
                let right = mentions.filter { m in
                    (m.start >= trig.end || (gap.contains(m.start) && m.end <= gap.upperBound))
                        && m.end <= clauseEnd && !m.reporter && (!m.locative || mode == "visit")
                        && (m.start < causeStart || tokens[m.start - 1].lower == "by")
                }
                var sources = left
                if let subject = relativeSubject { sources = [subject] }
                var k = trig.start - 1
                while k >= clauseStart, Self.skipBeforeTrigger.contains(tokens[k].lower) { k -= 1 }
                let coordinated =
                    k >= 0 && (tokens[k].lower == "and" || tokens[k].lower == ",")
                    && sentenceEvents.last.map { $0.end <= trig.start } == true
                // "expelled X and recalled Y"; "adopted a package of sanctions … restrictive measures
                // against Russia": a trigger with no subject of its own, in the same clause as the
                // previous one, shares its subject.
                if let prev = sentenceEvents.last, coordinated || (left.isEmpty && clauseStart == prevEnd && !prev.sources.isEmpty) {
                    sources = prev.sources
                }
                if sources.isEmpty, left.isEmpty, ti == 0, let subject = leadingSubject(mentions, before: trig.start) {
                    sources = [subject]
                }
                // "pressed Modi … in a telephone call": a meeting named inside another event's clause
                // is held by that event's parties.
                var framedBy: Event?
                if type == "CONSULT", let prev = sentenceEvents.last, Self.isPrepositionalNoun(tokens, trig.start, from: clauseStart) {
                    // "…will call on the prime minister during the visit": the frame of a meeting already told.
                    if prev.type == "CONSULT" { continue }
                    sources = unique(prev.sources + prev.targets + sources)
                    framedBy = prev
                }
                var targets = right
                if type == "CONSULT" {
                    // "discussed Taiwan", "talks on Ukraine", "tension over North Korea": states after the
                    // trigger are what was talked about unless a chain of partner words links them to it.
                    targets = targets.filter { m in
                        (m.kind == .person && mode != "visit")
                            || Self.partnerChain(tokens, from: trig.end, to: m.start, mentions: mentions, places: places)
                    }
                }
                let symmetric = (type == "CONSULT" && mode != "visit") || type == "AGREE" || type == "COOPERATE"
                if !symmetric {
                    // "wrote to members of the Security Council and urged…": a prepositional object is no subject.
                    let subjects = sources.filter { !Self.isPrepositionalObject(tokens, $0, from: clauseStart) }
                    if !subjects.isEmpty { sources = subjects }
                }
                // The passive of recalling, expelling and summoning envoys: "The Turkish ambassador to
                // Israel was recalled", "Israel's envoy was expelled by Turkey", "was summoned".
                if ["SANCTION", "ACCUSE"].contains(type), Self.isPassive(tokens, trig.start, from: clauseStart),
                    let patient = left.first(where: { $0.code != nil })
                {
                    let others = left.filter { $0.code != nil && $0.code != patient.code }
                    let agent = right.first { m in m.start > 0 && tokens[m.start - 1].lower == "by" && m.code != patient.code }
                    let host =
                        agent ?? others.first
                        ?? mentions.first { m in
                            m.start >= trig.end && m.end <= clauseEnd && m.code != nil && m.code != patient.code
                                && m.start > 0 && ["from", "in", "to"].contains(tokens[m.start - 1].lower)
                        }
                    if Self.recallWords.contains(tokens[trig.start].lower) {
                        // A state recalls its own envoy from the host.
                        sources = [patient]
                        targets = host.map { [Self.acting($0)] } ?? []
                    } else if let host {
                        sources = [Self.acting(host)]
                        targets = [patient]
                    }
                }
                // "attacked military sites in Iran", "deployed warships near Taiwan": where force is
                // used is whom it is used against.
                if ["ASSAULT", "MOBILIZE", "COERCE"].contains(type), targets.isEmpty {
                    let sourceCodes = Set(sources.compactMap(\.code))
                    if let m = mentions.first(where: {
                        $0.locative && $0.start >= trig.end && $0.end <= clauseEnd && !$0.code.map(sourceCodes.contains)!
                    }) {
                        var t = m
                        t.locative = false
                        targets = [t]
                    }
                }
                // "attend a summit in Switzerland": the host counts like a place visited, unless a body
                // holds the summit ("the G20 summit in Bali") or it frames another meeting.
                let hostedSummit =
                    mode == "summit" && framedBy == nil
                    && !mentions.contains { $0.kind == .body && $0.start >= clauseStart && $0.end <= clauseEnd }
                if mode == "visit" || hostedSummit, targets.isEmpty {
                    // The place visited: after the trigger, else where the clause puts it.
                    let sourceCodes = Set(sources.compactMap(\.code))
                    let candidates =
                        places.filter { $0.start >= trig.end && $0.end <= clauseEnd }
                        + places.filter { $0.start >= clauseStart && $0.end <= trig.start && isLocative(tokens, $0.start) }
                    if let p = candidates.first(where: { !sourceCodes.contains($0.code) && $0.code != "-" }) {
                        targets = [Mention(kind: .state, name: lexicon.name(of: p.code), code: p.code, start: p.start, end: p.end)]
                    }
                }
                // "held talks with President Michel Suleiman during a visit to Beirut": someone the
                // dictionaries do not know, met in a place, is taken to be of that place's state.
                if type == "CONSULT", (sources + targets).contains(where: { $0.kind == .person && $0.code == nil }),
                    let host =
                        (places.map { ($0.start, $0.end, $0.code) }
                        + mentions.compactMap { m in
                            m.place != nil ? (m.start, m.end, m.code ?? "-") : nil
                        })
                        .sorted(by: { $0.0 < $1.0 })
                        .first(where: { p in
                            p.0 >= trig.end && p.2 != "-" && ["in", "to", "at"].contains(tokens[p.0 - 1].lower)
                                && p.1 <= min(tokens.count, clauseEnd + 12)
                        }), !(sources + targets).contains(where: { $0.code == host.2 })
                {
                    if let i = targets.firstIndex(where: { $0.kind == .person && $0.code == nil }) {
                        targets[i].code = host.2
                    } else if let i = sources.firstIndex(where: { $0.kind == .person && $0.code == nil }) {
                        sources[i].code = host.2
                    }
                }
                // Status and time.
                var status = modality(tokens, from: clauseStart, trigger: trig.start, rightEnd: clauseEnd)
                // "warned that it would act firmly": the future is what is threatened; the threat is made now.
                if type == "THREATEN", status == "planned" || status == "possible",
                    Self.threatenedActions.contains(tokens[trig.start].lower)
                {
                    status = "occurred"
                }
                if let frame = framedBy, status == "occurred" { status = frame.status }
                let resolved =
                    time.resolve(tokens, clauseStart..<clauseEnd, future: status == "planned" || status == "possible")
                    ?? (status == "occurred" ? time.resolve(tokens, 0..<tokens.count, future: false) : nil)
                var date: String?
                var explicit = false
                switch resolved {
                case .day(let d)?:
                    date = d.iso
                    explicit = true
                    if status == "occurred", d.dayNumber > published.dayNumber { status = "planned" }
                    if d.dayNumber < published.dayNumber - 35 { status = "background" }
                case .month(let d)?:
                    date = d.isoMonth
                    explicit = true
                    if status == "occurred", d.year * 12 + d.month > published.year * 12 + published.month { status = "planned" }
                    if (published.year * 12 + published.month) - (d.year * 12 + d.month) >= 2 { status = "background" }
                case .year(let y)?:
                    date = String(y)
                    if y < published.year { status = "background" }
                    if y > published.year, status == "occurred" { status = "planned" }
                case nil:
                    break
                }
                if date == nil, status != "planned" { date = published.isoMonth }
                if status == "occurred", hasCue(Self.backgroundCues, tokens, from: max(clauseStart, trig.start - 4), to: clauseEnd) {
                    status = "background"
                }
                // Where: "in"/"at" a place in the clause, before the trigger or linked to it by partner
                // words ("talks in Beijing", not "spoke about the war in Ukraine"); calls have no place.
                let location =
                    mode == "phone"
                    ? nil
                    : places.first(where: {
                        $0.start >= clauseStart && $0.end <= clauseEnd && $0.code != "-" && isLocative(tokens, $0.start)
                            && !Self.beforeReportingVerb(tokens, $0.end)
                            && ($0.end <= trig.start
                                || Self.partnerChain(tokens, from: trig.end, to: $0.start, mentions: mentions, places: places))
                    })?.name
                let locatedByTarget = location == nil && mode == "visit" && targets.contains { $0.kind == .state }
                let event = Event(
                    type: type, mode: mode, status: status, sources: sources, targets: targets, symmetric: symmetric,
                    location: location, date: date, sentence: si, start: trig.start, end: trig.end, hasExplicitDate: explicit,
                    locatedByTarget: locatedByTarget)
                sentenceEvents.append(event)
            }
            events.append(contentsOf: mergeSentence(sentenceEvents))
            remember(mentions, events: sentenceEvents, into: &memory)
        }
        return assemble(events, sentences: sentences, tokenized: tokenized)
    }

    // MARK: Triggers

    struct TriggerMatch {
        var start: Int
        var end: Int
        var type: String
        var mode: String?
        /// Where a "*" gap in the phrase matched: actors named there are its objects
        /// ("ordered the Israeli envoy to leave").
        var gap: Range<Int>? = nil
    }

    func findTriggers(_ tokens: [Token], mentions: [Mention]) -> [TriggerMatch] {
        var out: [TriggerMatch] = []
        var inMention = [Bool](repeating: false, count: tokens.count)
        for m in mentions where m.kind != .person || m.end - m.start > 0 {
            for i in m.start..<min(m.end, tokens.count) where m.end - m.start <= 6 { inMention[i] = true }
        }
        var i = 0
        while i < tokens.count {
            guard !inMention[i], let candidates = lexicon.triggers[tokens[i].lower] else { i += 1; continue }
            var best: TriggerMatch?
            for t in candidates {
                if let end = match(t.words, tokens, at: i), end > (best?.end ?? i) {
                    best = TriggerMatch(start: i, end: end, type: t.type, mode: t.mode, gap: gapRange(t.words, tokens, at: i))
                }
            }
            if let b = best, !(Self.documentNouns.contains(i > 0 ? tokens[i - 1].lower : "") && b.type == "CONCEDE") {
                out.append(b)
                i = b.end
            } else {
                i += 1
            }
        }
        return out
    }

    static let recallWords: Set<String> = ["recalled", "recall", "recalls"]
    static let threatenedActions: Set<String> = ["act", "resolve", "vowed"]
    /// The first words of `causeCues`, compared without hashing (this runs for every token after a trigger).
    static func isCauseStart(_ w: String) -> Bool { w == "in" || w == "because" || w == "as" }
    static let auxiliaries: Set<String> = ["has", "have", "had", "was", "were", "is", "are", "been", "also", "reportedly"]
    /// Words before a participle used as an adjective ("its expelled ambassador"); not "both" or
    /// "all", which come before verbs too ("both agreed").
    static let beforeParticiple: Set<String> = ["its", "the", "their", "his", "her", "a", "an", "our", "these", "those"]
    static let quoteTokens: Set<String> = ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}"]

    /// A quotation mark, checked by its bytes before any hashing (this runs for every cue).
    static func isQuote(_ w: String) -> Bool {
        guard let b = w.utf8.first, b == 0x22 || b == 0x27 || b == 0xE2, w.utf8.count <= 3 else { return false }
        return quoteTokens.contains(w)
    }
    static let causeCues: [[String]] = [
        ["in", "response", "to"], ["in", "retaliation", "for"], ["because", "of"], ["as", "punishment", "for"],
    ]
    static let disputeNouns: Set<String> = [
        "differences", "difference", "dispute", "disputes", "disagreement", "disagreements", "row", "rift", "tensions",
        "tension", "concerns", "concern", "spat", "standoff", "quarrel",
    ]

    /// "differences over farm goods and proposed new tariffs": a noun listed after a dispute
    /// "over" or "about" something is what the dispute is about (within 14 words, no trigger between).
    static func followsDispute(_ tokens: [Token], _ trigger: Int, from start: Int) -> Bool {
        var k = trigger - 1
        while k > start, trigger - k <= 14 {
            if ["over", "about", "on"].contains(tokens[k].lower), disputeNouns.contains(tokens[k - 1].lower) { return true }
            k -= 1
        }
        return false
    }
    static let copulas: Set<String> = ["is", "are", "remain", "remains", "was", "were"]
    static let evaluative: Set<String> = [
        "vital", "essential", "important", "key", "crucial", "necessary", "needed", "indispensable", "critical", "paramount",
    ]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "be", "being", "is", "are"]

    /// "was recalled", "has been formally expelled": an auxiliary of the passive just before the
    /// trigger, an adverb or two allowed between.
    static func isPassive(_ tokens: [Token], _ trigger: Int, from clauseStart: Int) -> Bool {
        var k = trigger - 1
        var adverbs = 0
        while k >= clauseStart, adverbs <= 2 {
            let w = tokens[k].lower
            if passiveAuxiliaries.contains(w) { return true }
            guard w.hasSuffix("ly") || ["also", "then", "later", "subsequently"].contains(w) else { return false }
            adverbs += 1
            k -= 1
        }
        return false
    }

    /// A place standing for its state ("expelled from Ankara" is Turkey acting).
    static func acting(_ m: Mention) -> Mention {
        var a = m
        a.locative = false
        return a
    }

    /// CONSULT triggers whose object is a topic.
    static let discussionWords: Set<String> = [
        "discussed", "discuss", "discusses", "discussing", "discussions", "talks", "talked", "negotiations", "negotiated",
        "consultations", "dialogue", "conferred",
    ]

    /// "a statement released after the talks", "figures released on Monday": a participle after
    /// a document is a publication, not a prisoner let go.
    static let documentNouns: Set<String> = [
        "statement", "statements", "report", "reports", "video", "videos", "footage", "images", "photos", "figures", "data",
        "document", "documents", "transcript", "readout", "communique", "communiqué", "results", "details", "text",
    ]

    /// The tokens a phrase's "*" gap covered when it matched at `start`.
    private func gapRange(_ words: [String], _ tokens: [Token], at start: Int) -> Range<Int>? {
        guard let star = words.firstIndex(where: Lexicon.isGap),
            let before = match(Array(words[..<star]), tokens, at: start),
            let after = match(Array(words[star...]), tokens, at: before)
        else { return nil }
        let next = words[star + 1]
        var end = before
        while end < after, tokens[end].lower != next { end += 1 }
        return before..<end
    }

    private func match(_ words: [String], _ tokens: [Token], at start: Int) -> Int? {
        var i = start
        var w = 0
        while w < words.count {
            if Lexicon.isGap(words[w]) {
                // "*" stands for one to three words, "**" for one to eight ("ordered ** to leave").
                let most = words[w] == "*" ? 3 : 8
                let nextWord = words[w + 1]
                var gap = 0
                while i < tokens.count, gap <= most, tokens[i].lower != nextWord {
                    i += 1
                    gap += 1
                }
                guard i < tokens.count, tokens[i].lower == nextWord, gap >= 1 else { return nil }
                w += 1
                continue
            }
            guard i < tokens.count, tokens[i].lower == words[w] else { return nil }
            i += 1
            w += 1
        }
        return i
    }

    // MARK: Modality

    private func hasCue(_ cues: [[String]], _ tokens: [Token], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        for i in from..<to {
            for c in cues where i + c.count <= to {
                var ok = true
                for (k, w) in c.enumerated() where tokens[i + k].lower != w {
                    ok = false
                    break
                }
                if ok { return true }
            }
        }
        return false
    }

    private func negated(_ tokens: [Token], from clauseStart: Int, trigger: Int) -> Bool {
        hasCue(lexicon.negations, tokens, from: max(clauseStart, trigger - 5), to: trigger)
    }

    private func modality(_ tokens: [Token], from clauseStart: Int, trigger: Int, rightEnd: Int) -> String {
        // The nearest cue before the trigger wins; then forward-looking time words after it.
        var i = trigger - 1
        let lower = max(clauseStart, trigger - 8)
        while i >= lower {
            for cue in lexicon.modality where i + cue.words.count <= trigger && tokens[i].lower == cue.words[0] {
                // Quotation marks inside a cue do not break it: would "certainly be open" to meeting.
                var k = i + 1
                var ok = true
                for w in cue.words.dropFirst() {
                    while k < trigger, Self.isQuote(tokens[k].lower) { k += 1 }
                    guard k < trigger, tokens[k].lower == w else {
                        ok = false
                        break
                    }
                    k += 1
                }
                if ok { return cue.status }
            }
            i -= 1
        }
        let futureAfter: [[String]] = [
            ["next", "week"], ["next", "month"], ["coming", "weeks"], ["coming", "days"], ["later", "this"], ["tomorrow"],
            ["next", "year"],
        ]
        if hasCue(futureAfter, tokens, from: trigger, to: rightEnd) { return "planned" }
        if trigger > 0, ["upcoming", "planned", "proposed", "scheduled"].contains(tokens[trigger - 1].lower) {
            return tokens[trigger - 1].lower == "proposed" ? "possible" : "planned"
        }
        return "occurred"
    }

    static let partnerWords: Set<String> = [
        "with", "between", "and", ",", "by", "to", "in", "at", "among", "including", "counterpart", "counterparts",
        "the", "his", "her", "their", "its", "'s", "visiting", "top", "senior", "also", "separately", "later", "again",
        "both", "then", "leaders", "leader", "of",
    ]
    static let weekdaysAndMonths: Set<String> = Set(TemporalResolver.weekdays + TemporalResolver.months)

    /// Whether only partner words, names and other actors stand between a trigger and a mention
    /// ("met with X and Y", "talks in Beijing between X and Y", "visit South Korea, China and…").
    static func partnerChain(_ tokens: [Token], from start: Int, to end: Int, mentions: [Mention], places: [MentionFinder.Place]) -> Bool {
        if start > 0, ["discussed", "discuss", "discusses"].contains(tokens[start - 1].lower) { return false }
        var i = start
        while i < end {
            if let m = mentions.first(where: { $0.start <= i && i < $0.end }) {
                i = m.end
                continue
            }
            if let p = places.first(where: { $0.start <= i && i < $0.end }) {
                i = p.end
                continue
            }
            let t = tokens[i]
            // "on Tuesday" is time; "on Taiwan" is the subject of the talks.
            if t.lower == "on", i + 1 < end, weekdaysAndMonths.contains(tokens[i + 1].lower) {
                i += 2
                continue
            }
            guard partnerWords.contains(t.lower) || weekdaysAndMonths.contains(t.lower) || (t.isCapitalized && t.isWord) else {
                return false
            }
            // "of" right after the trigger names a topic ("talks of war"), not a partner.
            if t.lower == "of", i == start { return false }
            i += 1
        }
        return true
    }

    static let prepositions: Set<String> = [
        "to", "of", "with", "for", "from", "against", "on", "at", "by", "about", "over", "into", "toward", "towards",
        "regarding", "between", "among", "after", "before",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their", "our", "all", "both", "other"]

    /// "members of the Security Council", "to the Chinese minister": the mention follows a preposition.
    static func isPrepositionalObject(_ tokens: [Token], _ m: Mention, from start: Int) -> Bool {
        var i = m.start - 1
        while i >= start, determiners.contains(tokens[i].lower) { i -= 1 }
        return i >= start && prepositions.contains(tokens[i].lower)
    }

    /// "in a telephone call", "during the visit": a trigger noun after a preposition.
    static func isPrepositionalNoun(_ tokens: [Token], _ start: Int, from clauseStart: Int) -> Bool {
        var i = start - 1
        while i >= clauseStart,
            determiners.contains(tokens[i].lower)
                || ["brief", "later", "lengthy", "long", "first", "surprise", "recent", "official", "rare", "two-day", "three-day"]
                    .contains(tokens[i].lower)
        {
            i -= 1
        }
        return i >= clauseStart && ["in", "during", "at", "via", "over"].contains(tokens[i].lower)
    }

    /// "…, officials in New Delhi said": the place belongs to the reporter.
    static func beforeReportingVerb(_ tokens: [Token], _ end: Int) -> Bool {
        tokens[end..<min(tokens.count, end + 3)].contains { MentionFinder.reportingVerbs.contains($0.lower) }
    }

    /// Clause boundaries: subordinators, semicolons, dashes, and a comma before "and", "but",
    /// "while", "which" (a new clause with its own subject).
    static func isBoundary(_ tokens: [Token], _ i: Int) -> Bool {
        let w = tokens[i].lower
        if boundaries.contains(w) { return true }
        guard w == ",", i + 1 < tokens.count, ["and", "but", "while", "which", "whereas", "yet"].contains(tokens[i + 1].lower) else {
            return false
        }
        // The serial comma of a list of names ("the US, Russia, and Switzerland") joins, it does not divide.
        if tokens[i + 1].lower == "and", i + 2 < tokens.count, i >= 1, tokens[i - 1].isCapitalized, tokens[i + 2].isCapitalized,
            tokens[max(0, i - 4)..<(i - 1)].contains(where: { $0.lower == "," })
        {
            return false
        }
        return true
    }

    /// "in Beijing", "at Camp David": a place the event happens in ("near Ukraine" is not).
    private func isLocative(_ tokens: [Token], _ start: Int) -> Bool {
        start > 0 && (tokens[start - 1].lower == "in" || tokens[start - 1].lower == "at")
    }

    private func leadingSubject(_ mentions: [Mention], before: Int) -> Mention? {
        mentions.first { $0.end <= before && !$0.reporter && !$0.locative }
    }

    // MARK: Memory

    private func remember(_ mentions: [Mention], events: [Event], into memory: inout ArticleMemory) {
        for m in mentions where !m.locative {
            if m.kind == .person {
                if !m.reporter || memory.lastPerson == nil { memory.lastPerson = m }
                if let o = m.office { memory.byOffice[o] = m }
                for word in (m.title ?? "").lowercased().split(separator: " ")
                where ["secretary", "minister", "president", "premier", "chancellor"].contains(word) {
                    memory.byTitleWord[String(word)] = m
                }
                if lexicon.names[m.name.lowercased()] == nil, let surname = m.name.split(separator: " ").last, m.name.utf8.contains(0x20) {
                    memory.introduced[surname.lowercased()] = m
                }
            } else if !m.reporter {
                memory.lastState = m
            }
        }
        if let consult = events.last(where: { $0.type == "CONSULT" }) {
            let all = unique(consult.sources + consult.targets)
            if all.count >= 2 { memory.lastConsult = all }
        }
    }

    // MARK: Assembly

    private func unique(_ ms: [Mention]) -> [Mention] {
        var seen = Set<String>()
        var out: [Mention] = []
        for m in ms where seen.insert(m.key).inserted { out.append(m) }
        // A state mentioned beside its own person adds nothing.
        let personCodes = Set(out.filter { $0.kind == .person }.compactMap(\.code))
        return out.filter { !($0.kind != .person && $0.code.map(personCodes.contains) == true) }
    }

    /// Mentions without repeats, keeping states beside their people (the place a visit goes to).
    static func distinct(_ ms: [Mention]) -> [Mention] {
        var seen = Set<String>()
        return ms.filter { seen.insert($0.key).inserted }
    }

    /// Within a sentence, a meeting held during a visit is the visit.
    private func mergeSentence(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        for e in events {
            if e.type == "CONSULT", let idx = out.lastIndex(where: { $0.type == "CONSULT" && $0.status == e.status }) {
                let a = Set((out[idx].sources + out[idx].targets).compactMap(\.code))
                let b = Set((e.sources + e.targets).compactMap(\.code))
                if !a.isDisjoint(with: b), a.count >= 1 {
                    var merged = out[idx]
                    if e.mode == "visit", merged.mode != "visit" {
                        var v = e
                        v.sources = Self.distinct(merged.sources + e.sources)
                        if v.targets.isEmpty || !merged.targets.isEmpty { v.targets = Self.distinct(e.targets + merged.targets) }
                        v.date = merged.hasExplicitDate ? merged.date : e.date
                        v.location = merged.location ?? e.location
                        out[idx] = v
                    } else {
                        merged.targets = Self.distinct(merged.targets + e.targets)
                        merged.location = merged.location ?? e.location
                        out[idx] = merged
                    }
                    continue
                }
            }
            out.append(e)
        }
        return out
    }

    /// One event as it will be told: its sides, after splitting a directed event with several
    /// target states into one development per target ("recalled its envoys from Tel Aviv and Washington").
    private func tellings(_ e: Event) -> [(participants: [Participant], target: Mention?)] {
        var sources = unique(e.sources)
        var targets = unique(e.targets).filter { t in !sources.contains { $0.key == t.key } }
        if e.symmetric || (targets.isEmpty && Set(sources.compactMap(\.code)).count >= 2) {
            return [(unique(sources + targets).map { $0.participant(role: "both") }, nil)]
        }
        let sourceCodes = Set(sources.compactMap(\.code))
        // A state acting on itself is no diplomacy; a body acting on its own organ may be (the UN chief and the Council).
        targets = targets.filter { t in
            guard let c = t.code, sourceCodes.contains(c) else { return true }
            return lexicon.multilateral.contains(c) || c == "UN"
        }
        sources = sources.filter { s in !targets.contains { $0.key == s.key } }
        guard !sources.isEmpty, !targets.isEmpty else { return [] }
        var groups: [(code: String, members: [Mention])] = []
        for t in targets {
            let c = t.code ?? t.name
            if let i = groups.firstIndex(where: { $0.code == c }) { groups[i].members.append(t) } else { groups.append((c, [t])) }
        }
        return groups.map { g in
            (sources.map { $0.participant(role: "source") } + g.members.map { $0.participant(role: "target") }, g.members.first)
        }
    }

    private func assemble(_ events: [Event], sentences: [String], tokenized: [[Token]]) -> [Development] {
        var out: [Development] = []
        for e in events {
            for (telling, target) in tellings(e) {
                var participants = telling
                // A visit to several places is one development per place, each located there.
                let destination = e.targets.first { $0.kind == .state && $0.code == target?.code }
                let location = e.locatedByTarget ? destination.map { $0.place ?? $0.name } ?? e.location : e.location
                let codes = Set(participants.compactMap(\.country))
                let multilateral = codes.contains { lexicon.multilateral.contains($0) }
                let distinct = Set(participants.map(\.name)).count
                guard
                    codes.count >= 2 || (multilateral && (e.type == "CONSULT" || e.type == "AGREE"))
                        || (codes.count == 1 && distinct >= 2 && (multilateral || codes == ["UN"]))
                else { continue }
                var mode = e.mode
                if e.type == "CONSULT", multilateral, mode == "summit" || codes.count > 2 { mode = "multilateral" }
                if e.type != "CONSULT" { mode = nil }
                participants = participants.sorted { ($0.role, $0.name) < ($1.role, $1.name) }
                let topics = topicsFor(sentence: e.sentence, tokenized: tokenized)
                var confidence = 0.55
                if participants.contains(where: isPerson) {
                    confidence += 0.15
                }
                if e.hasExplicitDate { confidence += 0.1 }
                if location != nil { confidence += 0.05 }
                if e.status == "possible" { confidence -= 0.1 }
                confidence = (min(confidence, 0.95) * 100).rounded() / 100
                let d = Development(
                    type: e.type, mode: mode, status: e.status, participants: participants, location: location,
                    date: e.date, topics: topics, evidence: sentences[e.sentence], confidence: confidence)
                // A meeting is usually told several times in an article; other events are merged
                // only within their sentence ("expelled X's envoy and recalled its own").
                if let idx = out.firstIndex(where: { sameEvent($0, d) && (d.type == "CONSULT" || $0.evidence == d.evidence) }) {
                    out[idx] = merge(out[idx], d)
                } else {
                    out.append(d)
                }
            }
        }
        return out
    }

    /// A participant named for a person, not for a state or body acting as a whole.
    private func isPerson(_ p: Participant) -> Bool { !lexicon.actorNames.contains(p.name) }

    /// The same event told twice in one article: same type and status, the same states (or one
    /// telling's states within the other's), and no two different people for the same state.
    func sameEvent(_ a: Development, _ b: Development) -> Bool {
        guard a.type == b.type, a.status == b.status else { return false }
        if a.type == "CONSULT", a.mode != b.mode, Set([a.mode, b.mode]) != Set(["meeting", "visit"]) { return false }
        // Directed events keep their direction: who acts and who is acted on.
        let directed = { (d: Development) in d.participants.contains { $0.role != "both" } }
        for role in ["source", "target"] where directed(a) && directed(b) {
            let ra = Set(a.participants.filter { $0.role == role }.compactMap(\.country))
            let rb = Set(b.participants.filter { $0.role == role }.compactMap(\.country))
            if !ra.isEmpty || !rb.isEmpty, !(ra.isSubset(of: rb) || rb.isSubset(of: ra)) || ra.isEmpty != rb.isEmpty { return false }
        }
        let ca = Set(a.participants.compactMap(\.country))
        let cb = Set(b.participants.compactMap(\.country))
        guard ca == cb || (min(ca.count, cb.count) >= 2 && (ca.isSubset(of: cb) || cb.isSubset(of: ca))) else { return false }
        for code in ca.intersection(cb) {
            let pa = Set(a.participants.filter { $0.country == code && isPerson($0) }.map(\.name))
            let pb = Set(b.participants.filter { $0.country == code && isPerson($0) }.map(\.name))
            if !pa.isEmpty, !pb.isEmpty, pa.isDisjoint(with: pb) { return false }
        }
        if let da = a.date, let db = b.date, da.count == 10, db.count == 10, da != db { return false }
        return true
    }

    /// Keeps the first telling and adds what the second knows that it did not.
    func merge(_ a: Development, _ b: Development) -> Development {
        var m = a
        for p in b.participants where !m.participants.contains(where: { $0.name == p.name }) {
            // A person replaces their state shown as a whole, in the state's role.
            if isPerson(p), let i = m.participants.firstIndex(where: { $0.country == p.country && !isPerson($0) }) {
                var q = p
                q.role = m.participants[i].role
                m.participants[i] = q
            } else if isPerson(p) || !m.participants.contains(where: { $0.country == p.country }) {
                m.participants.append(p)
            }
        }
        if m.location == nil { m.location = b.location }
        if (m.date?.count ?? 0) < (b.date?.count ?? 0) { m.date = b.date }
        m.topics = Array(Set(m.topics + b.topics)).sorted()
        m.confidence = min(0.95, max(m.confidence, b.confidence) + 0.05)
        return m
    }

    static let continuationCues: [[String]] = [
        ["the", "two"], ["they"], ["he"], ["she"], ["both"], ["the", "talks"], ["the", "meeting"], ["the", "call"],
    ]

    /// Topics from the development's sentence, and from the next one when it carries on the
    /// same story ("The two sides discussed …"), in lexicon order.
    private func topicsFor(sentence: Int, tokenized: [[Token]]) -> [String] {
        var sentencesToRead = [tokenized[sentence]]
        if sentence + 1 < tokenized.count {
            let next = tokenized[sentence + 1]
            if Self.continuationCues.contains(where: { cue in cue.count <= next.count && zip(cue, next).allSatisfy { $0 == $1.lower } }) {
                sentencesToRead.append(next)
            }
        }
        var found = Set<Int>()
        for tokens in sentencesToRead {
            for i in tokens.indices {
                guard let candidates = lexicon.topicIndex[tokens[i].lower] else { continue }
                for c in candidates where i + c.words.count <= tokens.count && !found.contains(c.label) {
                    if zip(c.words, tokens[i...]).allSatisfy({ $0 == $1.lower }) { found.insert(c.label) }
                }
            }
        }
        return found.sorted().map { lexicon.topicLabels[$0] }
    }
}
