import Testing

@testable import DiploWatch

/// The evidence sentence of a text alert line, shortened to about 200 characters.
@Suite("Alert text")
struct AlertTextTests {
    @Test func aShortSentenceIsKeptWhole() {
        #expect(AlertText.shorten("(Reuters) Talks began.") == "(Reuters) Talks began.")
    }

    @Test func evidenceIsTrimmedOfWhiteSpaceAtBothEnds() {
        #expect(AlertText.trimmed("\n\t The envoy was recalled. \u{2003}\n") == "The envoy was recalled.")
        #expect(AlertText.trimmed("Kept as it is.") == "Kept as it is.")
        #expect(AlertText.trimmed(" \n ") == "")
        #expect(AlertText.trimmed("") == "")
    }

    @Test func onlyTheEndIsTrimmed() {
        // Given a long sentence that opens with a quote
        let s = "\"We will meet again,\" the minister said, " + String(repeating: "and the talks went on, ", count: 12)

        // When shortened, then its opening quote stays and the cut ends on a word, then "…"
        let short = AlertText.shorten(s)
        #expect(short.hasPrefix("\"We will meet again"))
        #expect(short.hasSuffix("…") && short.dropLast().last?.isLetter == true, "\(short)")
        #expect(short.count <= 201)
    }

    @Test func textWithoutSpacesIsCutAtTheLimit() {
        // Given Chinese text with one early space, and text with tabs between words
        let chinese = "新华社 " + String(repeating: "中美两国元首在利马举行会晤", count: 30)
        let tabs = Array(repeating: "word", count: 80).joined(separator: "\t")

        // Then the Chinese is cut at the limit, not after its first word; tabs count as spaces
        #expect(AlertText.shorten(chinese).count == 201)
        let t = AlertText.shorten(tabs)
        #expect(t.hasSuffix("word…"))
        #expect(t.count <= 201)
    }

    @Test func combiningMarksCannotMakeItUnbounded() {
        // Given a sentence whose characters each carry 50 combining marks
        let s = String(repeating: "a" + String(repeating: "\u{301}", count: 50) + " ", count: 300)

        // Then the cut holds at most 800 scalars
        #expect(AlertText.shorten(s).unicodeScalars.count <= 801)
        // And one character carrying 10,000 marks is cut inside it
        #expect(AlertText.shorten("a" + String(repeating: "\u{301}", count: 10_000)).unicodeScalars.count == 801)
    }
}
