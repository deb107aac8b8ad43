import Foundation

/// The one request path every command and the editor use: sends one logical request with the
/// `RetryPolicy`'s rules, paced by the client's `RateLimitPacer`.
///
/// - 429: wait the larger of `Retry-After` and the body's `retryAfter` (the pacer holds every
///   request back meanwhile), then retry. A 429 does not use up an attempt (the server did not
///   process the request), but after `maxRateLimitAnswers` 429s for the same request it gives up.
/// - 5xx, timeouts, connection errors: exponential backoff with jitter (`initialBackoff`
///   doubling up to `maxBackoff`; a 5xx's `Retry-After` is honoured up to `maxBackoff`), at
///   most `maxAttempts` attempts.
/// - Anything else (400, 401, 403, 404, 409, undecodable or too large answers): no retry.
///
/// A request is repeated only when it brought no usable answer; an answer once returned is
/// never asked for again. Cancellation (of the surrounding task) stops it before the next
/// request; a request already sent always runs to its answer (bounded by the client's
/// timeout), so "in flight" is never abandoned.
struct PacedRequests: Sendable {
    let client: CandidatesClient
    let policy: RetryPolicy
    /// Told how long requests are held back for the rate limit (`nil`: no longer waiting).
    let onWait: @Sendable (Double?) async -> Void
    /// Told before each backoff: the failure, the attempts so far and the seconds until the next one.
    var onRetry: @Sendable (APIError, Int, Double) async -> Void = { _, _, _ in }

    init(client: CandidatesClient, policy: RetryPolicy, onWait: @escaping @Sendable (Double?) async -> Void,
         onRetry: @escaping @Sendable (APIError, Int, Double) async -> Void = { _, _, _ in }) {
        self.client = client; self.policy = policy; self.onWait = onWait; self.onRetry = onRetry
    }

    /// The final answer, or `nil` when cancelled before there was one to use: before the first
    /// request, or while waiting to send it again (a 5xx cut short by a cancel is no answer: the
    /// caller reports the request as not attempted, never as failed with that 5xx). `attempts`
    /// counts requests sent, 429s included.
    func send<T: Sendable>(_ request: @escaping @Sendable () async throws -> T) async -> (result: Result<T, APIError>, attempts: Int)? {
        var attempts = 0
        var transientFailures = 0
        var rateLimited = 0
        while true {
            guard await reserve() else { return nil }
            attempts += 1
            // Unstructured on purpose: cancelling the caller must not abort a request on the wire.
            let result = await Task { try await request() }.result
            await client.pacer.release()
            let error: APIError
            switch result {
            case .success(let value): return (.success(value), attempts)
            case .failure(let e as APIError): error = e
            case .failure(let e): error = .transport(detail: "\(e)")
            }
            if case .http(let failure) = error, failure.status == 429 {
                rateLimited += 1
                if rateLimited >= policy.maxRateLimitAnswers { return (.failure(error), attempts) }
                continue  // the pacer now holds requests until the Retry-After has passed
            }
            guard error.isTransient else { return (.failure(error), attempts) }
            transientFailures += 1
            if transientFailures >= policy.maxAttempts { return (.failure(error), attempts) }
            var delay = Self.backoff(failures: transientFailures, policy: policy)
            if let retryAfter = error.retryAfter { delay = max(delay, min(retryAfter, policy.maxBackoff)) }
            await onRetry(error, attempts, delay)
            guard await Self.sleep(delay) else { return nil }
        }
    }

    /// Waits for the pacer's permission; `false` when cancelled meanwhile.
    private func reserve() async -> Bool {
        var waited = false
        waiting: while !Task.isCancelled {
            switch await client.pacer.reserve() {
            case .go:
                if Task.isCancelled {
                    await client.pacer.unreserve()
                    break waiting
                }
                if waited { await onWait(nil) }
                return true
            case .wait(let seconds, let forRateLimit):
                if forRateLimit {
                    waited = true
                    await onWait(seconds)
                }
                // Slices of at most a second, so the wait shown counts down.
                if !(await Self.sleep(min(seconds, 1))) { break waiting }
            }
        }
        if waited { await onWait(nil) }
        return false
    }

    /// The backoff after the `failures`-th transient failure: `initialBackoff · 2^(failures−1)`,
    /// capped at `maxBackoff`, with "equal jitter" (half fixed, half random).
    static func backoff(failures: Int, policy: RetryPolicy) -> Double {
        let capped = policy.backoff(afterAttempt: failures)
        return capped / 2 + Double.random(in: 0...max(0, capped / 2))
    }

    /// Sleeps; `false` when the task was cancelled.
    static func sleep(_ seconds: Double) async -> Bool {
        if seconds > 0 {
            do { try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) } catch { return false }
        }
        return !Task.isCancelled
    }
}

extension CandidatesClient {
    /// Sends one logical request through the shared paced, retrying path (`PacedRequests`):
    /// paced by the rate-limit headers of every answer this client received, 429 / 5xx /
    /// timeouts / connection errors retried per `policy`, anything else final at once.
    ///
    /// - Parameters:
    ///   - onWait: told the seconds left while the rate limit holds requests back, `nil` when they resume.
    ///   - onRetry: told before each backoff: the failure, attempts so far, seconds until the next attempt.
    ///   - request: one attempt, e.g. `{ try await client.getCandidate(id: id) }`.
    /// - Throws: the last attempt's `APIError` when the policy gives up or the answer is final;
    ///   `CancellationError` when the calling task was cancelled before the first request.
    public func paced<T: Sendable>(_ policy: RetryPolicy = .standard,
                                   onWait: @escaping @Sendable (Double?) -> Void = { _ in },
                                   onRetry: @escaping @Sendable (APIError, _ attempts: Int, _ seconds: Double) -> Void = { _, _, _ in },
                                   _ request: @escaping @Sendable () async throws -> T) async throws -> T {
        let sender = PacedRequests(client: self, policy: policy, onWait: { onWait($0) }, onRetry: { onRetry($0, $1, $2) })
        guard let answer = await sender.send(request) else { throw CancellationError() }
        return try answer.result.get()
    }
}

extension APIError {
    /// The wait the server asked for (`Retry-After` / `retryAfter`), when it answered with one.
    var retryAfter: Double? {
        if case .http(let f) = self { return f.retryAfter }
        return nil
    }
}
