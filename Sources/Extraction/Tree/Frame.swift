/// One reading of a trigger lemma: its type, its conditions and which relation gives which role.
/// Read from `frames.txt` (see the comment at the top of that file).
struct Frame: Sendable, Equatable {
    enum Role: String, Sendable { case source, target, party }

    /// A relation, with the case word of its dependent when written `obl:with`.
    struct Relation: Sendable, Equatable {
        var name: String
        var caseWord: String?
    }

    struct Slot: Sendable, Equatable {
        var relation: Relation
        var role: Role
        /// The relation is read on the trigger's governor ("imposed sanctions on Russia").
        var onGovernor: Bool
    }

    struct Condition: Sendable, Equatable {
        var relation: Relation
        var lemmas: [String]
        var required: Bool
    }

    var type: String
    var mode: String?
    var lemma: String
    var pos: String
    var slots: [Slot] = []
    var conditions: [Condition] = []
    var governors: [String] = []

    var isSpeech: Bool { type == "SPEECH" }

    /// Types told by a speaker: the speaker is their source.
    static let verbalTypes: Set<String> = ["ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"]
    /// Types whose parties act together.
    static let symmetricTypes: Set<String> = ["CONSULT", "AGREE", "COOPERATE"]

    static let ploverTypes: Set<String> = [
        "CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COOPERATE", "AID", "SUPPORT",
        "CONCEDE", "RETREAT", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST",
    ]
    static let universalPOS: Set<String> = ["VERB", "NOUN", "ADJ", "PROPN", "ADP", "ADV", "AUX"]
    static let relations: Set<String> = [
        "nsubj", "obj", "iobj", "obl", "nmod", "amod", "compound", "appos", "ccomp", "xcomp", "advcl", "acl", "advmod",
        "aux", "mark", "case", "det", "conj", "cc", "flat", "parataxis", "nummod", "csubj", "expl", "fixed", "dep",
    ]
}

extension Frame {
    /// Reads one trigger, or says why it cannot be read.
    static func parse(_ entry: String, type: String, mode: String?) -> Result<Frame, FrameError> {
        let items = entry.split(separator: " ").map(String.init)
        guard let head = items.first else { return .failure(FrameError("empty trigger")) }
        let parts = head.split(separator: "/").map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, parts[0] == parts[0].lowercased() else {
            return .failure(FrameError("\"\(head)\": a trigger starts with a lowercase lemma and its part of speech, as in meet/VERB"))
        }
        guard universalPOS.contains(parts[1]) else {
            return .failure(
                FrameError(
                    "\"\(head)\": unknown part of speech \(parts[1]) (expected one of \(universalPOS.sorted().joined(separator: ", ")))"))
        }
        var frame = Frame(type: type, mode: mode, lemma: parts[0], pos: parts[1])
        for item in items.dropFirst() {
            if let problem = frame.read(item) { return .failure(FrameError("\(head): \(problem)")) }
        }
        return .success(frame)
    }

    /// Adds one item of a trigger; returns a problem when it cannot be read.
    private mutating func read(_ item: String) -> String? {
        if item.hasPrefix("<") {
            governors = item.dropFirst().split(separator: ",").map(String.init)
            return governors.isEmpty ? "\"\(item)\": name the governing lemmas" : nil
        }
        if item.hasPrefix("+") || item.hasPrefix("-") {
            let body = item.dropFirst()
            let pair = body.split(separator: "=", maxSplits: 1).map(String.init)
            guard let relation = Self.relation(pair[0]) else { return "\"\(item)\": unknown relation \(pair[0])" }
            let lemmas = pair.count > 1 ? pair[1].split(separator: ",").map(String.init) : []
            conditions.append(Condition(relation: relation, lemmas: lemmas, required: item.hasPrefix("+")))
            return nil
        }
        let onGovernor = item.hasPrefix("^")
        let pair = (onGovernor ? item.dropFirst() : Substring(item)).split(separator: "=").map(String.init)
        guard pair.count == 2 else { return "\"\(item)\": expected RELATION=ROLE, +RELATION, -RELATION or <LEMMA" }
        guard let relation = Self.relation(pair[0]) else { return "\"\(item)\": unknown relation \(pair[0])" }
        guard let role = Role(rawValue: pair[1]) else { return "\"\(item)\": unknown role \(pair[1]) (expected source, target or party)" }
        slots.append(Slot(relation: relation, role: role, onGovernor: onGovernor))
        return nil
    }

    /// "obl:with" → obl with the case word "with"; "nmod:poss", "nsubj:pass" and
    /// "compound:prt" are relations of their own.
    static func relation(_ text: String) -> Relation? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, relations.contains(name) else { return nil }
        guard parts.count == 2 else { return Relation(name: name) }
        if ["poss", "pass", "prt", "tmod", "npmod", "agent", "relcl"].contains(parts[1]) { return Relation(name: text) }
        guard parts[1].allSatisfy({ $0.isLetter || $0 == "'" }) else { return nil }
        return Relation(name: name, caseWord: parts[1])
    }
}

/// Why a line of `frames.txt` or `status.txt` cannot be used.
struct FrameError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
