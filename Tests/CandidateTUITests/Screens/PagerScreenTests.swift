import CandidateCore
import Testing
@testable import CandidateTUI

/// The pager on the CV: a screenful with the search's matches highlighted, wrapped and not.
@Suite("Screen: the pager")
struct PagerScreenTests {
    /// The CV of `PagerTests` open at 80×24, searched for "swift".
    static func searched(cols: Int = 80, rows: Int = 24) -> AppModel {
        var m = PagerTests.listWithCV()
        _ = m.update(.resized(rows: rows, cols: cols))
        _ = m.update(.key(.char("c")))
        for key: Key in [.char("/"), .char("s"), .char("w"), .char("i"), .char("f"), .char("t"), .enter] { _ = m.update(.key(key)) }
        return m
    }

    @Test("80×24: the match under the cursor bold and reversed, the others reversed, the rest plain")
    func searchHighlight() throws {
        let m = Self.searched()
        let grid = renderScreen(m, cols: 80, rows: 24)
        expectScreen(grid, """
         CV — First0 Last0
        Line 1: something else
        Line 2: something else
        Line 3: something else
        Line 4: something else
        Line 5: something else
        Line 6: something else
        Line 7: something else
        Line 8: something else
        Line 9: something else
        Line 10: something else
        Line 11: something else
        Line 12: something else
        Line 13: something else
        Line 14: something else
        Line 15: something else
        Line 16: something else
        Line 17: something else
        Line 18: something else
        Line 19: something else
        Line 20: Swift and SwiftUI on iOS
        Line 21: something else
         lines 1–21 of 60 · wrap · match 1 of 6 for /swift
        ↑↓ PgUp/PgDn scroll · / search · n/N next/prev · w no wrap · q close
        """)
        let first = try #require(grid.position(of: "Swift and"))
        #expect(grid.styles(first.y, first.x, count: 5).allSatisfy { $0 == CellStyle(bold: true, reverse: true) })
        #expect(grid.styles(first.y, first.x + 10, count: 5).allSatisfy { $0 == .reverse }, "SwiftUI's Swift")
        #expect(grid.styles(first.y, first.x + 15, count: 2).allSatisfy { $0 == .plain })
        #expect(grid.cursor == nil)
    }

    @Test("the / prompt shows the terminal cursor after the typed text")
    func promptCursor() {
        var m = Self.searched()
        _ = m.update(.key(.char("/")))
        _ = m.update(.key(.char("a")))
        let grid = renderScreen(m, cols: 80, rows: 24)
        #expect(grid.line(22) == "/a")
        #expect(grid.cursor == CellPosition(y: 22, x: 2))
    }

    static let longCV = """
        Jana Nováková — Senior iOS Engineer
        2019–2026  Lead iOS engineer at a payments company in Bratislava, later at a fintech in Vienna.
        2015–2019  iOS developer at an agency.
        """

    @Test("50×16 wrapped: a long line takes several rows, broken after a space")
    func wrapped() {
        var m = PagerTests.listWithCV()
        _ = m.update(.resized(rows: 16, cols: 50))
        m.setOverlay(.pager(PagerModel(title: "CV — Jana Nováková", text: Self.longCV)))
        let grid = renderScreen(m, cols: 50, rows: 16)
        expectScreen(grid, """
         CV — Jana Nováková
        Jana Nováková — Senior iOS Engineer
        2019–2026  Lead iOS engineer at a payments
        company in Bratislava, later at a fintech in
        Vienna.
        2015–2019  iOS developer at an agency.








         lines 1–5 of 5 · wrap
        ↑↓ PgUp/PgDn scroll · / search · q close
        """)
    }

    @Test("50×16 not wrapped: long lines cut; a search scrolls sideways to its match")
    func noWrap() {
        var m = PagerTests.listWithCV()
        _ = m.update(.resized(rows: 16, cols: 50))
        m.setOverlay(.pager(PagerModel(title: "CV — Jana Nováková", text: Self.longCV)))
        for key: Key in [.char("w"), .char("/"), .char("v"), .char("i"), .char("e"), .char("n"), .enter] { _ = m.update(.key(key)) }
        let grid = renderScreen(m, cols: 50, rows: 16)
        expectScreen(grid, """
         CV — Jana Nováková

        mpany in Bratislava, later at a fintech in Vienna.











         lines 1–3 of 3 · no wrap · match 1 of 1 for /vi…
        ↑↓ PgUp/PgDn scroll · / search · q close
        """)
    }
}
