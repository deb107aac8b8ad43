import Foundation

/// The one-line texts of a bulk status change, shared by the editor and `candidates bulk-status`
/// so both word a run the same way. Status names pass `DisplayText.sanitize`.
public enum BulkSummaryText {
    /// The end of a run: `Done in 3.2 s: moved 30 · skipped 3 · failed 1 → REJECTED`, or without
    /// `seconds` `Done: moved 30 · … → REJECTED`; `Cancelled` instead of `Done` for a cancelled
    /// run. `moved` is always named, the other outcomes only when some candidate has them.
    public static func summary(_ tally: BulkTally, target: CandidateStatus, cancelled: Bool, seconds: Double? = nil) -> String {
        summary(tally, goal: .status(target), cancelled: cancelled, seconds: seconds)
    }

    /// `summary` for any goal: `Done: assigned 30 · skipped 3 → +Backend`.
    public static func summary(_ tally: BulkTally, goal: BulkGoal, cancelled: Bool, seconds: Double? = nil) -> String {
        var parts = ["\(goal.done) \(tally.moved)"]
        for (count, label) in [(tally.skipped, "skipped"), (tally.conflicts, "conflicts"), (tally.failed, "failed"),
                               (tally.notAttempted, "not attempted"), (tally.invalid, "invalid")] where count > 0 {
            parts.append("\(label) \(count)")
        }
        let head = (cancelled ? "Cancelled" : "Done") + (seconds.map { " in " + String(format: "%.1f", $0) + " s" } ?? "")
        return head + ": " + parts.joined(separator: " · ") + " → " + goal.destination
    }

    /// A run in progress: `Moving to REJECTED [#######.............] 12/37 · 2 failed · waiting 42s
    /// for rate limit · <note>`: a bar of `barWidth` cells filled by `done/total`, the failures
    /// when there are some, the rate-limit wait (whole seconds, rounded up) while there is one,
    /// and the caller's `note` last (how to cancel, or that it is cancelling).
    public static func progress(_ p: BulkProgress, target: CandidateStatus, note: String, barWidth: Int = 20) -> String {
        progress(p, goal: .status(target), note: note, barWidth: barWidth)
    }

    /// `progress` for any goal: `Assigning to Backend [####…] 12/37 · …`.
    public static func progress(_ p: BulkProgress, goal: BulkGoal, note: String, barWidth: Int = 20) -> String {
        let width = max(0, barWidth)
        let filled = p.total > 0 ? min(width, p.done * width / p.total) : 0
        var s = goal.doing + " ["
            + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(p.done)/\(p.total)"
        if p.failed > 0 { s += " · \(p.failed) failed" }
        if p.conflicts > 0 { s += " · \(p.conflicts) \(p.conflicts == 1 ? "conflict" : "conflicts")" }
        if let w = p.waitingSeconds, w > 0 { s += " · waiting \(Int(w.rounded(.up)))s for rate limit" }
        return s + " · " + note
    }
}
