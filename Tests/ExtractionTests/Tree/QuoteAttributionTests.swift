import Testing

@testable import Extraction

@Suite("Quotes across sentences: the speaker named in another sentence")
struct QuoteAttributionTests {
    func dyads(_ out: [Development]) -> [String] {
        out.map { d in
            let s = d.participants.filter { $0.role == "source" }.compactMap(\.country).sorted().joined(separator: ",")
            let t = d.participants.filter { $0.role == "target" }.compactMap(\.country).sorted().joined(separator: ",")
            return "\(d.type) \(s)>\(t)"
        }
    }

    @Test func aQuoteClosedInTheNextSentenceIsSaidByItsAttribution() {
        // "“ Chile must withdraw its troops ." then "We expect an answer , ” the Peruvian minister said ."
        let first = HandTrees.tree([
            "“/PUNCT/4/punct", "Chile/PROPN/4/nsubj", "must/AUX/4/aux", "withdraw/VERB/0/root", "its/PRON/6/nmod:poss",
            "troops/NOUN/4/obj/troop", "./PUNCT/4/punct",
        ])
        let second = HandTrees.tree([
            "We/PRON/2/nsubj/we", "expect/VERB/10/ccomp", "an/DET/4/det", "answer/NOUN/2/obj", ",/PUNCT/2/punct", "”/PUNCT/2/punct",
            "the/DET/9/det", "Peruvian/ADJ/9/amod", "minister/NOUN/10/nsubj", "said/VERB/0/root/say", "./PUNCT/10/punct",
        ])
        #expect(dyads(HandTrees.extract([first, second])) == ["REQUEST PER>CHL"])
    }

    @Test func quoteSpansAreFoundOnTokens() {
        let sentences = [
            "The Peruvian minister said :", "“ Chile must leave .", "It has no right to stay . ”", "Chile said nothing .",
            "“ Bolivia must pay .", "It owes us , ” Peru said .",
        ].map(Tokenizer.tokens)
        let sources = QuoteAttribution.sources(sentences)
        // The colon opens a paragraph of quoted speech; a quote closed before its speech verb is said by it.
        #expect(sources[1] == QuoteAttribution.Source(sentence: 0, words: 0..<4))
        #expect(sources[2] == QuoteAttribution.Source(sentence: 0, words: 0..<4))
        #expect(sources[3] == nil)
        #expect(sources[4] == QuoteAttribution.Source(sentence: 5, words: 5..<8))
        #expect(sources[5] == nil)
    }
}
