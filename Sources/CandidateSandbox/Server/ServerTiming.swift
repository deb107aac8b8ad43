import Foundation

/// The `Server-Timing` response header the sandbox adds to every answer:
/// `app;dur=<milliseconds with one decimal>`, the time the app spent on the request after the
/// configured latency (rate-limit check, route handler and rendering, or the error it became).
/// `candidates-bench` reads it to tell server time from transfer and client time.
enum ServerTiming {
    /// The header name.
    static let header = "Server-Timing"

    /// The header value for `duration`, e.g. `app;dur=3.2` (milliseconds, one decimal, `.` as
    /// the decimal separator whatever the locale).
    static func value(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenthsOfMs = (Double(seconds) * 10_000 + Double(attoseconds) / 1e14).rounded()
        let tenths = max(0, Int64(tenthsOfMs))
        return "app;dur=\(tenths / 10).\(tenths % 10)"
    }
}
