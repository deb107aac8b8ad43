import CandidateCore

/// The marked candidates: a set keyed by candidate id, so marks survive reloads, paging,
/// sorting and filtering (the k9s pattern). Keeps the last known copy of each marked
/// candidate, so a bulk change can be planned for marked rows that are not on screen. The copies
/// are the list's slim ones (`ListModel.listCopy`: no CV, metadata or links), so marking all of
/// 100,000 candidates does not keep their CVs.
struct Marks: Equatable {
    /// Marked candidates by id (last known copy).
    private(set) var byId: [String: Candidate] = [:]
    /// While a `v` range is open: where it started, and the marks before it.
    private(set) var rangeAnchor: Int?
    private var rangeBase: [String: Candidate] = [:]

    var count: Int { byId.count }
    var isEmpty: Bool { byId.isEmpty }
    var isRangeOpen: Bool { rangeAnchor != nil }
    func contains(_ id: String) -> Bool { byId[id] != nil }

    mutating func toggle(_ c: Candidate) {
        if byId.removeValue(forKey: c.id) == nil { byId[c.id] = ListModel.listCopy(c) }
    }

    mutating func mark(_ candidates: [Candidate]) {
        for c in candidates { byId[c.id] = ListModel.listCopy(c) }
    }

    mutating func unmark(_ ids: [String]) {
        for id in ids { byId.removeValue(forKey: id) }
    }

    mutating func clear() {
        byId = [:]
        rangeAnchor = nil
        rangeBase = [:]
    }

    /// Opens a range at `index`; moving the cursor then marks everything between.
    mutating func startRange(at index: Int, list: ListModel) {
        rangeAnchor = index
        rangeBase = byId
        extendRange(to: index, list: list)
    }

    /// The marks are the marks before the range plus every row from the anchor to `index`.
    mutating func extendRange(to index: Int, list: ListModel) {
        guard let anchor = rangeAnchor, list.count > 0 else { return }
        byId = rangeBase
        let lo = max(0, min(anchor, index)), hi = min(list.count - 1, max(anchor, index))
        if lo <= hi { for i in lo...hi { let c = list.row(i); byId[c.id] = c } }
    }

    mutating func endRange() {
        rangeAnchor = nil
        rangeBase = [:]
    }

    /// Refreshes the stored copies from newer data (a loaded page, a save).
    mutating func refresh(_ candidates: [Candidate]) {
        for c in candidates where byId[c.id] != nil { byId[c.id] = ListModel.listCopy(c) }
        for c in candidates where rangeBase[c.id] != nil { rangeBase[c.id] = ListModel.listCopy(c) }
    }

    /// Marked candidates, in a stable order (by name, then id).
    var candidates: [Candidate] {
        byId.values.sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
    }
}
