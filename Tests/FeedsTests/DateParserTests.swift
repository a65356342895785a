import Foundation
import Testing

@testable import Feeds

@Suite("Feed dates")
struct DateParserTests {
    static let reference = Date(timeIntervalSince1970: 1_724_829_300)  // 2024-08-28T07:15:00Z

    @Test(arguments: [
        "Wed, 28 Aug 2024 07:15:00 GMT",
        "Wed, 28 Aug 2024 07:15:00 +0000",
        "Wed, 28 Aug 2024 09:15:00 +0200",
        "28 Aug 2024 03:15:00 EDT",
        "Wed, 28 Aug 24 07:15:00 UT",
        "Wednesday, 28 August 2024 07:15:00 Z",
        "Wed, 28 Aug 2024 07:15 GMT",
        "2024-08-28T07:15:00Z",
        "2024-08-28T09:15:00+02:00",
        "2024-08-28T07:15:00.000Z",
        "2024-08-28 07:15:00",
        "2024-08-28T03:15:00-0400",
    ])
    func parsesVariants(_ text: String) {
        #expect(DateParser.parse(text) == Self.reference)
    }

    @Test func dateOnlyIsMidnightUTC() {
        #expect(DateParser.parse("2024-08-28") == Date(timeIntervalSince1970: 1_724_803_200))
    }

    @Test(arguments: ["", "yesterday", "not a date", "32 Foo 2024"])
    func rejectsNonsense(_ text: String) {
        #expect(DateParser.parse(text) == nil)
    }
}
