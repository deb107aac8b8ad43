import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// The detail pane's model: when it shows, how it follows the cursor (debounced, superseded by
/// token, cached), and what it does near the rate limit or after a failure.
@Suite("Detail pane: following the cursor")
struct DetailPaneTests {
    /// Three candidates on a terminal of `cols` columns; the first page's effects are dropped.
    static func wide(cols: Int = 160, options: TUIOptions = TUIOptions()) -> AppModel {
        var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: options)
        _ = m.start()
        _ = m.update(.terminalReady(utf8: true, rows: 40, cols: cols, keepsDrafts: false, warning: nil))
        _ = m.update(.pageLoaded(generation: 0, Page(items: (0..<3).map { candidate($0) }, total: 3, page: 1, limit: 50, totalPages: 1)))
        return m
    }

    /// Candidate `n` as `GET /candidates/{id}` answers: with a CV and metadata.
    static func whole(_ n: Int) -> Candidate {
        var c = candidate(n)
        c.cvText = "CV of \(n)"
        c.metadata = .object(["n": .int(n)])
        return c
    }

    static func dueTokens(_ effects: [Effect]) -> [Int] {
        effects.compactMap { if case .detailDue(let t, let after) = $0, after == DetailPane.pause { return t }; return nil }
    }

    @Test("the pane shows from 140 columns, i toggles it at any width, the profile can turn it off")
    func whenShown() {
        #expect(Self.wide(cols: 139).showsDetailPane == false)
        #expect(Self.wide(cols: 140).showsDetailPane == true)
        var narrow = Self.wide(cols: 80)
        #expect(narrow.update(.key(.down)) == [], "no pane, no fetch")
        let effects = narrow.update(.key(.char("i")))
        #expect(narrow.showsDetailPane)
        #expect(Self.dueTokens(effects) == [narrow.detail.token], "shown: it follows the cursor at once")
        _ = narrow.update(.key(.char("i")))
        #expect(!narrow.showsDetailPane)
        #expect(!Self.wide(options: TUIOptions(detailPane: false)).showsDetailPane)
        #expect(Self.wide(cols: 80, options: TUIOptions(detailPane: true)).showsDetailPane)
        var form = Self.wide()
        form.openForm()
        #expect(!form.showsDetailPane, "the pane is beside the list only")
    }

    @Test("moving asks after a pause; only the last rest fetches; an older answer is kept but not shown as loading")
    func debounceAndSupersede() {
        var m = Self.wide()
        let first = m.detail.token
        #expect(Self.dueTokens(m.update(.key(.down))) == [first + 1])
        #expect(Self.dueTokens(m.update(.key(.down))) == [first + 2])
        #expect(m.update(.detailDue(token: first + 1)) == [], "superseded by the later move")
        #expect(m.update(.detailDue(token: first + 2)) == [.fetchDetail(id: candidateId(2), token: first + 2)])
        #expect(m.detailContent() == .row(candidate(2), note: "Loading…"))
        // The user moves on before the answer: it is kept for later, the pane follows the cursor.
        _ = m.update(.key(.up))
        _ = m.update(.detailLoaded(Self.whole(2), token: first + 2))
        #expect(m.detailContent() == .row(candidate(1), note: "…"))
        #expect(m.update(.key(.down)) == [], "a fresh copy is shown at once, no request")
        #expect(m.detailContent() == .candidate(Self.whole(2), note: nil))
    }

    @Test("a row whose updatedAt moved is fetched again; the old copy shows meanwhile, said to be old")
    func staleCopyRefreshed() {
        var m = Self.wide()
        _ = m.update(.detailDue(token: m.detail.token))
        _ = m.update(.detailLoaded(Self.whole(0), token: m.detail.token))
        #expect(m.detailContent() == .candidate(Self.whole(0), note: nil))
        var moved = candidate(0, status: .inProcess)
        moved.updatedAt = "2026-11-29T08:00:00.000Z"
        let effects = m.update(.statusMoved(moved, from: .applied))
        #expect(Self.dueTokens(effects) == [m.detail.token])
        guard case .candidate(let shown, let note?) = m.detailContent() else {
            Issue.record("\(m.detailContent())")
            return
        }
        #expect(shown == Self.whole(0))
        #expect(note == "Changed on the server; loading the new copy…")
    }

    @Test("near the rate limit the pane waits for the window instead of spending the reserve, and says so")
    func rateLimitReserve() {
        var m = Self.wide()
        let reset = Date().timeIntervalSince1970 + 20
        _ = m.update(.rateLimit(RateLimitInfo(limitMinute: 60, remainingMinute: 15, resetMinute: reset)))
        let token = m.detail.token
        let effects = m.update(.detailDue(token: token))
        guard case .detailDue(token, let wait)? = effects.first, effects.count == 1 else {
            Issue.record("expected one wait, got \(effects)")
            return
        }
        #expect(wait > 15 && wait <= 20)
        #expect(m.detailContent() == .row(candidate(0), note: "Waiting for the rate limit (15 requests left this minute)…"))
        #expect(m.update(.key(.char("j"))) != [], "keys still work while it waits")
        _ = m.update(.key(.char("k")))
        let again = m.detail.token
        #expect(m.update(.detailDue(token: again)).count == 1, "a new rest waits too")
        #expect(m.update(.detailDue(token: again)) == [.fetchDetail(id: candidateId(0), token: again)], "after the wait it fetches")
        var roomy = Self.wide()
        _ = roomy.update(.rateLimit(RateLimitInfo(limitMinute: 60, remainingMinute: 16, resetMinute: reset)))
        #expect(roomy.update(.detailDue(token: roomy.detail.token)) == [.fetchDetail(id: candidateId(0), token: roomy.detail.token)])
    }

    @Test("a failed fetch is said in the pane; r forgets the copies")
    func failureAndReload() {
        var m = Self.wide()
        _ = m.update(.detailDue(token: m.detail.token))
        _ = m.update(.detailFailed(id: candidateId(0), token: m.detail.token, .timeout(seconds: 10)))
        guard case .row(_, let note) = m.detailContent() else {
            Issue.record("\(m.detailContent())")
            return
        }
        #expect(note.hasPrefix("Could not load the details: "))
        _ = m.update(.detailDue(token: m.detail.token))
        _ = m.update(.detailLoaded(Self.whole(0), token: m.detail.token))
        _ = m.update(.key(.char("r")))
        #expect(m.detail.cache.entries.isEmpty)
    }

    @Test("the cache keeps the 32 most recent copies")
    func cacheCapacity() {
        var cache = DetailCache()
        for n in 0..<40 { cache.insert(candidate(n), rowUpdatedAt: candidate(n).updatedAt) }
        #expect(cache.entries.count == DetailCache.capacity)
        #expect(cache.entry(candidateId(39)) != nil && cache.entry(candidateId(7)) == nil)
        cache.insert(candidate(8), rowUpdatedAt: nil)
        #expect(cache.entries.first?.candidate.id == candidateId(8), "the newest first, each once")
        #expect(cache.entries.count == DetailCache.capacity)
    }

    @Test("a rest that ends while the pane is away is read again when it is back; hiding with i retries a failure")
    func paneAwayAndBack() {
        var m = Self.wide()
        let token = m.detail.token
        m.openForm()
        #expect(m.update(.detailDue(token: token)) == [], "no read for a pane that is not shown")
        #expect(Self.dueTokens(m.update(.key(.escape))) == [m.detail.token], "back on the list, it follows again")
        _ = m.update(.detailDue(token: m.detail.token))
        _ = m.update(.detailFailed(id: candidateId(0), token: m.detail.token, .timeout(seconds: 10)))
        _ = m.update(.key(.char("i")))
        #expect(Self.dueTokens(m.update(.key(.char("i")))) == [m.detail.token])
    }

    @Test("a CV asked for with c opens only if the cursor is still on its candidate")
    func pagerOnlyForTheRowAskedFor() {
        var m = Self.wide(cols: 80)
        _ = m.update(.key(.char("c")))
        let token = m.detail.token
        _ = m.update(.key(.down))
        _ = m.update(.detailLoaded(Self.whole(0), token: token))
        #expect(m.overlay == nil)
        #expect(m.flash == nil, "the Reading… line is gone")
    }
}
