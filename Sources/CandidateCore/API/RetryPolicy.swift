import Foundation

/// How the shared request path (`CandidatesClient.paced`) retries one logical request.
///
/// 429: wait for the server's `Retry-After` (every request of the client waits), then retry; a
/// 429 does not use up an attempt, but after `maxRateLimitAnswers` of them the request gives up.
/// 5xx, timeouts and connection errors: wait `initialBackoff · 2^(n−1)` (at most `maxBackoff`,
/// with equal jitter; a 5xx's `Retry-After` is honoured up to `maxBackoff`) and retry, at most
/// `maxAttempts` attempts. Anything else is final at once.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts for 5xx, timeouts and connection errors, the first included (default 8).
    public var maxAttempts: Int
    /// First backoff after a transient failure, in seconds (default 0.25); doubles per attempt, with jitter.
    public var initialBackoff: Double
    /// Longest backoff, in seconds (default 8). Also caps how long a 5xx's `Retry-After` is
    /// honoured; a 429's wait is never capped.
    public var maxBackoff: Double
    /// 429 answers accepted for one request before giving up (default 10).
    public var maxRateLimitAnswers: Int

    /// The defaults: with them a request gives up after 8 transient failures in a row, at most
    /// 24 s of backoff in all (plus each attempt's timeout), or after 10 answers of 429.
    public static let standard = RetryPolicy()

    /// Values out of range are clamped: counts to at least 1, backoffs to at least 0.
    public init(maxAttempts: Int = 8, initialBackoff: Double = 0.25, maxBackoff: Double = 8.0, maxRateLimitAnswers: Int = 10) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(0, initialBackoff)
        self.maxBackoff = max(0, maxBackoff)
        self.maxRateLimitAnswers = max(1, maxRateLimitAnswers)
    }
}

extension RetryPolicy {
    /// How the editor reloads a list page or the job list after a transient failure: each
    /// request goes out once, and the model asks again after 1, 2, 4, 8 and 16 s (no jitter:
    /// the wait is shown on screen), 6 attempts in all; then it waits for the user.
    public static let reload = RetryPolicy(maxAttempts: 6, initialBackoff: 1, maxBackoff: 16)

    /// Attempts after the first one: `maxAttempts − 1` (5 for `reload`).
    public var maxRetries: Int { maxAttempts - 1 }

    /// The pause in seconds after the `attempt`-th failed attempt (1-based), before jitter:
    /// `initialBackoff · 2^(attempt−1)`, at most `maxBackoff`; `reload` gives 1, 2, 4, 8, 16.
    /// `CandidatesClient.paced` waits half of it plus a random part of the other half.
    public func backoff(afterAttempt attempt: Int) -> Double {
        min(maxBackoff, initialBackoff * pow(2, Double(max(0, attempt - 1))))
    }
}
