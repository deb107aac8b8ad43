/// How the bulk engine sends its requests.
public struct BulkOptions: Sendable, Equatable {
    /// Requests in flight at most (default 4). Values below 1 count as 1.
    public var concurrency: Int
    /// Attempts per candidate for 5xx, timeouts and connection errors, the first included
    /// (default `RetryPolicy.standard`'s 8). A 429 answer does not use up an attempt (see `BulkStatusEngine`).
    public var maxAttempts: Int
    /// First backoff after a transient failure, in seconds (default 0.25); doubles per attempt, with jitter.
    public var initialBackoff: Double
    /// Longest backoff after a transient failure, in seconds (default 8). Also caps how long a
    /// 5xx's `Retry-After` is honoured; a 429's wait is never capped.
    public var maxBackoff: Double

    /// Values out of range are clamped: concurrency and attempts to at least 1, backoffs to at least 0.
    public init(concurrency: Int = 4, maxAttempts: Int = RetryPolicy.standard.maxAttempts,
                initialBackoff: Double = RetryPolicy.standard.initialBackoff, maxBackoff: Double = RetryPolicy.standard.maxBackoff) {
        self.concurrency = max(1, concurrency)
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(0, initialBackoff)
        self.maxBackoff = max(0, maxBackoff)
    }

    /// The retry rules these options give each request.
    public var retry: RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, initialBackoff: initialBackoff, maxBackoff: maxBackoff)
    }
}
