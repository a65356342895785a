import Testing

@testable import Syntax

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func forms(_ s: String) -> [String] { tokenizer.tokens(s).map(\.form) }

    @Test func splitsPunctuationAndClitics() {
        #expect(
            forms("My aunt's parrot can't whistle, and it won't try.")
                == ["My", "aunt", "'s", "parrot", "ca", "n't", "whistle", ",", "and", "it", "wo", "n't", "try", "."])
        #expect(
            forms("We'll see; they're late, aren't they?") == [
                "We", "'ll", "see", ";", "they", "'re", "late", ",", "are", "n't", "they", "?",
            ])
        #expect(forms("I cannot go, I'm gonna stay.") == ["I", "can", "not", "go", ",", "I", "'m", "gon", "na", "stay", "."])
        #expect(forms("The kids’ bikes don’t fit.") == ["The", "kids", "’", "bikes", "do", "n’t", "fit", "."])
    }

    @Test func splitsHyphensLikeTheTreebank() {
        #expect(
            forms("A long-term plan for the e-mail server.") == [
                "A", "long", "-", "term", "plan", "for", "the", "e-mail", "server", ".",
            ])
        #expect(forms("Call 555-867-5309 about the non-profit.") == ["Call", "555-867-5309", "about", "the", "non-profit", "."])
    }

    @Test func keepsNumbersAbbreviationsAndAddresses() {
        #expect(
            forms("Dr. Smith paid $1,250.50 at 10:30 in the U.S. on Tuesday.") == [
                "Dr.", "Smith", "paid", "$", "1,250.50", "at", "10:30", "in", "the", "U.S.", "on", "Tuesday", ".",
            ])
        #expect(
            forms("Write to ann.lee@example.org or see https://example.org/a?b=1.") == [
                "Write", "to", "ann.lee@example.org", "or", "see", "https://example.org/a?b=1", ".",
            ])
        #expect(
            forms("(Really?!) \"Yes\" -- she said... 40%") == [
                "(", "Really", "?!", ")", "\"", "Yes", "\"", "--", "she", "said", "...", "40", "%",
            ])
    }

    @Test func splitsCurrencyAndKeepsBracketedAddresses() {
        #expect(
            forms("Tickets cost £40 or €35 (see <https://tickets.example.com/a>).") == [
                "Tickets", "cost", "£", "40", "or", "€", "35", "(", "see", "<", "https://tickets.example.com/a", ">", ")", ".",
            ])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let s = "Zoë’s café isn't open."
        let bytes = Array(s.utf8)
        let tokens = tokenizer.tokens(s)
        #expect(tokens.map(\.form) == ["Zoë", "’s", "café", "is", "n't", "open", "."])
        for t in tokens {
            #expect(String(decoding: bytes[t.utf8Range], as: UTF8.self) == t.form)
        }
        #expect(tokens[0].utf8Range == 0..<4)
        #expect(tokens[1].utf8Range == 4..<8)
    }

    @Test func emptyAndSpaceOnlyInputs() {
        #expect(forms("") == [])
        #expect(forms("  \t\n ") == [])
        #expect(forms("word") == ["word"])
    }
}
