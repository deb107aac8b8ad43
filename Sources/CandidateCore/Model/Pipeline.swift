/// The hiring pipeline: which status moves are natural next steps.
///
/// From the API page, "Status" (our decision, since the server enforces no transitions):
/// `UNDEFINED → APPLIED → IN_PROCESS → ACCEPTED`, `APPLIED` or `IN_PROCESS → REJECTED`,
/// and `REJECTED → APPLIED` (reopen). Every other move in the enum stays reachable as an
/// explicit override.
public enum Pipeline {
    /// The natural next statuses from `status`, most likely first. Empty for `ACCEPTED`
    /// and for statuses outside the enum.
    public static func nextSteps(from status: CandidateStatus) -> [CandidateStatus] {
        switch status {
        case .undefined: return [.applied]
        case .applied: return [.inProcess, .rejected]
        case .inProcess: return [.accepted, .rejected]
        case .rejected: return [.applied]
        default: return []
        }
    }

    /// The rest of the enum: reachable as an override, in enum order, excluding `status` itself.
    public static func overrides(from status: CandidateStatus) -> [CandidateStatus] {
        let next = nextSteps(from: status)
        return CandidateStatus.allKnown.filter { $0 != status && !next.contains($0) }
    }

    /// Whether `from → to` is a natural pipeline step.
    public static func isNaturalStep(from: CandidateStatus, to: CandidateStatus) -> Bool {
        nextSteps(from: from).contains(to)
    }

    /// How a move is classified for menus and bulk previews.
    public enum Move: Hashable, Sendable { case alreadyThere, natural, override }

    /// Classifies `from → to`.
    public static func classify(from: CandidateStatus, to: CandidateStatus) -> Move {
        if from == to { return .alreadyThere }
        return isNaturalStep(from: from, to: to) ? .natural : .override
    }
}
