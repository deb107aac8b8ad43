import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// Renders one frame of `model` on a `cols` × `rows` screen into a grid, through the same root
/// view the terminal gets (`AppView.draw`). `state` is the view state before the frame (a
/// fresh one by default: the list's viewport at the top).
func renderScreen(_ model: AppModel, cols: Int = 80, rows: Int = 24, utf8: Bool = true, state: ViewState = ViewState()) -> CellGrid {
    var grid = CellGrid(rows: rows, cols: cols, utf8: utf8)
    var state = state
    AppView.draw(model, &state, on: &grid)
    return grid
}

/// The screen sizes every screen is checked at: the usual one, the smallest the editor draws,
/// and a wide one.
enum ScreenSize {
    static let usual = (cols: 80, rows: 24)
    static let narrow = (cols: AppModel.minCols, rows: AppModel.minRows)
    static let wide = (cols: 160, rows: 40)
}

/// A small, fixed data set for screen tests: names with diacritics and a wide (CJK) name, every
/// status, some jobs; built by driving `AppModel.update` with the events the runtime posts.
enum ScreenFixtures {
    static let connection = ConnectionInfo(location: "local sandbox 127.0.0.1:8080", company: "Northwind")

    static let jobs = [
        Job(id: "job-ios", title: "Senior iOS Engineer", city: "Bratislava"),
        Job(id: "job-csm", title: "Customer Success Manager", city: "Praha"),
    ]

    static let people: [Candidate] = [
        Candidate(id: candidateId(0), firstName: "Jana", lastName: "Nováková", email: "jana.novakova@example.com", phoneNumber: "+421900000001",
                  status: .applied, jobIds: ["job-ios"], overallRating: 4, updatedAt: "2026-11-20T09:00:00.000Z"),
        Candidate(id: candidateId(1), firstName: "Tomáš", lastName: "Šťastný", email: "tomas.stastny@example.com", phoneNumber: "+420777000002",
                  status: .inProcess, jobIds: ["job-ios", "job-csm"], updatedAt: "2026-11-18T10:30:00.000Z"),
        Candidate(id: candidateId(2), firstName: "王", lastName: "小明", email: "wang@example.com", status: .accepted,
                  overallRating: 5, updatedAt: "2026-10-02T08:00:00.000Z"),
        Candidate(id: candidateId(3), firstName: "Peter", lastName: "Horváth", email: "peter.horvath@example.com", phoneNumber: "+421911222333",
                  status: .rejected, jobIds: ["job-csm"], overallRating: 2, updatedAt: "2026-09-14T12:00:00.000Z"),
        Candidate(id: candidateId(4), firstName: "Eva", lastName: "Kováčová", email: "eva.kovacova@example.com", status: .applied,
                  jobIds: ["job-csm"], updatedAt: "2026-11-27T16:45:00.000Z"),
        Candidate(id: candidateId(5), firstName: "Martin", lastName: "Dvořák", status: .undefined, updatedAt: "2026-11-01T07:15:00.000Z"),
        Candidate(id: candidateId(6), firstName: "Lucia", lastName: "Bieliková", email: "lucia.bielikova@example.com", phoneNumber: "+421905555666",
                  status: .inProcess, overallRating: 3, updatedAt: "2026-11-25T11:00:00.000Z"),
        Candidate(id: candidateId(7), firstName: "Ondrej", lastName: "Veselý", email: "ondrej.vesely@example.com", status: .applied,
                  updatedAt: "2026-11-28T14:20:00.000Z"),
    ]

    /// The list after the first (only) page of `rows` and the job list arrived.
    static func list(_ rows: [Candidate] = people) -> AppModel {
        var m = AppModel(connection: connection, today: today)
        _ = m.start()
        _ = m.update(.pageLoaded(generation: 0, Page(items: rows, total: rows.count, page: 1, limit: 50, totalPages: 1)))
        _ = m.update(.jobsLoaded(jobs))
        return m
    }

    /// The list with the first two rows marked, searched for "ová" (kept with Enter) and sorted
    /// by name.
    static func markedFilteredSortedList() -> AppModel {
        var m = list()
        _ = m.update(.key(.char(" ")))
        _ = m.update(.key(.char(" ")))
        _ = m.update(.key(.char("/")))
        m.type("ová")
        _ = m.update(.key(.enter))
        _ = m.update(.key(.char("o")))
        return m
    }

    /// The form on Jana Nováková: the last name changed, a phone number the API refuses (F2
    /// put its message beside the field and focused it).
    static func formWithError() -> AppModel {
        var m = list()
        m.openForm()
        m.typeInto(.lastName, "Nováková-Horváth")
        m.typeInto(.phoneNumber, "0905 12")
        _ = m.update(.key(.function(2)))
        return m
    }

    /// Three marked (Jana, Tomáš, 王小明) and the bulk preview of moving them to REJECTED, from
    /// `start` (the list by default).
    static func bulkPreview(from start: AppModel = list()) -> AppModel {
        var m = start
        for _ in 0..<3 { _ = m.update(.key(.char(" "))) }
        _ = m.update(.key(.char("s")))
        for _ in 0..<3 { _ = m.update(.key(.down)) }
        _ = m.update(.key(.enter))
        return m
    }

    /// The bulk change of `bulkPreview` sent: Jana moved, Tomáš failed after 3 attempts, 王小明
    /// not attempted (cancelled).
    static func bulkResult() -> AppModel {
        var m = bulkPreview()
        _ = m.update(.key(.char("y")))
        var moved = people[0]
        moved.status = .rejected
        let report = BulkReport(target: .rejected, results: [
            BulkItemResult(id: people[0].id, name: people[0].fullName, from: .applied, outcome: .moved(moved)),
            BulkItemResult(id: people[1].id, name: people[1].fullName, from: .inProcess,
                           outcome: .failed(.timeout(seconds: 10), attempts: 3)),
            BulkItemResult(id: people[2].id, name: people[2].fullName, from: .accepted, outcome: .notAttempted),
        ], cancelled: true)
        _ = m.update(.bulk(.finished(report)))
        return m
    }

    /// The conflict view: Jana's last name and email edited here, while the server changed her
    /// last name and phone number.
    static func conflict() -> AppModel {
        var m = list()
        m.openForm()
        m.typeInto(.lastName, "Mine")
        m.typeInto(.email, "mine@example.com")
        _ = m.update(.key(.function(2)))
        _ = m.update(.key(.char("y")))
        var theirs = people[0]
        theirs.lastName = "Theirs"
        theirs.phoneNumber = "+421900000009"
        theirs.updatedAt = "2026-11-29T12:00:00.000Z"
        _ = m.update(.checkedBeforeSave(theirs))
        return m
    }

    /// The status menu of the row under the cursor (Tomáš, IN_PROCESS), the cursor moved down once.
    static func statusMenu() -> AppModel {
        var m = list()
        _ = m.update(.key(.down))
        _ = m.update(.key(.char("s")))
        _ = m.update(.key(.down))
        return m
    }
}

/// Checks the whole screen's text (each row with its trailing blanks trimmed) against
/// `expected`, one line per row; on a difference names the first row that differs and shows
/// the screen drawn.
func expectScreen(_ grid: CellGrid, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let got = grid.lines
    guard got != want else { return }
    let row = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    let wantRow = row < want.count ? want[row] : "(no row)", gotRow = row < got.count ? got[row] : "(no row)"
    Issue.record("""
        row \(row) differs (expected \(want.count) rows, drew \(got.count))
          expected: \(wantRow.debugDescription)
          drawn:    \(gotRow.debugDescription)
        the screen drawn:
        \(grid.text)
        """, sourceLocation: sourceLocation)
}
