import CandidateCore
import Foundation

/// Sort orders the list offers (`o` cycles, `O` reverses). Sorting is client-side and stable.
enum SortColumn: String, CaseIterable, Equatable {
    case server, name, status, updated, rating

    var label: String {
        switch self {
        case .server: return "server order"
        case .name: return "name"
        case .status: return "status"
        case .updated: return "updated"
        case .rating: return "rating"
        }
    }

    var next: SortColumn {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

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

/// The candidate list: what is loaded for the current server query, the rows shown after the
/// local search and sort, the cursor, and paging state. No curses. Built for 100,000 rows:
/// each loaded candidate gets its folded search text once; a keystroke filters the
/// pre-sorted order in one pass; a sort change sorts once.
struct ListModel {
    /// Loaded candidates for the server query, in server order.
    private(set) var loaded: [Candidate] = []
    private var haystacks: [[UInt8]] = []
    private var nameKeys: [String] = []
    private var position: [String: Int] = [:]
    /// `filter.search` folded once, as bytes (set with the search; empty matches everything).
    private var searchNeedle: [UInt8] = []
    /// Indices into `loaded`, in the current sort order.
    private var order: [Int] = []
    /// Indices into `loaded` that match the search, in sort order: the rows on screen.
    private(set) var visible: [Int] = []

    var filter = ListFilter()
    var sortColumn = SortColumn.server
    var sortDescending = false

    /// Total on the server for the query, from the last page.
    var total: Int?
    var nextPage = 1
    var hasMore = true
    var loading = false
    /// Index into `visible`.
    var cursor = 0
    /// Incremented on reload; answers for older generations are dropped.
    var generation = 0
    var loadError: String?
    /// `*` asked to mark everything: keep loading pages and mark each.
    var markAllPending = false
    /// After a reload: the candidate to put the cursor back on when its page arrives.
    var cursorTarget: String?

    /// Candidates fetched per request (the API's maximum).
    static let pageSize = 100
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
    /// The shown row at `i`.
    func row(_ i: Int) -> Candidate { loaded[visible[i]] }
    /// Every shown row (allocates; not for per-frame use).
    var rows: [Candidate] { visible.map { loaded[$0] } }
    var current: Candidate? { visible.indices.contains(cursor) ? loaded[visible[cursor]] : nil }
    var loadedCount: Int { loaded.count }

    func candidate(id: String) -> Candidate? { position[id].map { loaded[$0] } }
    func isShown(_ id: String) -> Bool {
        guard let p = position[id] else { return false }
        return SearchText.contains(haystacks[p], searchNeedle)
    }

    /// The server query for page `page`.
    func query(page: Int) -> CandidateQuery {
        CandidateQuery(page: page, limit: Self.pageSize, status: filter.status, jobId: filter.jobId)
    }

    /// What the list keeps of a candidate: the columns, not the CV, metadata or links (the
    /// form fetches the full candidate), so 100,000 rows stay small.
    static func listCopy(_ full: Candidate) -> Candidate {
        var c = full
        c.cvText = nil
        c.metadata = nil
        c.links = [:]
        return c
    }

    /// Adds candidates (a page, or server search results); known ids are updated in place.
    mutating func append(_ items: [Candidate]) {
        let keep = current?.id
        var added = false
        for full in items {
            let c = Self.listCopy(full)
            if let p = position[c.id] {
                setRow(p, c)
            } else {
                position[c.id] = loaded.count
                loaded.append(c)
                haystacks.append(SearchText.haystack(c))
                nameKeys.append(Self.nameKey(c))
                added = true
            }
        }
        if added {
            if sortColumn == .server && !sortDescending && order.count < loaded.count {
                order += order.count..<loaded.count
            } else {
                resort()
            }
        }
        if let target = cursorTarget, position[target] != nil {
            cursorTarget = nil
            refilter(keeping: target)
        } else {
            refilter(keeping: keep)
        }
    }

    /// Replaces one candidate with the server's copy.
    mutating func replace(_ full: Candidate) {
        guard let p = position[full.id] else { return }
        let c = Self.listCopy(full)
        let keep = current?.id
        setRow(p, c)
        if sortColumn != .server { resort() }
        refilter(keeping: keep)
    }

    private mutating func setRow(_ p: Int, _ c: Candidate) {
        loaded[p] = c
        haystacks[p] = SearchText.haystack(c)
        nameKeys[p] = Self.nameKey(c)
    }

    /// Sets the search text and recomputes the shown rows, keeping the cursor on the same candidate.
    mutating func setSearch(_ text: String) {
        let keep = current?.id
        filter.search = text
        searchNeedle = Array(SearchText.fold(text).utf8)
        refilter(keeping: keep)
    }

    mutating func setSort(_ column: SortColumn, descending: Bool) {
        let keep = current?.id
        sortColumn = column
        sortDescending = descending
        resort()
        refilter(keeping: keep)
    }

    private mutating func refilter(keeping id: String?) {
        if filter.search.isEmpty {
            visible = order
        } else {
            let needle = searchNeedle
            visible = order.filter { SearchText.contains(haystacks[$0], needle) }
        }
        if let id, let p = position[id], let i = visible.firstIndex(of: p) {
            cursor = i
        } else {
            cursor = max(0, min(cursor, visible.count - 1))
        }
    }

    private mutating func resort() {
        let idx = Array(loaded.indices)
        let desc = sortDescending
        func less(_ a: Int, _ b: Int) -> Bool {
            switch sortColumn {
            case .server: return a < b
            case .name: return nameKeys[a] < nameKeys[b]
            case .status: return loaded[a].status.rawValue < loaded[b].status.rawValue
            case .updated: return (loaded[a].updatedAt ?? "") < (loaded[b].updatedAt ?? "")
            case .rating: return (loaded[a].overallRating ?? -1) < (loaded[b].overallRating ?? -1)
            }
        }
        // Stable: ties keep server order, also when reversed.
        order = idx.sorted { a, b in
            if less(a, b) { return !desc }
            if less(b, a) { return desc }
            return a < b
        }
    }

    /// Folded full name as shown, for sorting by name (diacritics sort with their base letter).
    static func nameKey(_ c: Candidate) -> String {
        SearchText.fold(c.fullName)
    }
}
