import CandidateCore
import Testing
@testable import CandidateTUI

/// `a` on the list: assign to a job, remove from one, or extend the GDPR expiry; the same
/// preview → `y` → result → retry flow as bulk status moves.
@Suite("Bulk jobs and GDPR in the editor")
struct BulkJobsAndGDPRTests {
    /// The screen fixtures' list with Jana, Tomáš and 王小明 marked.
    static func marked() -> AppModel {
        var m = ScreenFixtures.list()
        for _ in 0..<3 { _ = m.update(.key(.char(" "))) }
        return m
    }

    static func choose(_ m: inout AppModel, _ value: String) -> [Effect] {
        guard let index = m.menu()?.items.firstIndex(where: { $0.value == value }) else {
            Issue.record("no \(value) in \(String(describing: m.menu()))"); return []
        }
        return m.update(.menuChosen(index))
    }

    @Test("a with marks → Assign to job → the job → preview (skipped listed with the reason) → y runs exactly that plan")
    func assignFlow() {
        var m = Self.marked()
        _ = m.update(.key(.char("a")))
        #expect(m.overlay == .bulkActions)
        #expect(m.menu()?.title == "Change 3 marked")
        #expect(m.menu()?.items.map(\.label) == ["Assign to job…", "Remove from job…", "Extend GDPR expiry…"])
        _ = Self.choose(&m, "assign")
        #expect(m.menu()?.title == "Assign 3 marked to job")
        #expect(m.menu()?.items.map(\.detail) == ["1 already assigned · Praha", "2 already assigned · Bratislava"])
        _ = Self.choose(&m, "job-ios")
        let people = ScreenFixtures.people
        let plan = BulkChangePlan.addingJob(id: "job-ios", title: "Senior iOS Engineer", to: m.marks.candidates.map { m.list.candidate(id: $0.id)! })
        #expect(m.overlay == .bulkChangePreview(plan))
        #expect(plan.sendCount == 1)
        let lines = m.scrollLines()
        #expect(lines?.title == "Assign to job")
        #expect(lines?.header.first == "Assign 1 candidate to Senior iOS Engineer; 2 skipped (already assigned)")
        #expect(lines?.body.lines(from: 0, count: 3).sorted() == [
            "Jana Nováková — skipped: already assigned", "Tomáš Šťastný — skipped: already assigned", "王 小明 → +Senior iOS Engineer",
        ])
        #expect(lines?.footer == "Send 1 change? (y/N)")
        #expect(m.keyContext() == .bulkPreview)
        #expect(m.update(.key(.char("y"))) == [.runBulk(plan)])
        #expect(m.bulkStatusLine()?.hasPrefix("Assigning to Senior iOS Engineer") == true)
        #expect(people[2].jobIds.isEmpty)
    }

    @Test("Remove from job offers the jobs the marked have, most assigned first; Enter previews; n sends nothing")
    func removeFlow() {
        var m = Self.marked()
        _ = m.update(.key(.char("a")))
        _ = Self.choose(&m, "remove")
        #expect(m.menu()?.items.map(\.label) == ["Senior iOS Engineer", "Customer Success Manager"])
        #expect(m.menu()?.items.map(\.detail) == ["2 assigned · Bratislava", "1 assigned · Praha"])
        _ = Self.choose(&m, "job-csm")
        guard case .bulkChangePreview(let plan)? = m.overlay else { Issue.record("no preview: \(String(describing: m.overlay))"); return }
        #expect(plan.goal == .removeJob(id: "job-csm", title: "Customer Success Manager"))
        #expect(plan.sendCount == 1)
        #expect(m.update(.key(.char("n"))).isEmpty)
        #expect(m.overlay == nil)
        #expect(m.flash?.text == "Nothing sent")
    }

    @Test("GDPR prompt: bad input stays with the reason; +12 previews today + 12 months; Esc closes")
    func gdprPrompt() {
        var m = Self.marked()
        _ = m.update(.key(.char("a")))
        _ = Self.choose(&m, "gdpr")
        #expect(m.keyContext() == .expiryPrompt)
        m.type("2026-13-01")
        #expect(m.update(.key(.enter)).isEmpty)
        guard case .expiryPrompt(let prompt)? = m.overlay else { Issue.record("the prompt closed"); return }
        #expect(prompt.editor.text == "2026-13-01", "typing kept")
        #expect(prompt.message == "\"2026-13-01\" is neither a day (YYYY-MM-DD) nor months from today (+12, +12m)")
        let panel = m.expiryPromptLines(prompt)
        #expect(panel.lines.dropFirst(5).joined(separator: " ") == prompt.message, "the reason, wrapped")
        #expect(panel.lines.allSatisfy { DisplayText.width($0) <= 52 })
        #expect(panel.lines[3] == "> 2026-13-01")
        // `?` is typed here, not help.
        _ = m.update(.key(.char("?")))
        #expect(m.help == nil)
        _ = m.update(.key(.ctrl("u")))
        m.type("2026-11-29")
        _ = m.update(.key(.enter))
        if case .expiryPrompt(let p)? = m.overlay { #expect(p.message?.hasSuffix("must be after today (2026-11-29)") == true) }
        else { Issue.record("today was accepted") }
        _ = m.update(.key(.ctrl("u")))
        m.type("+12")
        _ = m.update(.key(.enter))
        let until = CalendarDay(year: 2027, month: 11, day: 29)!
        let plan = BulkChangePlan.gdprExpiry(until: until, candidates: m.marks.candidates.map { m.list.candidate(id: $0.id)! })
        #expect(m.overlay == .bulkChangePreview(plan))
        #expect(m.scrollLines()?.header == ["Extend the GDPR expiry of 3 candidates to 2027-11-29",
                                            "Each is read again just before: an expiry already that day or later is skipped, never shortened"])
        #expect(m.update(.key(.char("y"))) == [.runBulk(plan)])

        var closed = Self.marked()
        _ = closed.update(.key(.char("a")))
        _ = Self.choose(&closed, "gdpr")
        _ = closed.update(.key(.escape))
        #expect(closed.overlay == nil)
    }

    @Test("without marks, a acts on the candidate under the cursor, as s does")
    func withoutMarks() {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("a")))
        #expect(m.menu()?.title == "Change Jana Nováková")
        _ = Self.choose(&m, "assign")
        _ = Self.choose(&m, "job-csm")
        guard case .bulkChangePreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
        #expect(plan.items.map(\.candidate.id) == [ScreenFixtures.people[0].id])
        // Everything skipped: no preview, the reason instead.
        var again = ScreenFixtures.list()
        _ = again.update(.key(.char("a")))
        _ = Self.choose(&again, "assign")
        _ = Self.choose(&again, "job-ios")
        #expect(again.overlay == nil)
        #expect(again.flash?.text == "Nothing to send: the candidate is skipped (already assigned)")
    }

    @Test("r on the result retries the same change for the failed and not attempted only, through a preview")
    func retryAnyGoal() {
        var m = Self.marked()
        _ = m.update(.key(.char("a")))
        _ = Self.choose(&m, "gdpr")
        m.type("2027-06-30")
        _ = m.update(.key(.enter))
        guard case .bulkChangePreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
        _ = m.update(.key(.char("y")))
        let (a, b, c) = (plan.items[0].candidate, plan.items[1].candidate, plan.items[2].candidate)
        var extended = a
        extended.gdprExpiryDate = "2027-06-30"
        let results = [
            BulkItemResult(id: a.id, name: a.fullName, from: a.status, outcome: .moved(extended)),
            BulkItemResult(id: b.id, name: b.fullName, from: b.status, outcome: .failed(.http(HTTPFailure(status: 503, messages: [])), attempts: 8)),
            BulkItemResult(id: c.id, name: c.fullName, from: c.status, outcome: .notAttempted),
        ]
        _ = m.update(.bulk(.finished(BulkReport(goal: plan.goal, results: results, cancelled: true))))
        #expect(m.overlay == .bulkResult)
        #expect(m.scrollLines()?.body.lines(from: 0, count: 3).last == "extended       \(m.listedNames.label(id: a.id, name: a.fullName)) → GDPR 2027-06-30")
        #expect(m.update(.key(.char("r"))).isEmpty)
        let retry = BulkChangePlan(goal: plan.goal, items: [plan.items[1], plan.items[2]])
        #expect(m.overlay == .bulkChangePreview(retry))
        #expect(m.update(.key(.char("y"))) == [.runBulk(retry)])
    }

    @Test("a while a bulk change runs, or while * still marks, says so and opens nothing")
    func refusedWhileBusy() {
        var marking = model((0..<50).map { candidate($0) }, total: 120)
        _ = marking.update(.key(.char("*")))
        #expect(marking.list.markAllPending)
        _ = marking.update(.key(.char("a")))
        #expect(marking.overlay == nil)
        #expect(marking.flash?.text.hasSuffix("· a works when all are marked") == true)

        var m = Self.marked()
        _ = m.update(.key(.char("s")))
        _ = m.update(.key(.enter))
        _ = m.update(.key(.char("y")))
        #expect(m.bulk != nil)
        _ = m.update(.key(.char("a")))
        #expect(m.overlay == nil)
        #expect(m.flash?.text == "A bulk change is running — Esc cancels it")
    }

    @Test("the GDPR prompt puts the terminal cursor after the typed text")
    func promptCursor() {
        var m = Self.marked()
        _ = m.update(.key(.char("a")))
        _ = Self.choose(&m, "gdpr")
        m.type("+6")
        var grid = CellGrid(rows: 24, cols: 80, utf8: true)
        var state = ViewState()
        AppView.draw(m, &state, on: &grid)
        let text = grid.text
        let row = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("> +6") }
        #expect(row != nil)
        #expect(state.promptCursor?.y == row)
        #expect(grid.cursor == state.promptCursor)
    }
}
