import CandidateCore
import Foundation

/// The detail pane in the app: shown or not, following the cursor (debounced, superseded by
/// token, cached, within the rate-limit reserve), and the answers for it. The pane only ever
/// starts requests; keys never wait for one.
extension AppModel {
    /// The pane is beside the list now: `i` or the profile decide, else the terminal's width.
    var showsDetailPane: Bool {
        guard case .list = screen else { return false }
        if let shown = detail.shown { return shown }
        guard let size = screenSize else { return false }
        return size.cols >= DetailPane.autoColumns
    }

    /// `i`: shows or hides the pane, at any width.
    mutating func toggleDetailPane() {
        detail.shown = !showsDetailPane
        // Shown again, it reads the row afresh unless a fresh copy is kept (a failure is retried).
        if detail.shown == false { detail.target = nil }
        flash = Flash(text: detail.shown == true ? "Detail pane shown (i hides it)" : "Detail pane hidden (i shows it)", kind: .info)
    }

    /// After every event: when the pane shows and the cursor is on another row (or the row
    /// changed), the pane follows it. A fresh copy in the cache shows at once; otherwise the
    /// fetch waits for the cursor to rest (`DetailPane.pause`).
    mutating func detailFollowsCursor() -> [Effect] {
        guard showsDetailPane else { return [] }
        guard let row = list.current else {
            detail.target = nil
            return []
        }
        let target = DetailPane.Target(id: row.id, updatedAt: row.updatedAt)
        guard target != detail.target else { return [] }
        detail.target = target
        detail.token += 1
        detail.failure = nil
        detail.waitingForRateLimit = false
        if detail.cache.fresh(for: row) != nil { return [] }
        return [.detailDue(token: detail.token, after: DetailPane.pause)]
    }

    /// The cursor rested (or the rate limit's wait ended): the target is fetched, unless the
    /// rate limit's window is down to the reserve background loading keeps; then the pane
    /// says so and asks again when the window resets (once; after that wait it fetches).
    mutating func detailDue(_ token: Int) -> [Effect] {
        guard token == detail.token, let target = detail.target else { return [] }
        guard showsDetailPane else {
            // The pane went away meanwhile (the form opened, `i`): it follows afresh when back.
            detail.target = nil
            return []
        }
        if !detail.waitingForRateLimit, let wait = rateLimitReserveWait() {
            detail.waitingForRateLimit = true
            return [.detailDue(token: token, after: wait)]
        }
        detail.waitingForRateLimit = false
        detail.loading = target.id
        return [.fetchDetail(id: target.id, token: token)]
    }

    mutating func detailLoaded(_ c: Candidate, token: Int) -> [Effect] {
        let rowStamp = detail.target?.id == c.id ? detail.target?.updatedAt : c.updatedAt
        detail.cache.insert(c, rowUpdatedAt: rowStamp)
        if token == detail.token {
            detail.loading = nil
            detail.failure = nil
        }
        if let pending = detail.pendingPager, pending.id == c.id {
            detail.pendingPager = nil
            if flash?.kind == .info { flash = nil }
            // Only onto the row it was asked for: the user may have moved on or opened something.
            if overlay == nil, case .list = screen, list.current?.id == c.id { openPager(pending.kind, of: c) }
        }
        return []
    }

    mutating func detailFailed(id: String, token: Int, _ error: APIError) -> [Effect] {
        if token == detail.token {
            detail.loading = nil
            detail.failure = error.description
        }
        if let pending = detail.pendingPager, pending.id == id {
            detail.pendingPager = nil
            flash = Flash(text: "Could not read the \(pending.kind.label): \(error.description)", kind: .error)
        }
        return []
    }

    /// `r`: every copy is read again when next shown; answers on their way are not shown.
    mutating func forgetDetails() {
        detail.cache.removeAll()
        detail.target = nil
        detail.token += 1
        detail.loading = nil
        detail.failure = nil
        detail.waitingForRateLimit = false
    }

    /// What the pane shows for the row under the cursor: a fresh copy; else an older copy or
    /// the list's row, with what keeps the new copy away (the rate limit, a failure) or that
    /// it is on its way ("…" while the cursor has not rested yet).
    func detailContent() -> DetailContent {
        guard let row = list.current else { return .empty }
        if let fresh = detail.cache.fresh(for: row) { return .candidate(fresh, note: nil) }
        let following = detail.target == DetailPane.Target(id: row.id, updatedAt: row.updatedAt)
        let problem: String?
        if following && detail.waitingForRateLimit {
            let left = rateLimit?.remainingMinute.map { "\($0) requests left this minute" } ?? "reserve reached"
            problem = "Waiting for the rate limit (\(left))…"
        } else {
            problem = following ? detail.failure.map { "Could not load the details: \($0)" } : nil
        }
        if let old = detail.cache.entry(row.id)?.candidate {
            return .candidate(old, note: problem.map { "Shown as last read. " + $0 } ?? "Changed on the server; loading the new copy…")
        }
        return .row(row, note: problem ?? (following && detail.loading == row.id ? "Loading…" : "…"))
    }
}
