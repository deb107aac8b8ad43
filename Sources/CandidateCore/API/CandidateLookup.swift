import NIOConcurrencyHelpers

extension CandidatesClient {
    /// Reads the current state of candidates by id, e.g. before a bulk change (to know who is
    /// already at the target, or to filter by current status).
    ///
    /// Uses the fewest requests: when the ids are many (`listThreshold` or more) and listing
    /// every candidate the key sees takes fewer pages (of 100) than there are ids, it lists and
    /// picks; ids the list did not contain are read one by one (`GET /candidates/{id}`), so a
    /// missing or foreign candidate fails with the server's own 404/403. Single reads run
    /// `options.concurrency` at a time, paced and retried like the bulk engine's PATCHes.
    ///
    /// - Parameters:
    ///   - onWait: told the seconds left while the rate limit holds requests back, `nil` when they resume.
    /// - Returns: one entry per distinct id (compared case-insensitively), in the given order:
    ///   the candidate, the final `APIError`, or `nil` when `control` was cancelled first.
    public func lookUpCandidates(ids: [String], options: BulkOptions = BulkOptions(), control: BulkControl = BulkControl(),
                                 listThreshold: Int = 10, onWait: @escaping @Sendable (Double?) -> Void = { _ in })
        async -> [(id: String, result: Result<Candidate, APIError>?)] {
        var order: [String] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id.lowercased()).inserted { order.append(id) }
        let found = NIOLockedValueBox<[String: Result<Candidate, APIError>]>([:])

        let work = Task {
            if order.count >= listThreshold {
                await self.listInto(found, wanted: Set(order.map { $0.lowercased() }), onWait: onWait)
            }
            let missing = order.filter { id in found.withLockedValue { $0[id.lowercased()] == nil } }
            let sender = PacedRequests(client: self, policy: options.retry, onWait: { onWait($0) })
            await WorkerPool.forEach(missing.count, concurrency: options.concurrency) { slot in
                let id = missing[slot]
                guard let answer = await sender.send({ try await self.getCandidate(id: id).value }) else { return false }
                found.withLockedValue { $0[id.lowercased()] = answer.result }
                return true
            }
        }
        control.onCancel { work.cancel() }
        await withTaskCancellationHandler { await work.value } onCancel: { control.cancel() }
        let results = found.withLockedValue { $0 }
        return order.map { (id: $0, result: results[$0.lowercased()]) }
    }

    /// Lists every candidate (paced by the rate limit) when that is cheaper than single reads,
    /// recording the wanted ones. Any failure just leaves the rest to single reads.
    private func listInto(_ found: NIOLockedValueBox<[String: Result<Candidate, APIError>]>, wanted: Set<String>,
                          onWait: @escaping @Sendable (Double?) -> Void) async {
        var first = true
        do {
            for try await page in allCandidates(CandidateQuery(), policy: RetryPolicy(maxAttempts: 2), onWait: onWait) {
                if first, page.totalPages >= wanted.count { return }  // single reads are cheaper
                first = false
                found.withLockedValue { map in
                    for c in page.items where wanted.contains(c.id.lowercased()) { map[c.id.lowercased()] = .success(c) }
                }
            }
        } catch {
            return
        }
    }
}
