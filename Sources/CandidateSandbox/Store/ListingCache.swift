import Foundation

/// Remembered facts about candidate lists, so a page costs about `limit` rows of work:
/// the total per (company, filters), and where pages already served start and end in the list
/// order (checkpoints for keyset paging).
///
/// Each entry is tied to the company's `candidateRevision` (bumped by triggers on any write to
/// its candidates or their jobs); an entry read under another revision is a miss, so nothing
/// stale is ever answered. Entries are computed inside the reader's snapshot, so an entry is
/// exactly as true as the revision it carries. Safe to use from concurrent requests.
final class ListingCache: @unchecked Sendable {
    /// Which list: the company and the filters as the query sees them (search already folded).
    struct Key: Hashable, Sendable {
        var companyId: String
        var status: String?
        var jobId: String?
        var needle: String?
    }

    /// A row's place in the list order (`createdAt` descending, then `id` descending).
    struct SortKey: Sendable, Equatable {
        var createdAt: String
        var id: String
    }

    private struct Entry {
        var revision: Int64
        var total: Int
        /// Offset in the list → the sort key of the row at that offset.
        var checkpoints: [Int: SortKey]
    }

    /// Most lists remembered; past it the cache starts over (the sandbox sees few distinct lists).
    static let maxEntries = 256
    /// Most checkpoints per list; past it that list's checkpoints start over.
    static let maxCheckpoints = 4096

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// The cached total for `key` at `revision`, or `nil`.
    func total(_ key: Key, revision: Int64) -> Int? {
        lock.withLock { entries[key].flatMap { $0.revision == revision ? $0.total : nil } }
    }

    /// Remembers the total for `key` at `revision`, dropping what was known at other revisions.
    func setTotal(_ total: Int, for key: Key, revision: Int64) {
        lock.withLock {
            if let entry = entries[key], entry.revision == revision { return }
            if entries.count >= Self.maxEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(revision: revision, total: total, checkpoints: [:])
        }
    }

    /// The known checkpoint nearest at or before `offset` for `key` at `revision`, or `nil`.
    func checkpoint(atOrBefore offset: Int, _ key: Key, revision: Int64) -> (offset: Int, sortKey: SortKey)? {
        lock.withLock {
            guard let entry = entries[key], entry.revision == revision else { return nil }
            if let exact = entry.checkpoints[offset] { return (offset, exact) }
            var best: (offset: Int, sortKey: SortKey)?
            for (o, k) in entry.checkpoints where o <= offset && o > (best?.offset ?? -1) { best = (o, k) }
            return best
        }
    }

    /// Remembers that the row at `offset` of `key`'s list (at `revision`) has `sortKey`.
    func addCheckpoint(_ sortKey: SortKey, at offset: Int, _ key: Key, revision: Int64) {
        lock.withLock {
            guard var entry = entries[key], entry.revision == revision else { return }
            if entry.checkpoints.count >= Self.maxCheckpoints { entry.checkpoints.removeAll(keepingCapacity: true) }
            entry.checkpoints[offset] = sortKey
            entries[key] = entry
        }
    }
}
