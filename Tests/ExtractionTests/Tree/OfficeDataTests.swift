import Testing

@testable import Extraction

@Suite("Dated offices in people.txt")
struct OfficeDataTests {
    struct Term {
        var name: String
        var from: Int
        var to: Int
        /// The first day of the month when the record gives only the month: the change of
        /// office falls somewhere in it.
        var fromMonthOnly: Bool
        var toMonthOnly: Bool
        var line: Int
    }

    /// Offices held by several people at once by design: a collective presidency, co-presidents,
    /// the two presidents of the EU (Commission and Council), rival governments, and the several
    /// spokespeople of one state (the leader's and the foreign ministry's).
    static let shared: Set<String> = ["BIH president", "NIC president", "EU president", "LBY prime minister"]

    static func terms() -> [String: [Term]] {
        var out: [String: [Term]] = [:]
        let text = Lexicon.embeddedDictionaries["people"] ?? ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, !t.hasPrefix("#") else { continue }
            let f = Lexicon.fields(line)
            guard f.count >= 5, let from = Lexicon.officeDay(f[3]) else { continue }
            let to = f[4].isEmpty ? Int.max : Lexicon.officeDay(f[4]) ?? Int.max
            let term = Term(name: f[0], from: from, to: to, fromMonthOnly: f[3].count == 7, toMonthOnly: f[4].count == 7, line: n + 1)
            out["\(f[1]) \(f[2])", default: []].append(term)
        }
        return out
    }

    @Test func everyLineHasADateOfTakingOffice() {
        let text = Lexicon.embeddedDictionaries["people"] ?? ""
        let bad = text.split(separator: "\n").enumerated().filter { _, line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, !t.hasPrefix("#") else { return false }
            let f = Lexicon.fields(line)
            return f.count < 5 || Lexicon.officeDay(f[3]) == nil || (!f[4].isEmpty && Lexicon.officeDay(f[4]) == nil)
        }
        #expect(bad.isEmpty, "people.txt lines without a readable from/to: \(bad.map { $0.offset + 1 })")
    }

    @Test func oneOfficeOfOneStateHasOneHolderAtATime() {
        var overlaps: [String] = []
        for (key, terms) in Self.terms() where !Self.shared.contains(key) && !key.hasSuffix(" spokesperson") {
            let sorted = terms.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.from < a.to {
                // A change dated to the month may fall on any of its days.
                if (b.fromMonthOnly || a.toMonthOnly), a.to - b.from <= 31 { continue }
                overlaps.append("\(key): \(a.name) (line \(a.line)) and \(b.name) (line \(b.line))")
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.joined(separator: "; "))")
    }

    @Test func theRecordCoversTheGroupOfTwentyEveryYear() {
        // Each of these holds a head of state, head of government and foreign minister on 15 July
        // of every year 2014-2026 (for a presidential state the president is both).
        let terms = Self.terms()
        let presidential: Set<String> = ["USA", "MEX", "BRA", "ARG", "IDN"]
        let states = [
            "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "ITA", "CAN", "AUS", "BRA", "MEX", "ARG", "IDN", "KOR", "TUR", "SAU",
            "ZAF",
        ]
        var missing: [String] = []
        for year in 2014...2026 {
            let day = CalendarDay(year: year, month: 7, day: 15).dayNumber
            for s in states {
                func held(_ offices: [String]) -> Bool {
                    offices.contains { o in terms["\(s) \(o)"]?.contains { $0.from <= day && day < $0.to } ?? false }
                }
                if !held(["president", "king", "leader"]) { missing.append("\(s) head of state \(year)") }
                if !held(presidential.contains(s) ? ["president"] : ["prime minister", "chancellor", "president"]) {
                    missing.append("\(s) head of government \(year)")
                }
                if !held(["foreign minister"]) { missing.append("\(s) foreign minister \(year)") }
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: ", "))")
    }
}
