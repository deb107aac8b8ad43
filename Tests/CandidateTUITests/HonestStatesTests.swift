import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// What the list says must be true: no "No candidates." while the server fails, moved rows
/// leave a status filter, statuses the client does not know are shown whole and told about.
@Suite("Honest list states")
struct HonestStatesTests {
    static func page(_ items: [Candidate], total: Int) -> Page<Candidate> {
        Page(items: items, total: total, page: 1, limit: 100, totalPages: max(1, (total + 99) / 100))
    }

    @Test("a failing first page says what failed and when it tries again, never No candidates.")
    func failingPageIsNotAnEmptyList() {
        var m = startedModel()
        #expect(m.emptyListText() == "Loading candidates…")
        let e = m.update(.pageFailed(generation: 0, .http(HTTPFailure(status: 503, messages: ["down for maintenance"]))))
        #expect(e == [.wake(after: 1)])
        #expect(m.emptyListText().hasPrefix("Could not load candidates: 503"), "\(m.emptyListText())")
        #expect(m.emptyListText().contains("trying again in 1 s (1 of 5)"))
        // The retry is under way: still the failure, not an empty list.
        _ = m.update(.wake)
        #expect(m.list.loading)
        #expect(m.emptyListText().contains("Could not load candidates: 503"))
        #expect(m.emptyListText().contains("trying again now"))
        // Given up: r is the way on.
        for _ in 0..<5 {
            _ = m.update(.pageFailed(generation: 0, .http(HTTPFailure(status: 503))))
            _ = m.update(.wake)
        }
        #expect(m.list.loadError != nil)
        #expect(m.emptyListText().hasSuffix("r tries again"))
        // A page arrives after a failure: the message about the failure goes.
        var recovered = startedModel()
        _ = recovered.update(.pageFailed(generation: 0, .http(HTTPFailure(status: 503))))
        #expect(recovered.flash?.text.hasPrefix("Could not load candidates") == true)
        _ = recovered.update(.wake)
        _ = recovered.update(.pageLoaded(generation: 0, Self.page([bareCandidate(1)], total: 1)))
        #expect(recovered.flash == nil)
        // The server answers: an empty company is an empty list.
        _ = m.update(.key(.char("r")))
        _ = m.update(.pageLoaded(generation: 1, Self.page([], total: 0)))
        #expect(m.emptyListText() == "No candidates.")
    }

    @Test("under a status filter, a bulk change moves the rows out of the list and the total down")
    func movedRowsLeaveTheStatusFilter() {
        var m = startedModel()
        _ = m.update(.key(.char("f")))
        let applied = m.menu()!.items.firstIndex { $0.value == "APPLIED" }!
        _ = m.update(.menuChosen(applied))
        #expect(m.list.filter.status == .applied)
        let rows = (0..<5).map { bareCandidate($0) }
        _ = m.update(.pageLoaded(generation: m.list.generation, Self.page(rows, total: 5)))
        #expect(m.list.count == 5)
        for _ in 0..<3 { _ = m.update(.key(.char(" "))) }
        func moved(_ c: Candidate) -> Candidate { var x = c; x.status = .rejected; return x }
        _ = m.update(.bulk(.item(BulkItemResult(id: rows[0].id, name: rows[0].fullName, from: .applied, outcome: .moved(moved(rows[0]))))))
        #expect(m.list.count == 4, "a moved row leaves at once")
        let results = rows.prefix(3).map { BulkItemResult(id: $0.id, name: $0.fullName, from: .applied, outcome: .moved(moved($0))) }
        _ = m.update(.bulk(.finished(BulkReport(target: .rejected, results: results, cancelled: false))))
        #expect(m.list.rows.map(\.id) == rows.suffix(2).map(\.id))
        #expect(m.list.total == 2)
        #expect(m.list.loadedCount == 2)
        // A single move from the list leaves the filter too.
        _ = m.update(.statusMoved(moved(rows[3]), from: .applied))
        #expect(m.list.rows.map(\.id) == [rows[4].id])
        #expect(m.list.total == 1)
    }

    @Test("the same under a sort, and for many rows at once (one re-sort)")
    func movedRowsLeaveASortedFilteredList() {
        var m = startedModel()
        _ = m.update(.key(.char("f")))
        _ = m.update(.menuChosen(m.menu()!.items.firstIndex { $0.value == "APPLIED" }!))
        let rows = (0..<200).map { bareCandidate($0) }
        _ = m.update(.pageLoaded(generation: m.list.generation, Self.page(rows, total: 200)))
        _ = m.update(.key(.char("o")))  // sort by name
        let out = rows.filter { $0.id.hasSuffix("0") }.map { c -> Candidate in var x = c; x.status = .rejected; return x }
        let results = out.map { BulkItemResult(id: $0.id, name: $0.fullName, from: .applied, outcome: .moved($0)) }
        _ = m.update(.bulk(.finished(BulkReport(target: .rejected, results: results, cancelled: false))))
        #expect(m.list.count == 180)
        #expect(m.list.total == 180)
        #expect(m.list.rows.allSatisfy { $0.status == .applied })
    }

    @Test("a status outside the API's enum is shown whole, and said once")
    func unknownStatusShownWholeAndNoticed() {
        var m = startedModel()
        let rows = [bareCandidate(0, status: CandidateStatus("INTERVIEWED")), bareCandidate(1, status: CandidateStatus("WITHDRAWN")),
                    bareCandidate(2, status: CandidateStatus("SCREENING_BY_HIRING_MANAGER"))]
        _ = m.update(.pageLoaded(generation: 0, Self.page(rows, total: 3)))
        #expect(m.flash?.text.hasPrefix("The server sent statuses this client does not know: INTERVIEWED, WITHDRAWN, SCREENING_BY_HIRING_MANAGER") == true,
                "\(m.flash?.text ?? "")")
        #expect(m.list.statusColumnWidth == 24)
        let layout = ListLayout(width: 120, statusWidth: m.list.statusColumnWidth)
        #expect(layout.rowLine(m.list.row(0)).contains("INTERVIEWED "))
        #expect(layout.rowLine(m.list.row(2)).contains("SCREENING_BY_HIRING_MAN…"), "the longest status is cut at 24 cells")
        m.flash = nil
        _ = m.update(.pageLoaded(generation: 0, Self.page(rows, total: 3)))
        #expect(m.flash == nil, "said once")
        // Known statuses only: the column keeps its 10 cells.
        var plain = startedModel()
        _ = plain.update(.pageLoaded(generation: 0, Self.page([bareCandidate(0, status: .inProcess)], total: 1)))
        #expect(plain.list.statusColumnWidth == 10)
    }

    @Test("a candidate the server sent without an id is left out with a line; the rest of the page is listed")
    func unreadableCandidateIsLeftOutAndSaid() throws {
        var m = startedModel()
        let body = #"{"data": [{"id": "00000000-0000-4000-8000-000000000001", "firstName": "Ana", "lastName": "B", "status": "APPLIED"}, {"firstName": "No", "lastName": "Id"}], "total": 2, "page": 1, "limit": 100, "totalPages": 1}"#
        let page = try ResponseShapes.page(Candidate.self, from: Data(body.utf8))
        _ = m.update(.pageLoaded(generation: 0, page))
        #expect(m.list.count == 1)
        #expect(m.flash?.text == "Left out 1 candidate the server sent unreadable (item 2: missing id)")
    }

    @Test("an empty filtered list names only the keys that undo what is active")
    func emptyFilteredListNamesTheRightKeys() {
        var m = startedModel()
        _ = m.update(.key(.char("f")))
        _ = m.update(.menuChosen(m.menu()!.items.firstIndex { $0.value == "ACCEPTED" }!))
        _ = m.update(.pageLoaded(generation: m.list.generation, Self.page([], total: 0)))
        #expect(m.emptyListText() == "No candidate matches (status ACCEPTED). f/J change filters.")
        _ = m.update(.key(.char("/")))
        _ = m.update(.key(.char("x")))
        #expect(m.emptyListText() == "No candidate matches (status ACCEPTED · /x). Esc clears the search, f/J change filters.")
    }

    @Test("the menu's divider is ASCII in an ASCII locale")
    func dividerInASCII() {
        #expect(DisplayText.sanitize("── Other ──", charset: .ascii) == "-- Other --")
    }

    @Test("a server that repeats a page stops loading with its reason; * says it marked only some, and s waited for nothing")
    func repeatedPageStopsMarkAll() {
        var m = startedModel()
        let first = (0..<3).map { bareCandidate($0) }
        let page1 = Page(items: first, total: 9, page: 1, limit: 3, totalPages: 3)
        _ = m.update(.pageLoaded(generation: 0, page1))
        _ = m.update(.key(.char("*")))
        _ = m.update(.key(.char("s")))
        #expect(m.overlay == nil)
        // Page 2 repeats page 1.
        let e = m.update(.pageLoaded(generation: 0, Page(items: first, total: 9, page: 2, limit: 3, totalPages: 3)))
        #expect(e.isEmpty, "no page 3 is asked for")
        #expect(m.list.hasMore == false)
        #expect(m.list.markAllPending == false)
        #expect(m.overlay == nil, "the bulk menu does not open for a set short of all")
        #expect(m.flash?.text.hasPrefix("Marked 3 of the 9 the server counts, not all: loading stopped (") == true, "\(m.flash?.text ?? "")")
        #expect(m.flash?.text.contains("repeats pages") == true)
        #expect(m.emptyListText().contains("repeats pages"))
    }
}
