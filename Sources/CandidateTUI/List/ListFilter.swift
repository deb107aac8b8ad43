import CandidateCore

/// What the list shows: server-side filters (status, job) and the as-you-type search.
struct ListFilter: Equatable {
    /// Server-side `status=`.
    var status: CandidateStatus?
    /// Server-side `jobId=`.
    var jobId: String?
    /// Typed search, matched locally at once (folded) and sent as `search=` after a pause.
    var search = ""

    var isActive: Bool { status != nil || jobId != nil || !search.isEmpty }
}
