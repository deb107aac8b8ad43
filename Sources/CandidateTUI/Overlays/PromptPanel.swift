import CandidateCore

/// A boxed panel centred on the screen: the title on the top border, lines of text, and a
/// question (y/N, or the keys that answer) in bold above the bottom border.
///
/// ```
/// ┌─ Save 1 change ───────────────┐
/// │ Last name: Novák → Nováková   │
/// │                               │
/// │                               │
/// │ Send these changes? (y/N)     │
/// └───────────────────────────────┘
/// ```
/// Lines that do not fit end in a dim `↓ N more`; a panel scrolled down says `↑ N more` on
/// its top border. A question wider than the panel wraps (it names the keys that answer).
struct PromptPanel: Equatable, Sendable {
    var title: String
    var lines: [String]
    var question: String
    /// Lines scrolled off the top (shown as a hint on the top border).
    var moreAbove = 0
    /// Lines after `lines` that were not even made (added to the `↓ N more` hint).
    var moreBelow = 0
    /// The least content width in cells (a scrolling panel keeps its width).
    var minWidth = 20

    /// Lines of text a panel has room for on a screen of `screenRows` rows.
    static func room(screenRows: Int) -> Int { max(0, screenRows - 8) }

    /// Draws the panel over whatever the canvas holds. Returns where `cursorAt` (a line of
    /// `lines` and a column in it) is on the screen, when that line is shown.
    @discardableResult
    func draw<C: Canvas>(on canvas: inout C, cursorAt: CellPosition? = nil) -> CellPosition? {
        // The title is drawn as " title " on the border: two cells more than its text.
        let contentWidth = max(([question] + lines).map(DisplayText.width).max() ?? 20, DisplayText.width(title) + 2, minWidth, 20)
        let width = min(contentWidth + 4, max(10, canvas.cols - 2))
        let asked = DisplayText.wrap(DisplayText.sanitize(question), to: max(1, width - 4))
        let room = max(0, Self.room(screenRows: canvas.rows) - (asked.count - 1))
        let cut = lines.count > room || moreBelow > 0
        let shownLines = Array(lines.prefix(cut ? max(0, room - 1) : room))
        let height = shownLines.count + (shownLines.isEmpty ? 4 : 5) + (cut ? 1 : 0) + asked.count - 1
        let top = max(0, (canvas.rows - height) / 2), left = max(0, (canvas.cols - width) / 2)
        canvas.fill(y: top, x: left, rows: height, cols: width, style: .plain)
        canvas.frame(y: top, x: left, rows: height, cols: width)
        canvas.put(top, left + 2, " \(title) ", width: width - 4, style: .bold)
        if moreAbove > 0 { canvas.put(top, left + max(2, width - 16), " ↑ \(moreAbove) more ", width: 14) }
        for (i, line) in shownLines.enumerated() { canvas.put(top + 1 + i, left + 2, line, width: width - 4) }
        let questionTop = top + height - 1 - asked.count
        if cut {
            canvas.put(questionTop - 1, left + 2, "↓ \(lines.count - shownLines.count + moreBelow) more", width: width - 4, style: .dim)
        }
        for (i, line) in asked.enumerated() { canvas.write(questionTop + i, left + 2, shown: line, style: .bold) }
        guard let at = cursorAt, at.y < shownLines.count else { return nil }
        return CellPosition(y: top + 1 + at.y, x: min(left + width - 3, left + 2 + at.x))
    }
}
