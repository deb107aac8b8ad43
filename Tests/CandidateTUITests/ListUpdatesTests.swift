import CandidateCore
import Testing
@testable import CandidateTUI

private func person(_ n: Int, version v: Int = 0) -> Candidate {
    let firsts = ["Jan", "Zoë", "王", "Anna", "Łukasz", "Émilie", "Yılmaz", "Takahashi"]
    let lasts = ["Šťastný", "Ødegaard", "小明", "Stastna", "Kowalczyk", "Ñúñez", "Brown", "Takahashi"]
    let statuses: [CandidateStatus] = [.applied, .inProcess, .rejected, .accepted, .undefined]
    return Candidate(id: "00000000-0000-4000-8000-\(String(format: "%012d", n))",
                     firstName: firsts[(n + v) % firsts.count], lastName: lasts[(n / 3 + v) % lasts.count],
                     email: "p\(n)@example.com", status: statuses[(n + v) % statuses.count],
                     overallRating: (n * 7 + v * 13) % 101,
                     updatedAt: "2026-11-\(String(format: "%02d", 1 + (n + v) % 28))T10:00:00.000Z")
}

/// Pages, server search results and saves change the list one row or one page at a time (merged
/// and moved in place, not sorted again); after every step the shown rows must be exactly what a
/// list built from scratch with the same candidates, sort and search shows.
@Test func incrementalUpdatesMatchAListBuiltFromScratch() {
    var rng = SystemRandomNumberGenerator()
    for column in SortColumn.allCases {
        for descending in [false, true] {
            for search in ["", "sta", "takahashi"] {
                var list = ListModel()
                list.setSort(column, descending: descending)
                list.setSearch(search)
                var current: [Int: Candidate] = [:]
                var loadOrder: [Int] = []
                func check(_ step: String) {
                    var fresh = ListModel()
                    fresh.setSort(column, descending: descending)
                    fresh.setSearch(search)
                    fresh.append(loadOrder.map { current[$0]! })
                    #expect(list.rows.map(\.id) == fresh.rows.map(\.id), "\(column) \(descending ? "↓" : "↑") /\(search): \(step)")
                }
                var next = 0
                for step in 0..<12 {
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: // a page of new rows, with a few known ones updated
                        var page = (next..<(next + 40)).map { person($0) }
                        next += 40
                        if !loadOrder.isEmpty { page += (0..<5).map { _ in person(loadOrder.randomElement(using: &rng)!, version: step) } }
                        for c in page {
                            let n = Int(c.id.suffix(12))!
                            if current[n] == nil { loadOrder.append(n) }
                            current[n] = ListModel.listCopy(c)
                        }
                        list.append(page)
                        check("page at step \(step)")
                    case 1 where step % 4 == 3: // a batch of known rows above the one-by-one limit
                        let batch = loadOrder.shuffled(using: &rng).prefix(ListModel.repositionLimit + 10).map { person($0, version: step + 2) }
                        for c in batch { current[Int(c.id.suffix(12))!] = ListModel.listCopy(c) }
                        list.append(batch)
                        check("batch at step \(step)")
                    case 1: // saves and status moves, one candidate each
                        for _ in 0..<5 {
                            guard let n = loadOrder.randomElement(using: &rng) else { break }
                            let c = person(n, version: step + 1)
                            current[n] = ListModel.listCopy(c)
                            list.replace(c)
                        }
                        check("replace at step \(step)")
                    default: // the search text goes and comes back
                        list.setSearch("")
                        list.setSearch(search)
                        check("search again at step \(step)")
                    }
                }
            }
        }
    }
}

/// After a reload the cursor goes back to the candidate it was on when that page arrives, unless
/// the user moved meanwhile.
@Test func aReloadDoesNotMoveACursorTheUserMoved() {
    var m = model((0..<100).map { person($0) }, total: 300, limit: 100)
    _ = m.update(.pageLoaded(generation: 0, Page(items: (100..<200).map { person($0) }, total: 300, page: 2, limit: 100, totalPages: 3)))
    _ = m.update(.key(.char("G")))
    let target = m.list.current!.id
    _ = m.update(.key(.char("r")))
    _ = m.update(.pageLoaded(generation: 1, Page(items: (0..<100).map { person($0) }, total: 300, page: 1, limit: 100, totalPages: 3)))
    for _ in 0..<3 { _ = m.update(.key(.char("j"))) }
    let chosen = m.list.current!.id
    _ = m.update(.pageLoaded(generation: 1, Page(items: (100..<200).map { person($0) }, total: 300, page: 2, limit: 100, totalPages: 3)))
    #expect(m.list.current?.id == chosen, "stays where the user put it, not back on \(target)")
}

/// A `v` range is anchored on the candidate it started on, even when rows sort in above it.
@Test func aRangeKeepsItsAnchorWhenRowsArrive() {
    var m = model((0..<50).map { person($0 * 2) }, total: 100, limit: 100)
    _ = m.update(.key(.char("o"))) // sorted by name: new rows land anywhere
    for _ in 0..<5 { _ = m.update(.key(.char("j"))) }
    _ = m.update(.key(.char("v")))
    let anchor = m.list.current!.id
    _ = m.update(.pageLoaded(generation: 0, Page(items: (0..<50).map { person($0 * 2 + 1) }, total: 100, page: 2, limit: 50, totalPages: 2)))
    _ = m.update(.key(.char("j")))
    let at = m.list.shownIndex(of: anchor)!
    #expect(m.list.cursor == at + 1 || m.list.cursor == at - 1 || m.list.cursor == at, "cursor \(m.list.cursor), anchor now at \(at)")
    #expect(m.marks.contains(anchor))
    #expect(m.marks.count == abs(m.list.cursor - at) + 1)
}

/// `*` with a search typed marks what the list shows, also on pages that arrive later, and a
/// reload goes on marking.
@Test func markAllWithASearchMarksOnlyMatchesAlsoOnLaterPages() {
    var m = model((0..<100).map { person($0) }, total: 300, limit: 100)
    _ = m.update(.key(.char("/")))
    for ch in "takahashi" { _ = m.update(.key(.char(ch))) }
    _ = m.update(.key(.enter))
    _ = m.update(.key(.char("*")))
    #expect(m.list.markAllPending)
    _ = m.update(.key(.char("r")))
    #expect(m.list.markAllPending, "a reload goes on marking")
    for page in 0..<3 {
        _ = m.update(.pageLoaded(generation: 1, Page(items: (page * 100..<(page + 1) * 100).map { person($0) }, total: 300, page: page + 1, limit: 100, totalPages: 3)))
    }
    #expect(!m.list.markAllPending)
    let matching = (0..<300).map { person($0) }.filter { SearchText.contains(SearchText.haystack($0), Array("takahashi".utf8)) }
    #expect(!matching.isEmpty)
    #expect(Set(m.marks.byId.keys) == Set(matching.map(\.id)))
    #expect(m.hiddenMarkCount == 0)
    #expect(m.flash?.text == "Marked all matching candidates: \(matching.count) marked")
}

/// A page that fails with a server hiccup is asked again after 1, 2, 4, 8, 16 s, by itself; a
/// success resets the count; a sixth failure, or a refusal (4xx), waits for `r`.
@Test func aFailedPageIsRetriedWithBackoffThenLeftForR() {
    var m = model((0..<100).map { person($0) }, total: 300, limit: 100)
    let hiccup = APIError.http(HTTPFailure(status: 503, messages: ["Service Unavailable"]))
    #expect(m.list.loading)
    var waits: [Double] = []
    for _ in 0..<AppModel.loadRetries {
        let effects = m.update(.pageFailed(generation: 0, hiccup))
        guard case .wake(let after)? = effects.first else { Issue.record("no retry: \(effects)"); return }
        waits.append(after)
        #expect(m.list.loadError == nil)
        #expect(m.update(.wake) == [.loadPage(generation: 0, query: CandidateQuery(page: 2, limit: ListModel.pageSize))])
    }
    #expect(waits == [1, 2, 4, 8, 16])
    #expect(m.update(.pageFailed(generation: 0, hiccup)).isEmpty)
    #expect(m.list.loadError != nil)
    #expect(m.flash?.text.hasPrefix("Could not load candidates (r retries)") == true)
    // r starts over; a success resets the count.
    _ = m.update(.key(.char("r")))
    #expect(m.update(.pageFailed(generation: 1, hiccup)).first == .wake(after: 1))
    _ = m.update(.wake)
    _ = m.update(.pageLoaded(generation: 1, Page(items: (0..<100).map { person($0) }, total: 300, page: 1, limit: 100, totalPages: 3)))
    #expect(m.list.failedAttempts == 0)
    // A refusal is not repeated.
    _ = m.update(.key(.char("G")))
    #expect(m.update(.pageFailed(generation: 1, .http(HTTPFailure(status: 403, messages: ["nope"])))).isEmpty)
    #expect(m.list.loadError != nil)
}

/// `*` keeps the search it was pressed with: clearing the search while pages load does not mark
/// everyone on the pages still to come.
@Test func markAllKeepsTheSearchItWasPressedWith() {
    var m = model((0..<100).map { person($0) }, total: 300, limit: 100)
    _ = m.update(.key(.char("/")))
    for ch in "takahashi" { _ = m.update(.key(.char(ch))) }
    _ = m.update(.key(.enter))
    _ = m.update(.key(.char("*")))
    _ = m.update(.key(.escape))  // the search is cleared
    #expect(m.list.filter.search.isEmpty)
    for page in 1..<3 {
        _ = m.update(.pageLoaded(generation: 0, Page(items: (page * 100..<(page + 1) * 100).map { person($0) }, total: 300, page: page + 1, limit: 100, totalPages: 3)))
    }
    let matching = (0..<300).map { person($0) }.filter { SearchText.contains(SearchText.haystack($0), Array("takahashi".utf8)) }
    #expect(Set(m.marks.byId.keys) == Set(matching.map(\.id)))
}

/// An open `v` range ends with `*` and with a bulk change, so its next move does not undo the
/// marks `*` made or mark again what the bulk change moved.
@Test func starAndBulkChangesEndAnOpenRange() {
    var m = model((0..<50).map { person($0) }, total: 50, limit: 100)
    _ = m.update(.key(.char("v")))
    _ = m.update(.key(.char("j")))
    #expect(m.marks.count == 2)
    _ = m.update(.key(.char("*")))
    #expect(!m.marks.isRangeOpen)
    _ = m.update(.key(.char("j")))
    #expect(m.marks.count == 50)
    _ = m.update(.key(.char("u")))
    _ = m.update(.key(.char("v")))
    _ = m.update(.key(.char("j")))
    _ = m.update(.key(.char("s")))
    let index = m.menu()!.items.firstIndex { $0.value == "ACCEPTED" }!
    _ = m.update(.menuChosen(index))
    _ = m.update(.key(.char("y")))
    #expect(!m.marks.isRangeOpen)
}

/// During the pause before a retry, moving around does not ask for the failed page early.
@Test func keysDuringARetryPauseDoNotSkipIt() {
    var m = model((0..<100).map { person($0) }, total: 300, limit: 100)
    let hiccup = APIError.http(HTTPFailure(status: 503, messages: ["Service Unavailable"]))
    #expect(m.update(.pageFailed(generation: 0, hiccup)).first == .wake(after: 1))
    for _ in 0..<10 { #expect(m.update(.key(.char("G"))).isEmpty) }
    #expect(m.update(.wake) == [.loadPage(generation: 0, query: CandidateQuery(page: 2, limit: ListModel.pageSize))])
}
