import CandidateCore
import Testing
@testable import CandidateTUI

/// The list in low-bandwidth mode: an arrow marks the cursor row (no reverse video), and the
/// view jumps half a screen when the cursor leaves it.
@Suite("Screen: the list in low-bandwidth mode")
struct LowBandwidthScreenTests {
    /// 40 candidates, low-bandwidth.
    static var model: AppModel {
        let rows = (0..<40).map { candidate($0) }
        var m = ScreenFixtures.list(rows)
        m.options.lowBandwidth = true
        return m
    }

    @Test("an arrow between the mark and the name is the cursor")
    func arrowCursor() {
        var m = Self.model
        _ = m.update(.key(.char(" ")))
        let grid = renderScreen(m, cols: 80, rows: 24)
        #expect(grid.line(2).hasPrefix("* First0 Last0"))
        #expect(grid.line(3).hasPrefix(" >First1 Last1"))
        #expect(grid.style(3, 1) == .bold)
        #expect(grid.styles(3, 0, count: 16).allSatisfy { !$0.reverse }, "no reverse video on the cursor row")
    }

    @Test("the view jumps so the cursor is in its middle")
    func jumpScroll() {
        var m = Self.model
        var state = ViewState()
        var grid = CellGrid(rows: 24, cols: 80)
        for _ in 0..<19 { _ = m.update(.key(.down)) }
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 0, "row 19 is the last of the 20 shown")
        _ = m.update(.key(.down))
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 10, "row 20 left the view: it jumps 10 rows, the cursor in the middle")
        #expect(grid.line(12).hasPrefix(" >First20 Last…"))
        for _ in 0..<9 { _ = m.update(.key(.down)) }
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 10, "within the view: no scroll")
        _ = m.update(.key(.end))
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 20, "never past the last row")
        _ = m.update(.key(.home))
        AppView.draw(m, &state, on: &grid)
        #expect(state.listTop == 0)
    }
}
