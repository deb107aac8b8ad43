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

/// What happened to one candidate of a bulk change.
public enum BulkOutcome: Sendable, Equatable {
    /// The server answered 2xx and the candidate it returned has the target status.
    case moved(Candidate)
    /// Already at the target status: nothing was sent.
    case skipped
    /// The change did not happen (or could not be confirmed). `attempts` counts the requests
    /// sent for this candidate, 429 answers included (0 when it failed before any request,
    /// e.g. the CLI could not read it first).
    case failed(APIError, attempts: Int)
    /// Cancelled before its first request.
    case notAttempted
}

/// One candidate's line in a bulk report.
public struct BulkItemResult: Sendable, Equatable {
    /// Candidate UUID.
    public let id: String
    /// "First Last" as read before the change (raw server text: sanitize before printing).
    public let name: String
    /// The status before the change.
    public let from: CandidateStatus
    /// What happened to it.
    public let outcome: BulkOutcome
    /// The requests sent for this candidate, 429 answers included: 1 or more for `.moved` (more
    /// after retries), the failure's own count for `.failed`, 0 for `.skipped` and `.notAttempted`.
    public let attempts: Int

    /// A result line; the engine builds these from plan items. `attempts` is used for `.moved`
    /// (default 1); `.failed` carries its own count and the other outcomes sent nothing.
    public init(id: String, name: String, from: CandidateStatus, outcome: BulkOutcome, attempts: Int = 1) {
        self.id = id; self.name = name; self.from = from; self.outcome = outcome
        switch outcome {
        case .moved: self.attempts = max(1, attempts)
        case .failed(_, let sent): self.attempts = sent
        case .skipped, .notAttempted: self.attempts = 0
        }
    }

    /// The HTTP status of the failure, when the server answered one.
    public var httpStatus: Int? {
        if case .failed(let e, _) = outcome { return e.httpStatus }
        return nil
    }
}

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
    /// Seconds until requests resume, while the engine waits for a rate-limit window or a
    /// 429's `Retry-After`; `nil` when not waiting for the rate limit.
    public var waitingSeconds: Double?

    /// Counts as described on each property; the engine starts at `BulkProgress(total: plan.items.count)`.
    public init(total: Int, done: Int = 0, moved: Int = 0, skipped: Int = 0, failed: Int = 0, waitingSeconds: Double? = nil) {
        self.total = total; self.done = done; self.moved = moved; self.skipped = skipped; self.failed = failed
        self.waitingSeconds = waitingSeconds
    }
}

/// What a bulk run reports, in order: `.item` for every candidate as it settles (skipped ones
/// first), `.progress` after every item and while waiting for the rate limit, `.finished` last.
public enum BulkEvent: Sendable {
    /// Counts after a change, or while waiting for the rate limit.
    case progress(BulkProgress)
    /// One candidate settled (or, at the end of a cancelled run, was not attempted).
    case item(BulkItemResult)
    /// The last event: the whole report.
    case finished(BulkReport)
}

/// The end of a bulk run: every candidate of the plan with its outcome, in plan order.
public struct BulkReport: Sendable {
    /// The status the run moved candidates to.
    public let target: CandidateStatus
    /// One result per plan item, in plan order.
    public let results: [BulkItemResult]
    /// Whether the run was cancelled (some results may then be `.notAttempted`).
    public let cancelled: Bool

    /// A report; the engine builds it at the end of a run.
    public init(target: CandidateStatus, results: [BulkItemResult], cancelled: Bool) {
        self.target = target; self.results = results; self.cancelled = cancelled
    }

    /// Results by outcome, each in plan order.
    public var moved: [BulkItemResult] { results.filter { if case .moved = $0.outcome { return true }; return false } }
    public var skipped: [BulkItemResult] { results.filter { if case .skipped = $0.outcome { return true }; return false } }
    public var failed: [BulkItemResult] { results.filter { if case .failed = $0.outcome { return true }; return false } }
    public var notAttempted: [BulkItemResult] { results.filter { if case .notAttempted = $0.outcome { return true }; return false } }

    /// No candidate failed and none was left unattempted (everything moved or skipped).
    public var allSucceeded: Bool { failed.isEmpty && notAttempted.isEmpty }
}

/// Cancels a running bulk change from anywhere (a key handler, a signal handler's watcher).
///
/// After `cancel()` no new request starts; requests in flight finish and are reported;
/// candidates not yet tried are `.notAttempted`. Cancelling twice is harmless.
public final class BulkControl: Sendable {
    private let state = Locked<(cancelled: Bool, handlers: [@Sendable () -> Void])>((false, []))

    /// A control that is not cancelled; use one per run.
    public init() {}

    /// Stops the run: no new request starts.
    public func cancel() {
        let handlers: [@Sendable () -> Void] = state.withLock { s in
            guard !s.cancelled else { return [] }
            s.cancelled = true
            defer { s.handlers = [] }
            return s.handlers
        }
        for h in handlers { h() }
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Runs `handler` once on cancel (at once when already cancelled).
    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { s -> Bool in
            if s.cancelled { return true }
            s.handlers.append(handler)
            return false
        }
        if runNow { handler() }
    }
}

/// A value behind a lock (Foundation's `NSLock`; `Mutex` needs newer macOS than the package supports).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
