import CandidateCore
import Foundation

/// Per-key request counting in real clock windows (API page, "Rate limits").
///
/// Two fixed windows per key: the current clock minute (or a shorter window, for tests) and the
/// current clock hour (UTC).
/// A request is admitted when both windows have room; an admitted request counts in both.
/// A refused request counts in neither. The state of the windows after the decision is what
/// every response announces in its `X-RateLimit-*` headers.
actor RateLimiter {
    /// What a response tells about the limits, and whether the request may proceed.
    struct Decision: Sendable {
        var limitMinute: Int
        var limitHour: Int
        var remainingMinute: Int
        var remainingHour: Int
        /// Unix seconds when each window resets.
        var resetMinute: Int
        var resetHour: Int
        /// `nil` when admitted; otherwise seconds to wait (the longer wait when both windows are full).
        var retryAfter: Int?

        /// When refused: the limit and reset (Unix seconds) of the window that makes the client wait longest.
        var exceeded: (limit: Int, reset: Int)?

        /// The six headers, in the documented names.
        var headers: [(String, String)] {
            [(RateLimitInfo.Header.limitMinute, String(limitMinute)), (RateLimitInfo.Header.limitHour, String(limitHour)),
             (RateLimitInfo.Header.remainingMinute, String(remainingMinute)),
             (RateLimitInfo.Header.remainingHour, String(remainingHour)),
             (RateLimitInfo.Header.resetMinute, String(resetMinute)), (RateLimitInfo.Header.resetHour, String(resetHour))]
        }
    }

    private struct Window { var start: Int; var count: Int }
    private struct Counters { var minute: Window; var hour: Window }

    private let perMinute: Int
    private let perHour: Int
    /// Length of the "minute" window in seconds (60 but in tests).
    private let minuteSeconds: Int
    private var counters: [String: Counters] = [:]

    init(perMinute: Int, perHour: Int, minuteSeconds: Int = 60) {
        self.perMinute = max(1, perMinute)
        self.perHour = max(1, perHour)
        self.minuteSeconds = min(max(1, minuteSeconds), 3600)
    }

    /// Counts one request for `bucket` (the API key, or a shared bucket for unknown keys) at `now`.
    func take(_ bucket: String, now: Date = Date()) -> Decision {
        let t = Int(now.timeIntervalSince1970.rounded(.down))
        let minuteStart = t - t % minuteSeconds, hourStart = t - t % 3600
        var c = counters[bucket] ?? Counters(minute: Window(start: minuteStart, count: 0), hour: Window(start: hourStart, count: 0))
        if c.minute.start != minuteStart { c.minute = Window(start: minuteStart, count: 0) }
        if c.hour.start != hourStart { c.hour = Window(start: hourStart, count: 0) }
        let minuteFull = c.minute.count >= perMinute, hourFull = c.hour.count >= perHour
        var retryAfter: Int?
        var exceeded: (limit: Int, reset: Int)?
        if minuteFull || hourFull {
            let waitMinute = minuteFull ? minuteStart + minuteSeconds - t : 0
            let waitHour = hourFull ? hourStart + 3600 - t : 0
            retryAfter = max(1, waitMinute, waitHour)
            exceeded = waitHour > waitMinute ? (perHour, hourStart + 3600) : (perMinute, minuteStart + minuteSeconds)
        } else {
            c.minute.count += 1
            c.hour.count += 1
        }
        counters[bucket] = c
        return Decision(limitMinute: perMinute, limitHour: perHour,
                         remainingMinute: max(0, perMinute - c.minute.count), remainingHour: max(0, perHour - c.hour.count),
                         resetMinute: minuteStart + minuteSeconds, resetHour: hourStart + 3600, retryAfter: retryAfter,
                        exceeded: exceeded)
    }
}
