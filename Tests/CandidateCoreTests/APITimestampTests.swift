import Foundation
import Testing
@testable import CandidateCore

/// The integer way of reading and writing timestamps against `ISO8601DateFormatter`, the way it
/// replaces on the common forms: the same `Date` from the same text, the same text for the same date.
@Suite("APITimestamp's fast way agrees with ISO8601DateFormatter")
struct APITimestampTests {
    static func formatterParse(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }

    static func formatterText(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    /// Dates across 1970–9999, with whole seconds, whole milliseconds and sub-millisecond parts.
    static var dates: [Date] {
        var g = SystemRandomNumberGenerator()
        var out: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_947_300.123),
                           Date(timeIntervalSince1970: 951_782_400 - 0.0005), Date(timeIntervalSince1970: 253_402_300_799.999)]
        for _ in 0..<3_000 {
            let seconds = Double.random(in: 0..<253_402_300_800, using: &g)
            out.append(Date(timeIntervalSince1970: seconds))
            out.append(Date(timeIntervalSince1970: seconds.rounded(.down)))
            out.append(Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000))
        }
        return out
    }

    @Test("formatting gives the formatter's text, and reading that text gives the formatter's date")
    func agreesOnDates() {
        for d in Self.dates {
            let text = APITimestamp.format(d)
            #expect(text == Self.formatterText(d), "\(d.timeIntervalSince1970)")
            #expect(APITimestamp.parse(text) == Self.formatterParse(text), "\(text)")
            let whole = String(text.prefix(19)) + "Z"
            #expect(APITimestamp.parse(whole) == Self.formatterParse(whole), "\(whole)")
        }
    }

    @Test("every form reads as the formatter reads it, the odd ones included", arguments: [
        "2026-11-29T10:15:00Z", "2026-11-29T10:15:00.250Z", "2026-11-29T11:15:00+01:00", "2024-02-29T00:00:00Z",
        "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-29T24:00:00Z",
        "2026-11-29T10:60:00Z", "2026-11-29T10:15:60Z", "2026-11-29t10:15:00z", "2026-11-29T10:15:00.5Z",
        "2026-11-29T10:15:00.123456Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
        "2026-11-29", "yesterday", "", "2026-11-29T10:15:00", "２026-11-29T10:15:00Z", "2026-11-29 10:15:00Z",
    ])
    func agreesOnText(_ text: String) {
        #expect(APITimestamp.parse(text) == Self.formatterParse(text))
    }

    @Test("the fast way takes the common forms only; the rest go to the formatter")
    func fastWayScope() {
        #expect(APITimestamp.utcMillis("2026-11-29T10:15:00.250Z") == 1_795_947_300_250)
        #expect(APITimestamp.utcMillis("2026-11-29T10:15:00Z") == 1_795_947_300_000)
        #expect(APITimestamp.utcMillis("2026-11-29T11:15:00+01:00") == nil)
        #expect(APITimestamp.utcMillis("2023-02-29T00:00:00Z") == nil)
        #expect(APITimestamp.text(millis: 1_795_947_300_250) == "2026-11-29T10:15:00.250Z")
    }
}
