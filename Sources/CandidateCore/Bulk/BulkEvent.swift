/// What a bulk run reports, in order: `.item` for every candidate as it settles (skipped ones
/// first), `.progress` after every item and while waiting for the rate limit, `.finished` last.
public enum BulkEvent: Sendable {
    /// Counts after a change, or while waiting for the rate limit.
    case progress(BulkProgress)
    /// One candidate settled (or, at the end of a cancelled run, was not attempted).
    case item(BulkItemResult)
    /// The last event: the whole report.
    case finished(BulkReport)
}
