import CandidateCore

/// What the pane says about the row under the cursor.
enum DetailContent: Equatable {
    /// No row under the cursor.
    case empty
    /// The candidate whole; `note` says when it is an older copy (a newer one is being
    /// fetched, or could not be).
    case candidate(Candidate, note: String?)
    /// Only the list's row is known yet; `note` says why (loading, waiting, failed).
    case row(Candidate, note: String)
}
