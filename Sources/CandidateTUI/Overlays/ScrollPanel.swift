import CandidateCore

/// The scrollable panel of the bulk preview and the bulk result (and the messages): fixed
/// header lines (the plan's summary, wrapped rather than cut) and a blank line when there are
/// some, a screenful of the body from the model's `overlayScroll`, and the footer's question,
/// drawn as a `PromptPanel`.
enum ScrollPanel {
    /// The panel for the model's scrollable overlay on a screen of `rows` × `cols`, or `nil`
    /// when none is open. Only a screenful of the body is made; the panel keeps one width
    /// while it scrolls.
    static func panel(_ model: AppModel, rows: Int, cols: Int) -> PromptPanel? {
        guard let p = model.scrollLines() else { return nil }
        let panelWidth = width(cols: cols)
        let summary = p.header.flatMap { DisplayText.wrap(DisplayText.sanitize($0), to: panelWidth) }
        let header = summary.isEmpty ? [] : summary + [""]
        let room = max(0, PromptPanel.room(screenRows: rows) - header.count)
        var shown = wrapped(p.body, from: model.overlayScroll, rows: room, width: panelWidth)
        // With more below, the panel's last row says so (`↓ N more`): one row less for lines.
        if model.overlayScroll + shown.items < p.body.count {
            shown = wrapped(p.body, from: model.overlayScroll, rows: max(0, room - 1), width: panelWidth)
        }
        return PromptPanel(title: p.title, lines: header + shown.lines, question: p.footer,
                           moreAbove: model.overlayScroll,
                           moreBelow: max(0, p.body.count - model.overlayScroll - shown.items),
                           minWidth: panelWidth)
    }

    /// The `overlayScroll` that shows the end of the model's scrollable panel on a screen of
    /// `rows` × `cols`: the first body line from which the rest fits (0 when it all does).
    /// Looks at a screenful of lines only.
    static func scrollToEnd(_ model: AppModel, rows: Int, cols: Int) -> Int {
        guard let p = model.scrollLines(), p.body.count > 0 else { return 0 }
        let panelWidth = width(cols: cols)
        let summary = p.header.flatMap { DisplayText.wrap(DisplayText.sanitize($0), to: panelWidth) }
        var room = max(1, PromptPanel.room(screenRows: rows) - (summary.isEmpty ? 0 : summary.count + 1))
        var first = p.body.count
        while first > 0 {
            let text = p.body.line(first - 1)
            let line = ScrollBody(count: 1) { _ in text }
            let used = wrapped(line, from: 0, rows: MessageLines.maxLines + 1, width: panelWidth).lines.count
            // A line that no longer fits whole stays above the top.
            guard used <= room else { break }
            room -= used
            first -= 1
        }
        return min(first, p.body.count - 1)
    }

    /// The body's lines from line `first`, each wrapped at `width` onto up to
    /// `MessageLines.maxLines` rows (the rest indented by two cells), as many as fit in `rows`
    /// (the last one on its first row, cut with `…`, when its rows do not fit); and how many
    /// body lines that is. Only those lines are made.
    static func wrapped(_ body: ScrollBody, from first: Int, rows: Int, width: Int) -> (lines: [String], items: Int) {
        var lines: [String] = [], items = 0
        for line in body.lines(from: first, count: rows) {
            let parts = MessageLines(line, width: width - 2, maxLines: MessageLines.maxLines).lines
            // The first part may use the whole width; a line that fits stays as it is.
            let rowsOfLine = DisplayText.width(DisplayText.sanitize(line)) <= width ? [DisplayText.sanitize(line)]
                : [parts[0]] + parts.dropFirst().map { "  " + $0 }
            guard lines.count + rowsOfLine.count <= rows else {
                if lines.count < rows {
                    lines.append(DisplayText.truncate(DisplayText.sanitize(line), to: width))
                    items += 1
                }
                break
            }
            lines += rowsOfLine
            items += 1
        }
        return (lines, items)
    }

    /// The width of a scrolling panel's text on a screen `cols` wide: at most 100 cells.
    static func width(cols: Int) -> Int { min(100, cols - 6) }
}
