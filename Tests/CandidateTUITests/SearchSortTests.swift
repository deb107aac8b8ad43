import CandidateCore
import Testing
@testable import CandidateTUI

private func c(_ n: Int, _ first: String, _ last: String, email: String? = nil, phone: String? = nil,
               status: CandidateStatus = .applied, rating: Int? = nil, updated: String? = nil) -> Candidate {
    Candidate(id: "00000000-0000-4000-8000-\(String(format: "%012d", n))", firstName: first, lastName: last,
              email: email, phoneNumber: phone, status: status, overallRating: rating, updatedAt: updated)
}

private let people = [
    c(1, "Jan", "Šťastný", email: "jan@example.cz", phone: "+420601111111", status: .inProcess, rating: 80, updated: "2026-11-03T00:00:00.000Z"),
    c(2, "Zoë", "Ødegaard", email: "zoe@example.no", status: .applied, rating: nil, updated: "2026-11-01T00:00:00.000Z"),
    c(3, "王", "小明", email: "wang@example.cn", phone: "+8613800000000", status: .rejected, rating: 95, updated: "2026-11-02T00:00:00.000Z"),
    c(4, "Anna", "Stastna", email: "anna@example.com", status: .applied, rating: 80, updated: "2026-11-04T00:00:00.000Z"),
]

private func model() -> AppModel {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, Page(items: people, total: 4, page: 1, limit: 50, totalPages: 1)))
    return m
}

private func type(_ m: inout AppModel, _ text: String) -> [Effect] {
    var effects: [Effect] = []
    for ch in text { effects += m.update(.key(.char(ch))) }
    return effects
}

@Test func searchIgnoresCaseAndDiacritics() {
    var m = model()
    _ = m.update(.key(.char("/")))
    _ = type(&m, "stastn")
    #expect(m.list.rows.map(\.lastName) == ["Šťastný", "Stastna"])
    _ = m.update(.key(.ctrl("u")))
    _ = type(&m, "odegaard")
    #expect(m.list.rows.map(\.firstName) == ["Zoë"])
}

@Test func searchMatchesEmailAndPhone() {
    var m = model()
    _ = m.update(.key(.char("/")))
    _ = type(&m, "example.cn")
    #expect(m.list.rows.map(\.id) == [people[2].id])
    _ = m.update(.key(.ctrl("u")))
    _ = type(&m, "601111")
    #expect(m.list.rows.map(\.id) == [people[0].id])
}

@Test func enterKeepsFilterEscClearsIt() {
    var m = model()
    _ = m.update(.key(.char("/")))
    _ = type(&m, "anna")
    _ = m.update(.key(.enter))
    #expect(!m.searching)
    #expect(m.list.count == 1)
    #expect(m.filterDescription() == "/anna")
    _ = m.update(.key(.escape))
    #expect(m.list.count == 4)
}

@Test func typingDebouncesThenAsksTheServerOnce() {
    var m = model()
    _ = m.update(.key(.char("/")))
    let effects = type(&m, "abc")
    #expect(effects == [.debounceSearch(token: 1), .debounceSearch(token: 2), .debounceSearch(token: 3)])
    #expect(m.update(.searchDue(token: 2)).isEmpty, "an older pause does nothing")
    let q = m.update(.searchDue(token: 3))
    guard case .searchServer(_, let text, let query)? = q.first else { Issue.record("no server search"); return }
    #expect(text == "abc")
    #expect(query.search == "abc")
    // Results merge in.
    let extra = c(9, "Abc", "Newcomer")
    _ = m.update(.searchResults(generation: 0, text: "abc", Page(items: [extra], total: 1, page: 1, limit: 100, totalPages: 1)))
    #expect(m.list.rows.map(\.id) == [extra.id])
}

@Test func sortIsStableAndReversible() {
    var m = model()
    _ = m.update(.key(.char("o")))  // name
    #expect(m.list.sortColumn == .name)
    #expect(m.list.rows.map(\.firstName) == ["Anna", "Jan", "Zoë", "王"])
    _ = m.update(.key(.char("o")))  // status
    _ = m.update(.key(.char("o")))  // updated, newest first
    #expect(m.list.sortDescending)
    #expect(m.list.rows.map(\.id) == [people[3].id, people[0].id, people[2].id, people[1].id])
    _ = m.update(.key(.char("O")))  // oldest first
    #expect(m.list.rows.map(\.id) == [people[1].id, people[2].id, people[0].id, people[3].id])
    _ = m.update(.key(.char("o")))  // rating, highest first; ties (80, 80) keep server order
    #expect(m.list.rows.map(\.id) == [people[2].id, people[0].id, people[3].id, people[1].id])
    _ = m.update(.key(.char("O")))  // lowest first (no rating lowest of all), ties still in server order
    #expect(m.list.rows.map(\.id) == [people[1].id, people[0].id, people[3].id, people[2].id])
}

@Test func cursorStaysOnCandidateAcrossSortAndSearch() {
    var m = model()
    _ = m.update(.key(.down))  // Zoë
    _ = m.update(.key(.char("o")))
    #expect(m.list.current?.firstName == "Zoë")
    _ = m.update(.key(.char("/")))
    _ = type(&m, "zo")
    #expect(m.list.current?.firstName == "Zoë")
}

@Test func statusFilterReloadsWithServerQueryAndKeepsMarks() {
    var m = model()
    _ = m.update(.key(.char(" ")))
    _ = m.update(.key(.char("f")))
    let index = m.menu()!.items.firstIndex { $0.value == "REJECTED" }!
    let effects = m.update(.menuChosen(index))
    #expect(effects.first == .loadPage(generation: 1, query: CandidateQuery(page: 1, limit: ListModel.pageSize, status: .rejected)))
    #expect(m.marks.count == 1)
    #expect(m.hiddenMarkCount == 1)
}

@Test func marksSurviveSortAndFilter() {
    var m = model()
    _ = m.update(.key(.char(" ")))   // mark Jan
    _ = m.update(.key(.char("o")))
    _ = m.update(.key(.char("/")))
    _ = type(&m, "anna")
    #expect(m.marks.contains(people[0].id))
    #expect(m.hiddenMarkCount == 1)
}
