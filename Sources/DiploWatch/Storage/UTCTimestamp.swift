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
        // Days to a civil date (proleptic Gregorian), after Howard Hinnant's `civil_from_days`.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
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
