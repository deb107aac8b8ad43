import Foundation

/// Sends a bulk change: for every candidate of a `BulkChangePlan`, its partial update
/// (`PATCH /candidates/{id}`), or — for a change that `readsFresh` — a `GET` right before and
/// the PATCH decided from that fresh copy (`BulkChange.decide`). Shared by the TUI and every bulk command.
///
/// Rules (API page, "Update (PATCH) rules" and "Rate limits"):
/// - At most `options.concurrency` candidates in flight.
/// - Paced by the `X-RateLimit-Remaining-*` / `X-RateLimit-Reset-*` headers: when the budget of a
///   window is spent, no request starts until the window resets (`.progress` events then carry
///   `waitingSeconds`). A 429 holds every request back for the larger of `Retry-After` and the
///   body's `retryAfter`, then the request is retried; 429s do not use up attempts, but one
///   candidate gives up after 10 of them.
/// - 5xx, timeouts and connection errors: retried with exponential backoff and jitter, at most
///   `options.maxAttempts` attempts. 400, 401, 403, 404, 409: not retried. (PATCH with the same
///   body is safe to repeat.)
/// - A candidate is `.moved` (changed) only when the server answered 2xx and, for a patch that
///   sets `status`, the candidate it returned has that status; otherwise `.failed` with an
///   `APIError.decoding` saying so.
/// - With a journal, every PATCH is recorded before it is sent and again when it ends; a record
///   that cannot be written fails that candidate with nothing sent.
/// - Cancelling (`BulkControl.cancel()` or cancelling the calling task): no new request
///   starts, requests in flight finish and are reported, the rest are `.notAttempted` — also
///   those whose earlier attempt failed and that were waiting to be sent again.
public struct BulkChangeEngine: Sendable {
    public let client: CandidatesClient
    public let options: BulkOptions
    /// Where every change is recorded before it is sent (`nil`: not recorded — tests and benches only).
    public let journal: JournalScope?

    public init(client: CandidatesClient, options: BulkOptions = BulkOptions(), journal: JournalScope? = nil) {
        self.client = client
        self.options = options
        self.journal = journal
    }

    /// Runs the plan and returns the report (also delivered as the last event).
    ///
    /// Events arrive one at a time, in order, on `onEvent`, from any thread: first `.item` for each
    /// skipped candidate and a `.progress`; then per settled candidate `.item` followed by
    /// `.progress`; `.progress` with `waitingSeconds` about once a second while the rate limit
    /// holds requests back (and once with `nil` when they resume); at the end `.item` for each
    /// not-attempted candidate, a final `.progress` and `.finished`. Keep `onEvent` quick.
    public func run(_ plan: BulkChangePlan, control: BulkControl = BulkControl(),
                    onEvent: @escaping @Sendable (BulkEvent) -> Void = { _ in }) async -> BulkReport {
        let work = Task { await execute(plan, control: control, onEvent: onEvent) }
        control.onCancel { work.cancel() }
        return await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            control.cancel()
        }
    }

    private func execute(_ plan: BulkChangePlan, control: BulkControl,
                         onEvent: @escaping @Sendable (BulkEvent) -> Void) async -> BulkReport {
        let recorder = BulkRecorder(plan: plan, onEvent: onEvent)
        await recorder.start()
        let pending = plan.items.indices.filter { plan.items[$0].change != nil }
        let sender = PacedRequests(client: client, policy: options.retry, onWait: { seconds in
            await recorder.waiting(seconds)
        })
        let client = self.client, journal = self.journal
        await WorkerPool.forEach(pending.count, concurrency: options.concurrency) { slot in
            let index = pending[slot]
            var over = plan.items[index].candidate
            var attempts = 0
            guard let change = plan.items[index].change else { return true }
            let patch: CandidatePatch
            if change.readsFresh {
                let id = over.id
                guard let read = await sender.send({ try await client.getCandidate(id: id).value }) else { return false }
                attempts += read.attempts
                switch read.result {
                case .failure(let e):
                    await recorder.record(index, .failed(e, attempts: attempts), attempts: attempts)
                    return true
                case .success(let fresh):
                    over = fresh
                    switch change.decide(fresh) {
                    case .send(let p): patch = p
                    case .skip(let why):
                        await recorder.record(index, .skipped, attempts: attempts, note: why)
                        return true
                    case .conflict(let why):
                        await recorder.record(index, .conflict(why), attempts: attempts)
                        return true
                    }
                }
            } else if case .send(let p) = change.decide(over) {
                patch = p
            } else {
                return true
            }
            if patch.isEmpty {
                await recorder.record(index, .skipped, attempts: attempts, note: "nothing to change")
                return true
            }
            var entry: JournalChange?
            if let journal {
                do { entry = try journal.begin(patch, over: over) } catch {
                    await recorder.record(index, .failed(.configuration("\(error)"), attempts: attempts), attempts: attempts)
                    return true
                }
            }
            let id = over.id
            guard let answer = await sender.send({ try await client.updateCandidate(id: id, patch: patch).value }) else {
                // Cancelled before it was sent: the pending record says so.
                if let journal, let entry { journal.end(entry, .failure(.configuration("cancelled before it was sent"))) }
                return false  // not attempted
            }
            attempts += answer.attempts
            if let journal, let entry { journal.end(entry, answer.result) }
            await recorder.record(index, Self.outcome(answer.result, patch: patch, attempts: attempts), attempts: attempts)
            return true
        }
        return await recorder.finish(cancelled: control.isCancelled || Task.isCancelled)
    }

    /// `.moved` for a 2xx — for a patch that sets `status`, only when the returned candidate has it.
    static func outcome(_ result: Result<Candidate, APIError>, patch: CandidatePatch, attempts: Int = 1) -> BulkOutcome {
        switch result {
        case .success(let c):
            if case .string(let target)? = patch[.status], c.status.rawValue != target {
                return .failed(.decoding(detail: "the server accepted the change but the candidate's status is \(c.status), not \(target)"),
                               attempts: attempts)
            }
            return .moved(c)
        case .failure(let e):
            return .failed(e, attempts: attempts)
        }
    }
}

/// Collects results and emits events one at a time, in order. Keeps 8 bytes per candidate
/// (`BulkResults`): each `.item` event carries the whole outcome out, the report only its kind.
actor BulkRecorder {
    private let plan: BulkChangePlan
    private let onEvent: @Sendable (BulkEvent) -> Void
    private var slots: [BulkResults.Slot]
    /// Statuses moved candidates ended in (`Slot.status` indexes them).
    private var statuses: [CandidateStatus] = []
    private var statusIndex: [CandidateStatus: UInt16] = [:]
    /// Outcomes of the failed and conflicted, by plan index.
    private var details: [Int: BulkOutcome] = [:]
    /// Skip reasons and conflicts found while running, by plan index.
    private var notes: [Int: String] = [:]
    private var progress: BulkProgress
    /// Unix seconds when requests resume, while held back by the rate limit.
    private var resumesAt: Double?
    private var lastWaitEvent: Double = 0

    init(plan: BulkChangePlan, onEvent: @escaping @Sendable (BulkEvent) -> Void) {
        self.plan = plan
        self.onEvent = onEvent
        slots = Array(repeating: BulkResults.Slot(), count: plan.items.count)
        progress = BulkProgress(total: plan.items.count)
    }

    /// Settles the skipped candidates.
    func start() {
        for (i, item) in plan.items.enumerated() where item.change == nil {
            slots[i].kind = BulkResults.Kind.skipped.rawValue
            progress.skipped += 1
            progress.done += 1
            onEvent(.item(result(i, .skipped)))
        }
        onEvent(.progress(progress))
    }

    /// Settles plan item `index` after `attempts` requests.
    func record(_ index: Int, _ outcome: BulkOutcome, attempts sent: Int, note: String? = nil) {
        guard slots[index].kind == 0 else { return }
        var slot = BulkResults.Slot(kind: BulkResults.Kind(outcome).rawValue, attempts: UInt32(clamping: sent))
        switch outcome {
        case .moved(let c): slot.status = statusNumber(c.status)
        case .failed, .conflict: details[index] = outcome
        case .skipped, .notAttempted: break
        }
        slots[index] = slot
        if let note { notes[index] = note }
        progress.done += 1
        switch outcome {
        case .moved: progress.moved += 1
        case .skipped: progress.skipped += 1
        case .failed: progress.failed += 1
        case .conflict: progress.conflicts += 1
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
        for i in slots.indices where slots[i].kind == 0 {
            slots[i] = BulkResults.Slot(kind: BulkResults.Kind.notAttempted.rawValue)
            progress.done += 1
            onEvent(.item(result(i, .notAttempted)))
        }
        onEvent(.progress(progress))
        let results = BulkResults(.init(plan: plan, slots: slots, statuses: statuses, details: details, notes: notes))
        let report = BulkReport(goal: plan.goal, results: results, cancelled: cancelled)
        onEvent(.finished(report))
        return report
    }

    private func statusNumber(_ s: CandidateStatus) -> UInt16 {
        if let i = statusIndex[s] { return i }
        // More distinct statuses than a UInt16 counts: the rest read back as the last one.
        guard statuses.count < Int(UInt16.max) else { return UInt16(statuses.count - 1) }
        statuses.append(s)
        statusIndex[s] = UInt16(statuses.count - 1)
        return UInt16(statuses.count - 1)
    }

    private func result(_ index: Int, _ outcome: BulkOutcome) -> BulkItemResult {
        let c = plan.items[index].stored
        return BulkItemResult(id: c.id, name: c.fullName, from: c.status, outcome: outcome, attempts: Int(slots[index].attempts),
                              note: notes[index] ?? plan.items[index].skipReason)
    }
}
