/// The end of a bulk run: every candidate of the plan with its outcome, in plan order.
public struct BulkReport: Sendable {
    /// What the run did.
    public let goal: BulkGoal
    /// The status a status move went to (`nil` for other goals).
    public var target: CandidateStatus? { goal.status }
    /// One result per plan item, in plan order. From a run, a moved result's candidate holds
    /// only id, names and the status the server answered (see `BulkResults`).
    public let results: BulkResults
    /// Whether the run was cancelled (some results may then be `.notAttempted`).
    public let cancelled: Bool

    /// A report of the given results.
    public init(goal: BulkGoal, results: [BulkItemResult], cancelled: Bool) {
        self.init(goal: goal, results: BulkResults(results), cancelled: cancelled)
    }

    /// A report; the engine builds it at the end of a run.
    init(goal: BulkGoal, results: BulkResults, cancelled: Bool) {
        self.goal = goal; self.results = results; self.cancelled = cancelled
    }

    /// The report of a status move.
    public init(target: CandidateStatus, results: [BulkItemResult], cancelled: Bool) {
        self.init(goal: .status(target), results: results, cancelled: cancelled)
    }

    /// Results by outcome, each in plan order.
    public var moved: [BulkItemResult] { results.withKind(.moved) }
    public var skipped: [BulkItemResult] { results.withKind(.skipped) }
    public var failed: [BulkItemResult] { results.withKind(.failed) }
    public var notAttempted: [BulkItemResult] { results.withKind(.notAttempted) }
    public var conflicts: [BulkItemResult] { results.withKind(.conflict) }

    /// No candidate failed, conflicted or was left unattempted (everything changed or skipped).
    public var allSucceeded: Bool {
        results.indices.allSatisfy { results.kind(at: $0) == .moved || results.kind(at: $0) == .skipped }
    }
}
