import CandidateCore
import Testing
@testable import CandidateTUI

/// The status menu of Tomáš Šťastný (IN_PROCESS), the cursor moved to its second item: next
/// steps first, a dim heading, the overrides.
@Suite("Screen: a menu")
struct MenuScreenTests {
    static var model: AppModel { ScreenFixtures.statusMenu() }

    @Test("the status menu at 80×24")
    func menuUsual() {
        let grid = renderScreen(Self.model, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind             8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
          Eva Kováčová      APPLIED    eva.kovacova@example.com
          Martin Dvořák     UNDE┌─ Tomáš Šťastný: IN_PROCESS ─┐
          Lucia Bieliková   IN_P│                             │com     +421905555666
          Ondrej Veselý     APPL│   ACCEPTED    next step     │m
                                │ > REJECTED    next step     │
                                │   ── Other ──               │
                                │   UNDEFINED   override      │
                                │   APPLIED     override      │
                                │                             │
                                └─────────────────────────────┘







        ↑↓ move · Enter choose · Esc cancel
        """)
    }

    @Test("the status menu at 50×16")
    func menuNarrow() {
        let grid = renderScreen(Self.model, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0… 8 candidates
          Name             Status     Email
          Jana Nováková    APPLIED    jana.novakova@exam…
          Tomáš Š┌─ Tomáš Šťastný: IN_PROCESS ─┐tny@exam…
          王 小明│                             │le.com
          Peter H│   ACCEPTED    next step     │ath@exam…
          Eva Kov│ > REJECTED    next step     │va@examp…
          Martin │   ── Other ──               │
          Lucia B│   UNDEFINED   override      │ikova@ex…
          Ondrej │   APPLIED     override      │ely@exam…
                 │                             │
                 └─────────────────────────────┘



        ↑↓ move · Enter choose · Esc cancel
        """)
    }

    @Test("the status menu at 160×40")
    func menuWide() {
        let grid = renderScreen(Self.model, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                             8 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28





                                                                        ┌─ Tomáš Šťastný: IN_PROCESS ─┐
                                                                        │                             │
                                                                        │   ACCEPTED    next step     │
                                                                        │ > REJECTED    next step     │
                                                                        │   ── Other ──               │
                                                                        │   UNDEFINED   override      │
                                                                        │   APPLIED     override      │
                                                                        │                             │
                                                                        └─────────────────────────────┘















        ↑↓ move · Enter choose · Esc cancel
        """)
    }

    @Test("the item under the cursor is reverse video after a plain `> `; the heading is dim; the title bold")
    func attributes() throws {
        for (cols, rows) in [ScreenSize.usual, ScreenSize.narrow, ScreenSize.wide] {
            let grid = renderScreen(Self.model, cols: cols, rows: rows)
            let current = try #require(grid.position(of: "> REJECTED"), "\(cols)×\(rows)")
            #expect(grid.styles(current.y, current.x, count: 2).allSatisfy { $0 == .plain }, "the mark")
            // Label (9) + a space + detail column (9): the whole item, not the panel's padding.
            let item = DisplayText.width("REJECTED    next step")
            #expect(grid.styles(current.y, current.x + 2, count: item).allSatisfy { $0 == .reverse })
            #expect(grid.style(current.y, current.x + 2 + item) == .plain)
            let other = try #require(grid.position(of: "ACCEPTED"))
            #expect(grid.style(other.y, other.x) == .plain)
            let heading = try #require(grid.position(of: "── Other ──"))
            #expect(grid.style(heading.y, heading.x) == .dim)
            let title = try #require(grid.position(of: "Tomáš Šťastný: IN_PROCESS"))
            #expect(grid.style(title.y, title.x) == .bold)
            #expect(grid.cursor == nil)
        }
    }

    @Test("a toggle list names its keys on the bottom border, ASCII ones without UTF-8")
    func togglePicker() {
        var m = ScreenFixtures.list()
        m.openForm()
        m.form?.focus = .jobIds
        _ = m.update(.key(.enter))
        _ = m.update(.key(.char(" ")))
        let grid = renderScreen(m)
        #expect(grid.position(of: "Jobs: 2 selected") != nil, "Space added the job under the cursor to Jana's one")
        #expect(grid.position(of: "> [x] Customer Success Manager Praha") != nil)
        #expect(grid.position(of: " Space toggle · Enter keep · Esc cancel ") != nil)
        let ascii = renderScreen(m, utf8: false)
        #expect(ascii.position(of: " Space toggle, Enter keep, Esc cancel ") != nil)
        #expect(ascii.position(of: "+-") != nil && ascii.position(of: "┌") == nil, "an ASCII box")
    }

    @Test("a menu longer than the panel scrolls a line at a time to keep its cursor in sight")
    func scrolling() {
        #expect(MenuPanel.top(cursor: 0, count: 30, visible: 10, previous: 0) == 0)
        #expect(MenuPanel.top(cursor: 9, count: 30, visible: 10, previous: 0) == 0)
        #expect(MenuPanel.top(cursor: 10, count: 30, visible: 10, previous: 0) == 1, "one line down, the cursor on the last row")
        #expect(MenuPanel.top(cursor: 10, count: 30, visible: 10, previous: 5) == 5, "in sight: no scroll")
        #expect(MenuPanel.top(cursor: 4, count: 30, visible: 10, previous: 5) == 4, "one line up, the cursor on the first row")
        #expect(MenuPanel.top(cursor: 29, count: 25, visible: 10, previous: 0) == 15, "never past the last item")
        #expect(MenuPanel.top(cursor: 3, count: 5, visible: 10, previous: 4) == 0)
        // The frames a user sees: 31 items (All jobs, Job 0…29) in a panel of 10 at 50×16.
        var m = ScreenFixtures.list()
        _ = m.update(.jobsLoaded((0..<30).map { Job(id: "job-\($0)", title: "Job \($0)") }))
        _ = m.update(.key(.char("J")))
        var state = ViewState()
        func frame() -> CellGrid {
            var grid = CellGrid(rows: 16, cols: 50, utf8: true)
            AppView.draw(m, &state, on: &grid)
            return grid
        }
        _ = frame()
        for _ in 0..<12 {
            _ = m.update(.key(.down))
            _ = frame()
        }
        var grid = frame()
        #expect(grid.position(of: "> Job 11") != nil)
        // Item 12 on the last row: items 3…12 (Job 2…Job 11) are shown.
        #expect(grid.position(of: "Job 1 ") == nil && grid.position(of: "Job 2 ") != nil && grid.position(of: "Job 12") == nil)
        _ = m.update(.key(.up))
        grid = frame()
        #expect(grid.position(of: "> Job 10") != nil)
        #expect(grid.position(of: "Job 2 ") != nil && grid.position(of: "Job 11") != nil, "moving up inside the view does not scroll")
    }
}
