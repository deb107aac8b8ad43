import CandidateCore

/// The root view: one frame of the whole screen from the model and the view state.
///
/// The screen (list or form) fills the rows between the header (row 0) and the two bottom
/// lines (the message line and the key hints); the open overlay is a panel drawn on top; the
/// terminal cursor shows only in the focused typed field and the search prompt. A screen
/// smaller than `AppModel.minRows` × `AppModel.minCols` shows only what to do about it.
enum AppView {

    /// Draws one frame: every cell of the canvas, then where the cursor goes.
    static func draw<C: Canvas>(_ model: AppModel, _ state: inout ViewState, on canvas: inout C) {
        canvas.clear()
        let rows = canvas.rows, cols = canvas.cols
        let minRows = AppModel.minRows, minCols = AppModel.minCols
        if rows < minRows || cols < minCols {
            canvas.put(0, 0, "Terminal too small", width: cols, style: .bold)
            canvas.put(1, 0, "need \(minCols)×\(minRows), have \(cols)×\(rows)", width: cols)
            if model.bulk == nil {
                canvas.put(2, 0, "q quits; enlarge to continue", width: cols)
            } else {
                // q never leaves a bulk change half done.
                canvas.put(2, 0, "q cancels the bulk change", width: cols)
                canvas.put(3, 0, "enlarge to continue", width: cols)
            }
            canvas.setCursor(nil)
            return
        }
        var cursor: CellPosition?
        let messages = model.messageLayout(rows: rows, cols: cols)
        switch model.screen {
        case .list:
            state.fieldScroll = nil
            drawHeader(marked(ListView.header(model), model), connection: model.connection, on: &canvas)
            ListView.draw(model, messageRows: messages.flashRows, &state, on: &canvas)
            if model.showsDetailPane { DetailView.draw(model, on: &canvas) }
        case .form(let f):
            drawHeader(marked(FormView.header(f), model), connection: model.connection, on: &canvas)
            cursor = FormView.draw(f, of: model, messages: messages, &state, on: &canvas)
        }
        drawFooter(model, messages: messages, &state, on: &canvas)
        drawOverlay(model, &state, on: &canvas)
        if model.overlay != nil { cursor = nil }
        if case .pager? = model.overlay { cursor = state.pagerCursor }
        if case .expiryPrompt? = model.overlay { cursor = state.promptCursor }
        if model.searching, model.overlay == nil, case .list = model.screen {
            cursor = CellPosition(y: rows - 2, x: state.searchCursorColumn)
        }
        if model.commandLine != nil { cursor = CellPosition(y: rows - 2, x: state.searchCursorColumn) }
        if let help = HelpPage.panel(model, rows: rows, cols: cols) {
            help.draw(on: &canvas)
            cursor = nil
        }
        canvas.setCursor(cursor)
    }

    /// What a screen puts in the header bar.
    struct Header: Equatable, Sendable {
        /// Shown after the program's name, before the connection (the list's filter).
        var first = ""
        /// Shown on the right (counts, or the form's state).
        var right: String
        /// Shorter wordings of `right`, longest first, for a narrow terminal: the header takes
        /// the first that fits rather than cut a count.
        var compact: [String] = []
    }

    /// `header` with `privacy` first in privacy mode, so a narrow terminal keeps it longest.
    static func marked(_ header: Header, _ model: AppModel) -> Header {
        guard model.options.privacy else { return header }
        var h = header
        h.first = h.first.isEmpty ? "privacy" : "privacy · " + h.first
        return h
    }

    /// The header bar (row 0, reverse video): `candidates · <first> · <location> · <company>`
    /// on the left, the screen's `right` part on the right. The right part (the counts) is
    /// never cut: it takes the longest of its wordings that leaves the left part a third of
    /// the line (12 cells at least),
    /// and the left part gets what is left, cut at its end with `…` (the company, then the
    /// location go first).
    static func drawHeader<C: Canvas>(_ header: Header, connection c: ConnectionInfo, on canvas: inout C) {
        let cols = canvas.cols
        var left = "candidates"
        if !header.first.isEmpty { left += " · " + header.first }
        left += " · \(c.location)"
        if let company = c.company { left += " · \(company)" }
        let style = CellStyle(bold: true, reverse: true)
        canvas.fill(y: 0, x: 0, rows: 1, cols: cols, style: style)
        let right = rightPart(header, room: cols - 3 - min(DisplayText.width(left), max(12, cols / 3)))
        let rightWidth = min(DisplayText.width(right), max(0, cols - 2))
        canvas.put(0, 1, left, width: max(0, cols - rightWidth - 3), style: style)
        canvas.put(0, max(0, cols - rightWidth - 1), right, width: rightWidth, style: style)
    }

    /// The longest wording of the header's right part that fits in `room` cells, else the
    /// shortest.
    static func rightPart(_ header: Header, room: Int) -> String {
        let wordings = [header.right] + header.compact
        return wordings.first { DisplayText.width($0) <= room } ?? wordings[wordings.count - 1]
    }

    /// The bottom lines: the bulk progress, the search prompt or the flash message (wrapped
    /// onto the rows `messages` gives it, ending in `…` when cut); then the key hints.
    static func drawFooter<C: Canvas>(_ model: AppModel, messages: MessageLayout, _ state: inout ViewState, on canvas: inout C) {
        let rows = canvas.rows, cols = canvas.cols
        if let prompt = model.commandLine {
            let shown = prompt.editor.view(width: cols - 2, scroll: 0)
            canvas.put(rows - 2, 0, ":" + shown.text, width: cols - 1, style: .bold)
            state.searchCursorColumn = min(cols - 1, 1 + shown.cursorColumn)
            if let message = prompt.message {
                canvas.put(rows - 1, 0, message, width: cols - 1, style: CellStyle(bold: true, color: .error))
                return
            }
        } else if model.bulk != nil, let lines = messages.flash?.lines {
            let first = rows - 1 - lines.count
            for (i, line) in lines.enumerated() { canvas.write(first + i, 1, shown: line, style: .bold) }
        } else if model.searching, case .list = model.screen {
            // Typing goes on at the end: a needle wider than the prompt shows its end, as the
            // command line does (the same viewport, with the cursor after the last character).
            let shown = LineEditor(text: model.list.filter.search).view(width: cols - 2, scroll: 0)
            canvas.put(rows - 2, 0, "/" + shown.text, width: cols - 1, style: .bold)
            state.searchCursorColumn = min(cols - 1, 1 + shown.cursorColumn)
        } else if let flash = model.flash, let lines = messages.flash?.lines {
            let style: CellStyle
            switch flash.kind {
            case .error: style = CellStyle(bold: true, color: .error)
            case .ok: style = .color(.ok)
            case .info: style = .plain
            }
            let first = rows - 1 - lines.count
            canvas.fill(y: first, x: 0, rows: lines.count, cols: cols, style: .plain)
            for (i, line) in lines.enumerated() { canvas.write(first + i, 1, shown: line, style: style) }
        }
        canvas.put(rows - 1, 0, KeyHint.line(model.keyHints(messages: messages), width: cols - 1, utf8: canvas.utf8),
                   width: cols - 1, style: CellStyle(reverse: true, color: .dim))
    }

    /// The open overlay, on top of the screen: a menu, a scrollable panel or a question.
    static func drawOverlay<C: Canvas>(_ model: AppModel, _ state: inout ViewState, on canvas: inout C) {
        if case .pager(let pager)? = model.overlay {
            state.pagerCursor = PagerView.draw(pager, on: &canvas)
            return
        }
        guard let menu = MenuPanel(model) else {
            state.menuTop = 0
            state.promptCursor = drawPanel(model, on: &canvas)
            return
        }
        menu.draw(on: &canvas, firstShown: &state.menuTop)
    }

    /// A scrollable panel, a typed prompt or a question, when one is open; where a typed
    /// prompt's cursor is.
    private static func drawPanel<C: Canvas>(_ model: AppModel, on canvas: inout C) -> CellPosition? {
        if let panel = ScrollPanel.panel(model, rows: canvas.rows, cols: canvas.cols) {
            panel.draw(on: &canvas)
        } else if case .expiryPrompt(let prompt)? = model.overlay {
            let p = model.expiryPromptLines(prompt)
            return PromptPanel(title: p.title, lines: p.lines, question: p.question, minWidth: 44).draw(on: &canvas, cursorAt: p.cursor)
        } else if let p = model.prompt() {
            PromptPanel(title: p.title, lines: p.lines, question: p.question).draw(on: &canvas)
        }
        return nil
    }
}
