import CandidateCore

/// A bulk status change in progress.
struct BulkRunState: Equatable {
    var goal: BulkGoal
    var progress: BulkProgress
    /// Esc or Ctrl-C was pressed: no new requests start; waiting for in-flight ones.
    var cancelling = false

    static func == (a: BulkRunState, b: BulkRunState) -> Bool {
        a.goal == b.goal && a.cancelling == b.cancelling && a.progress.done == b.progress.done
    }
}

/// Running a bulk status change: start, progress, cancel, and the report.
extension AppModel {
    /// `y` on the preview: the change starts; the panel closes and the message line shows progress.
    mutating func startBulk(_ plan: BulkStatusPlan) -> [Effect] {
        startBulk(BulkChangePlan(plan))
    }

    /// Starts any bulk change whose preview was confirmed.
    mutating func startBulk(_ plan: BulkChangePlan) -> [Effect] {
        setOverlay(nil)
        // The range's marks are the plan now; left open it would mark the moved again.
        marks.endRange()
        bulk = BulkRunState(goal: plan.goal, progress: BulkProgress(total: plan.items.count, done: 0, moved: 0, skipped: 0, failed: 0, waitingSeconds: nil))
        bulkReport = nil
        bulkResultWaiting = false
        bulkPlan = plan
        flash = nil
        return [.runBulk(plan)]
    }

    /// Esc or Ctrl-C during a bulk change.
    mutating func cancelBulk() -> [Effect] {
        guard var b = bulk, !b.cancelling else { return [] }
        b.cancelling = true
        bulk = b
        return [.cancelBulk]
    }

    mutating func handleBulkEvent(_ event: BulkEvent) -> [Effect] {
        switch event {
        case .progress(let p):
            bulk?.progress = p
        case .item(let r):
            if case .moved(let c) = r.outcome {
                list.replace(c)
                marks.refresh([c])
            }
        case .finished(let report):
            bulk = nil
            bulkReport = report
            // Each was replaced by the server's copy as its `.item` arrived. A loaded row that
            // still shows another status (missed, or read again before the change) takes the
            // status the server answered, in one batch.
            let results = report.results
            var stale: [Candidate] = []
            var done: [String] = []
            for i in results.indices {
                switch results.kind(at: i) {
                case .moved:
                    let r = results[i]
                    done.append(r.id)
                    guard case .moved(let c) = r.outcome, var row = list.candidate(id: r.id), row.status != c.status else { continue }
                    row.status = c.status
                    stale.append(row)
                case .skipped: done.append(results[i].id)
                case .failed, .notAttempted, .conflict: break
                }
            }
            list.append(stale)
            // The moved and the skipped (already there) are done; the failed and not attempted stay marked.
            marks.unmark(done)
            flash = Flash(text: Self.reportLine(report), kind: report.allSucceeded ? .ok : .error)
            // A question or menu opened meanwhile stays until it is answered, and a save it
            // started ends first; `update` opens the report then.
            bulkResultWaiting = true
        }
        return []
    }

    /// Opens the last report's panel, its same-name candidates told apart.
    mutating func openBulkResult() {
        bulkResultWaiting = false
        guard let report = bulkReport else { return }
        listedNames = labelsForListed(report.results.lazy.map { NameLabels.Entry(id: $0.id, name: $0.name, email: nil) })
        setOverlay(.bulkResult)
    }

    /// `Done: moved 2 · failed 1 → REJECTED` (the same words as `bulk-status`).
    static func reportLine(_ r: BulkReport) -> String {
        BulkSummaryText.summary(BulkTally(r), goal: r.goal, cancelled: r.cancelled)
    }

    /// The status line while a bulk change runs, e.g. `Moving to REJECTED [#####·····] 12/37 · 2 failed`.
    /// In low-bandwidth mode it does not animate: `lowBandwidthProgress`.
    func bulkStatusLine(width: Int = 20) -> String? {
        guard let b = bulk else { return nil }
        let note = b.cancelling ? "cancelling: waiting for requests in flight" : "Esc cancels"
        if options.lowBandwidth { return Self.lowBandwidthProgress(b.progress, goal: b.goal, note: note) }
        return BulkSummaryText.progress(b.progress, goal: b.goal, note: note, barWidth: width)
    }

    /// The low-bandwidth progress line: `Moving 37 to REJECTED: 30% done · 2 failed · waiting for
    /// the rate limit · Esc cancels`. No bar and no per-candidate count; it changes only when a
    /// tenth more is done, the failures change, or a rate-limit wait starts or ends (never with
    /// a countdown), so a run of any size repaints the line a dozen times or so.
    static func lowBandwidthProgress(_ p: BulkProgress, goal: BulkGoal, note: String) -> String {
        let tenths = p.total > 0 ? min(10, p.done * 10 / p.total) : 0
        var s = "\(goal.doing) (\(p.total)): \(tenths * 10)% done"
        if let target = goal.status { s = "Moving \(p.total) to \(DisplayText.sanitize(target.rawValue)): \(tenths * 10)% done" }
        if p.failed > 0 { s += " · \(p.failed) failed" }
        if p.conflicts > 0 { s += " · \(p.conflicts) conflicts" }
        if let w = p.waitingSeconds, w > 0 { s += " · waiting for the rate limit" }
        return s + " · " + note
    }
}
