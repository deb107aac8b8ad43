import CandidateCore
import Testing
@testable import CandidateTUI

/// What the root view draws around every screen: the too-small notice, the header's order,
/// and the ASCII forms of arrows and markers.
@Suite("Screen: the frame")
struct FrameScreenTests {
    @Test("below the minimum size only the notice shows, with the size it needs")
    func tooSmall() {
        let grid = renderScreen(ScreenFixtures.statusMenu(), cols: 49, rows: 20)
        expectScreen(grid, """
            Terminal too small
            need 50×16, have 49×20
            q quits; enlarge to continue
            """ + String(repeating: "\n", count: 17))
        #expect(grid.style(0, 0) == .bold && grid.style(1, 0) == .plain)
        #expect(grid.cursor == nil)
    }

    @Test("a narrow header never cuts the counts (shorter words instead); the left part (the filter before the connection) is cut")
    func headerOrder() {
        let grid = renderScreen(ScreenFixtures.markedFilteredSortedList(), cols: 60, rows: 16)
        #expect(grid.line(0) == " candidates · filter: /ová · l… 2 marked (1 hidden) · 3 / 8")
    }

    @Test("without UTF-8 the arrows, the focus marker and the key hints are ASCII")
    func ascii() {
        let list = renderScreen(ScreenFixtures.markedFilteredSortedList(), utf8: false)
        #expect(list.line(1).hasPrefix("  Name^"))
        #expect(list.line(23).hasPrefix("Up/Down move | Enter edit"))
        let form = renderScreen(ScreenFixtures.formWithError(), utf8: false)
        #expect(form.line(5).hasPrefix(">Phone"))
    }
}
