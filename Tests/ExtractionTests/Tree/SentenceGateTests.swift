import Synchronization
import Testing

@testable import Extraction

@Suite("The sentence gate: which sentences are parsed")
struct SentenceGateTests {
    func passes(_ sentence: String, _ memory: ArticleMemory = ArticleMemory()) -> Bool {
        SentenceGate.mayHoldDevelopment(Tokenizer.tokens(sentence), lexicon: .builtIn, memory: memory)
    }

    func state(_ name: String, _ code: String) -> Mention {
        Mention(kind: .state, name: name, code: code, title: nil, start: 0, end: 1)
    }

    @Test func twoStatesAndAnActAreParsed() {
        #expect(passes("Kenya imposed sanctions on Peru over the dispute."))
        #expect(passes("Peruvian officials met their Kenyan counterparts in Lima."))
    }

    @Test func aSpeechVerbAloneIsNoAct() {
        let s = "Kenya said Peru's economy grew last year."
        #expect(SentenceGate.mayHoldEvent(Tokenizer.tokens(s), lexicon: .builtIn))
        #expect(!passes(s))
    }

    @Test func oneStateCannotMakeADevelopment() {
        #expect(!passes("Kenya imposed sanctions on the company over the dispute."))
    }

    @Test func aCapitalisedFirstWordOfLongerNamesCountsOnlyWithTheirOtherWords() {
        // "The" begins "The Netherlands", "The Gambia", …: alone it names no state.
        var memory = ArticleMemory()
        memory.lastState = state("Kenya", "KEN")
        #expect(!passes("The firm imposed sanctions on its rivals.", memory))
        #expect(passes("The Netherlands imposed sanctions on its neighbour.", memory))
    }

    @Test func groupPhrasesAndTitleWordsCountWhatTheNameFinderMakesOfThem() {
        // The name finder reads "the three countries" as the last three states named when the
        // last meeting had another number, and "the minister" as the last minister named: the
        // gate must let such sentences through to it.
        var memory = ArticleMemory()
        memory.recent = [state("Kenya", "KEN"), state("Peru", "PER"), state("Chile", "CHL")]
        #expect(passes("The three countries signed a pact on fishing.", memory))
        var minister = ArticleMemory()
        minister.byTitleWord["minister"] = Mention(
            kind: .person, name: "Ada Quill", code: "PER", title: "Foreign Minister", start: 0, end: 1)
        #expect(passes("The minister condemned Kenya over the dispute.", minister))
        #expect(!passes("The minister condemned Kenya over the dispute."))
    }

    @Test func wordsReferringToEarlierActorsCountTheirStates() {
        var memory = ArticleMemory()
        #expect(!passes("They signed an agreement on fisheries.", memory))
        memory.lastConsult = [state("Kenya", "KEN"), state("Peru", "PER")]
        #expect(passes("They signed an agreement on fisheries.", memory))
        // "its" stands for the last state only.
        memory.lastState = state("Kenya", "KEN")
        #expect(!passes("The board imposed sanctions on its own staff.", memory))
        #expect(passes("Peru imposed sanctions on its neighbour.", memory))
    }

    @Test func aTitleLeftAsWrittenIsParsedOnce() {
        let words = HandTrees.tree([
            "Kenya/PROPN/4/nsubj", "and/CCONJ/3/cc", "Peru/PROPN/1/conj", "held/VERB/0/root/hold", "talks/NOUN/4/obj/talk",
            "./PUNCT/4/punct",
        ])
        let tree = DependencyTree(text: "Kenya and Peru held talks.", nodes: words.nodes)
        let calls = Mutex<[String]>([])
        let known = HandTrees.parser([tree])
        let counting: TreeExtractor.Parser = { sentence in
            calls.withLock { $0.append(sentence) }
            return known(sentence)
        }
        let article = Article(title: tree.text, text: "Officials gave no details.", published: "2024-03-06")
        let developments = TreeExtractor(lexicon: .builtIn, parse: counting).extract(article)
        #expect(developments.map(\.type) == ["CONSULT"])
        #expect(calls.withLock { $0 } == [tree.text])
    }
}
