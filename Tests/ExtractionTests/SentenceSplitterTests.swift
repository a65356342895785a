import Testing

@testable import Extraction

@Suite("Sentences and tokens")
struct SentenceSplitterTests {
    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        let s = SentenceSplitter.split(
            "Secretary of State Antony J. Blinken met Gen. Zhang in the U.S. capital. It went well! Did it? Yes.\nNew line")
        #expect(
            s == [
                "Secretary of State Antony J. Blinken met Gen. Zhang in the U.S. capital.", "It went well!", "Did it?", "Yes.", "New line",
            ])
    }

    @Test func possessivesAndAbbreviationsTokenise() {
        let t = Tokenizer.tokens("China’s U.S. envoy, Jong-un's O'Brien.").map(\.lower)
        #expect(t == ["china", "'s", "u.s.", "envoy", ",", "jong-un", "'s", "o'brien", "."])
    }

    @Test func calendarArithmetic() {
        let d = CalendarDay(year: 2024, month: 8, day: 28)
        #expect(d.weekday == 3)  // Wednesday
        #expect(CalendarDay(dayNumber: d.dayNumber) == d)
        #expect(d.adding(days: 5).iso == "2024-09-02")
        #expect(d.adding(months: 5).isoMonth == "2025-01")
    }
}
