/// An actor found in a sentence: a person, a state (or its capital acting for it) or a body.
struct Mention: Sendable {
    enum Kind: Sendable { case person, state, body }

    var kind: Kind
    var name: String
    var code: String?
    var title: String?
    var start: Int
    var end: Int
    /// A capital or country name that follows "in"/"at": it places the event, it does not act.
    var locative = false
    var office: String?
    /// The place as written, for a capital or city acting as its state ("Washington").
    var place: String?

    var key: String {
        switch kind {
        case .person: return "p:" + name
        case .state, .body: return "c:" + (code ?? name)
        }
    }

    func participant(role: String) -> Participant {
        Participant(name: name, country: code, role: role, title: kind == .person ? title : nil)
    }
}

/// What the extractor remembers across the sentences of one article (coreference).
struct ArticleMemory {
    var lastPerson: Mention?
    var lastState: Mention?
    var lastConsult: [Mention] = []
    /// The actors named so far, the latest last, one per state or body: "the three countries".
    var recent: [Mention] = []
    var byOffice: [String: Mention] = [:]
    /// The last person whose title had this word ("the Secretary" after "Secretary of State Blinken").
    var byTitleWord: [String: Mention] = [:]
    /// People introduced with a title but absent from the lexicon, by surname.
    var introduced: [String: Mention] = [:]
}
