import CandidateCore
import Foundation

/// Fast, allocation-light UTC formatting for the timestamps the sandbox writes.
///
/// The API sends `createdAt`/`updatedAt` as ISO-8601 UTC with milliseconds
/// (`2026-11-29T10:15:00.123Z`, the form `APITimestamp.format` produces) and `gdprExpiryDate`
/// as a date (`YYYY-MM-DD`). Seeding 100_000 candidates formats hundreds of thousands of
/// these, so this uses integer civil-date arithmetic instead of a formatter per call.
/// Fixed-width output also sorts lexicographically in time order, which the store's
/// `ORDER BY createdAt` relies on.
enum Timestamps {
    /// Milliseconds since 1970-01-01T00:00:00Z for a date.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Now, in Unix milliseconds.
    static func nowMillis() -> Int64 { millis(Date()) }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` for Unix milliseconds.
    static func iso(millis: Int64) -> String {
        let days = floorDiv(millis, 86_400_000)
        let msOfDay = millis - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, ms = msOfDay % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }

    /// The current time as the API writes it.
    static func isoNow() -> String { iso(millis: nowMillis()) }

    /// Unix milliseconds for an ISO-8601 timestamp the sandbox wrote (or any `APITimestamp` parses).
    static func millis(iso text: String) -> Int64? {
        guard let date = APITimestamp.parse(text) else { return nil }
        return millis(date)
    }

    /// `YYYY-MM-DD` for a day number (days since 1970-01-01).
    static func day(_ days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Days since 1970-01-01 for Unix milliseconds (UTC).
    static func dayNumber(millis: Int64) -> Int64 { floorDiv(millis, 86_400_000) }

    /// The proleptic Gregorian (year, month, day) for days since 1970-01-01 (`APITimestamp.civil`).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let c = APITimestamp.civil(fromDays: days)
        return (c.year, c.month, c.day)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

