import CandidateCore
import Testing
@testable import CandidateTUI

/// The list in low-bandwidth mode: an arrow marks the cursor row (no reverse video).
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
        #expect(grid.styles(3, 0, count: 16).allSatisfy { $0.isPlain }, "no attribute on the cursor row")
    }
}
