/// The end of a bulk run: every candidate of the plan with its outcome, in plan order.
public struct BulkReport: Sendable {
    /// What the run did.
    public let goal: BulkGoal
    /// The status a status move went to (`nil` for other goals).
    public var target: CandidateStatus? { goal.status }
    /// One result per plan item, in plan order.
    public let results: [BulkItemResult]
    /// Whether the run was cancelled (some results may then be `.notAttempted`).
    public let cancelled: Bool

    /// A report; the engine builds it at the end of a run.
    public init(goal: BulkGoal, results: [BulkItemResult], cancelled: Bool) {
        self.goal = goal; self.results = results; self.cancelled = cancelled
    }

    /// The report of a status move.
    public init(target: CandidateStatus, results: [BulkItemResult], cancelled: Bool) {
        self.init(goal: .status(target), results: results, cancelled: cancelled)
    }

    /// Results by outcome, each in plan order.
    public var moved: [BulkItemResult] { results.filter { if case .moved = $0.outcome { return true }; return false } }
    public var skipped: [BulkItemResult] { results.filter { if case .skipped = $0.outcome { return true }; return false } }
    public var failed: [BulkItemResult] { results.filter { if case .failed = $0.outcome { return true }; return false } }
    public var notAttempted: [BulkItemResult] { results.filter { if case .notAttempted = $0.outcome { return true }; return false } }
    public var conflicts: [BulkItemResult] { results.filter { if case .conflict = $0.outcome { return true }; return false } }

    /// No candidate failed, conflicted or was left unattempted (everything changed or skipped).
    public var allSucceeded: Bool { failed.isEmpty && notAttempted.isEmpty && conflicts.isEmpty }
}
