import Foundation
import NIOConcurrencyHelpers

/// The candidates a bulk command read, and how it read them.
public struct CandidateReads: Sendable {
    /// One entry per distinct id (compared case-insensitively), in the given order: the
    /// candidate, the final `APIError`, or `nil` when the read was cancelled first.
    public var entries: [(id: String, result: Result<Candidate, APIError>?)]
    /// The way chosen, and why (`--dry-run` says it).
    public var plan: CandidateReadPlan
}

extension CandidatesClient {
    /// Reads the current state of candidates by id, e.g. before a bulk change (to know who is
    /// already at the target, or to filter by current status). See `readCandidates`.
    public func lookUpCandidates(ids: [String], options: BulkOptions = BulkOptions(), control: BulkControl = BulkControl(),
                                 listThreshold: Int = CandidateReadPlan.listThreshold,
                                 onWait: @escaping @Sendable (Double?) -> Void = { _ in })
        async -> [(id: String, result: Result<Candidate, APIError>?)] {
        await readCandidates(ids: ids, options: options, control: control, listThreshold: listThreshold, onWait: onWait).entries
    }

    /// Reads the current state of candidates by id, the way `CandidateReadPlan` chooses.
    ///
    /// With `listThreshold` ids or more, the first page (of 100) of each list is read: of each
    /// status in `onlyFrom` (`status=`, server-side), or of everyone the key sees. Its `total` and
    /// the rate-limit budget the answers announced decide the rest: the other pages in list order
    /// (`CandidateReadPlan.pagesInFlight` at a time) until every id is found or twice the pages
    /// the plan expects are read, or single reads (`concurrency` at a time). Ids no page held are
    /// always read one by one (`GET /candidates/{id}`), so a missing or foreign candidate fails
    /// with the server's own 404/403 and one at another status comes back with it. A page that
    /// fails leaves its ids to single reads. Every request is paced and retried like the bulk
    /// engine's PATCHes.
    ///
    /// - Parameters:
    ///   - onlyFrom: the statuses that matter (`--only-from`); pages are filtered by them. Empty: all.
    ///   - onWait: told the seconds left while the rate limit holds requests back, `nil` when they resume.
    ///   - onRead: told each id (as given) once, as soon as its final result is known, from any
    ///     task, so changes can start while reading goes on. Keep it quick. With `onlyFrom`, the
    ///     ids the pages held are told once every page is read: a change that moves a candidate out
    ///     of a filtered list meanwhile would shift the pages after it, and ids would be missed.
    public func readCandidates(ids: [String], onlyFrom: [CandidateStatus] = [], options: BulkOptions = BulkOptions(),
                               control: BulkControl = BulkControl(), listThreshold: Int = CandidateReadPlan.listThreshold,
                               onWait: @escaping @Sendable (Double?) -> Void = { _ in },
                               onRead: @escaping @Sendable (_ id: String, _ result: Result<Candidate, APIError>) -> Void = { _, _ in })
        async -> CandidateReads {
        var distinct: [String] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id.lowercased()).inserted { distinct.append(id) }
        let order = distinct, wanted = seen
        let given = Dictionary(order.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let found = NIOLockedValueBox<[String: Result<Candidate, APIError>]>([:])
        let chosen = NIOLockedValueBox<CandidateReadPlan?>(nil)
        let statuses = onlyFrom.reduce(into: [CandidateStatus]()) { list, s in if !list.contains(s) { list.append(s) } }
        // Candidates from filtered pages, held back until the pages are read (see `onRead`).
        let held = NIOLockedValueBox<[(String, Candidate)]?>(statuses.isEmpty ? nil : [])

        let work = Task {
            let sender = PacedRequests(client: self, policy: options.retry, onWait: { onWait($0) })
            @Sendable func record(_ page: Page<Candidate>) {
                let fresh: [(String, Candidate)] = found.withLockedValue { map in
                    var fresh: [(String, Candidate)] = []
                    for c in page.items {
                        let key = c.id.lowercased()
                        guard wanted.contains(key), map[key] == nil, let id = given[key] else { continue }
                        map[key] = .success(c)
                        fresh.append((id, c))
                    }
                    return fresh
                }
                let tellNow: [(String, Candidate)] = held.withLockedValue { list in
                    guard list != nil else { return fresh }
                    list?.append(contentsOf: fresh)
                    return []
                }
                for (id, c) in tellNow { onRead(id, .success(c)) }
            }
            var plan = CandidateReadPlan.choose(ids: order.count, listTotals: nil, onlyFrom: statuses,
                                                concurrency: options.concurrency, listThreshold: listThreshold)
            if order.count >= listThreshold {
                // The first page of each list: its total sizes the rest, its answer tells the budget.
                let lists = statuses.isEmpty ? [nil] : statuses.map(Optional.some)
                let firsts = NIOLockedValueBox<[Page<Candidate>?]>(Array(repeating: nil, count: lists.count))
                await WorkerPool.forEach(lists.count, concurrency: options.concurrency) { slot in
                    let q = CandidateQuery(page: 1, limit: CandidateReadPlan.pageSize, status: lists[slot])
                    guard let answer = await sender.send({ try await self.listCandidates(q).value }) else { return false }
                    if case .success(let page) = answer.result {
                        record(page)
                        firsts.withLockedValue { $0[slot] = page }
                    }
                    return true
                }
                let pages = firsts.withLockedValue { $0 }
                let complete = pages.allSatisfy { $0 != nil }
                let unread = order.count - found.withLockedValue { $0.count }
                plan = CandidateReadPlan.choose(ids: order.count, unread: unread,
                                                listTotals: complete ? pages.map { $0?.total ?? 0 } : nil, pagesRead: lists.count,
                                                onlyFrom: statuses, budget: await self.pacer.readBudget(),
                                                concurrency: options.concurrency, listThreshold: listThreshold)
                if plan.way == .listPages, complete {
                    // Page 2 of every list, then page 3 of every list, …: the pages read first are
                    // spread over the lists as the plan's expectation is.
                    let lasts = pages.map { page in page.map { $0.hasNextPage ? min(max($0.totalPages, 2), PageWalk.maxPage) : 1 } ?? 1 }
                    let rest: [CandidateQuery] = (2..<max(2, (lasts.max() ?? 1) + 1)).flatMap { number in
                        lists.indices.filter { number <= lasts[$0] }.map {
                            CandidateQuery(page: number, limit: CandidateReadPlan.pageSize, status: lists[$0])
                        }
                    }
                    let total = order.count
                    // Twice the pages expected at most; the ids still missing are then read one by one.
                    let most = plan.rateLimitBinds ? rest.count : min(rest.count, 2 * max(1, plan.expectedPages ?? rest.count))
                    await WorkerPool.forEach(most, concurrency: min(options.concurrency, CandidateReadPlan.pagesInFlight)) { slot in
                        // Every id found: the pages left hold none of them.
                        if found.withLockedValue({ $0.count }) >= total { return false }
                        let q = rest[slot]
                        guard let answer = await sender.send({ try await self.listCandidates(q).value }) else { return false }
                        if case .success(let page) = answer.result { record(page) }
                        return true
                    }
                }
            }
            chosen.withLockedValue { $0 = plan }
            for (id, c) in held.withLockedValue({ list in defer { list = nil }; return list ?? [] }) { onRead(id, .success(c)) }
            let missing = order.filter { id in found.withLockedValue { $0[id.lowercased()] == nil } }
            await WorkerPool.forEach(missing.count, concurrency: options.concurrency) { slot in
                let id = missing[slot]
                guard let answer = await sender.send({ try await self.getCandidate(id: id).value }) else { return false }
                found.withLockedValue { $0[id.lowercased()] = answer.result }
                onRead(id, answer.result)
                return true
            }
        }
        control.onCancel { work.cancel() }
        await withTaskCancellationHandler { await work.value } onCancel: { control.cancel() }
        let results = found.withLockedValue { $0 }
        let plan = chosen.withLockedValue { $0 } ?? CandidateReadPlan.choose(ids: order.count, listTotals: nil, listThreshold: listThreshold)
        return CandidateReads(entries: order.map { (id: $0, result: results[$0.lowercased()]) }, plan: plan)
    }
}

extension RateLimitPacer {
    /// What the rate limit allows right now, for `CandidateReadPlan`: the requests left in the
    /// tightest window (a window whose reset has passed has its whole limit again), less those in
    /// flight. `Budget.unlimited` when no answer announced a limit.
    func readBudget(now: Double = Date().timeIntervalSince1970) -> CandidateReadPlan.Budget {
        let windows = [minute, hour].compactMap { $0 }
        guard !windows.isEmpty else { return .unlimited }
        let left = windows.map { w in
            (now < w.reset + Self.resetMargin ? w.remaining : (w.limit ?? w.remaining)) - inFlight
        }
        return CandidateReadPlan.Budget(remaining: max(0, left.min() ?? 0), perMinute: minute?.limit)
    }
}
