import Foundation
import Testing
@testable import CandidateCore

@Suite("CalendarDay and APITimestamp")
struct CalendarDayTests {
    @Test("valid days are built; days that do not exist are not", arguments: [
        (2027, 2, 28, true), (2027, 2, 29, false), (2028, 2, 29, true), (2100, 2, 29, false), (2000, 2, 29, true),
        (2027, 4, 30, true), (2027, 4, 31, false), (2027, 12, 31, true), (2027, 13, 1, false), (2027, 0, 1, false),
        (2027, 1, 0, false), (0, 1, 1, false), (10_000, 1, 1, false), (1, 1, 1, true), (9999, 12, 31, true),
    ])
    func build(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((CalendarDay(year: year, month: month, day: day) != nil) == valid)
    }

    @Test("parsing accepts YYYY-MM-DD and a full timestamp's date", arguments: [
        ("2027-03-01", "2027-03-01"), (" 2027-03-01 ", "2027-03-01"), ("2027-03-01T00:00:00.000Z", "2027-03-01"),
        ("2027-03-01T23:59:59+05:00", "2027-03-01"), ("0001-01-01", "0001-01-01"),
    ])
    func parse(_ text: String, expected: String) {
        #expect(CalendarDay(parsing: text)?.description == expected)
    }

    @Test("parsing refuses anything else", arguments: [
        "", "2027-3-1", "2027-03-1", "27-03-01", "2027/03/01", "01.03.2027", "2027-02-30", "2027-03-01 10:00",
        "T2027-03-01", "-2027-03-01", "2027-03-01-", "２０２７-０３-０１", "+027-03-01", "2027-0x-01", "2027--03-01",
    ])
    func parseRefuses(_ text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test("adding days crosses months, years and leap days", arguments: [
        ("2026-11-29", 1, "2026-11-30"), ("2026-11-30", 1, "2026-12-01"), ("2026-12-31", 1, "2027-01-01"),
        ("2028-02-28", 1, "2028-02-29"), ("2027-02-28", 1, "2027-03-01"), ("2027-03-01", -1, "2027-02-28"),
        ("2026-01-01", -1, "2025-12-31"), ("2026-11-29", 0, "2026-11-29"), ("2026-11-29", 365, "2027-11-29"),
        ("2027-11-29", 366, "2028-11-29"), ("2026-11-29", -365, "2025-11-29"),
    ])
    func adding(_ start: String, days: Int, expected: String) {
        #expect(CalendarDay(parsing: start)?.adding(days: days).description == expected)
    }

    @Test("days order by year, then month, then day")
    func ordering() throws {
        let days = ["2027-01-01", "2026-12-31", "2026-02-01", "2026-01-31"].compactMap(CalendarDay.init(parsing:))
        #expect(days.sorted().map(\.description) == ["2026-01-31", "2026-02-01", "2026-12-31", "2027-01-01"])
        #expect(Fixture.today < Fixture.today.adding(days: 1))
        #expect(!(Fixture.today < Fixture.today))
        #expect(CalendarDay(parsing: "2026-11-29") == Fixture.today)
    }

    @Test("the description is zero-padded")
    func description() {
        #expect(CalendarDay(year: 7, month: 3, day: 4)?.description == "0007-03-04")
    }

    @Test("today depends on the zone: 23:30 UTC is already tomorrow east of UTC")
    func todayInZone() throws {
        let now = try #require(APITimestamp.parse("2026-11-29T23:30:00Z"))
        #expect(CalendarDay.today(now: now).description == "2026-11-29")
        #expect(CalendarDay.today(in: TimeZone(secondsFromGMT: 3600)!, now: now).description == "2026-11-30")
        #expect(CalendarDay.today(in: TimeZone(secondsFromGMT: -12 * 3600)!, now: now).description == "2026-11-29")
    }

    @Test("timestamps parse with and without fractional seconds")
    func timestamps() throws {
        #expect(APITimestamp.parse("2026-11-29T10:15:00Z") == Date(timeIntervalSince1970: 1_795_947_300))
        #expect(APITimestamp.parse("2026-11-29T10:15:00.250Z") == Date(timeIntervalSince1970: 1_795_947_300.25))
        #expect(APITimestamp.parse("2026-11-29T11:15:00+01:00") == Date(timeIntervalSince1970: 1_795_947_300))
        #expect(APITimestamp.parse("2026-11-29") == nil)
        #expect(APITimestamp.parse("yesterday") == nil)
    }

    @Test("timestamps format with milliseconds in UTC and parse back")
    func timestampFormat() throws {
        let d = Date(timeIntervalSince1970: 1_795_947_300.123)
        let text = APITimestamp.format(d)
        #expect(text == "2026-11-29T10:15:00.123Z")
        let back = try #require(APITimestamp.parse(text))
        #expect(abs(back.timeIntervalSince1970 - d.timeIntervalSince1970) < 0.001)
    }
}
