import CandidateCore
import Testing
@testable import CandidateTUI

/// The list with two marks (one hidden by the search), the search "ová" kept and the sort by
/// name: the header names the filter and counts marks, the Name title carries the arrow.
@Suite("Screen: the list")
struct ListScreenTests {
    static var model: AppModel { ScreenFixtures.markedFilteredSortedList() }

    @Test("the list at 80×24")
    func listUsual() {
        let grid = renderScreen(Self.model, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · filter: /ová · … 2 marked (1 hidden by filter) · 3 / 8 candidates
          Name↑             Status     Email                           Phone
          Eva Kováčová      APPLIED    eva.kovacova@example.com
        * Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com     +421905555666

















         Sorted by name
        ↑↓ move · Enter edit · s status · / search · Space mark · ? help · q quit
        """)
    }

    @Test("the list at 50×16")
    func listNarrow() {
        let grid = renderScreen(Self.model, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · filter… 2 marked (1 hidden) · 3 / 8
          Name↑            Status     Email
          Eva Kováčová     APPLIED    eva.kovacova@examp…
        * Jana Nováková    APPLIED    jana.novakova@exam…
          Lucia Bieliková  IN_PROCESS lucia.bielikova@ex…









         Sorted by name
        Enter edit · s status · ? help · q quit
        """)
    }

    @Test("the list at 160×40")
    func listWide() {
        let grid = renderScreen(Self.model, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · filter: /ová · local sandbox 127.0.0.1:8080 · Northwind                                          2 marked (1 hidden by filter) · 3 / 8 candidates
          Name↑                                                             Status     Email                                    Phone            Jobs Rating Updated
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
        * Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25

































         Sorted by name
        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · v range · * all · u unmark · r reload · : command · ? help · q quit
        """)
    }

    @Test("the cursor row is reverse video over the mark column and the name only; header and titles keep their attributes")
    func attributes() throws {
        let m = Self.model
        for (cols, rows) in [ScreenSize.usual, ScreenSize.narrow, ScreenSize.wide] {
            let grid = renderScreen(m, cols: cols, rows: rows)
            let layout = ListLayout(width: cols - 1, statusWidth: m.list.statusColumnWidth)
            let y = 2 + m.list.cursor
            let cursorName = m.list.row(m.list.cursor).fullName
            #expect(grid.line(y).contains(String(cursorName.prefix(8))))
            #expect(grid.styles(y, 0, count: layout.cursorWidth).allSatisfy { $0 == .reverse }, "\(cols)×\(rows): mark column and name")
            #expect(grid.styles(y, layout.cursorWidth, count: cols - layout.cursorWidth).allSatisfy { $0 == .plain },
                    "\(cols)×\(rows): the rest of the row is plain")
            for other in 2..<(2 + m.list.count) where other != y {
                #expect(grid.styles(other, 0, count: cols).allSatisfy { $0 == .plain }, "\(cols)×\(rows): row \(other) is plain")
            }
            #expect(grid.styles(0, 0, count: cols).allSatisfy { $0 == CellStyle(bold: true, reverse: true) }, "the header bar")
            let sortTitle = try #require(grid.position(of: "Name↑"))
            #expect(grid.style(sortTitle.y, sortTitle.x) == CellStyle(bold: true, underline: true))
            let hints = DisplayText.width(grid.line(rows - 1))
            #expect(grid.styles(rows - 1, 0, count: hints).allSatisfy { $0 == CellStyle(reverse: true, color: .dim) }, "the key hints")
            #expect(grid.cursor == nil, "no terminal cursor on the list")
        }
    }

    @Test("the search prompt shows the terminal cursor after the typed text")
    func searchCursor() {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("/")))
        m.type("王")
        let grid = renderScreen(m)
        #expect(grid.line(22) == "/王")
        #expect(grid.cursor == CellPosition(y: 22, x: 3), "after a character two cells wide")
    }

    @Test("a search wider than the prompt shows its end, where the typing is, with the cursor after it")
    func longSearchShowsItsEnd() {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("/")))
        let needle = String(repeating: "abcdefghij", count: 9) + "XYZ"
        m.type(needle)
        let grid = renderScreen(m)
        let line = grid.line(22)
        #expect(line.hasSuffix("XYZ"), "\(line)")
        #expect(DisplayText.width(line) <= 79)
        #expect(grid.cursor == CellPosition(y: 22, x: DisplayText.width(line)), "right after the last character typed")
    }

    @Test("the viewport follows the cursor only when it leaves the screen")
    func viewport() {
        var state = ViewState()
        // 50×16 shows 12 rows; 16 candidates need scrolling.
        let more = ScreenFixtures.people.enumerated().map { i, c -> Candidate in
            var d = c
            d.id = candidateId(100 + i)
            d.firstName += "2"
            return d
        }
        var m = ScreenFixtures.list(ScreenFixtures.people + more)
        for _ in 0..<12 { _ = m.update(.key(.down)) }
        var grid = CellGrid(rows: 16, cols: 50)
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 1, "the cursor on row 12 scrolls by one")
        _ = m.update(.key(.up))
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 1, "moving back up within the screen does not scroll")
        #expect(grid.style(2 + 11 - 1, 0) == .reverse)
    }
}
