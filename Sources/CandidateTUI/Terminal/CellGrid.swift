import CandidateCore

/// An in-memory screen of cells: the canvas tests draw on and read back.
///
/// It keeps what a terminal keeps: per cell a character and its style. A character two cells
/// wide takes its cell and the next, a continuation cell; writing over either half blanks the
/// other half, as a terminal does. Text that runs past the right edge is cut (views cut text to
/// fit before it gets here). Widths are `DisplayText`'s, the ones curses counts.
struct CellGrid: Canvas, Sendable {
    /// One cell of the grid.
    struct Cell: Equatable, Sendable {
        /// The character shown: a grapheme cluster, `" "` for a blank, `""` for the right half
        /// of a wide character.
        var text: String
        /// Cells the character takes: 1 or 2, 0 for a continuation cell.
        var width: Int
        var style: CellStyle

        static let blank = Cell(text: " ", width: 1, style: .plain)
        var isContinuation: Bool { width == 0 }
    }

    let rows: Int
    let cols: Int
    let utf8: Bool
    /// Row after row, `cols` cells each.
    private(set) var cells: [Cell]
    /// Where the terminal cursor shows, or `nil` when hidden.
    private(set) var cursor: CellPosition?

    /// A blank screen of `rows` × `cols` cells.
    init(rows: Int, cols: Int, utf8: Bool = true) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.utf8 = utf8
        cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    // MARK: reading

    /// The cell at row `y`, column `x`.
    subscript(y: Int, x: Int) -> Cell {
        precondition(contains(y, x), "cell (\(y), \(x)) is outside the \(rows)×\(cols) grid")
        return cells[y * cols + x]
    }

    /// The style of the cell at row `y`, column `x`.
    func style(_ y: Int, _ x: Int) -> CellStyle { self[y, x].style }

    /// The styles of `count` cells from (`y`, `x`), one per cell.
    func styles(_ y: Int, _ x: Int, count: Int) -> [CellStyle] {
        (x..<min(cols, x + count)).map { style(y, $0) }
    }

    /// Each row's text, trailing blanks trimmed (however they are styled).
    var lines: [String] { (0..<rows).map(line) }

    /// The whole screen: `lines` joined by newlines.
    var text: String { lines.joined(separator: "\n") }

    /// Row `y`'s text, trailing blanks trimmed.
    func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<cols { s += self[y, x].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Where `needle` first appears (top to bottom, left to right), as the cell of its first
    /// character; `nil` when it does not.
    func position(of needle: String) -> CellPosition? {
        guard !needle.isEmpty else { return nil }
        for y in 0..<rows {
            // Each character of the row with the column of its cell.
            var chars: [(Character, Int)] = []
            for x in 0..<cols where !self[y, x].isContinuation {
                for ch in self[y, x].text { chars.append((ch, x)) }
            }
            let rowText = Array(chars.map(\.0)), target = Array(needle)
            guard rowText.count >= target.count else { continue }
            for start in 0...(rowText.count - target.count) where Array(rowText[start..<start + target.count]) == target {
                return CellPosition(y: y, x: chars[start].1)
            }
        }
        return nil
    }

    // MARK: drawing

    mutating func write(_ y: Int, _ x: Int, shown text: String, style: CellStyle) {
        guard y >= 0, y < rows else { return }
        var col = x
        for ch in text {
            let w = DisplayText.width(of: ch)
            if w == 0 {
                // A zero-width character joins the cell before it, as curses attaches it.
                if let prev = lastCharacterCell(y, before: col) { cells[y * cols + prev].text.append(ch) }
                continue
            }
            guard col >= 0, col + w <= cols else { break }
            place(Cell(text: String(ch), width: w, style: style), y, col)
            col += w
        }
    }

    mutating func fill(y: Int, x: Int, rows height: Int, cols width: Int, style: CellStyle) {
        let top = max(0, y), bottom = min(rows, y + height), left = max(0, x), right = min(cols, x + width)
        guard top < bottom, left < right else { return }
        for row in top..<bottom {
            for col in left..<right { place(Cell(text: " ", width: 1, style: style), row, col) }
        }
    }

    mutating func restyle(_ y: Int, _ x: Int, count: Int, style: CellStyle) {
        let left = max(0, x), right = min(cols, x + count)
        guard y >= 0, y < rows, left < right else { return }
        for col in left..<right { cells[y * cols + col].style = style }
    }

    mutating func frame(y: Int, x: Int, rows height: Int, cols width: Int) {
        guard height >= 2, width >= 2 else { return }
        let (h, v) = utf8 ? ("─", "│") : ("-", "|")
        let corners = utf8 ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
        let bottom = y + height - 1, right = x + width - 1
        for col in x + 1..<right {
            put1(h, y, col)
            put1(h, bottom, col)
        }
        for row in y + 1..<bottom {
            put1(v, row, x)
            put1(v, row, right)
        }
        put1(corners[0], y, x)
        put1(corners[1], y, right)
        put1(corners[2], bottom, x)
        put1(corners[3], bottom, right)
    }

    mutating func setCursor(_ position: CellPosition?) {
        cursor = position
    }

    // MARK: cells

    private func contains(_ y: Int, _ x: Int) -> Bool { y >= 0 && y < rows && x >= 0 && x < cols }

    private mutating func put1(_ s: String, _ y: Int, _ x: Int) {
        guard contains(y, x) else { return }
        place(Cell(text: s, width: 1, style: .plain), y, x)
    }

    /// The column of the last character cell before `col` on row `y` (skipping continuations).
    private func lastCharacterCell(_ y: Int, before col: Int) -> Int? {
        var c = min(col, cols) - 1
        while c >= 0, self[y, c].isContinuation { c -= 1 }
        return c >= 0 ? c : nil
    }

    /// Puts a character at (`y`, `x`) and its continuation cells after it; a wide character
    /// partly overwritten loses its other half, which becomes a blank in its own style.
    private mutating func place(_ cell: Cell, _ y: Int, _ x: Int) {
        let span = max(1, cell.width)
        // The halves of wide characters that this write cuts.
        if self[y, x].isContinuation, let lead = lastCharacterCell(y, before: x) { blank(y, lead) }
        let end = x + span - 1
        if end + 1 < cols, self[y, end + 1].isContinuation { blank(y, end + 1) }
        for col in x...end where self[y, col].width > 1 { blank(y, col) }
        cells[y * cols + x] = cell
        for col in x + 1..<x + span {
            cells[y * cols + col] = Cell(text: "", width: 0, style: cell.style)
        }
    }

    /// Turns the cell and, for a wide character, its continuation cells into blanks.
    private mutating func blank(_ y: Int, _ x: Int) {
        let style = self[y, x].style
        let span = max(1, self[y, x].width)
        for col in x..<min(cols, x + span) { cells[y * cols + col] = Cell(text: " ", width: 1, style: style) }
    }
}
