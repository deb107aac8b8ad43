import CandidateCore

/// The list screen: the header with counts and filters, the column titles, the visible rows
/// and the cursor. A function of the model; the viewport's top is view state.
enum ListView {
    /// What the header says for the list: the filters first, the counts on the right.
    static func header(_ model: AppModel) -> AppView.Header {
        AppView.Header(first: headerFilters(model), right: headerCounts(model),
                       compact: [headerCounts(model, words: .short), headerCounts(model, words: .shortest)])
    }

    /// Draws the list between the header (row 0) and the message lines (`messageRows` of
    /// them, at least 1) above the key hints.
    static func draw<C: Canvas>(_ model: AppModel, messageRows: Int = 1, _ state: inout ViewState, on canvas: inout C) {
        let l = model.list
        let cols = listWidth(model, screenCols: canvas.cols)
        let layout = ListLayout(width: cols - 1, statusWidth: l.statusColumnWidth, columns: model.options.columns, sortedBy: l.sortColumn)
        canvas.put(1, 0, layout.headerLine(sortedBy: l.sortColumn, descending: l.sortDescending, utf8: canvas.utf8),
                   width: cols - 1, style: CellStyle(bold: true, underline: true))
        let visible = max(1, canvas.rows - 3 - max(1, messageRows))
        let low = model.options.lowBandwidth
        state.listTop = top(after: state.listTop, cursor: l.cursor, count: l.count, visible: visible)
        if l.count == 0 {
            // What failed and what happens next, wrapped (a server's error can be long).
            let text = MessageLines(model.emptyListText(), width: cols - 3, maxLines: max(1, visible - 1))
            for (i, line) in text.lines.enumerated() { canvas.write(3 + i, 2, shown: line, style: .plain) }
        }
        let shown = model.shown(_:_:)
        for row in 0..<visible {
            let i = state.listTop + row
            guard i < l.count else { break }
            let c = l.row(i)
            canvas.put(2 + row, 0, layout.rowLine(c, marked: model.marks.contains(c.id), shown: shown), width: cols - 1)
            if i == l.cursor && low {
                // Low-bandwidth: a plain arrow in the cell between the mark and the name, so a
                // move changes one cell of each of two rows and no attribute.
                canvas.put(2 + row, 1, ">", width: 1)
            } else if i == l.cursor {
                // The cursor: reverse video over the mark column and the name, not the whole row,
                // so a move changes a few cells of two rows (no more bytes per move than `less`).
                canvas.restyle(2 + row, 0, count: min(layout.cursorWidth, cols - 1), style: .reverse)
            }
        }
    }

    /// The cells the list takes of a screen `screenCols` wide: all of it, or what the detail
    /// pane and its rule leave.
    static func listWidth(_ model: AppModel, screenCols: Int) -> Int {
        model.showsDetailPane ? screenCols - DetailView.width(screenCols: screenCols) - 1 : screenCols
    }

    /// The first row shown: the viewport only scrolls when the cursor leaves it, so a move
    /// repaints two rows, not the screen.
    static func top(after top: Int, cursor: Int, count: Int, visible: Int) -> Int {
        var t = top
        if cursor < t { t = cursor }
        if cursor >= t + visible { t = cursor - visible + 1 }
        return max(0, min(t, max(0, count - visible)))
    }

    /// How many words the header's counts take.
    enum CountWords { case full, short, shortest }

    /// The header's right part: "7 / 210 candidates" (shown / total); while pages load
    /// "7 shown · loaded 300 / 2000 candidates"; marks first. Shorter, the same numbers:
    /// `.short` "5 marked (2 hidden) · 7 shown · 300/2000 loaded", `.shortest`
    /// "*5 (2 hidden) · 7 · 300/2000" (`*` as the list's mark column shows a mark).
    static func headerCounts(_ model: AppModel, words: CountWords = .full) -> String {
        let l = model.list
        var right: String
        switch words {
        case .full: right = l.total.map { "\($0) candidate\($0 == 1 ? "" : "s")" } ?? "…"
        case .short, .shortest: right = l.total.map(String.init) ?? "…"
        }
        if let total = l.total, l.loadedCount < total {
            switch words {
            case .full:
                right = "loaded \(l.loadedCount) / " + right
                if l.filter.isActive { right = "\(l.count) shown · " + right }
            case .short:
                right = "\(l.loadedCount)/\(total) loaded"
                if l.filter.isActive { right = "\(l.count) shown · " + right }
            case .shortest:
                right = "\(l.loadedCount)/\(total)"
                if l.filter.isActive { right = "\(l.count) · " + right }
            }
        } else {
            if l.filter.isActive { right = "\(l.count) / " + right }
            if l.loading { right = (words == .shortest ? "… · " : "loading… · ") + right }
        }
        if !model.marks.isEmpty {
            let hidden = model.hiddenMarkCount
            let marked: String
            switch words {
            case .full: marked = "\(model.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden by filter)" : "")
            case .short: marked = "\(model.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden)" : "")
            case .shortest:
                marked = "*\(model.marks.count)" + (hidden > 0 ? " (\(hidden) hidden)" : "")
            }
            right = marked + " · " + right
        }
        return right
    }

    /// What the header says before the connection: the filter, and a reversed server order
    /// (other sorts show as an arrow on their column title). Before the connection, so a narrow
    /// terminal cuts the connection first.
    static func headerFilters(_ model: AppModel) -> String {
        let l = model.list
        var first: [String] = []
        if l.filter.isActive { first.append("filter: " + model.filterDescription()) }
        if l.sortColumn == .server && l.sortDescending { first.append("server order reversed") }
        return first.joined(separator: " · ")
    }
}
