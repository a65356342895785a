import Syntax

/// Article → developments by event coding on dependency trees, the engine `Extractor` runs.
/// The stages, in order: tokenize, tag and parse (a `Parser`, only for the sentences `SentenceGate` lets
/// through: a trigger word of an act and actors of two states) → mentions → frames → attribution and
/// status → merge. The title is read first, as a sentence in headline style, and parsed once.
struct TreeExtractor: Sendable {
    /// Tokenize, tag and parse one sentence.
    typealias Parser = @Sendable (String) -> DependencyTree

    let lexicon: Lexicon
    let parse: Parser

    /// The built-in syntax model's tokenizer, tagger and parser, told which capitalised words
    /// name people, states and places.
    static func builtInParser(_ lexicon: Lexicon) -> Parser {
        let names = lexicon.nameWords
        return { DependencyTree(SyntaxModel.builtIn.parse($0, names: names)) }
    }

    init(lexicon: Lexicon, parse: Parser? = nil) {
        self.lexicon = lexicon
        self.parse = parse ?? Self.builtInParser(lexicon)
    }

    func extract(_ article: Article) -> [Development] {
        // Most news names fewer than two states: no development can come of it.
        guard lexicon.mayHoldDevelopment((article.title ?? "") + "\n" + article.text) else { return [] }
        let published = article.published.flatMap(CalendarDay.init(iso:)) ?? CalendarDay(year: 2000, month: 1, day: 1)
        let finder = NameFinder(lexicon: lexicon, day: published.dayNumber)
        let mentionStage = MentionStage(finder: finder)
        let frames = FrameStage(book: lexicon.frameBook)
        let events = EventStage(lexicon: lexicon, mentions: mentionStage, status: StatusStage(book: lexicon.frameBook, lexicon: lexicon))
        let time = TemporalResolver(published: published)
        var sentences = SentenceSplitter.split(article.text)
        // The title is read as the sentence it stands for; its evidence is the title as written.
        var titled = false
        if let title = article.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            // A feed entry with no summary repeats its title as its text: it is read once, as a headline.
            if sentences == [title] { sentences = [] }
            sentences.insert(title, at: 0)
            titled = true
        }
        var read = sentences
        // The headline stage parses the title; when it leaves the title as it was, that tree is reused.
        let parse = LastTree(parse)
        if titled, let title = sentences.first { read[0] = HeadlineStage(lexicon: lexicon).sentence(title) { parse.parse($0) } }
        var memory = ArticleMemory()
        var found: [EventStage.Event] = []
        let tokenized = read.map(Tokenizer.tokens)
        let quotes = QuoteAttribution.sources(tokenized)
        for (si, sentence) in read.enumerated() {
            let quick = tokenized[si]
            // A quoted sentence whose speaker another sentence names: the speaker is its second actor.
            let quoteSpeaker =
                quotes[si].map { q in quoteSpeakers(finder.mentions(Array(tokenized[q.sentence][q.words]), memory: memory)) } ?? []
            guard
                SentenceGate.mayHoldDevelopment(quick, lexicon: lexicon, memory: memory)
                    || (!quoteSpeaker.isEmpty && SentenceGate.mayHoldEvent(quick, lexicon: lexicon))
            else {
                if SentenceGate.namesActor(quick, lexicon: lexicon) {
                    MentionStage.remember(Found(finder.mentions(quick, memory: memory)), nil, into: &memory)
                }
                continue
            }
            let tree = parse.parse(sentence)
            let tokens = MentionStage.tokens(tree)
            let mentions = mentionStage.find(tree, tokens: tokens, memory: memory)
            let readings = EvaluationStage(book: lexicon.frameBook, mentions: mentionStage, found: mentions).readings(
                tree, frames.readings(tree))
            var ctx = EventStage.Context(tree: tree, found: mentions, tokens: tokens, time: time, sentence: si)
            ctx.quoteSpeaker = quoteSpeaker
            let sentenceEvents = events.events(readings, ctx)
            found += sentenceEvents
            MentionStage.remember(mentions, tree, into: &memory)
            let consults = sentenceEvents.filter { $0.type == "CONSULT" }
            if let last = consults.last {
                memory.lastConsult = last.participants.compactMap { p in mentions.mentions.first { $0.name == p.name } }
            }
        }
        let topics = TopicFinder(lexicon: lexicon)
        return MergeStage(lexicon: lexicon).developments(found, sentences: sentences, titled: titled) { topics.topics(tokenized[$0]) }
    }

    /// A parser that remembers its last sentence's tree.
    private final class LastTree: @unchecked Sendable {
        let base: Parser
        var last: (String, DependencyTree)?

        init(_ base: @escaping Parser) { self.base = base }

        func parse(_ sentence: String) -> DependencyTree {
            if let (text, tree) = last, text == sentence { return tree }
            let tree = base(sentence)
            last = (sentence, tree)
            return tree
        }
    }

    /// The speaker a quote's attribution names: its first actor that is no place.
    private func quoteSpeakers(_ r: (mentions: [Mention], places: [NameFinder.Place])) -> [Mention] {
        r.mentions.first { !$0.locative }.map { [$0] } ?? []
    }

    private func Found(_ r: (mentions: [Mention], places: [NameFinder.Place])) -> MentionStage.Found {
        MentionStage.Found(mentions: r.mentions, places: r.places)
    }
}
