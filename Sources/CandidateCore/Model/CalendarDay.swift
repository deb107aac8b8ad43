import Foundation

/// A calendar date without time or zone, as the API's `gdprExpiryDate` carries it (`YYYY-MM-DD`).
///
/// The API page warns that the field may become a full ISO-8601 timestamp later, so
/// `init?(parsing:)` accepts both `2027-03-01` and `2027-03-01T00:00:00.000Z` (the date
/// part is taken as written).
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; `nil` when the day does not exist (e.g. 2027-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        var comps = DateComponents()
        comps.year = year; comps.month = month; comps.day = 1
        let cal = Self.utcCalendar
        guard let first = cal.date(from: comps), let range = cal.range(of: .day, in: .month, for: first),
              range.contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T…` (a full timestamp). Surrounding
    /// white space is ignored. Returns `nil` for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let datePart = t.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? t
        // A time part must make a real timestamp: `2027-03-01Tjunk` is not a date.
        if datePart.count != t.count, APITimestamp.parse(t) == nil { return nil }
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in the given zone (default UTC, which is what the server compares against).
    public static func today(in zone: TimeZone = TimeZone(identifier: "UTC")!, now: Date = Date()) -> CalendarDay {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// This day plus `days` (may be negative).
    public func adding(days: Int) -> CalendarDay {
        var comps = DateComponents()
        comps.year = year; comps.month = month; comps.day = day
        let cal = Self.utcCalendar
        let date = cal.date(byAdding: .day, value: days, to: cal.date(from: comps)!)!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// `YYYY-MM-DD`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    private static let utcCalendar: Calendar = {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal
    }()
}
