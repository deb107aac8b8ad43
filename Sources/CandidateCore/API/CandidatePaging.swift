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
    private var seen = Set<String>()

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
        let fresh = page.items.filter { seen.insert($0.id.lowercased()).inserted }
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
    /// Every page of candidates matching `query`, in order: `GET /candidates` with `limit=100`
    /// from page 1 (the query's `page` and `limit` are ignored), each page through the shared
    /// paced, retrying path (`paced`), checked by a `PageWalk`.
    ///
    /// Pages are fetched one after another, only as fast as the consumer reads them. Each
    /// yielded page holds only candidates not yielded before (candidates created or moved while
    /// paging may shift between pages: the API has no cursor), so every candidate comes once.
    /// A page is never asked for again once yielded. The stream throws the `APIError` of a
    /// page the policy gave up on, or of a server whose pages contradict themselves
    /// (`PageWalk`), and ends; cancelling the consuming task stops it.
    ///
    /// - Parameters:
    ///   - maxPages: stop quietly after this many pages (at most 10,000).
    ///   - onWait, onRetry: as for `paced`.
    public func allCandidates(_ query: CandidateQuery, maxPages: Int = PageWalk.maxPage, policy: RetryPolicy = .standard,
                              onWait: @escaping @Sendable (Double?) -> Void = { _ in },
                              onRetry: @escaping @Sendable (APIError, _ attempts: Int, _ seconds: Double) -> Void = { _, _, _ in })
        -> AsyncThrowingStream<Page<Candidate>, Error> {
        var base = query
        base.limit = CandidateQuery.maxLimit
        let first = base
        let walk = NIOLockedValueBox(PageWalk())
        return AsyncThrowingStream {
            let (next, problem) = walk.withLockedValue { w in (w.nextPage, w.problem) }
            if let problem {
                walk.withLockedValue { $0 = PageWalk.finished }
                throw problem
            }
            guard let page = next, page <= min(maxPages, PageWalk.maxPage) else { return nil }
            try Task.checkCancellation()
            var pageQuery = first
            pageQuery.page = page
            let q = pageQuery
            do {
                var result = try await self.paced(policy, onWait: onWait, onRetry: onRetry) { try await self.listCandidates(q).value }
                result.items = try walk.withLockedValue { try $0.accept(result) }
                return result
            } catch {
                walk.withLockedValue { $0 = PageWalk.finished }
                throw error
            }
        }
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
