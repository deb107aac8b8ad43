import CandidateCore
import Foundation

/// What the bulk commands (`bulk-status`, `apply`) share once their input is valid: Ctrl-C
/// cancels gracefully (a second one quits), a progress line on standard error, reading the
/// candidates first, running `BulkChangeEngine`, the closing summary and the exit status.
///
/// A class because it owns the signal watcher; call `stop()` when the run is over.
final class BulkSession {
    /// The subcommand's name, for messages (`bulk-status`, `apply`).
    let command: String
    let client: CandidatesClient
    let options: BulkOptions
    let control: BulkControl
    let progress: ProgressLine
    private let started = ContinuousClock.now
    private let watcher: InterruptWatcher

    init(command: String, client: CandidatesClient, options: BulkOptions) {
        self.command = command
        self.client = client
        self.options = options
        let control = BulkControl(), progress = ProgressLine()
        self.control = control
        self.progress = progress
        watcher = InterruptWatcher {
            control.cancel()
            progress.clear()
            Console.err("candidates \(command): cancelling — no new requests; waiting for those in flight")
        }
    }

    /// Stops watching for Ctrl-C.
    func stop() { watcher.stop() }

    /// Seconds since the session started.
    var seconds: Double { Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000 }

    /// Reads each distinct id once (`lookUpCandidates`), showing `Reading N candidates…` and any
    /// rate-limit wait. A `nil` result: cancelled before it was read.
    func read(_ ids: [String]) async -> [(id: String, result: Result<Candidate, APIError>?)] {
        let reading = "Reading \(ids.count) candidate\(ids.count == 1 ? "" : "s")…"
        progress.show(reading, force: true)
        let looked = await client.lookUpCandidates(ids: ids, options: options, control: control) { [progress] wait in
            progress.show(reading + (wait.map { " waiting \(Int($0.rounded(.up)))s for rate limit" } ?? ""), force: true)
        }
        progress.clear()
        return looked
    }

    /// Runs `plan` with the bulk engine, every change recorded in `journal`, with the progress line
    /// (`Applying people.csv [####……] 12/37 · Ctrl-C cancels`).
    func run(_ plan: BulkChangePlan, journal: JournalScope?) async -> BulkReport {
        let control = self.control, progress = self.progress, goal = plan.goal
        let report = await BulkChangeEngine(client: client, options: options, journal: journal).run(plan, control: control) { event in
            if case .progress(let p) = event {
                progress.show(BulkSummaryText.progress(p, goal: goal, note: control.isCancelled ? "cancelling" : "Ctrl-C cancels"))
            }
        }
        progress.clear()
        return report
    }

    /// Prints the per-candidate lines and, after a run (`seconds` given), the summary — on
    /// standard error with `--json`, so standard output stays JSON lines. Returns the exit status:
    /// 0 when every line `succeeded`, else 1.
    func finish(_ lines: [String], json: Bool, summary: String?, succeeded: Bool) -> Int32 {
        for line in lines { Console.out(line) }
        Console.flush()
        if let summary { json ? Console.err(summary) : Console.out(summary) }
        return succeeded ? 0 : 1
    }

    /// `Done in 3.2 s: moved 30 · skipped 3 · failed 1 → REJECTED`, counting outcome names
    /// (`goal.done`, `skipped`, `conflict`, `failed`, `invalid`; the rest count as not attempted).
    static func summary(_ outcomes: [String], goal: BulkGoal, seconds: Double, cancelled: Bool) -> String {
        var counts: [String: Int] = [:]
        for o in outcomes { counts[o, default: 0] += 1 }
        let named = [goal.done, "skipped", "failed", "conflict", "invalid"].reduce(0) { $0 + (counts[$1] ?? 0) }
        var tally = BulkTally(moved: counts[goal.done] ?? 0, skipped: counts["skipped"] ?? 0, failed: counts["failed"] ?? 0,
                              notAttempted: outcomes.count - named)
        tally.conflicts = counts["conflict"] ?? 0
        tally.invalid = counts["invalid"] ?? 0
        return BulkSummaryText.summary(tally, goal: goal, cancelled: cancelled, seconds: seconds)
    }
}
