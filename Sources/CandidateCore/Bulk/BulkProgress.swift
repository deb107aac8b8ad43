/// Where a bulk run stands. `done == moved + skipped + failed` (+ not attempted, at the very end).
public struct BulkProgress: Sendable, Equatable {
    /// Candidates in the plan, skipped ones included.
    public var total: Int
    /// Candidates with a final outcome so far.
    public var done: Int
    /// Candidates with that outcome so far.
    public var moved: Int
    public var skipped: Int
    public var failed: Int
    /// Not sent because the server's copy changed meanwhile.
    public var conflicts: Int = 0
    /// Seconds until requests resume, while the engine waits for a rate-limit window or a
    /// 429's `Retry-After`; `nil` when not waiting for the rate limit.
    public var waitingSeconds: Double?

    /// Counts as described on each property; the engine starts at `BulkProgress(total: plan.items.count)`.
    public init(total: Int, done: Int = 0, moved: Int = 0, skipped: Int = 0, failed: Int = 0, waitingSeconds: Double? = nil) {
        self.total = total; self.done = done; self.moved = moved; self.skipped = skipped; self.failed = failed
        self.waitingSeconds = waitingSeconds
    }
}
