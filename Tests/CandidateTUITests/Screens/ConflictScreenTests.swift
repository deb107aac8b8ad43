import CandidateCore
import Testing
@testable import CandidateTUI

/// The conflict view over the form: the server changed Jana's last name and phone while her
/// last name and email were edited here; the panel says what was taken, what is kept, and
/// asks per field.
@Suite("Screen: the conflict view")
struct ConflictScreenTests {
    static var model: AppModel { ScreenFixtures.conflict() }

    @Test("the conflict view at 80×24")
    func conflictUsual() {
        let grid = renderScreen(Self.model, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                2 changed
         Edit Jana Nováková
        ▸First name      Jana
         Last name     * Mine
         Email         * mine@example.com
         Phone           +421900000001
         GDPR ┌─ Changed on the server meanwhile ───────────────────────────────┐
         Statu│ Taken from the server: Phone                                    │
         Gende│ Your changes kept: Email                                        │
         Jobs │ Changed by both — choose per field (m mine, t theirs):          │
         Metad│ ▸ Last name [?]                                                 │
         CV   │     base:   Nováková                                            │
              │     mine:   Mine                                                │
         Id 00│     theirs: Theirs                                              │
         Ratin│                                                                 │
         Creat│                                                                 │
              │ ↑↓ field · m mine · t theirs · Enter review and send · Esc back │
              └─────────────────────────────────────────────────────────────────┘




         Jana Theirs changed on the server since you opened it — nothing was sent
        ↑↓ field · m mine · t theirs · Enter review and send · Esc back
        """)
    }

    @Test("the conflict view at 50×16")
    func conflictNarrow() {
        let grid = renderScreen(Self.model, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:… 2 changed
         ┌─ Changed on the server meanwhile ────────────┐
        ▸│ Taken from the server: Phone                 │
         │ Your changes kept: Email                     │
         │ Changed by both — choose per field (m mine,… │
         │ ▸ Last name [?]                              │
         │     base:   Nováková                         │
         │     mine:   Mine                             │
         │     theirs: Theirs                           │
         │                                              │
         │                                              │
         │ ↑↓ field · m mine · t theirs · Enter review  │
         │ and send · Esc back                          │
         └──────────────────────────────────────────────┘
         Jana Theirs changed on the server since you ope…
        m mine · t theirs · Esc back
        """)
    }

    @Test("the conflict view at 160×40")
    func conflictWide() {
        let grid = renderScreen(Self.model, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                                2 changed
         Edit Jana Nováková
        ▸First name      Jana
         Last name     * Mine
         Email         * mine@example.com
         Phone           +421900000001
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engineer
         Metadata        (empty)
         CV              (empty)

         Id 00000000-0000-4000-8000-000000000000
         Rating 4 · Analyses 0 · Interviews 0         ┌─ Changed on the server meanwhile ───────────────────────────────┐
         Created – · Updated 2026-11-20T09:00:00.000Z │ Taken from the server: Phone                                    │
                                                      │ Your changes kept: Email                                        │
                                                      │ Changed by both — choose per field (m mine, t theirs):          │
                                                      │ ▸ Last name [?]                                                 │
                                                      │     base:   Nováková                                            │
                                                      │     mine:   Mine                                                │
                                                      │     theirs: Theirs                                              │
                                                      │                                                                 │
                                                      │                                                                 │
                                                      │ ↑↓ field · m mine · t theirs · Enter review and send · Esc back │
                                                      └─────────────────────────────────────────────────────────────────┘












         Jana Theirs changed on the server since you opened it — nothing was sent
        ↑↓ field · m mine · t theirs · Enter review and send · Esc back
        """)
    }

    @Test("the title and the keys are bold; the form's cursor hides under the panel")
    func attributes() throws {
        let grid = renderScreen(Self.model)
        let title = try #require(grid.position(of: "Changed on the server meanwhile"))
        #expect(grid.style(title.y, title.x) == .bold)
        let keys = try #require(grid.position(of: "↑↓ field · m mine"))
        #expect(keys.y < 22 && grid.style(keys.y, keys.x) == .bold, "the panel's question, not the key hints")
        #expect(grid.cursor == nil)
    }
}
