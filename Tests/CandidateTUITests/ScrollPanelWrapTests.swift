import CandidateCore
import Testing
@testable import CandidateTUI

/// A scrolling panel's lines wrap onto up to three rows; what does not fit is counted, never
/// dropped silently.
@Suite("Scrolling panel lines")
struct ScrollPanelWrapTests {
    let body = ScrollBody(count: 4) { ["short", "a line that is longer than the panel is wide", "tiny", "x"][$0] }

    @Test("a line that fits stays whole; a longer one wraps with its rest indented")
    func wraps() {
        let shown = ScrollPanel.wrapped(body, from: 0, rows: 10, width: 20)
        #expect(shown.lines == ["short", "a line that is", "  longer than the", "  panel is wide", "tiny", "x"])
        #expect(shown.items == 4)
    }

    @Test("a line whose rows no longer fit shows its first row cut, and counts as shown")
    func lastLineCut() {
        let shown = ScrollPanel.wrapped(body, from: 0, rows: 2, width: 20)
        #expect(shown.lines == ["short", "a line that is long…"])
        #expect(shown.items == 2)
        #expect(ScrollPanel.wrapped(body, from: 2, rows: 1, width: 20) == (["tiny"], 1))
        #expect(ScrollPanel.wrapped(body, from: 0, rows: 0, width: 20).items == 0)
    }
}
