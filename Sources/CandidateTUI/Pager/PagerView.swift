import CandidateCore

/// The pager over the whole screen but the key hints: the title bar, a screenful of the text
/// with the search's occurrences in reverse video (the current one also bold), and the status
/// line (where the view stands, or the `/` prompt).
enum PagerView {
    /// Draws `pager`; returns where the terminal cursor goes (after the `/` prompt's text).
    static func draw<C: Canvas>(_ pager: PagerModel, on canvas: inout C) -> CellPosition? {
        let rows = canvas.rows, cols = canvas.cols
        let height = max(1, rows - 3), width = cols
        canvas.fill(y: 0, x: 0, rows: rows - 1, cols: cols, style: .plain)
        let bar = CellStyle(bold: true, reverse: true)
        canvas.fill(y: 0, x: 0, rows: 1, cols: cols, style: bar)
        canvas.put(0, 1, pager.title, width: cols - 2, style: bar)
        let shown = pager.rows(width: width)
        let found = pager.matches()
        for screenRow in 0..<height {
            let i = pager.top + screenRow
            guard i < shown.count else { break }
            let row = shown[i], line = pager.lines[row.line]
            let y = 1 + screenRow
            canvas.put(y, 0, cutLeft(String(line[row.range]), cells: pager.left), width: width)
            for (n, m) in found.enumerated() where m.line == row.line && m.range.overlaps(row.range) {
                let start = max(m.range.lowerBound, row.range.lowerBound), end = min(m.range.upperBound, row.range.upperBound)
                let x = DisplayText.width(String(line[row.range.lowerBound..<start])) - pager.left
                let w = DisplayText.width(String(line[start..<end]))
                let from = max(0, x), to = min(width, x + w)
                guard to > from else { continue }
                let style = n == pager.matchIndex ? CellStyle(bold: true, reverse: true) : .reverse
                canvas.restyle(y, from, count: to - from, style: style)
            }
        }
        if let prompt = pager.prompt {
            canvas.put(rows - 2, 0, "/" + prompt, width: cols - 1, style: .bold)
            return CellPosition(y: rows - 2, x: min(cols - 1, 1 + DisplayText.width(DisplayText.sanitize(prompt))))
        }
        let status = pager.status(height: height, width: width)
        let style: CellStyle = pager.message == nil ? .color(.dim) : CellStyle(bold: true, color: .error)
        canvas.put(rows - 2, 1, status, width: cols - 2, style: style)
        return nil
    }

    /// `text` without its first `cells` cells (a wide character cut in two becomes a space;
    /// a line shorter than `cells` becomes empty).
    static func cutLeft(_ text: String, cells: Int) -> String {
        guard cells > 0 else { return text }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex, used < cells {
            used += DisplayText.width(of: text[index])
            index = text.index(after: index)
        }
        return String(repeating: " ", count: max(0, used - cells)) + text[index...]
    }
}
