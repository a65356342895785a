import Testing

@testable import Extraction

@Suite("Merge stage")
struct MergeStageTests {
    let merge = MergeStage(lexicon: .builtIn)

    func expel(status: String, sentence: Int) -> EventStage.Event {
        EventStage.Event(
            type: "SANCTION", mode: nil, status: status,
            participants: [
                Participant(name: "Chile", country: "CHL", role: "source"), Participant(name: "Peru", country: "PER", role: "target"),
            ], location: nil, date: nil, sentence: sentence)
    }

    @Test func aHeadlineToldAgainInTheBodyTakesTheBodysSentenceAndStatus() throws {
        let sentences = ["Chile expels Peruvian envoy", "Chile ordered the Peruvian ambassador to leave within 72 hours on Monday."]
        for headlineStatus in ["occurred", "planned"] {
            let out = merge.developments(
                [expel(status: headlineStatus, sentence: 0), expel(status: "occurred", sentence: 1)], sentences: sentences, titled: true
            ) { _ in [] }
            let d = try #require(out.first)
            #expect(out.count == 1)
            #expect(d.status == "occurred")
            #expect(d.evidence == sentences[1])
        }
    }

    @Test func whatOnlyTheHeadlineTellsKeepsTheHeadline() throws {
        let out = merge.developments(
            [expel(status: "planned", sentence: 0)], sentences: ["Chile to expel Peruvian envoy", "No more."], titled: true
        ) {
            _ in []
        }
        #expect(out.map(\.evidence) == ["Chile to expel Peruvian envoy"])
    }

    @Test func twoActsOfOneTypeStayTwoAndOneActToldTwiceIsOne() {
        let sentences = [
            "Chile expelled the Peruvian ambassador.", "Chile also recalled its envoy from Peru.", "The expulsion angered Peru.",
        ]
        var expelled = expel(status: "occurred", sentence: 0)
        expelled.trigger = "expel"
        var recalled = expel(status: "occurred", sentence: 1)
        recalled.trigger = "recall"
        var expulsion = expel(status: "occurred", sentence: 2)
        expulsion.trigger = "expulsion"
        let out = merge.developments([expelled, recalled, expulsion], sentences: sentences) { _ in [] }
        #expect(out.map(\.evidence) == [sentences[0], sentences[1]])
    }

    @Test func aHeadlineToldInTheBodyTakesNoOtherActOfItsType() {
        let sentences = [
            "Chile expels Peruvian envoy", "Chile expelled the Peruvian ambassador.", "Chile also recalled its envoy from Peru.",
        ]
        var headline = expel(status: "occurred", sentence: 0)
        headline.trigger = "expel"
        var body = expel(status: "occurred", sentence: 1)
        body.trigger = "expel"
        var recalled = expel(status: "occurred", sentence: 2)
        recalled.trigger = "recall"
        let out = merge.developments([headline, body, recalled], sentences: sentences, titled: true) { _ in [] }
        #expect(out.map(\.evidence) == [sentences[1], sentences[2]])
    }
}
