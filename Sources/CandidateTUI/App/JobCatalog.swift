import CandidateCore

/// The company's jobs, for the job filter, the jobs picker and job titles; loaded once at
/// start (and again with `r`), asked again after a transient failure.
struct JobCatalog: Equatable {
    /// Sorted by title.
    private(set) var all: [Job] = []
    private(set) var isLoaded = false
    /// Transient failures in a row, and whether the next `.wake` asks again.
    var failedAttempts = 0
    var retryDue = false

    /// Keeps `jobs`, sorted by title as a recruiter reads them.
    mutating func loaded(_ jobs: [Job]) {
        failedAttempts = 0
        all = jobs.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
        isLoaded = true
    }

    mutating func failed() { isLoaded = false }

    func title(_ id: String) -> String? { all.first(where: { $0.id == id })?.title }
}
