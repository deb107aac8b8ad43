extension CandidatesClient {
    /// Every page of candidates matching `query`, in order: `GET /candidates` with `limit=100`
    /// from page 1 (the query's `page` and `limit` are ignored) until a page says there is no
    /// next one, comes back empty, or `maxPages` pages were read.
    ///
    /// Pages are fetched one after another, only as fast as the consumer reads them. The stream
    /// throws the first `APIError` and ends; cancelling the consuming task stops it. Filters
    /// (`status`, `jobId`, `search`) are the server's. Candidates created or moved while paging
    /// may shift between pages (the API has no cursor), so callers that need each id once
    /// should de-duplicate.
    public func allCandidates(_ query: CandidateQuery, maxPages: Int = 10_000) -> AsyncThrowingStream<Page<Candidate>, Error> {
        var base = query
        base.limit = CandidateQuery.maxLimit
        let first = base
        let next = Locked<Int?>(1)
        return AsyncThrowingStream {
            guard let page = next.withLock({ $0 }), page <= min(maxPages, 10_000) else { return nil }
            try Task.checkCancellation()
            var q = first
            q.page = page
            let result: Page<Candidate>
            do {
                result = try await self.listCandidates(q).value
            } catch {
                next.withLock { $0 = nil }
                throw error
            }
            let more = result.hasNextPage && !result.items.isEmpty
            next.withLock { $0 = more ? page + 1 : nil }
            return result
        }
    }
}
