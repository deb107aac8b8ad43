import CandidateCore

/// A bulk status change in progress.
struct BulkRunState: Equatable {
    var target: CandidateStatus
    var progress: BulkProgress
    /// Esc or Ctrl-C was pressed: no new requests start; waiting for in-flight ones.
    var cancelling = false

    static func == (a: BulkRunState, b: BulkRunState) -> Bool {
        a.target == b.target && a.cancelling == b.cancelling && a.progress.done == b.progress.done
    }
}

/// Running a bulk status change: start, progress, cancel, and the report.
extension AppModel {
    /// `y` on the preview: the change starts; the panel closes and the message line shows progress.
    mutating func startBulk(_ plan: BulkStatusPlan) -> [Effect] {
        setOverlay(nil)
        // The range's marks are the plan now; left open it would mark the moved again.
        marks.endRange()
        bulk = BulkRunState(target: plan.target, progress: BulkProgress(total: plan.items.count, done: 0, moved: 0, skipped: 0, failed: 0, waitingSeconds: nil))
        bulkReport = nil
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
            // Each was replaced as its `.item` arrived; again in one batch, for any missed.
            list.append(report.results.compactMap { r in if case .moved(let c) = r.outcome { return c } else { return nil } }
                .filter { list.isLoaded($0.id) })
            // The moved and the skipped (already there) are done; the failed and not attempted stay marked.
            marks.unmark((report.moved + report.skipped).map(\.id))
            setOverlay(.bulkResult)
            flash = Flash(text: Self.reportLine(report), kind: report.allSucceeded ? .ok : .error)
        }
        return []
    }

    static func reportLine(_ r: BulkReport) -> String {
        var parts = ["moved \(r.moved.count)"]
        if !r.skipped.isEmpty { parts.append("skipped \(r.skipped.count)") }
        if !r.failed.isEmpty { parts.append("failed \(r.failed.count)") }
        if !r.notAttempted.isEmpty { parts.append("not attempted \(r.notAttempted.count)") }
        return "\(r.cancelled ? "Cancelled" : "Done"): " + parts.joined(separator: " · ") + " → \(r.target)"
    }

    /// The status line while a bulk change runs, e.g. `Moving to REJECTED [#####·····] 12/37 · 2 failed`.
    func bulkStatusLine(width: Int = 20) -> String? {
        guard let b = bulk else { return nil }
        let p = b.progress
        let filled = p.total > 0 ? min(width, p.done * width / p.total) : 0
        var s = "Moving to \(b.target) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(p.done)/\(p.total)"
        if p.failed > 0 { s += " · \(p.failed) failed" }
        if let w = p.waitingSeconds, w > 0 { s += " · waiting \(Int(w.rounded(.up)))s for rate limit" }
        s += b.cancelling ? " · cancelling: waiting for requests in flight" : " · Esc cancels"
        return s
    }
}
