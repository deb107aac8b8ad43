/// What happened to one candidate of a bulk change. Indirect: a result is a pointer wide
/// whatever its payload (a `Candidate` inline is over 300 bytes).
public indirect enum BulkOutcome: Sendable, Equatable {
    /// The server answered 2xx (and, for a status move, the candidate it returned has the target status).
    case moved(Candidate)
    /// Already at the target status: nothing was sent.
    case skipped
    /// The change did not happen (or could not be confirmed). `attempts` counts the requests
    /// sent for this candidate, 429 answers included (0 when it failed before any request,
    /// e.g. the CLI could not read it first).
    case failed(APIError, attempts: Int)
    /// Cancelled before its first request.
    case notAttempted
    /// Not sent: the server's copy, read again right before, is not what the change expects
    /// (someone changed the candidate meanwhile). The reason names what differs.
    case conflict(String)
}
