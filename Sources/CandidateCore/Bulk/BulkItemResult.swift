/// One candidate's line in a bulk report.
public struct BulkItemResult: Sendable, Equatable {
    /// Candidate UUID.
    public let id: String
    /// "First Last" as read before the change (raw server text: sanitize before printing).
    public let name: String
    /// The status before the change.
    public let from: CandidateStatus
    /// What happened to it.
    public let outcome: BulkOutcome
    /// The requests sent for this candidate, 429 answers included: 1 or more for `.moved` (more
    /// after retries), the failure's own count for `.failed`, 0 for `.skipped` and `.notAttempted`.
    public let attempts: Int
    /// Why it was skipped or what conflicted, when the run knows (raw text: sanitize before printing).
    public let note: String?

    /// A result line; the engine builds these from plan items. `attempts` is used for `.moved`
    /// (default 1); `.failed` carries its own count and the other outcomes sent nothing.
    public init(id: String, name: String, from: CandidateStatus, outcome: BulkOutcome, attempts: Int = 1, note: String? = nil) {
        self.id = id; self.name = name; self.from = from; self.outcome = outcome
        if case .conflict(let reason) = outcome { self.note = note ?? reason } else { self.note = note }
        switch outcome {
        case .moved: self.attempts = max(1, attempts)
        case .failed(_, let sent): self.attempts = sent
        case .skipped, .notAttempted: self.attempts = 0
        case .conflict: self.attempts = attempts
        }
    }

    /// The HTTP status of the failure, when the server answered one.
    public var httpStatus: Int? {
        if case .failed(let e, _) = outcome { return e.httpStatus }
        return nil
    }
}
