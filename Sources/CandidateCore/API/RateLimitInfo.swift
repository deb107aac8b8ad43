import Foundation

/// The rate-limit state a response announced in its `X-RateLimit-*` headers (API page, "Rate limits").
///
/// Every field is optional because a server (or proxy) may omit any header.
public struct RateLimitInfo: Hashable, Sendable {
    /// Requests allowed per minute / per hour.
    public var limitMinute: Int?
    public var limitHour: Int?
    /// Requests left in the current minute / hour window.
    public var remainingMinute: Int?
    public var remainingHour: Int?
    /// When the windows reset, as Unix time in seconds.
    public var resetMinute: Double?
    public var resetHour: Double?

    public init(limitMinute: Int? = nil, limitHour: Int? = nil, remainingMinute: Int? = nil, remainingHour: Int? = nil,
                resetMinute: Double? = nil, resetHour: Double? = nil) {
        self.limitMinute = limitMinute; self.limitHour = limitHour
        self.remainingMinute = remainingMinute; self.remainingHour = remainingHour
        self.resetMinute = resetMinute; self.resetHour = resetHour
    }

    /// Header names, as documented.
    public enum Header {
        public static let limitMinute = "X-RateLimit-Limit-Minute"
        public static let limitHour = "X-RateLimit-Limit-Hour"
        public static let remainingMinute = "X-RateLimit-Remaining-Minute"
        public static let remainingHour = "X-RateLimit-Remaining-Hour"
        public static let resetMinute = "X-RateLimit-Reset-Minute"
        public static let resetHour = "X-RateLimit-Reset-Hour"
        public static let retryAfter = "Retry-After"
    }

    /// Reads the headers through a case-insensitive lookup; `nil` when none is present.
    public init?(header: (String) -> String?) {
        self.init(limitMinute: header(Header.limitMinute).flatMap { Int($0) },
                  limitHour: header(Header.limitHour).flatMap { Int($0) },
                  remainingMinute: header(Header.remainingMinute).flatMap { Int($0) },
                  remainingHour: header(Header.remainingHour).flatMap { Int($0) },
                  resetMinute: header(Header.resetMinute).flatMap { Double($0) },
                  resetHour: header(Header.resetHour).flatMap { Double($0) })
        if self == RateLimitInfo() { return nil }
    }
}
