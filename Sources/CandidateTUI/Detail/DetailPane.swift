import CandidateCore

/// The detail pane's state: whether it shows, the candidate it follows, the request for that
/// candidate and the copies already fetched. Following the cursor costs nothing until the
/// cursor rests (`pause`); a newer rest supersedes an older one by its token.
struct DetailPane: Equatable {
    /// The pane shows by itself from this terminal width, in columns.
    static let autoColumns = 140
    /// How long the cursor rests on a row before its candidate is fetched, in seconds.
    static let pause = 0.25

    /// What the pane follows: a list row's candidate, as the row was when the cursor rested.
    struct Target: Equatable {
        var id: String
        /// The row's `updatedAt`: a row that changes is fetched again.
        var updatedAt: String?
    }

    /// What `c` or `m` asked to read, waiting for its candidate.
    struct PendingPager: Equatable {
        var id: String
        var kind: PagerContent
    }

    /// `i` or the profile: `true` shows, `false` hides; `nil` shows from `autoColumns` on.
    var shown: Bool?
    var cache = DetailCache()
    /// The row the cursor rests on (or moved to), `nil` when the pane follows nothing.
    var target: Target?
    /// The latest rest of the cursor; answers for an older one are not shown.
    var token = 0
    /// The candidate being fetched for the latest token.
    var loading: String?
    /// The last fetch for the target failed: why.
    var failure: String?
    /// The fetch waits until the rate limit's window leaves more than the reserve.
    var waitingForRateLimit = false
    var pendingPager: PendingPager?
}
