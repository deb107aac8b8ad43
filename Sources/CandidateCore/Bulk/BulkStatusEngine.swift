import Foundation

/// Moves many candidates to one status: `PATCH /candidates/{id}` with exactly
/// `{"status": X}` (`CandidatePatch.status`) for every candidate of the plan that is not
/// already there. Shared by the TUI and the CLI, so both report the same truth.
///
/// Rules (API page, "Update (PATCH) rules" and "Rate limits"):
/// - At most `options.concurrency` requests in flight.
/// - Paced by the `X-RateLimit-Remaining-*` / `X-RateLimit-Reset-*` headers: when the budget of a
///   window is spent, no request starts until the window resets (`.progress` events then carry
///   `waitingSeconds`). A 429 holds every request back for the larger of `Retry-After` and the
///   body's `retryAfter`, then the request is retried; 429s do not use up attempts, but one
///   candidate gives up after 10 of them.
/// - 5xx, timeouts and connection errors: retried with exponential backoff and jitter, at most
///   `options.maxAttempts` attempts. 400, 401, 403, 404, 409: not retried. (PATCH with the same
///   body is safe to repeat.)
/// - A candidate is `.moved` only when the server answered 2xx **and** the candidate it returned
///   has the target status; a 2xx with another status is `.failed` with an `APIError.decoding`
///   saying so.
/// - Cancelling (`BulkControl.cancel()` or cancelling the calling task): no new request
///   starts, requests in flight finish and are reported, the rest are `.notAttempted` — also
///   those whose earlier attempt failed and that were waiting to be sent again.
public struct BulkStatusEngine: Sendable {
    /// The client the PATCHes go through; its rate-limit pacer is shared with every other use of it.
    public let client: CandidatesClient
    /// Concurrency, attempts and backoffs.
    public let options: BulkOptions

    /// An engine; `run` may be called any number of times.
    public init(client: CandidatesClient, options: BulkOptions = BulkOptions()) {
        self.client = client
        self.options = options
    }

    /// Runs the plan and returns the report (also delivered as the last event).
    ///
    /// Events arrive one at a time, in order, on `onEvent`, from any thread: first `.item` for each
    /// skipped candidate and a `.progress`; then per settled candidate `.item` followed by
    /// `.progress`; `.progress` with `waitingSeconds` about once a second while the rate limit
    /// holds requests back (and once with `nil` when they resume); at the end `.item` for each
    /// not-attempted candidate, a final `.progress` and `.finished`. Keep `onEvent` quick.
    public func run(_ plan: BulkStatusPlan, control: BulkControl = BulkControl(),
                    onEvent: @escaping @Sendable (BulkEvent) -> Void = { _ in }) async -> BulkReport {
        let work = Task { await execute(plan, control: control, onEvent: onEvent) }
        control.onCancel { work.cancel() }
        return await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            control.cancel()
        }
    }

    private func execute(_ plan: BulkStatusPlan, control: BulkControl,
                         onEvent: @escaping @Sendable (BulkEvent) -> Void) async -> BulkReport {
        let recorder = BulkRecorder(plan: plan, onEvent: onEvent)
        await recorder.start()
        let pending = plan.items.indices.filter { plan.items[$0].move != .alreadyThere }
        let sender = PacedRequests(client: client, policy: options.retry, onWait: { seconds in
            await recorder.waiting(seconds)
        })
        let patch = CandidatePatch.status(plan.target)
        let target = plan.target
        let client = self.client
        await WorkerPool.forEach(pending.count, concurrency: options.concurrency) { slot in
            let index = pending[slot]
            let id = plan.items[index].candidate.id
            guard let answer = await sender.send({ try await client.updateCandidate(id: id, patch: patch).value }) else {
                return false  // cancelled before an answer to use: not attempted
            }
            await recorder.record(index, Self.outcome(answer.result, attempts: answer.attempts, target: target),
                                  attempts: answer.attempts)
            return true
        }
        return await recorder.finish(cancelled: control.isCancelled || Task.isCancelled)
    }

    /// `.moved` only for a 2xx whose candidate has the target status.
    static func outcome(_ result: Result<Candidate, APIError>, attempts: Int, target: CandidateStatus) -> BulkOutcome {
        switch result {
        case .success(let c) where c.status == target:
            return .moved(c)
        case .success(let c):
            return .failed(.decoding(detail: "the server accepted the change but the candidate's status is \(c.status), not \(target)"),
                           attempts: attempts)
        case .failure(let e):
            return .failed(e, attempts: attempts)
        }
    }
}

/// Collects results and emits events one at a time, in order.
actor BulkRecorder {
    private let plan: BulkStatusPlan
    private let onEvent: @Sendable (BulkEvent) -> Void
    private var results: [BulkOutcome?]
    /// Requests sent per plan item (0 until it settles with requests).
    private var attempts: [Int]
    private var progress: BulkProgress
    /// Unix seconds when requests resume, while held back by the rate limit.
    private var resumesAt: Double?
    private var lastWaitEvent: Double = 0

    init(plan: BulkStatusPlan, onEvent: @escaping @Sendable (BulkEvent) -> Void) {
        self.plan = plan
        self.onEvent = onEvent
        results = Array(repeating: nil, count: plan.items.count)
        attempts = Array(repeating: 0, count: plan.items.count)
        progress = BulkProgress(total: plan.items.count)
    }

    /// Settles the skipped candidates.
    func start() {
        for (i, item) in plan.items.enumerated() where item.move == .alreadyThere {
            results[i] = .skipped
            progress.skipped += 1
            progress.done += 1
            onEvent(.item(result(i, .skipped)))
        }
        onEvent(.progress(progress))
    }

    /// Settles plan item `index` after `attempts` requests.
    func record(_ index: Int, _ outcome: BulkOutcome, attempts sent: Int) {
        guard results[index] == nil else { return }
        results[index] = outcome
        attempts[index] = sent
        progress.done += 1
        switch outcome {
        case .moved: progress.moved += 1
        case .skipped: progress.skipped += 1
        case .failed: progress.failed += 1
        case .notAttempted: break
        }
        onEvent(.item(result(index, outcome)))
        onEvent(.progress(progress))
    }

    /// Requests are held back for `seconds` more (`nil`: they resumed). Emits about once a second.
    func waiting(_ seconds: Double?) {
        let now = Date().timeIntervalSince1970
        guard let seconds else {
            guard resumesAt != nil else { return }
            resumesAt = nil
            progress.waitingSeconds = nil
            onEvent(.progress(progress))
            return
        }
        let until = now + seconds
        let changed = resumesAt.map { abs($0 - until) > 0.5 } ?? true
        resumesAt = until
        guard changed || now - lastWaitEvent >= 0.95 else { return }
        lastWaitEvent = now
        progress.waitingSeconds = seconds
        onEvent(.progress(progress))
    }

    /// Marks the rest not attempted and emits the report.
    func finish(cancelled: Bool) -> BulkReport {
        progress.waitingSeconds = nil
        resumesAt = nil
        for i in results.indices where results[i] == nil {
            results[i] = .notAttempted
            progress.done += 1
            onEvent(.item(result(i, .notAttempted)))
        }
        onEvent(.progress(progress))
        let report = BulkReport(target: plan.target, results: results.indices.map { result($0, results[$0] ?? .notAttempted) },
                                cancelled: cancelled)
        onEvent(.finished(report))
        return report
    }

    private func result(_ index: Int, _ outcome: BulkOutcome) -> BulkItemResult {
        let c = plan.items[index].candidate
        return BulkItemResult(id: c.id, name: c.fullName, from: c.status, outcome: outcome, attempts: attempts[index])
    }
}
