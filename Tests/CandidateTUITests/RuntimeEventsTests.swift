import CandidateCore
import Testing
@testable import CandidateTUI

/// What the runtime reports (the terminal, its size) changes the model through `update` like
/// any event, and the model asks for draft files as effects.
@Suite("Runtime events and draft effects")
struct RuntimeEventsTests {
    @Test("with a draft store, start looks for drafts and every edit is kept, a discard deletes it")
    func draftsAreEffects() {
        var m = model((0..<3).map { candidate($0) })
        #expect(m.update(.terminalReady(utf8: true, rows: 24, cols: 80, keepsDrafts: true, warning: nil)) == [.findDrafts])
        m.openForm()
        let effects = m.update(.key(.char("x")))
        guard case .keepDraft(let draft)? = effects.first else { Issue.record("no keepDraft: \(effects)"); return }
        #expect(draft.firstName == "First0x")
        _ = m.update(.key(.escape))
        #expect(m.update(.key(.char("y"))) == [.discardDrafts([candidateId(0)])])
    }

    @Test("without a draft store, edits ask for no draft files")
    func noStoreNoDraftEffects() {
        var m = model([candidate(0)])
        #expect(m.update(.terminalReady(utf8: true, rows: 24, cols: 80, keepsDrafts: false, warning: "note")) == [])
        #expect(m.flash?.text == "note")
        m.openForm()
        #expect(m.update(.key(.char("x"))) == [])
    }

    @Test("below the minimum size only q works, and it quits")
    func tooSmallOnlyQuits() {
        var m = model((0..<3).map { candidate($0) })
        _ = m.update(.resized(rows: 10, cols: 40))
        #expect(m.update(.key(.down)) == [])
        #expect(m.list.cursor == 0)
        _ = m.update(.key(.char("q")))
        #expect(m.quit)
    }

    @Test("in a non-UTF-8 terminal a field with non-ASCII text is not edited blind")
    func nonUTF8RefusesBlindEdits() {
        var c = candidate(0)
        c.firstName = "Šimon"
        var m = model([c])
        _ = m.update(.terminalReady(utf8: false, rows: 24, cols: 80, keepsDrafts: false, warning: nil))
        m.openForm()
        _ = m.update(.key(.char("x")))
        #expect(m.form?.draft.firstName == "Šimon")
        #expect(m.flash?.text.contains("UTF-8") == true)
    }
}
