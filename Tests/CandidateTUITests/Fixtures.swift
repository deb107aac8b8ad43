import CandidateCore
import Testing
@testable import CandidateTUI

// Shared fixtures for the TUI's model and screen tests: one fixed day, numbered candidates,
// and models started and fed a first page, as the runtime would.

/// The day the tests run "on" (GDPR dates must be after it).
let today = CalendarDay(year: 2026, month: 11, day: 29)!

/// Candidate number `n`: `First<n> Last<n>`, `c<n>@example.com`, a phone, updated 2026-11-01.
func candidate(_ n: Int, status: CandidateStatus = .applied) -> Candidate {
    Candidate(id: candidateId(n), firstName: "First\(n)", lastName: "Last\(n)",
              email: "c\(n)@example.com", phoneNumber: "+42190000\(String(format: "%04d", n))", status: status,
              updatedAt: "2026-11-01T10:00:00.000Z")
}

/// The id of candidate number `n` (a valid UUID).
func candidateId(_ n: Int) -> String { "00000000-0000-4000-8000-\(String(format: "%012d", n))" }

/// A model that has started (asked for page 1 and the jobs) and got nothing back yet.
func startedModel() -> AppModel {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    return m
}

/// A started model whose first page holds `rows`; more pages follow only when `total` is
/// larger. `limit` is the page size the server reports (default: the rows, at least 50).
func model(_ rows: [Candidate], total: Int? = nil, limit: Int? = nil) -> AppModel {
    var m = startedModel()
    let t = total ?? rows.count
    let limit = limit ?? max(50, rows.count)
    _ = m.update(.pageLoaded(generation: 0, Page(items: rows, total: t, page: 1, limit: limit, totalPages: max(1, (t + limit - 1) / limit))))
    return m
}

/// Candidate number `n` with only what a mark keeps: id, name and status.
func bareCandidate(_ n: Int, status: CandidateStatus = .applied) -> Candidate {
    Candidate(id: candidateId(n), firstName: "First\(n)", lastName: "Last\(n)", status: status)
}

extension AppModel {
    /// Replaces a typed field's text the way a user does: focus it, Ctrl-U, then type each
    /// Unicode scalar as its own key (as the terminal delivers them); the focus goes back.
    mutating func typeInto(_ field: CandidateField, _ text: String) {
        guard let before = form?.focus else { return }
        form?.focus = field
        _ = update(.key(.ctrl("u")))
        type(text)
        form?.focus = before
    }

    /// Types `text` at the cursor, one Unicode scalar per key.
    mutating func type(_ text: String) {
        for s in text.unicodeScalars { _ = update(.key(.char(Character(s)))) }
    }

    /// Enter on the list, then the fetched candidate arrives (as `GET /candidates/{id}` would answer).
    /// Enter on the cursor row, then the server's answer: `fetched`, or the list's copy.
    mutating func openForm(fetched: Candidate? = nil) {
        let effects = update(.key(.enter))
        guard let c = list.current, effects == [.openCandidate(id: c.id, name: c.fullName)] else {
            Issue.record("Enter did not ask to open the candidate: \(effects)")
            return
        }
        _ = update(.candidateOpened(fetched ?? c))
    }
}
