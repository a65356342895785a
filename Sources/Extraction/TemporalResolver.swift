/// Reads time expressions in a clause and resolves them against the publication day.
struct TemporalResolver {
    let published: CalendarDay

    enum Resolved: Equatable {
        case day(CalendarDay)
        case month(CalendarDay)
        case year(Int)
    }

    /// Verbs of reporting: the day after "said on" is the day of the report, not of the event.
    static let reportingVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "quoted", "reported", "according", "noted", "explained", "confirmed",
    ]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    static let monthAbbrev = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept"]

    static let timeWords: Set<String> = Set(
        weekdays + months + monthAbbrev + monthAbbrev.map { $0 + "." }
            + ["today", "tonight", "yesterday", "tomorrow", "week", "month", "year", "night", "one", "two", "three", "four", "six"])

    static func monthNumber(_ w: String, capitalized: Bool) -> Int? {
        if let i = months.firstIndex(of: w) {
            // "may" is a modal verb unless capitalised.
            if w == "may", !capitalized { return nil }
            return i + 1
        }
        if capitalized, let i = monthAbbrev.firstIndex(of: w.hasSuffix(".") ? String(w.dropLast()) : w) {
            return i == 12 ? 9 : i + 1
        }
        return nil
    }

    /// The first time expression in `range`; `future` decides which way a bare weekday points.
    func resolve(_ tokens: [Token], _ range: Range<Int>, future: Bool) -> Resolved? {
        var i = range.lowerBound
        while i < range.upperBound {
            let w = tokens[i].lower
            // Most words are not about time: a set lookup (or a leading digit) decides.
            guard let first = w.utf8.first, (first >= 0x30 && first <= 0x39) || Self.timeWords.contains(w) else {
                i += 1
                continue
            }
            let next = i + 1 < tokens.count ? tokens[i + 1].lower : ""
            let prev = i > 0 ? tokens[i - 1].lower : ""
            // "…, the ministry said on Wednesday": the day of the report, not of the event.
            if prev == "on", i >= 2, Self.reportingVerbs.contains(tokens[i - 2].lower) {
                i += 1
                continue
            }
            if let wd = Self.weekdays.firstIndex(of: w), tokens[i].isCapitalized {
                let delta: Int
                if future || prev == "next" {
                    delta = ((wd - published.weekday) + 7) % 7
                } else {
                    delta = -(((published.weekday - wd) + 7) % 7)
                }
                if prev == "last" { return .day(published.adding(days: delta == 0 ? -7 : delta)) }
                return .day(published.adding(days: delta))
            }
            if let m = Self.monthNumber(w, capitalized: tokens[i].isCapitalized) {
                // "May 16", "16 May", "April 1-3", "June 18, 2023", "in March", "last November"
                var day: Int?
                var year: Int?
                if let d = Int(next), (1...31).contains(d) {
                    day = d
                    var k = i + 2
                    if k < tokens.count, tokens[k].lower == "," { k += 1 }
                    if k < tokens.count, let y = Int(tokens[k].lower), y > 1900, y < 2200 { year = y }
                } else if let d = Int(prev), (1...31).contains(d) {
                    day = d
                    if let y = Int(next), y > 1900, y < 2200 { year = y }
                } else if let y = Int(next), y > 1900, y < 2200 {
                    year = y
                }
                var y = year ?? published.year
                if year == nil {
                    let candidate = CalendarDay(year: y, month: m, day: day ?? 1)
                    if future, candidate.dayNumber < published.dayNumber - 20 { y += 1 }
                    if !future, prev == "last" || candidate.dayNumber > published.dayNumber + 20 { y -= 1 }
                    if prev == "last", CalendarDay(year: y + 1, month: m, day: 1) < published,
                        m < published.month
                    {
                        y += 1
                    }
                }
                if let day { return .day(CalendarDay(year: y, month: m, day: day)) }
                return .month(CalendarDay(year: y, month: m, day: 1))
            }
            switch w {
            case "today", "tonight": return .day(published)
            case "yesterday": return .day(published.adding(days: -1))
            case "tomorrow": return .day(published.adding(days: 1))
            case "week":
                if prev == "next" { return .month(published.adding(days: 7)) }
                if prev == "last" { return .month(published.adding(days: -7)) }
            case "month":
                if prev == "next" { return .month(published.adding(months: 1)) }
                if prev == "last" { return .month(published.adding(months: -1)) }
                if prev == "this" { return .month(published) }
            case "year":
                if prev == "last" { return .year(published.year - 1) }
                if prev == "next" { return .year(published.year + 1) }
                if prev == "this" || prev == "later" { return .year(published.year) }
            case "night":
                if prev == "last" { return .day(published.adding(days: -1)) }
            default:
                if let y = Int(w), y > 1945, y < 2200, w.count == 4, ["in", "of", "since", "and"].contains(prev) {
                    return .year(y)
                }
                if let n = ["one": 1, "two": 2, "three": 3, "four": 4, "six": 6][w] ?? Int(w),
                    ["months", "month"].contains(next), i + 2 < tokens.count,
                    tokens[i + 2].lower == "'" || tokens[i + 2].lower == "time" || prev == "in"
                {
                    return .month(published.adding(months: n))
                }
            }
            i += 1
        }
        return nil
    }
}
