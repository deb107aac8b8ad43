/// What happened to one candidate of a bulk change.
public enum BulkOutcome: Sendable, Equatable {
    /// The server answered 2xx and the candidate it returned has the target status.
    case moved(Candidate)
    /// Already at the target status: nothing was sent.
    case skipped
    /// The change did not happen (or could not be confirmed). `attempts` counts the requests
    /// sent for this candidate, 429 answers included (0 when it failed before any request,
    /// e.g. the CLI could not read it first).
    case failed(APIError, attempts: Int)
    /// Cancelled before its first request.
    case notAttempted
}
