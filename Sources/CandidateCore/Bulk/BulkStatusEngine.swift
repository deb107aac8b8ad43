import Foundation

/// Moves many candidates to one status: `PATCH /candidates/{id}` with exactly
/// `{"status": X}` (`CandidatePatch.status`) for every candidate of the plan that is not
/// already there. It is `BulkChangeEngine` (its rules: pacing, retries, cancellation,
/// journal) run with a status plan; shared by the TUI and the CLI, so both report the same truth.
public typealias BulkStatusEngine = BulkChangeEngine

extension BulkChangeEngine {
    /// Runs a status plan and returns the report (also delivered as the last event); see `run(_:control:onEvent:)`.
    public func run(_ plan: BulkStatusPlan, control: BulkControl = BulkControl(),
                    onEvent: @escaping @Sendable (BulkEvent) -> Void = { _ in }) async -> BulkReport {
        await run(BulkChangePlan(plan), control: control, onEvent: onEvent)
    }

    /// `.moved` only for a 2xx whose candidate has the target status.
    static func outcome(_ result: Result<Candidate, APIError>, attempts: Int, target: CandidateStatus) -> BulkOutcome {
        outcome(result, patch: .status(target))
    }
}
