/// The per-candidate results of a bulk run, in plan order (`BulkReport.results`).
///
/// A run's results are kept compactly: for each candidate the kind of its outcome, the requests
/// sent and the status a moved candidate ended in (8 bytes), next to the plan (id, name, "from");
/// failures, conflicts and notes, which are few, aside. Each result is built when it is read. A
/// moved result's candidate then holds the id, the names and the status the server answered:
/// the server's whole copy went out with that candidate's `.item` event, so a run of 100,000
/// keeps no copies of candidates. Results given as an array (`init(_:)`) read back as given.
public struct BulkResults: RandomAccessCollection, Sendable {
    /// The kind of an outcome, without its payload.
    public enum Kind: UInt8, Sendable {
        case moved = 1, skipped, failed, notAttempted, conflict

        public init(_ outcome: BulkOutcome) {
            switch outcome {
            case .moved: self = .moved
            case .skipped: self = .skipped
            case .failed: self = .failed
            case .notAttempted: self = .notAttempted
            case .conflict: self = .conflict
            }
        }
    }

    /// One settled candidate: its `Kind` (0 while unsettled), the status index of a moved one,
    /// the requests sent.
    struct Slot: Sendable {
        var kind: UInt8 = 0
        var status: UInt16 = 0
        var attempts: UInt32 = 0
    }

    private enum Storage: Sendable {
        case given([BulkItemResult])
        case compact(Compact)
    }

    /// What a run keeps (see the type's note).
    struct Compact: Sendable {
        var plan: BulkChangePlan
        var slots: [Slot]
        /// The statuses moved candidates ended in, by `Slot.status`.
        var statuses: [CandidateStatus]
        /// The outcomes of the failed and the conflicted, by plan index.
        var details: [Int: BulkOutcome]
        /// Notes set while running (skip reasons found on the fresh copy), by plan index; the
        /// plan's skip reason otherwise.
        var notes: [Int: String]
    }

    private let storage: Storage

    /// Results as given.
    public init(_ results: [BulkItemResult]) { storage = .given(results) }

    init(_ compact: Compact) { storage = .compact(compact) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .given(let r): r.count
        case .compact(let c): c.slots.count
        }
    }

    public subscript(i: Int) -> BulkItemResult {
        switch storage {
        case .given(let r): return r[i]
        case .compact(let c):
            let item = c.plan.items[i].stored
            let slot = c.slots[i]
            let outcome: BulkOutcome
            switch Kind(rawValue: slot.kind) {
            case .moved?: outcome = .moved(item.named(status: c.statuses[Int(slot.status)]))
            case .skipped?: outcome = .skipped
            case .failed?, .conflict?: outcome = c.details[i] ?? .notAttempted
            case .notAttempted?, nil: outcome = .notAttempted
            }
            return BulkItemResult(id: item.id, name: item.fullName, from: item.status, outcome: outcome,
                                  attempts: Int(slot.attempts), note: c.notes[i] ?? c.plan.items[i].skipReason)
        }
    }

    /// The kind of result `i`'s outcome, without building the result.
    public func kind(at i: Int) -> Kind {
        switch storage {
        case .given(let r): return Kind(r[i].outcome)
        case .compact(let c): return Kind(rawValue: c.slots[i].kind) ?? .notAttempted
        }
    }

    /// The results whose outcome is of `kind`, in order.
    public func withKind(_ kind: Kind) -> [BulkItemResult] {
        indices.filter { self.kind(at: $0) == kind }.map { self[$0] }
    }

    /// How many results have an outcome of `kind`.
    public func count(of kind: Kind) -> Int {
        indices.reduce(0) { $0 + (self.kind(at: $1) == kind ? 1 : 0) }
    }
}
