import CandidateCore

/// Candidates fetched whole for the detail pane and the pager, most recent first, at most
/// `capacity`. A copy is fresh for a list row while the row's `updatedAt` is what it was when
/// the copy was asked for, or what the copy says (the list's row is older than the copy).
struct DetailCache: Equatable {
    struct Entry: Equatable {
        var candidate: Candidate
        /// The list row's `updatedAt` when the copy was asked for.
        var rowUpdatedAt: String?
    }

    /// Copies kept; the oldest goes first.
    static let capacity = 32
    private(set) var entries: [Entry] = []

    /// The kept copy of candidate `id`, fresh or not.
    func entry(_ id: String) -> Entry? { entries.first { $0.candidate.id == id } }

    /// The kept copy of `row`'s candidate when it is fresh for the row.
    func fresh(for row: Candidate) -> Candidate? {
        guard let e = entry(row.id), e.rowUpdatedAt == row.updatedAt || e.candidate.updatedAt == row.updatedAt else { return nil }
        return e.candidate
    }

    /// Keeps `candidate` as the newest copy, dropping the oldest beyond `capacity`.
    mutating func insert(_ candidate: Candidate, rowUpdatedAt: String?) {
        entries.removeAll { $0.candidate.id == candidate.id }
        entries.insert(Entry(candidate: candidate, rowUpdatedAt: rowUpdatedAt), at: 0)
        if entries.count > Self.capacity { entries.removeLast(entries.count - Self.capacity) }
    }

    /// Forgets every copy (a reload).
    mutating func removeAll() { entries = [] }
}
