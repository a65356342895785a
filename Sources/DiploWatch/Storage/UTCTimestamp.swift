import Extraction
import Foundation

/// RFC 3339 timestamps in UTC (`2026-11-24T10:00:00Z`), written with integer arithmetic: the same
/// text as `RFC3339.string`, whose ISO8601DateFormatter is built anew for every call and cost a
/// tenth of a cold cycle where every alert's sources are dated.
enum UTCTimestamp {
    static func string(_ date: Date) -> String {
        // As the formatter computes it: milliseconds since 1970 from the reference date, rounded,
        // then the second they fall in (so 0.9995 s is already the next second).
        let ms = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000).rounded()
        guard ms.isFinite, abs(ms) < 1e17 else { return RFC3339.string(date) }
        let seconds = Int((ms / 1000).rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let inDay = seconds - days * 86400
        // Days to a civil date (proleptic Gregorian), as the extractor's calendar counts them.
        let civil = CalendarDay(dayNumber: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        // Before 1583 the formatter's calendar is Julian.
        guard (1583...9999).contains(year) else { return RFC3339.string(date) }
        var out = [UInt8]()
        out.reserveCapacity(20)
        func put(_ n: Int, _ width: Int) {
            var d = 1
            for _ in 1..<width { d *= 10 }
            var n = n
            while d > 0 {
                out.append(UInt8(ascii: "0") + UInt8(n / d))
                n %= d
                d /= 10
            }
        }
        put(year, 4)
        out.append(UInt8(ascii: "-"))
        put(month, 2)
        out.append(UInt8(ascii: "-"))
        put(day, 2)
        out.append(UInt8(ascii: "T"))
        put(inDay / 3600, 2)
        out.append(UInt8(ascii: ":"))
        put(inDay / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(inDay % 60, 2)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}
