import Foundation

/// ISO-8601 timestamps as the API sends them (`createdAt`, `updatedAt`), with or without fractional seconds.
///
/// The forms the server and this program write (`2026-11-29T10:15:00Z`,
/// `2026-11-29T10:15:00.123Z`, years 1970–9999) are read and written with integer arithmetic:
/// every PATCH's journal records, the journal's pruning at each start (a line at a time) and the
/// sandbox's `updatedAt` go through here, and a Foundation formatter costs tens of microseconds
/// to make. Any other text (an offset, other fraction lengths) goes to `ISO8601DateFormatter`,
/// and both ways give the same `Date` for the same text.
public enum APITimestamp {
    /// Parses `2026-11-29T10:15:00Z` or `2026-11-29T10:15:00.123Z` (or an offset such as `+01:00`); `nil` otherwise.
    public static func parse(_ text: String) -> Date? {
        if let millis = utcMillis(text) { return date(millis: millis) }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }

    /// Formats with milliseconds in UTC, e.g. `2026-11-29T10:15:00.123Z`, as the server writes them.
    public static func format(_ date: Date) -> String {
        // Milliseconds since 1970, rounded to the nearest, as the formatter writes them.
        let millis = ((date.timeIntervalSinceReferenceDate + Date.timeIntervalBetween1970AndReferenceDate) * 1000).rounded()
        if millis >= 0, millis < maxMillis { return text(millis: Int64(millis)) }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    /// 10000-01-01T00:00:00Z in Unix milliseconds: the fast way covers the years 1970–9999.
    static let maxMillis: Double = 253_402_300_800_000

    /// The date of Unix milliseconds, computed as the formatter computes it.
    static func date(millis: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(millis) / 1000 - Date.timeIntervalBetween1970AndReferenceDate)
    }

    /// Unix milliseconds of `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real UTC
    /// time in 1970–9999; `nil` for any other text.
    static func utcMillis(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard b.count == 20 || b.count == 24, b[b.count - 1] == UInt8(ascii: "Z") else { return nil }
            func digits(_ at: Int, _ n: Int) -> Int64? {
                var v: Int64 = 0
                for i in at..<at + n {
                    let d = b[i] &- UInt8(ascii: "0")
                    guard d < 10 else { return nil }
                    v = v * 10 + Int64(d)
                }
                return v
            }
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
                  let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2) else { return nil }
            var ms: Int64 = 0
            if b.count == 24 {
                guard b[19] == UInt8(ascii: "."), let f = digits(20, 3) else { return nil }
                ms = f
            }
            guard y >= 1970, (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y),
                  h < 24, mi < 60, s < 60 else { return nil }
            let days = daysFromCivil(y, m, d)
            return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` for Unix milliseconds in 1970–9999.
    static func text(millis: Int64) -> String {
        let days = millis / 86_400_000, msOfDay = millis % 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let fields: [(Int64, Int)] = [(y, 4), (m, 2), (d, 2), (msOfDay / 3_600_000, 2), (msOfDay / 60_000 % 60, 2),
                                      (msOfDay / 1000 % 60, 2), (msOfDay % 1000, 3)]
        let separators: [UInt8] = Array("--T::.Z".utf8)
        return String(unsafeUninitializedCapacity: 24) { out in
            var i = 0
            for (k, (value, width)) in fields.enumerated() {
                var v = value
                for j in stride(from: width - 1, through: 0, by: -1) {
                    out[i + j] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
                i += width
                out[i] = separators[k]
                i += 1
            }
            return i
        }
    }

    private static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's `days_from_civil`: days since 1970-01-01 for a proleptic Gregorian date (year ≥ 0).
    private static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian (year, month, day) of a day
    /// counted from 1970-01-01 (before it, negative).
    public static func civil(fromDays z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = z >= 0 ? z / 146_097 : (z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
