import CandidateCore

/// What every bulk command's run shares (`bulk-status`, `bulk-jobs`, `bulk-gdpr`, `apply`, `undo`): Ctrl-C
/// stops starting requests (those in flight finish; a second Ctrl-C quits), the progress line
/// on standard error, the clock for the summary, reading every candidate first, and sending a
/// plan with the bulk engine.
final class BulkCommandSession {
    /// Cancelled by the first Ctrl-C.
    let control = BulkControl()
    let progress = ProgressLine()
    private let started = ContinuousClock.now
    private var watcher: InterruptWatcher?

    /// Starts watching for Ctrl-C; `command` names the command in its message. Call `stop()` at the end.
    init(command: String) {
        let control = self.control, progress = self.progress
        watcher = InterruptWatcher {
            control.cancel()
            progress.clear()
            Console.err("candidates \(command): cancelling — no new requests; waiting for those in flight")
        }
    }

    /// Seconds since the session started.
    var elapsed: Double { Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000 }

    /// Stops watching for Ctrl-C.
    func stop() { watcher?.stop() }

    /// Reads every candidate (one entry per distinct id, in the given order; `nil` when cancelled
    /// first), showing `Reading N candidates…` and any rate-limit wait.
    func read(_ entries: [IdInput.Entry], client: CandidatesClient, options: BulkOptions) async
        -> [(id: String, result: Result<Candidate, APIError>?)] {
        await readCandidates(entries, client: client, options: options).entries
    }

    /// Reads every candidate the way `CandidateReadPlan` chooses (`CandidatesClient.readCandidates`:
    /// pages filtered by `onlyFrom` when given), showing `Reading N candidates…` and any rate-limit
    /// wait; returns the entries and the way chosen. `onRead` is told each candidate as soon as it is read.
    func readCandidates(_ entries: [IdInput.Entry], onlyFrom: [CandidateStatus] = [], client: CandidatesClient, options: BulkOptions,
                        onRead: @escaping @Sendable (_ id: String, _ result: Result<Candidate, APIError>) -> Void = { _, _ in }) async
        -> CandidateReads {
        let progress = self.progress
        let reading = "Reading \(entries.count) candidate\(entries.count == 1 ? "" : "s")…"
        progress.show(reading, force: true)
        let reads = await client.readCandidates(ids: entries.map(\.id), onlyFrom: onlyFrom, options: options, control: control, onWait: { wait in
            progress.show(reading + (wait.map { " waiting \(Int($0.rounded(.up)))s for rate limit" } ?? ""), force: true)
        }, onRead: onRead)
        progress.clear()
        return reads
    }

    /// Sends `plan` with the bulk engine, every change recorded in `journal`, showing the progress
    /// line (`Applying people.csv [####……] 12/37 · Ctrl-C cancels`); returns the report.
    func send(_ plan: BulkChangePlan, client: CandidatesClient, options: BulkOptions, journal: JournalScope?) async -> BulkReport {
        let control = self.control, progress = self.progress, goal = plan.goal
        let report = await BulkChangeEngine(client: client, options: options, journal: journal).run(plan, control: control) { event in
            if case .progress(let p) = event {
                progress.show(BulkSummaryText.progress(p, goal: goal, note: control.isCancelled ? "cancelling" : "Ctrl-C cancels"))
            }
        }
        progress.clear()
        return report
    }
}
