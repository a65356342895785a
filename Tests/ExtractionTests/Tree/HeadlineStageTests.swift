import Testing

@testable import Extraction

@Suite("Headlines read as sentences")
struct HeadlineStageTests {
    let stage = HeadlineStage(lexicon: .builtIn)

    /// A parser that knows the given trees by their words (however they are spaced) and reads
    /// any other sentence as a flat tree.
    func parser(_ trees: [DependencyTree]) -> TreeExtractor.Parser {
        let known = Dictionary(trees.map { (HeadlineStage.joined($0.nodes.map(\.form)), $0) }, uniquingKeysWith: { a, _ in a })
        let flat = HandTrees.parser([])
        return { sentence in
            guard var t = known[HeadlineStage.joined(Tokenizer.tokens(sentence).map(\.text))] else { return flat(sentence) }
            t.text = sentence
            return t
        }
    }

    @Test func toAndAVerbBecomesWill() {
        // The first parse of "Chile to expel Peruvian envoy." (a tagger's reading of the headline)
        let draft = HandTrees.tree([
            "Chile/PROPN/0/root", "to/PART/3/mark", "expel/VERB/1/acl", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/1/punct",
        ])
        #expect(stage.sentence("Chile to expel Peruvian envoy", parse: parser([draft])) == "Chile will expel Peruvian envoy.")
    }

    @Test func aVerbBeforeToKeepsTheHeadline() {
        // "Kenya urges Uganda to reopen border": "to" after the verb is the verb's complement.
        let draft = HandTrees.tree([
            "Kenya/PROPN/2/nsubj", "urges/VERB/0/root/urge", "Uganda/PROPN/2/obj", "to/PART/5/mark", "reopen/VERB/2/xcomp",
            "border/NOUN/5/obj", "./PUNCT/2/punct",
        ])
        #expect(stage.sentence("Kenya urges Uganda to reopen border", parse: parser([draft])) == "Kenya urges Uganda to reopen border.")
    }

    @Test func tellsXToActIsARequest() throws {
        // "Canadian PM tells Chile to end the raids", as the tagger reads it.
        let t = HandTrees.tree([
            "Canadian/ADJ/2/amod", "PM/NOUN/3/nsubj/pm", "tells/VERB/0/root/tell", "Chile/PROPN/3/iobj", "to/PART/6/mark",
            "end/VERB/3/xcomp", "the/DET/8/det", "raids/NOUN/6/obj/raid", "./PUNCT/3/punct",
        ])
        let out = TreeExtractor(lexicon: .builtIn, parse: parser([t])).extract(
            Article(title: "Canadian PM tells Chile to end the raids", text: "", published: "2024-03-06"))
        let d = try #require(out.first)
        #expect(d.type == "REQUEST")
        #expect(d.participants.first { $0.role == "source" }?.country == "CAN")
        #expect(d.participants.first { $0.role == "target" }?.country == "CHL")
    }

    @Test func aCommaBetweenNamesInTheSubjectIsAnd() {
        // A tagger's reading of "Lula, Macron hold talks in Paris": the first name as a vocative.
        let draft = HandTrees.tree([
            "Lula/PROPN/4/vocative", ",/PUNCT/1/punct", "Macron/PROPN/4/nsubj", "hold/VERB/0/root", "talks/NOUN/4/obj/talk",
            "in/ADP/7/case", "Paris/PROPN/4/obl", "./PUNCT/4/punct",
        ])
        #expect(stage.sentence("Lula, Macron hold talks in Paris", parse: parser([draft])) == "Lula and Macron hold talks in Paris.")
        // A comma after an opening phrase or after the verb is left alone.
        let opening = HandTrees.tree([
            "In/ADP/2/case", "Paris/PROPN/5/obl", ",/PUNCT/2/punct", "Lula/PROPN/5/nsubj", "meets/VERB/0/root/meet",
            "Macron/PROPN/5/obj", "./PUNCT/5/punct",
        ])
        #expect(stage.sentence("In Paris, Lula meets Macron", parse: parser([opening])) == "In Paris, Lula meets Macron.")
        let after = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "thanks/VERB/0/root/thank", "Peru/PROPN/2/obj", ",/PUNCT/5/punct", "Bolivia/PROPN/3/conj",
            "./PUNCT/2/punct",
        ])
        #expect(stage.sentence("Chile thanks Peru, Bolivia", parse: parser([after])) == "Chile thanks Peru, Bolivia.")
    }

    @Test func aBareParticipleBeforeAPrepositionIsPassive() {
        let draft = HandTrees.tree([
            "Belarus/PROPN/2/nsubj", "expelled/VERB/0/root/expel", "from/ADP/4/case", "forum/NOUN/2/obl", "./PUNCT/2/punct",
        ])
        #expect(stage.sentence("Belarus expelled from forum", parse: parser([draft])) == "Belarus was expelled from forum.")
    }

    @Test func aPresentVerbTakenForANounIsPutInThePast() {
        // A tagger may read "condemns" as a plural noun when no article precedes it.
        let draft = HandTrees.tree([
            "Norway/ADJ/2/amod", "condemns/NOUN/3/compound", "raid/NOUN/0/root", "./PUNCT/3/punct",
        ])
        #expect(stage.sentence("Norway condemns raid", parse: parser([draft])) == "Norway condemned raid.")
        #expect(HeadlineStage.past(of: "expel", present: "expels") == "expelled")
        #expect(HeadlineStage.past(of: "visit", present: "visits") == "visited")
        #expect(HeadlineStage.past(of: "meet", present: "meets") == "met")
        #expect(HeadlineStage.past(of: "urge", present: "urged") == nil)
    }

    @Test func speakerAfterAColonAndSectionLabelsBefore() {
        #expect(
            stage.speakerMoved(["Ties", "with", "Chile", "are", "strong", ":", "Lula"]) == [
                "Lula", "said", "Ties", "with", "Chile", "are", "strong",
            ])
        #expect(stage.speakerMoved(["Africa", ":", "Kenya", "hosts", "talks"]) == ["Kenya", "hosts", "talks"])
        #expect(stage.speakerMoved(["Macron", ":", "Europe", "must", "act", "now"]) == ["Macron", "said", "Europe", "must", "act", "now"])
    }

    @Test func titleCaseVerbsAndFunctionWordsAreLowercased() {
        let flat = parser([])
        // (A flat parse tags no verb, so the first known verb is also put in the past.)
        #expect(stage.sentence("Minister Urges Ghana To Condemn The Raid", parse: flat) == "Minister urged Ghana to condemn the Raid.")
        #expect(stage.sentence("U.S warns Cuba", parse: flat).hasPrefix("U.S. "))
    }

    @Test func theTitleIsParsedRewrittenAndItsEvidenceKept() throws {
        // "Chile to expel Peruvian envoy", parsed as "Chile will expel Peruvian envoy ."
        let draft = HandTrees.tree([
            "Chile/PROPN/0/root", "to/PART/3/mark", "expel/VERB/1/acl", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/1/punct",
        ])
        let rewritten = HandTrees.tree([
            "Chile/PROPN/3/nsubj", "will/AUX/3/aux", "expel/VERB/0/root", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/3/punct",
        ])
        let out = TreeExtractor(lexicon: .builtIn, parse: parser([draft, rewritten])).extract(
            Article(title: "Chile to expel Peruvian envoy", text: "No more was said.", published: "2024-03-06"))
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.type == "SANCTION")
        #expect(d.status == "planned")
        #expect(d.evidence == "Chile to expel Peruvian envoy")
    }

    @Test func anEntryWhoseTextIsItsTitleIsReadOnceAsAHeadline() throws {
        let draft = HandTrees.tree([
            "Chile/PROPN/0/root", "to/PART/3/mark", "expel/VERB/1/acl", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/1/punct",
        ])
        let rewritten = HandTrees.tree([
            "Chile/PROPN/3/nsubj", "will/AUX/3/aux", "expel/VERB/0/root", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/3/punct",
        ])
        // The title as written, misread as running text: an act that occurred.
        let asText = HandTrees.tree([
            "Chile/PROPN/3/nsubj", "to/ADP/1/case", "expel/VERB/0/root", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj",
        ])
        let title = "Chile to expel Peruvian envoy"
        let out = TreeExtractor(lexicon: .builtIn, parse: parser([draft, rewritten, asText])).extract(
            Article(title: title, text: title, published: "2024-03-06"))
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.status == "planned")
    }

    @Test func theBodysStatusWinsOverTheHeadlines() throws {
        // Title "Chile to expel Peruvian envoy"; body "Chile expelled the Peruvian envoy on Monday ."
        let draft = HandTrees.tree([
            "Chile/PROPN/0/root", "to/PART/3/mark", "expel/VERB/1/acl", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/1/punct",
        ])
        let rewritten = HandTrees.tree([
            "Chile/PROPN/3/nsubj", "will/AUX/3/aux", "expel/VERB/0/root", "Peruvian/ADJ/5/amod", "envoy/NOUN/3/obj", "./PUNCT/3/punct",
        ])
        let body = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "expelled/VERB/0/root/expel", "the/DET/5/det", "Peruvian/ADJ/5/amod", "envoy/NOUN/2/obj",
            "on/ADP/7/case", "Monday/PROPN/2/obl", "./PUNCT/2/punct",
        ])
        let out = TreeExtractor(lexicon: .builtIn, parse: parser([draft, rewritten, body])).extract(
            Article(title: "Chile to expel Peruvian envoy", text: body.text, published: "2024-03-06"))
        let d = try #require(out.first)
        #expect(out.count == 1)
        #expect(d.status == "occurred")
        #expect(d.date == "2024-03-04")
    }
}
