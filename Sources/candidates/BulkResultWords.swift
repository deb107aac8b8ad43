import CandidateCore

/// How the bulk commands (`bulk-status`, `bulk-jobs`, `bulk-gdpr`, `apply`, `undo`) word a candidate that was
/// not changed: the outcome for the output line and `--json`, the HTTP status and the message.
enum BulkResultWords {
    /// `failed` (with the HTTP status and the server's message), `not_attempted`, `conflict`
    /// (what changed meanwhile); `nil` for `.moved` and `.skipped`, which each command words itself.
    static func unchanged(_ outcome: BulkOutcome) -> (outcome: String, httpStatus: Int?, message: String)? {
        switch outcome {
        case .failed(let e, _): ("failed", e.httpStatus, e.description)
        case .notAttempted: ("not_attempted", nil, "cancelled before it was sent")
        case .conflict(let why): ("conflict", nil, why)
        case .moved, .skipped: nil
        }
    }
}
