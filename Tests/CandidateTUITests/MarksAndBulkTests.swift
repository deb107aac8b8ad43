import CandidateCore
import Testing
@testable import CandidateTUI

@Test func spaceMarksAndMovesDown() {
    var m = model((0..<5).map { bareCandidate($0) })
    _ = m.update(.key(.char(" ")))
    #expect(m.marks.contains(bareCandidate(0).id))
    #expect(m.list.cursor == 1)
    _ = m.update(.key(.up))
    _ = m.update(.key(.char(" ")))
    #expect(m.marks.isEmpty)
}

@Test func rangeMarksEverythingBetween() {
    var m = model((0..<10).map { bareCandidate($0) })
    _ = m.update(.key(.down))
    _ = m.update(.key(.char("v")))
    for _ in 0..<3 { _ = m.update(.key(.down)) }
    #expect(m.marks.count == 4)
    _ = m.update(.key(.up))
    #expect(m.marks.count == 3, "moving back shrinks the open range")
    _ = m.update(.key(.char("v")))
    _ = m.update(.key(.end))
    #expect(m.marks.count == 3, "a closed range does not grow")
}

@Test func marksSurviveReload() {
    var m = model((0..<5).map { bareCandidate($0) })
    _ = m.update(.key(.char(" ")))
    _ = m.update(.key(.char("r")))
    #expect(m.marks.count == 1)
    #expect(m.hiddenMarkCount == 1, "not shown until the page is back")
    _ = m.update(.pageLoaded(generation: 1, Page(items: (0..<5).map { bareCandidate($0) }, total: 5, page: 1, limit: 50, totalPages: 1)))
    #expect(m.hiddenMarkCount == 0)
    _ = m.update(.key(.char("u")))
    #expect(m.marks.isEmpty)
}

@Test func starMarksAllMatchingIncludingUnloadedPages() {
    var m = model((0..<50).map { bareCandidate($0) }, total: 120)
    #expect(m.list.loading, "page 2 already loads in the background")
    #expect(m.update(.key(.char("*"))).isEmpty)
    #expect(m.marks.count == 50)
    let e2 = m.update(.pageLoaded(generation: 0, Page(items: (50..<100).map { bareCandidate($0) }, total: 120, page: 2, limit: 50, totalPages: 3)))
    #expect(e2 == [.loadPage(generation: 0, query: CandidateQuery(page: 3, limit: ListModel.pageSize))], "keeps loading until every page is in")
    _ = m.update(.pageLoaded(generation: 0, Page(items: (100..<120).map { bareCandidate($0) }, total: 120, page: 3, limit: 50, totalPages: 3)))
    #expect(m.marks.count == 120)
    #expect(m.list.markAllPending == false)
}

@Test func bulkMenuCountsNaturalOverrideAndAlready() {
    var marks = Marks()
    marks.mark([bareCandidate(0, status: .applied), bareCandidate(1, status: .inProcess), bareCandidate(2, status: .rejected)])
    let items = AppModel.bulkMenuItems(statusCounts: marks.statusCounts)
    let rejected = items.first { $0.value == "REJECTED" }
    #expect(rejected?.detail == "2 next step · 1 already")
    let accepted = items.first { $0.value == "ACCEPTED" }
    #expect(accepted?.detail == "1 next step · 2 override")
}

@Test func bulkFlowPreviewDefaultsToNoThenRunsAndReports() {
    var rows = (0..<5).map { bareCandidate($0) }
    rows[4].status = .rejected
    var m = model(rows)
    for _ in 0..<5 { _ = m.update(.key(.char(" "))) }
    _ = m.update(.key(.char("s")))
    #expect(m.overlay == .bulkMenu)
    let index = m.menu()!.items.firstIndex { $0.value == "REJECTED" }!
    _ = m.update(.menuChosen(index))
    guard case .bulkPreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
    #expect(plan.toSend.count == 4)
    #expect(m.scrollLines()?.header == [plan.summary()])
    // Enter is No.
    #expect(m.update(.key(.enter)).isEmpty)
    #expect(m.overlay == nil)
    _ = m.update(.key(.char("s")))
    _ = m.update(.menuChosen(index))
    let effects = m.update(.key(.char("y")))
    #expect(effects == [.runBulk(BulkChangePlan(plan))])
    #expect(m.bulk != nil)
    #expect(m.bulkStatusLine()?.hasPrefix("Moving to REJECTED") == true)
    // Esc cancels.
    #expect(m.update(.key(.escape)) == [.cancelBulk])
    // Results: two moved, one failed, one not attempted, one skipped.
    func moved(_ c: Candidate) -> Candidate { var x = c; x.status = .rejected; return x }
    let results: [BulkItemResult] = [
        BulkItemResult(id: rows[0].id, name: rows[0].fullName, from: .applied, outcome: .moved(moved(rows[0]))),
        BulkItemResult(id: rows[1].id, name: rows[1].fullName, from: .applied, outcome: .moved(moved(rows[1]))),
        BulkItemResult(id: rows[2].id, name: rows[2].fullName, from: .applied,
                       outcome: .failed(.http(HTTPFailure(status: 403, messages: ["nope"])), attempts: 1)),
        BulkItemResult(id: rows[3].id, name: rows[3].fullName, from: .applied, outcome: .notAttempted),
        BulkItemResult(id: rows[4].id, name: rows[4].fullName, from: .rejected, outcome: .skipped),
    ]
    _ = m.update(.bulk(.finished(BulkReport(target: .rejected, results: results, cancelled: true))))
    #expect(m.bulk == nil)
    #expect(m.overlay == .bulkResult)
    #expect(m.list.rows[0].status == .rejected)
    #expect(Set(m.marks.byId.keys) == [rows[2].id, rows[3].id], "failed and not attempted stay marked")
    // r retries through a preview of exactly the failed and not attempted, like every send.
    #expect(m.update(.key(.char("r"))).isEmpty, "r sends nothing before the preview")
    let retryPlan = BulkStatusPlan(candidates: [rows[2], rows[3]], target: .rejected)
    #expect(m.overlay == .bulkPreview(retryPlan))
    #expect(m.update(.key(.char("y"))) == [.runBulk(BulkChangePlan(retryPlan))])
}

/// `*` while pages still load, then `s`: the bulk menu waits until every matching candidate is
/// marked, so what the preview lists (and `y` sends) is the whole set; marks never grow under an
/// open preview; Esc stops marking instead.
@Test func bulkMenuWaitsForMarkAllToFinish() {
    var m = model((0..<50).map { bareCandidate($0) }, total: 120)
    _ = m.update(.key(.char("*")))
    _ = m.update(.key(.char("s")))
    #expect(m.overlay == nil, "no menu over a set still growing")
    #expect(m.flash?.text.contains("Marking every matching candidate: 50 marked, 50 of 120 loaded") == true, "\(m.flash?.text ?? "")")
    _ = m.update(.pageLoaded(generation: 0, Page(items: (50..<100).map { bareCandidate($0) }, total: 120, page: 2, limit: 50, totalPages: 3)))
    #expect(m.overlay == nil)
    #expect(m.flash?.text.contains("100 marked, 100 of 120 loaded") == true)
    _ = m.update(.pageLoaded(generation: 0, Page(items: (100..<120).map { bareCandidate($0) }, total: 120, page: 3, limit: 50, totalPages: 3)))
    #expect(m.overlay == .bulkMenu, "opens once all are marked")
    let index = m.menu()!.items.firstIndex { $0.value == "REJECTED" }!
    _ = m.update(.menuChosen(index))
    guard case .bulkPreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
    #expect(plan.items.count == 120)
    #expect(m.update(.key(.char("y"))) == [.runBulk(BulkChangePlan(plan))])
}

@Test func escStopsMarkAllAndTheMenuThenCoversWhatIsMarked() {
    var m = model((0..<50).map { bareCandidate($0) }, total: 120)
    _ = m.update(.key(.char("*")))
    _ = m.update(.key(.char("s")))
    _ = m.update(.key(.escape))
    #expect(m.list.markAllPending == false)
    #expect(m.flash?.text == "Stopped marking: 50 marked, not every matching candidate")
    // The page in flight still arrives: it is listed, not marked, and opens nothing.
    _ = m.update(.pageLoaded(generation: 0, Page(items: (50..<100).map { bareCandidate($0) }, total: 120, page: 2, limit: 50, totalPages: 3)))
    #expect(m.marks.count == 50)
    #expect(m.overlay == nil)
    _ = m.update(.key(.char("s")))
    #expect(m.overlay == .bulkMenu)
    #expect(AppModel.bulkMenuItems(statusCounts: m.marks.statusCounts).first { $0.value == "REJECTED" }?.detail == "50 next step")
    _ = m.update(.key(.escape))
    // u clears the marks and stops a `*` still loading: the next page marks nothing.
    _ = m.update(.key(.char("*")))
    #expect(m.list.markAllPending)
    _ = m.update(.key(.char("u")))
    _ = m.update(.pageLoaded(generation: 0, Page(items: (100..<120).map { bareCandidate($0) }, total: 120, page: 3, limit: 50, totalPages: 3)))
    #expect(m.marks.isEmpty, "no mark grows back after u")
}

/// The per-status counts the bulk menu uses stay equal to a recount of the marks through every
/// kind of change: toggles, mark all, refreshes that change a status, ranges, unmark, clear.
@Test func statusCountsFollowEveryChangeOfTheMarks() {
    let statuses: [CandidateStatus] = [.applied, .inProcess, .rejected, .accepted, CandidateStatus("SERVER_ONLY")]
    var m = model((0..<60).map { bareCandidate($0, status: statuses[$0 % statuses.count]) }, total: 60)
    func check(_ step: String) {
        var recount: [CandidateStatus: Int] = [:]
        for marked in m.marks.byId.values { recount[marked.status, default: 0] += 1 }
        #expect(m.marks.statusCounts == recount, "after \(step)")
        #expect(m.marks.statusCounts.values.reduce(0, +) == m.marks.count, "after \(step)")
    }
    for _ in 0..<7 { _ = m.update(.key(.char(" "))) }
    check("Space × 7")
    _ = m.update(.key(.char("v")))
    for _ in 0..<10 { _ = m.update(.key(.down)) }
    check("a range over 10 rows")
    for _ in 0..<4 { _ = m.update(.key(.up)) }
    check("the range shrunk")
    // The server changed statuses meanwhile: a page brings the new ones, also into the range base.
    _ = m.update(.pageLoaded(generation: 0, Page(items: (0..<30).map { bareCandidate($0, status: .rejected) }, total: 60, page: 1, limit: 50, totalPages: 2)))
    check("a page with new statuses during the range")
    _ = m.update(.key(.char("v")))
    check("the range closed")
    _ = m.update(.key(.char("*")))
    check("*")
    #expect(m.marks.count == 60)
    #expect(m.hiddenMarkCount == 0)
    _ = m.update(.key(.char("/")))
    for ch in "first1" { _ = m.update(.key(.char(ch))) }
    #expect(m.hiddenMarkCount == 60 - m.list.count, "marks outside the search are hidden")
    _ = m.update(.key(.escape))
    _ = m.update(.key(.escape))
    #expect(m.hiddenMarkCount == 0)
    _ = m.update(.key(.char("u")))
    check("u")
    #expect(m.marks.isEmpty && m.marks.statusCounts.isEmpty)
}

/// A preview of thousands of marked candidates is made a screenful at a time: the body knows
/// its length, gives any window of lines, and scrolling stops at the last line.
@Test func bulkPreviewOfManyMarksIsMadeAsShown() {
    let n = 5_000
    var m = model((0..<n).map { bareCandidate($0, status: $0 % 4 == 0 ? .rejected : .applied) }, total: n)
    _ = m.update(.key(.char("*")))
    #expect(m.marks.count == n)
    _ = m.update(.key(.char("s")))
    let index = m.menu()!.items.firstIndex { $0.value == "REJECTED" }!
    #expect(m.menu()!.items[index].detail == "3750 next step · 1250 already")
    _ = m.update(.menuChosen(index))
    guard let p = m.scrollLines() else { Issue.record("no preview"); return }
    #expect(p.body.count == n)
    #expect(p.header == ["Move 3750 candidates to REJECTED: 3750 from APPLIED; 1250 already REJECTED are skipped"])
    #expect(p.footer == "Send 3750 changes? (y/N)")
    #expect(p.body.lines(from: n - 3, count: 20).count == 3)
    #expect(p.body.lines(from: n + 5, count: 20).isEmpty)
    #expect(p.body.lines(from: 0, count: 2).allSatisfy { $0.hasPrefix("First") })
    m.scroll(by: 10 * n)
    #expect(m.overlayScroll == n - 1)
}

/// The bulk preview lists the marked by name the way the list sorts names: diacritics with
/// their base letter (Ľubica before Zuzana), ties by id.
@Test func markedCandidatesSortByFoldedName() {
    var marks = Marks()
    let names = [("Zuzana", "Šťastná"), ("Ľubica", "Šťastná"), ("Ján", "Šťastný"), ("ján", "Šťastný")]
    marks.mark(names.enumerated().map { i, n in
        Candidate(id: "00000000-0000-4000-8000-\(String(format: "%012d", 10 - i))", firstName: n.0, lastName: n.1)
    })
    #expect(marks.candidates.map(\.firstName) == ["ján", "Ján", "Ľubica", "Zuzana"])
}

/// The preview's plan reads the marks as they were when it was made: marks changed afterwards
/// (one unmarked, one with a newer status, one added) leave the plan and its change as they were.
@Test func bulkPlanKeepsTheMarksAsPlanned() {
    let rows = (0..<6).map { bareCandidate($0, status: $0 % 2 == 0 ? .applied : .inProcess) }
    var m = model(rows, total: rows.count)
    _ = m.update(.key(.char("*")))
    m.chooseBulkTarget(.rejected)
    guard case .bulkPreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
    let before = Array(plan.items)
    let change = BulkChangePlan(plan)
    let changeBefore = Array(change.items)

    var marks = m.marks
    marks.unmark([rows[0].id])
    var newer = rows[1]
    newer.status = .rejected
    marks.refresh([newer])
    marks.mark([bareCandidate(99)])
    m.marks = marks

    #expect(Array(plan.items) == before)
    #expect(plan.items.map(\.candidate.id).sorted() == rows.map(\.id).sorted())
    #expect(plan.summary() == "Move 6 candidates to REJECTED: 3 from APPLIED, 3 from IN_PROCESS")
    #expect(Array(change.items) == changeBefore)
    #expect(plan == BulkStatusPlan(candidates: before.map(\.candidate), target: .rejected))
}

/// Candidates lent to a plan, counting how often one is read.
final class CountedReads: @unchecked Sendable { var count = 0 }
struct CountingSource: BulkPlanSource {
    let people: [Candidate]
    let reads: CountedReads
    var startIndex: Int { 0 }
    var endIndex: Int { people.count }
    subscript(i: Int) -> Candidate { reads.count += 1; return people[i] }
}

/// `r` after a run whose candidates are no longer marked takes them from the plan in one pass
/// over it, not one pass per candidate to retry (a plan's items are built as they are read).
@Test func retryOfUnmarkedCandidatesReadsThePlanOnce() {
    let n = 300
    let rows = (0..<n).map { bareCandidate($0) }
    var m = model(rows, total: n)
    let reads = CountedReads()
    let plan = BulkStatusPlan(lending: CountingSource(people: rows, reads: reads), target: .rejected)
    _ = m.startBulk(plan)
    let results = rows.map { BulkItemResult(id: $0.id, name: $0.fullName, from: .applied, outcome: .notAttempted) }
    _ = m.update(.bulk(.finished(BulkReport(target: .rejected, results: results, cancelled: true))))
    reads.count = 0
    _ = m.update(.key(.char("r")))
    guard case .bulkPreview(let retry)? = m.overlay else { Issue.record("no retry preview"); return }
    #expect(retry.items.count == n)
    #expect(retry.items.map(\.candidate.id) == rows.map(\.id))
    #expect(reads.count <= 2 * n, "\(reads.count) reads of the plan for \(n) candidates")
}

/// A bulk change that ends while a menu is open leaves it in place; the report opens once it
/// closes.
@Test func bulkResultWaitsForAnOpenMenu() {
    let rows = (0..<3).map { bareCandidate($0) }
    var m = model(rows, total: rows.count)
    _ = m.update(.key(.char("*")))
    m.chooseBulkTarget(.rejected)
    guard case .bulkPreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
    _ = m.update(.key(.char("y")))
    #expect(m.bulk != nil && m.overlay == nil)
    _ = m.update(.key(.char("f")))
    #expect(m.overlay == .statusFilterMenu)
    let results = rows.map { BulkItemResult(id: $0.id, name: $0.fullName, from: .applied, outcome: .notAttempted) }
    let report = BulkReport(target: .rejected, results: results, cancelled: true)
    _ = m.update(.bulk(.finished(report)))
    #expect(m.overlay == .statusFilterMenu, "the menu stays")
    #expect(m.flash?.text == AppModel.reportLine(report), "the message line says it ended")
    _ = m.update(.key(.escape))
    #expect(m.overlay == .bulkResult, "the report follows once the menu closes")
    #expect(m.scrollLines()?.body.count == plan.items.count)
    _ = m.update(.key(.escape))
    #expect(m.overlay == nil, "and only once")
}

/// A save confirmed after the change ended is waited for: the report opens when it lands, and
/// after a conflict it led to is closed, never to be closed by the save's end.
@Test func bulkResultWaitsForASaveAndItsConflict() {
    for conflict in [false, true] {
        let rows = (0..<3).map { bareCandidate($0) }
        var m = model(rows, total: rows.count)
        _ = m.update(.key(.char(" ")))
        m.chooseBulkTarget(.rejected)
        _ = m.update(.key(.char("y")))
        m.openForm()
        m.typeInto(.firstName, "Jana")
        _ = m.update(.key(.function(2)))
        let report = BulkReport(target: .rejected, results: [BulkItemResult(id: rows[0].id, name: rows[0].fullName, from: .applied, outcome: .notAttempted)], cancelled: true)
        _ = m.update(.bulk(.finished(report)))
        #expect(m.overlay.map { if case .confirmSave = $0 { true } else { false } } == true, "the save question stays")
        _ = m.update(.key(.char("y")))
        #expect(m.form?.saving == true)
        #expect(m.overlay == nil, "no report while the save is in flight")
        let original = m.form!.draft.original
        if conflict {
            var theirs = original
            theirs.lastName = "Theirs"
            theirs.updatedAt = "2026-12-07T10:00:00.000Z"
            _ = m.update(.checkedBeforeSave(theirs))
            guard case .conflict? = m.overlay else { Issue.record("no conflict panel: \(String(describing: m.overlay))"); continue }
            _ = m.update(.key(.escape))
        } else {
            _ = m.update(.checkedBeforeSave(original))
            var saved = original
            saved.firstName = "Jana"
            _ = m.update(.saved(saved, fields: [.firstName]))
        }
        #expect(m.overlay == .bulkResult, "conflict \(conflict): the report opens once the save is done")
    }
}
