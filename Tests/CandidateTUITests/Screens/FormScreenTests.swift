import CandidateCore
import Testing
@testable import CandidateTUI

/// The form on Jana Nováková after F2 refused a phone number: the changed fields carry `*`, the
/// message stands beside the field in the error colour, the focus and the terminal cursor are
/// on the phone number.
@Suite("Screen: the form")
struct FormScreenTests {
    static var model: AppModel { ScreenFixtures.formWithError() }

    @Test("the form at 80×24")
    func formUsual() {
        let grid = renderScreen(Self.model, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                2 changed
         Edit Jana Nováková
         First name      Jana
         Last name     * Nováková-Horváth
         Email           jana.novakova@example.com
        ▸Phone         * 0905 12                                    ! must be E.164: +…
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engineer
         Metadata        (empty)
         CV              (empty)

         ! Phone: must be E.164: + country code and digits, e.g. +421905123456
         Id 00000000-0000-4000-8000-000000000000
         Rating 4 · Analyses 0 · Interviews 0
         Created – · Updated 2026-11-20T09:00:00.000Z




         Not saved — 1 field needs fixing: Phone: must be E.164: + country code and
         digits, e.g. +421905123456
        Tab/↓ next · S-Tab/↑ prev · Enter menu/editor · F2/^S save · F1 help · Esc back
        """)
    }

    @Test("the form at 50×16")
    func formNarrow() {
        let grid = renderScreen(Self.model, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:… 2 changed
         Edit Jana Nováková
         First name      Jana
         Last name     * Nováková-Horváth
         Email           jana.novakova@e…
        ▸Phone         * 0905 12           ! must be E.1…
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engi…
         Metadata        (empty)
         CV              (empty)

         Not saved — 1 field needs fixing: Phone: must be
         E.164: + country code and digits, e.g. +4219051…
        F2/^S save · ^G whole message · Esc back
        """)
    }

    @Test("the form at 160×40")
    func formWide() {
        let grid = renderScreen(Self.model, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                                2 changed
         Edit Jana Nováková
         First name      Jana
         Last name     * Nováková-Horváth
         Email           jana.novakova@example.com
        ▸Phone         * 0905 12                                           ! must be E.164: + country code and digits, e.g. +421905123456
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engineer
         Metadata        (empty)
         CV              (empty)

         Id 00000000-0000-4000-8000-000000000000
         Rating 4 · Analyses 0 · Interviews 0
         Created – · Updated 2026-11-20T09:00:00.000Z






















         Not saved — 1 field needs fixing: Phone: must be E.164: + country code and digits, e.g. +421905123456
        Tab/↓ next · S-Tab/↑ prev · Enter menu/editor · ^U clear · F2/^S save · F1 help · Esc back
        """)
    }

    @Test("the error is bold in the error colour, the focused field has the marker and the terminal cursor")
    func attributes() throws {
        let m = Self.model
        let phoneRow = try 2 + #require(CandidateField.allCases.firstIndex(of: .phoneNumber))
        for (cols, rows) in [ScreenSize.usual, ScreenSize.narrow, ScreenSize.wide] {
            let grid = renderScreen(m, cols: cols, rows: rows)
            let error = try #require(grid.position(of: "! must be"), "\(cols)×\(rows)")
            #expect(error.y == phoneRow)
            let errorWidth = DisplayText.width(grid.line(phoneRow)) - error.x
            #expect(grid.styles(phoneRow, error.x, count: errorWidth).allSatisfy { $0 == CellStyle(bold: true, color: .error) })
            #expect(grid.line(phoneRow).hasPrefix("▸Phone"))
            #expect(grid.style(phoneRow, 0) == .bold && grid.style(phoneRow, 1) == .bold, "the marker and the label are bold")
            #expect(grid.style(2, 1) == .plain, "an unfocused label is plain")
            #expect(grid[phoneRow, FormView.labelWidth + 2].text == "*" && grid[3, FormView.labelWidth + 2].text == "*", "changed fields")
            #expect(grid[2, FormView.labelWidth + 2].text == " ", "First name is unchanged")
            let fieldWidth = FormView.fieldWidth(cols: cols)
            #expect(grid.styles(phoneRow, FormView.fieldLeft, count: fieldWidth).allSatisfy { $0 == .underline }, "the field's cells")
            #expect(grid.cursor == CellPosition(y: phoneRow, x: FormView.fieldLeft + DisplayText.width("0905 12")))
            let flash = try #require(grid.position(of: "Not saved"))
            // The message wraps onto the rows above the key hints, ending on the one above them.
            let lines = m.messageLayout(rows: rows, cols: cols).flashRows
            #expect(flash.y == rows - 1 - lines && grid.style(flash.y, flash.x) == CellStyle(bold: true, color: .error))
            #expect(grid.style(rows - 2, 1) == CellStyle(bold: true, color: .error))
        }
    }

    @Test("a long value scrolls in its field so the cursor stays visible; the cursor cell follows wide characters")
    func fieldScroll() {
        var m = ScreenFixtures.list()
        m.openForm()
        m.typeInto(.firstName, String(repeating: "王", count: 30))
        var state = ViewState()
        var grid = CellGrid(rows: 24, cols: 80)
        AppView.draw(m, &state, on: &grid)
        let width = FormView.fieldWidth(cols: 80)
        #expect(state.fieldScroll?.field == .firstName)
        #expect((state.fieldScroll?.scroll ?? 0) > 0, "60 cells do not fit in \(width)")
        let cursor = grid.cursor
        #expect(cursor?.y == 2)
        #expect((cursor?.x ?? 0) <= FormView.fieldLeft + width && (cursor?.x ?? 0) > FormView.fieldLeft)
        _ = m.update(.key(.home))
        AppView.draw(m, &state, on: &grid)
        #expect(state.fieldScroll?.scroll == 0)
        #expect(grid.cursor == CellPosition(y: 2, x: FormView.fieldLeft))
    }
}
