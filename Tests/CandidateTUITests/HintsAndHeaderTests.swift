import CandidateCore
import Testing
@testable import CandidateTUI

/// The bottom line keeps the keys that matter (quit, yes/no, save) at any width, drops the rest
/// least important first, and names the keys of the prompt that is open.
@Test func keyHintsFitTheWidthAndKeepTheEssentials() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    let full = KeyHint.line(m.keyHints(), width: 500)
    #expect(full.hasPrefix("↑↓ move · Enter edit") && full.hasSuffix("q quit"))
    for width in [40, 60, 80, 100] {
        let line = KeyHint.line(m.keyHints(), width: width)
        #expect(DisplayText.width(line) <= width || line.split(separator: "·").count == m.keyHints().filter { $0.priority == 0 }.count)
        #expect(line.hasSuffix("q quit"), "width \(width): \(line)")
    }
    #expect(KeyHint.line(m.keyHints(), width: 80, utf8: false).hasPrefix("Up/Down move | "))
    _ = m.update(.draftsFound([CandidateDraft(Candidate(id: "a", firstName: "A", lastName: "B"))]))
    #expect(KeyHint.line(m.keyHints(), width: 80) == "r review · d discard · l/Esc later")
}

/// The sorted column's title carries the direction; the layout stays aligned.
@Test func theSortedColumnTitleShowsTheDirection() {
    // Wide enough for every column (at 80 the list drops jobs, rating and updated).
    let layout = ListLayout(width: 120)
    let plain = layout.headerLine()
    #expect(!plain.contains("↑") && !plain.contains("↓"))
    let byRating = layout.headerLine(sortedBy: .rating, descending: true)
    #expect(byRating.contains("Ratin↓"), "the arrow shows even where the title fills its column")
    #expect(DisplayText.width(byRating) == DisplayText.width(plain))
    #expect(layout.headerLine(sortedBy: .name, descending: false, utf8: false).contains("Name^"))
    #expect(layout.headerLine(sortedBy: .updated, descending: true).contains("Updated↓"))
}
