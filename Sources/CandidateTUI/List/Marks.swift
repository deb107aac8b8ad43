import CandidateCore

/// What a mark keeps of a candidate: enough to plan, preview and report a bulk status change
/// (id, name, status as last seen). About 150 bytes with its dictionary slot, so marking all of
/// 100,000 candidates costs about 15 MB, not a copy of each candidate.
struct MarkedCandidate: Equatable {
    var id: String
    var firstName: String
    var lastName: String
    var status: CandidateStatus

    init(_ c: Candidate) {
        id = c.id; firstName = c.firstName; lastName = c.lastName; status = c.status
    }

    init(id: String, firstName: String, lastName: String, status: CandidateStatus) {
        self.id = id; self.firstName = firstName; self.lastName = lastName; self.status = status
    }

    /// A `Candidate` with these fields and nothing else, for `BulkStatusPlan` (which sends only
    /// `{"status": …}` by id) and its messages.
    var candidate: Candidate { Candidate(id: id, firstName: firstName, lastName: lastName, status: status) }

    var fullName: String { Candidate.fullName(firstName: firstName, lastName: lastName) }
}

/// The marked candidates: a set keyed by candidate id, so marks survive reloads, paging,
/// sorting and filtering (the k9s pattern). Keeps the last known id, name and status of each
/// marked candidate (compactly, `MarkTable`), so a bulk change can be planned for marked rows
/// that are not on screen, and how many marks have each status, so the bulk menu counts
/// without walking the marks.
struct Marks: Equatable {
    /// Marked candidates by id (last known name and status).
    private var table = MarkTable()
    /// How many marked candidates have each status.
    private(set) var statusCounts: [CandidateStatus: Int] = [:]
    /// Changes on every change of the marks (for caches of values derived from them).
    private(set) var version = 0
    /// While a `v` range is open: where it started (the candidate, and its row then, used if
    /// that candidate is no longer shown), and the marks before it.
    private(set) var rangeAnchor: Int?
    private var rangeAnchorId: String?
    private var rangeBase = MarkTable()
    private var rangeBaseCounts: [CandidateStatus: Int] = [:]

    var count: Int { table.count }
    var isEmpty: Bool { table.isEmpty }
    var isRangeOpen: Bool { rangeAnchor != nil }
    func contains(_ id: String) -> Bool { table.contains(id) }
    /// What the mark of `id` keeps, when it is marked.
    subscript(id: String) -> MarkedCandidate? { table[id] }
    /// Every marked id, in no particular order.
    var ids: LazyMapSequence<Range<Int>, String> { table.ids }
    /// Marked candidates by id, as a dictionary (builds it: for tests and one-off questions).
    var byId: [String: MarkedCandidate] {
        Dictionary(table.values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func toggle(_ c: Candidate) {
        if table.contains(c.id) { remove(c.id) } else { set(MarkedCandidate(c)) }
    }

    mutating func mark(_ candidates: [Candidate]) {
        mark(candidates.map(MarkedCandidate.init))
    }

    mutating func mark(_ marked: [MarkedCandidate]) {
        for m in marked { set(m) }
    }

    /// Marks every row `list` shows, a row at a time (no array of them).
    mutating func markShown(_ list: ListModel) {
        for i in 0..<list.count { set(list.markable(i)) }
    }

    mutating func unmark(_ ids: [String]) {
        for id in ids { remove(id) }
    }

    mutating func clear() {
        table = MarkTable()
        statusCounts = [:]
        rangeAnchor = nil
        rangeAnchorId = nil
        rangeBase = MarkTable()
        rangeBaseCounts = [:]
        version += 1
    }

    /// Opens a range at `index`; moving the cursor then marks everything between.
    mutating func startRange(at index: Int, list: ListModel) {
        rangeAnchor = index
        rangeAnchorId = list.count > index && index >= 0 ? list.rowId(index) : nil
        rangeBase = table
        rangeBaseCounts = statusCounts
        extendRange(to: index, list: list)
    }

    /// The marks are the marks before the range plus every row from the anchor to `index`. The
    /// anchor is the candidate the range started on, wherever rows arriving meanwhile moved it.
    mutating func extendRange(to index: Int, list: ListModel) {
        guard var anchor = rangeAnchor, list.count > 0 else { return }
        if let id = rangeAnchorId, let now = list.shownIndex(of: id) {
            anchor = now
            rangeAnchor = now
        }
        table = rangeBase
        statusCounts = rangeBaseCounts
        version += 1
        let lo = max(0, min(anchor, index)), hi = min(list.count - 1, max(anchor, index))
        if lo <= hi { for i in lo...hi { set(list.markable(i)) } }
    }

    mutating func endRange() {
        rangeAnchor = nil
        rangeAnchorId = nil
        rangeBase = MarkTable()
        rangeBaseCounts = [:]
    }

    /// Refreshes the stored name and status from newer data (a loaded page, a save).
    mutating func refresh(_ candidates: [Candidate]) {
        for c in candidates where table.contains(c.id) { set(MarkedCandidate(c)) }
        for c in candidates {
            guard let old = rangeBase[c.id] else { continue }
            let new = MarkedCandidate(c)
            rangeBase.update(new)
            Self.count(&rangeBaseCounts, old.status, -1)
            Self.count(&rangeBaseCounts, new.status, +1)
        }
    }

    /// Marked candidates, in a stable order: by name the way the list sorts names (folded, so
    /// `Ľ` sorts with `L`), then id.
    var candidates: [Candidate] { Array(sorted) }

    /// The marked candidates in the order of `candidates`, each built as it is read (a plan of
    /// 100,000 marks never holds them all as `Candidate`s, `BulkPlanSource`). Sorting costs the
    /// marks' folded names in one byte buffer and two numbers a mark: about 30 bytes a mark;
    /// ties are broken by the ids' bytes, read where the marks keep them.
    var sorted: MarksInOrder {
        let table = self.table
        // Each name is folded once, not once per comparison, into one buffer (no array per name).
        var keys: [UInt8] = []
        // Room for most names at once: growing by doubling would hold the old and the new
        // buffer together, and pages reserved but never written cost no memory.
        keys.reserveCapacity(table.count * 32)
        var starts: [Int32] = []
        starts.reserveCapacity(table.count + 1)
        for e in 0..<table.count {
            starts.append(Int32(keys.count))
            keys += SearchText.fold(table.mark(e).fullName).utf8
        }
        starts.append(Int32(keys.count))
        let order = keys.withUnsafeBufferPointer { k in
            Array(0..<Int32(table.count)).sorted { a, b in
                let ka = UnsafeBufferPointer(rebasing: k[Int(starts[Int(a)])..<Int(starts[Int(a) + 1])])
                let kb = UnsafeBufferPointer(rebasing: k[Int(starts[Int(b)])..<Int(starts[Int(b) + 1])])
                if !ka.elementsEqual(kb) { return ka.lexicographicallyPrecedes(kb) }
                return table.idPrecedes(Int(a), Int(b))
            }
        }
        return MarksInOrder(table: table, order: order)
    }

    private mutating func set(_ m: MarkedCandidate) {
        if let old = table[m.id] {
            if old == m { return }
            Self.count(&statusCounts, old.status, -1)
        }
        table.update(m)
        Self.count(&statusCounts, m.status, +1)
        version += 1
    }

    private mutating func remove(_ id: String) {
        guard let old = table.remove(id) else { return }
        Self.count(&statusCounts, old.status, -1)
        version += 1
    }

    private static func count(_ counts: inout [CandidateStatus: Int], _ s: CandidateStatus, _ delta: Int) {
        let n = counts[s, default: 0] + delta
        counts[s] = n > 0 ? n : nil
    }

    static func == (a: Marks, b: Marks) -> Bool {
        a.table == b.table && a.rangeAnchor == b.rangeAnchor && a.rangeBase == b.rangeBase
    }
}
