import NIOConcurrencyHelpers

/// Follows a server's pages of candidates and checks that they make sense, so a server that
/// repeats pages or claims a next page forever is stopped instead of followed for 10,000 pages.
///
/// Feed each page in order to `accept(_:)`; it returns the candidates not seen on an earlier
/// page (a candidate that shifted between pages while paging is listed once) and sets
/// `nextPage`. It stops with an `APIError.decoding` naming the problem:
/// - thrown by `accept` when a non-empty page holds only candidates already listed (the server
///   repeats a page), or more distinct candidates arrived than the largest `total` the server
///   announced plus one page;
/// - left in `problem` (the page itself is used) when the server claims a next page after the
///   last one its own `totalPages` counts, or after page 10,000 (the API's largest page number).
public struct PageWalk: Sendable {
    /// The page to ask for next, 1-based; `nil` once the last page was accepted.
    public private(set) var nextPage: Int? = 1
    /// Distinct candidates accepted so far.
    public var count: Int { seen.count }
    /// Why the walk stopped although the server claimed a next page; `nil` while it makes sense.
    public private(set) var problem: APIError?
    /// The largest `total` the server announced so far (`nil` until a page announced more than its own items).
    public private(set) var announcedTotal: Int?
    private var seen = IdFingerprints()

    /// The API's largest page number.
    public static let maxPage = 10_000

    /// A walk that starts at page 1.
    public init() {}

    /// Accepts the answer to `nextPage`; returns its candidates not listed before.
    /// - Throws: `APIError.decoding` when the page contradicts the earlier ones (see the type).
    public mutating func accept(_ page: Page<Candidate>) throws -> [Candidate] {
        guard let number = nextPage else { return [] }
        // A page without pagination figures reads as total = its own items: no claim to check.
        if page.totalPages > 1 || page.total > page.items.count { announcedTotal = max(announcedTotal ?? 0, page.total) }
        let fresh = page.items.filter { seen.insert($0.id) }
        if !page.items.isEmpty && fresh.isEmpty {
            nextPage = nil
            throw APIError.decoding(detail: "page \(number) lists only candidates already listed on earlier pages (the server repeats pages); stopped after \(count) candidates")
        }
        let limit = max(page.limit, page.items.count, 1)
        if let total = announcedTotal, count > total + limit {
            nextPage = nil
            throw APIError.decoding(detail: "the server sent \(count) different candidates but counts only \(total); stopped at page \(number)")
        }
        // A page whose every item was unreadable (`Page.skipped`) is not the end of the list.
        guard page.hasNextPage, !page.items.isEmpty || !page.skipped.isEmpty else {
            nextPage = nil
            return fresh
        }
        if page.totalPages >= 1, number >= page.totalPages, page.total <= count {
            nextPage = nil
            problem = .decoding(detail: "the server claims a page after page \(number) of \(page.totalPages) (\(page.total) candidates); stopped")
            return fresh
        }
        guard number < Self.maxPage else {
            nextPage = nil
            problem = .decoding(detail: "the server claims more than \(Self.maxPage) pages, the API's limit; stopped after \(count) candidates")
            return fresh
        }
        nextPage = number + 1
        return fresh
    }
}

extension CandidatesClient {
    /// Page requests `allCandidates` keeps in flight unless told otherwise.
    public static let pagesInFlight = PageWindow<Void>.defaultWidth

    /// Every page of candidates matching `query`, in order: `GET /candidates` with `limit=100`
    /// from page 1 (the query's `page` and `limit` are ignored), each page through the shared
    /// paced, retrying path (`paced`), checked by a `PageWalk`.
    ///
    /// Page 1 is asked alone; once pages announce how many there are, up to `inFlight`
    /// requests run at once (ramping up as pages arrive, `PageWindow`), ahead of the reader by
    /// at most twice that many pages, so decoding and the reader's work overlap the server's.
    /// The rate-limit pacer still decides when each request may go: when the announced budget
    /// is spent the requests wait for the window's reset instead of drawing a 429. Pages past
    /// the last one the server announced are asked one at a time, as the walk says.
    ///
    /// Pages are yielded in page order. Each yielded page holds only candidates not yielded
    /// before (candidates created or moved while paging may shift between pages: the API has no
    /// cursor), so every candidate comes once. A page is never asked for again once answered.
    /// The stream throws the `APIError` of a page the policy gave up on, or of a server whose
    /// pages contradict themselves (`PageWalk`), and ends; cancelling the consuming task stops
    /// it, and so does dropping the stream (requests already sent run to their answer, which is
    /// ignored).
    ///
    /// - Parameters:
    ///   - maxPages: stop quietly after this many pages (at most 10,000).
    ///   - inFlight: most page requests at once (at least 1; 1 reads pages one after another).
    ///   - onWait, onRetry: as for `paced` (called from each request in flight).
    public func allCandidates(_ query: CandidateQuery, maxPages: Int = PageWalk.maxPage, inFlight: Int = CandidatesClient.pagesInFlight,
                              policy: RetryPolicy = .standard,
                              onWait: @escaping @Sendable (Double?) -> Void = { _ in },
                              onRetry: @escaping @Sendable (APIError, _ attempts: Int, _ seconds: Double) -> Void = { _, _, _ in })
        -> AsyncThrowingStream<Page<Candidate>, Error> {
        var base = query
        base.limit = CandidateQuery.maxLimit
        let first = base
        let pages = PagesAhead(width: inFlight, lastPage: min(maxPages, PageWalk.maxPage)) { number in
            var pageQuery = first
            pageQuery.page = number
            let q = pageQuery
            return try await self.paced(policy, onWait: onWait, onRetry: onRetry) { try await self.listCandidates(q).value }
        }
        return AsyncThrowingStream { try await pages.next() }
    }
}

extension PageWalk {
    /// A walk that asks for nothing more.
    static var finished: PageWalk {
        var w = PageWalk()
        w.nextPage = nil
        return w
    }
}
