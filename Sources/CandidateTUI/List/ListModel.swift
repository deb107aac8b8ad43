import CandidateCore
import Foundation

/// The candidate list: what is loaded for the current server query, the rows shown after the
/// local search and sort, the cursor, and paging state. No curses. Built for 100,000 rows:
/// rows are stored compactly (`ListRows`, about 250 bytes each with their folded search text);
/// a keystroke filters the pre-sorted order in one pass; a sort change sorts once.
struct ListModel {
    /// Loaded candidates for the server query, in server order (row numbers are load order).
    private var store = ListRows()
    /// `filter.search` folded once, as bytes (set with the search; empty matches everything).
    private(set) var searchNeedle: [UInt8] = []
    /// Row numbers in the current sort order.
    private var order: [Int32] = []
    /// Row numbers that match the search, in sort order: the rows on screen.
    private var visible: [Int32] = []

    var filter = ListFilter()
    var sortColumn = SortColumn.server
    var sortDescending = false

    /// Total on the server for the query, from the last page.
    var total: Int? {
        didSet { if let total { store.reserve(rows: min(total, 1_000_000)) } }
    }
    /// The page to ask for next (meaningful while `hasMore`), as the page walk says.
    var nextPage: Int { walk.nextPage ?? 1 }
    /// Whether more pages follow: the walk has not ended (last page, or pages that stopped making sense).
    var hasMore: Bool { walk.nextPage != nil }
    var loading = false
    /// Index into the shown rows.
    var cursor = 0
    /// Changes whenever the loaded rows or the shown rows change (for caches derived from them).
    private(set) var version = 0
    /// Incremented on reload; answers for older generations are dropped.
    var generation = 0
    var loadError: String?
    /// Transient failures in a row of the next page (retried after a pause; see `AppModel.loadRetries`).
    var failedAttempts = 0
    /// Checks the pages as they arrive (repeats, more than the total, a next page forever).
    var walk = PageWalk()
    /// Page requests in flight, and answers waiting for an older page to arrive first.
    var window = PageWindow<ArrivedPage>(width: ListModel.pagesInFlight)
    /// What the last failed page request said, until a page arrives.
    var lastFailure: String?
    /// The pause before the retry is running: nothing asks for the page before it ends.
    var retryWaiting = false
    /// `*` asked to mark everything: keep loading pages and mark each match of `markAllNeedle`
    /// (the search, folded, when `*` was pressed).
    var markAllPending = false
    var markAllNeedle: [UInt8] = []
    /// After a reload: the candidate to put the cursor back on when its page arrives.
    var cursorTarget: String?

    /// Known rows an `append` moves one by one; above this it sorts the list once.
    static let repositionLimit = 64
    /// Candidates fetched per request (the API's maximum).
    static let pageSize = 100
    /// Page requests in flight at once while loading in the background: twice what `list`
    /// keeps, because here each answer also waits for the UI thread (a frame being drawn, keys)
    /// before it is applied and the next page asked. The rate-limit pacer still decides when
    /// each request may go.
    static let pagesInFlight = 2 * CandidatesClient.pagesInFlight
    /// Fetch more when the cursor is this close to the end of what is loaded.
    static let prefetchDistance = 20

    init(generation: Int = 0, filter: ListFilter = ListFilter(), sortColumn: SortColumn = .server, sortDescending: Bool = false) {
        self.generation = generation
        self.filter = filter
        searchNeedle = Array(SearchText.fold(filter.search).utf8)
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
    }

    /// Rows shown.
    var count: Int { visible.count }
    /// The shown row at `i`, as the list keeps it (see `listCopy`).
    func row(_ i: Int) -> Candidate { store.candidate(Int(visible[i])) }
    /// The id of the shown row at `i`.
    func rowId(_ i: Int) -> String { store.id(Int(visible[i])) }
    /// Every shown row (allocates; not for per-frame use).
    var rows: [Candidate] { visible.map { store.candidate(Int($0)) } }
    /// Where the candidate with this id is among the shown rows.
    func shownIndex(of id: String) -> Int? {
        guard let p = store.row(id: id) else { return nil }
        return visible.firstIndex(of: Int32(p))
    }
    /// What a mark keeps of the shown row at `i`.
    func markable(_ i: Int) -> MarkedCandidate { store.marked(Int(visible[i])) }
    var current: Candidate? { visible.indices.contains(cursor) ? row(cursor) : nil }
    private var currentId: String? { visible.indices.contains(cursor) ? rowId(cursor) : nil }
    /// Loaded candidates that fit the query (a row moved out of the status filter no longer counts).
    var loadedCount: Int { order.count }

    /// Statuses outside the API's enum that loaded rows have (shown as they came).
    var unknownStatuses: [CandidateStatus] { store.seenStatuses.filter { !$0.isKnown } }

    /// Cells the status column needs: the widest status loaded (at least `IN_PROCESS`'s 10,
    /// at most 24), so a status the client does not know is shown whole.
    var statusColumnWidth: Int {
        store.seenStatuses.reduce(10) { max($0, min(24, DisplayText.width(DisplayText.sanitize($1.rawValue)))) }
    }

    /// Whether loaded row `p` still fits the server-side status filter. A row whose status
    /// changed here (a save, a move, a bulk change) to one outside the filter leaves the list,
    /// as a reload would show it.
    private func fitsServerFilter(_ p: Int) -> Bool {
        guard let status = filter.status else { return true }
        return store.status(p) == status
    }

    func candidate(id: String) -> Candidate? { store.row(id: id).map { store.candidate($0) } }
    /// The loaded candidate `id`'s email (nil when not loaded or without one), read alone.
    func email(id: String) -> String? { store.row(id: id).flatMap { store.email($0) } }
    /// Loaded candidates whose name reads as `name` (`NameLabels.sameName`): one pass over the
    /// loaded rows' search text, for a one-off question, not per frame.
    func loaded(named name: String) -> [Candidate] {
        // Its longest word narrows the rows first (spacing may differ between same names).
        let words: [Substring] = name.split(separator: " ")
        let word = words.max { $0.count < $1.count }.map(String.init) ?? name
        return store.filter(order, Array(SearchText.fold(word).utf8)).map { store.candidate(Int($0)) }
            .filter { NameLabels.sameName($0.fullName, name) }
    }
    /// Whether the candidate with this id is loaded (shown or not).
    func isLoaded(_ id: String) -> Bool { store.row(id: id) != nil }
    /// Whether the loaded candidate with this id matches the folded `needle` (empty matches).
    func matches(id: String, needle: [UInt8]) -> Bool {
        guard let p = store.row(id: id) else { return false }
        return needle.withUnsafeBufferPointer { store.matches(p, $0) }
    }
    /// Whether the candidate with this id is loaded, still fits the server-side filter and
    /// matches the search.
    func isShown(_ id: String) -> Bool {
        guard let p = store.row(id: id), fitsServerFilter(p) else { return false }
        return searchNeedle.withUnsafeBufferPointer { store.matches(p, $0) }
    }

    /// The server query for page `page`.
    func query(page: Int) -> CandidateQuery {
        CandidateQuery(page: page, limit: Self.pageSize, status: filter.status, jobId: filter.jobId)
    }

    /// What the list keeps of a candidate: the columns and the job ids, not the CV, metadata,
    /// links or other fields the list does not show (the form fetches the full candidate), so
    /// 100,000 rows stay small. A row read back from the list equals this.
    static func listCopy(_ full: Candidate) -> Candidate {
        Candidate(id: full.id, firstName: full.firstName, lastName: full.lastName, email: full.email,
                  phoneNumber: full.phoneNumber, status: full.status, jobIds: full.jobIds,
                  overallRating: full.overallRating, updatedAt: full.updatedAt)
    }

    /// Adds candidates (a page, or server search results); known ids are updated in place.
    /// The new rows are sorted among themselves and merged into the order (and the shown rows),
    /// so a page costs about its own size plus one pass over the list, not a sort of 100,000.
    /// `haystacks`: the items' `SearchText.haystack`, in order, when folded off the UI thread
    /// (ignored unless there is one per item).
    mutating func append(_ items: [Candidate], haystacks: [[UInt8]]? = nil) {
        let haystacks = haystacks?.count == items.count ? haystacks : nil
        let keep = currentId
        let before = store.count
        // Many known rows at once (a bulk change's end, a big page of updates): sort once instead
        // of moving each row (each move is a pass over the list).
        let known = items.reduce(0) { $0 + (store.row(id: $1.id) == nil ? 0 : 1) }
        if known > Self.repositionLimit {
            for (i, c) in items.enumerated() {
                if let p = store.row(id: c.id) {
                    // A known row moving in or out of the status filter changes the server's total.
                    if let status = filter.status, (store.status(p) == status) != (c.status == status) {
                        total = total.map { max(0, $0 + (c.status == status ? 1 : -1)) }
                    }
                    store.replace(p, with: c, haystack: haystacks?[i])
                } else {
                    store.append(c, haystack: haystacks?[i])
                }
            }
            resort()
            refilter(keeping: takeCursorTarget() ?? keep)
            return
        }
        for (i, c) in items.enumerated() {
            if let p = store.row(id: c.id) {
                store.replace(p, with: c, haystack: haystacks?[i])
                reposition(Int32(p))
            } else {
                store.append(c, haystack: haystacks?[i])
            }
        }
        if store.count > before {
            let added = Array(Int32(before)..<Int32(store.count))
            if sortColumn == .server && !sortDescending {
                order += added
                if !searchNeedle.isEmpty { visible += store.filter(added, searchNeedle) }
            } else {
                let less = store.ordering(sortColumn, descending: sortDescending)
                let sortedAdded = added.sorted(by: less)
                order = Self.merge(order, sortedAdded, less)
                if !searchNeedle.isEmpty { visible = Self.merge(visible, store.filter(sortedAdded, searchNeedle), less) }
            }
            if searchNeedle.isEmpty { visible = order }
        }
        version += 1
        placeCursor(keeping: takeCursorTarget() ?? keep)
    }

    /// After a reload: the candidate to put the cursor back on, once it is loaded (then forgotten).
    private mutating func takeCursorTarget() -> String? {
        guard let target = cursorTarget, store.row(id: target) != nil else { return nil }
        cursorTarget = nil
        return target
    }

    /// Replaces one candidate with the server's copy (a save, a status move): the row moves to
    /// its place in the sort and in or out of the search, without sorting the list again.
    mutating func replace(_ full: Candidate) {
        guard let p = store.row(id: full.id) else { return }
        let keep = currentId
        store.replace(p, with: full)
        reposition(Int32(p))
        version += 1
        placeCursor(keeping: keep)
    }

    /// Puts row `p`, whose content changed, where the sort and the search now want it; a row
    /// that no longer fits the server-side filter leaves the list (and the total).
    private mutating func reposition(_ p: Int32) {
        let less = store.ordering(sortColumn, descending: sortDescending)
        if filter.status != nil {
            // In or out of the server-side filter: the total on the server changed with it.
            let fits = fitsServerFilter(Int(p))
            switch (fits, order.firstIndex(of: p)) {
            case (false, let i?):
                order.remove(at: i)
                total = total.map { max(0, $0 - 1) }
            case (true, nil):
                order.insert(p, at: Self.insertionIndex(of: p, in: order, less))
                total = total.map { $0 + 1 }
            default: break
            }
        }
        if sortColumn != .server, let i = order.firstIndex(of: p) {
            order.remove(at: i)
            order.insert(p, at: Self.insertionIndex(of: p, in: order, less))
        }
        if searchNeedle.isEmpty {
            visible = order
            return
        }
        if let i = visible.firstIndex(of: p) { visible.remove(at: i) }
        if searchNeedle.withUnsafeBufferPointer({ store.matches(Int(p), $0) }), order.contains(p) {
            visible.insert(p, at: Self.insertionIndex(of: p, in: visible, less))
        }
    }

    /// Where `p` goes in `rows` (sorted by `less`) to keep it sorted.
    private static func insertionIndex(of p: Int32, in rows: [Int32], _ less: (Int32, Int32) -> Bool) -> Int {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if less(rows[mid], p) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Merges two lists sorted by `less` into one.
    private static func merge(_ a: [Int32], _ b: [Int32], _ less: (Int32, Int32) -> Bool) -> [Int32] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// Sets the search text and recomputes the shown rows, keeping the cursor on the same candidate.
    mutating func setSearch(_ text: String) {
        let keep = currentId
        cursorTarget = nil
        filter.search = text
        searchNeedle = Array(SearchText.fold(text).utf8)
        refilter(keeping: keep)
    }

    mutating func setSort(_ column: SortColumn, descending: Bool) {
        let keep = currentId
        cursorTarget = nil
        sortColumn = column
        sortDescending = descending
        resort()
        refilter(keeping: keep)
    }

    /// Recomputes the shown rows from the order and the search, keeping the cursor on `id`.
    private mutating func refilter(keeping id: String?) {
        visible = searchNeedle.isEmpty ? order : store.filter(order, searchNeedle)
        version += 1
        placeCursor(keeping: id)
    }

    private mutating func placeCursor(keeping id: String?) {
        if let id, let i = shownIndex(of: id) {
            cursor = i
        } else {
            cursor = max(0, min(cursor, visible.count - 1))
        }
    }

    /// Stable: ties keep server order, also when reversed.
    private mutating func resort() {
        order = store.sorted(by: sortColumn, descending: sortDescending)
        if filter.status != nil { order = order.filter { fitsServerFilter(Int($0)) } }
    }
}
