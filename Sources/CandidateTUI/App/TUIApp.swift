@preconcurrency import CNCurses
import CandidateCore
import Foundation

/// The terminal user interface: one loop on one thread owns the model and the screen.
///
/// Keys, resizes, signals and network results become `Event`s; `AppModel.update` changes
/// state and returns `Effect`s; the `EffectRunner` performs them as Swift concurrency tasks
/// that post events back through the inbox. This loop is the only code that calls curses; it
/// changes no state of the model's own.
public final class TUIApp {
    private var model: AppModel
    private let terminal = Terminal()
    private let inbox = EventInbox()
    private let effects: EffectRunner
    private let keepsDrafts: Bool
    /// The focused form field and the scalar offset its text is shown from (view state: the
    /// field scrolls only when the cursor leaves it).
    private var fieldScroll: (field: CandidateField, scroll: Int)?
    /// Where the terminal cursor goes in the form: the focused typed field's cursor, else `nil`.
    private var formCursor: (y: Int, x: Int)?
    private var menuView: MenuView?
    private var promptView: PromptView?
    private var viewOverlayGeneration = -1
    private var viewSize = (rows: 0, cols: 0)
    private var dirty = true
    /// First list row on screen (view state: the viewport follows the cursor).
    private var listTop = 0
    /// When the last frame was drawn (uptime nanoseconds).
    private var lastFrame: UInt64 = 0
    /// At most ~30 frames a second.
    static let frameInterval: UInt64 = 33_000_000
    private var searchCursorColumn = 0

    /// - Parameters:
    ///   - client: a configured API client.
    ///   - connection: what the header shows.
    ///   - drafts: where unsent edits are kept (every edit is saved at once); `nil` keeps none.
    public init(client: CandidatesClient, connection: ConnectionInfo, drafts: DraftStore? = nil) {
        self.model = AppModel(connection: connection)
        self.effects = EffectRunner(client: client, inbox: inbox, drafts: drafts)
        self.keepsDrafts = drafts != nil
    }

    /// Runs a TUI on a thread of its own — curses is driven from that one thread; network
    /// tasks post events back to it — and waits until it ends.
    /// - Returns: the process exit status (0, or 128+signal) or the `TerminalError` that kept
    ///   it from starting, and the line for standard error after the terminal is restored.
    public static func run(client: CandidatesClient, connection: ConnectionInfo, drafts: DraftStore?) async
        -> (status: Result<Int32, any Error>, exitNote: String?) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let app = TUIApp(client: client, connection: connection, drafts: drafts)
                let status = Result { try app.run() }
                continuation.resume(returning: (status, app.exitNote))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs until the user quits or a signal arrives; restores the terminal on every path.
    /// Blocks the calling thread. Returns the process exit status (0, or 128+signal).
    /// - Throws: `TerminalError` when there is no usable terminal.
    public func run() throws -> Int32 {
        try terminal.start()
        defer { teardown() }
        let size = terminal.size
        apply(.terminalReady(utf8: terminal.utf8, rows: size.rows, cols: size.cols, keepsDrafts: keepsDrafts, warning: terminal.warning))
        run(model.start())
        while !model.quit {
            // Signals: the terminal layer records them (and handles Ctrl-Z / fg itself).
            let sig = terminal.takeSignal()
            if sig == SIGINT && model.bulk != nil {
                apply(.interrupt)
            } else if sig != 0 {
                effects.cancelBulk()
                return 128 + sig
            }
            // A bounded batch per turn, so keys (Esc during a bulk change) are read between
            // batches even when a backlog of network results is waiting.
            for event in inbox.drain(limit: Self.eventsPerTurn) { apply(event) }
            // Bursts of keys and events coalesce: at most one frame per `frameInterval`. While
            // answers are expected (pages, a bulk change) the loop looks at the inbox more often.
            var timeoutMs: Int32 = model.list.loading || model.bulk != nil ? 8 : 50
            if dirty {
                let sinceFrame = DispatchTime.now().uptimeNanoseconds &- lastFrame
                if sinceFrame >= Self.frameInterval {
                    render()
                    lastFrame = DispatchTime.now().uptimeNanoseconds
                } else {
                    timeoutMs = min(timeoutMs, Int32(max(1, (Self.frameInterval - sinceFrame) / 1_000_000)))
                }
            }
            if let key = terminal.readKey(waitingAtMost: timeoutMs) {
                if key == .resize {
                    let size = terminal.size
                    apply(.resized(rows: size.rows, cols: size.cols))
                }
                apply(.key(key))
            } else if terminal.inputClosed {
                // The terminal is gone (hang-up, end of input, EIO: the SSH connection dropped).
                effects.cancelBulk()
                return 128 + SIGHUP
            }
        }
        return 0
    }

    /// Events applied per turn of the loop before keys are read again.
    static let eventsPerTurn = 256

    /// A line for standard error after the terminal is restored (e.g. where unsaved edits went).
    public private(set) var exitNote: String?

    private func teardown() {
        menuView = nil
        promptView = nil
        terminal.end()
        if let f = model.form, f.draft.hasChanges {
            exitNote = keepsDrafts
                ? "Unsaved edits of \(DisplayText.sanitize(f.draft.original.fullName)) are kept as a draft; the next start offers them back."
                : "Unsaved edits of \(DisplayText.sanitize(f.draft.original.fullName)) were not sent."
        }
    }

    private func apply(_ event: Event) {
        run(model.update(event))
        dirty = true
    }

    private func run(_ effects: [Effect]) {
        for effect in effects {
            if case .openEditor(let field, let text) = effect {
                // The editor needs the terminal: handed over here, on the UI thread; what it
                // returns comes back as an event like any other result.
                let edited = ExternalEditor.edit(text, name: field.apiKey, fileExtension: field == .metadata ? "json" : "txt", on: terminal)
                dirty = true
                inbox.post(.editorFinished(field, text: edited.text, status: edited.status))
            } else {
                self.effects.run(effect)
            }
        }
    }

    // MARK: rendering


    private func render() {
        dirty = false
        let size = terminal.size
        if size.rows != viewSize.rows || size.cols != viewSize.cols {
            viewSize = size
            menuView = nil
            promptView = nil
            viewOverlayGeneration = -1
            clearok(cn_stdscr(), true)
        }
        let win = cn_stdscr()
        werase(win)
        if size.rows < AppModel.minRows || size.cols < AppModel.minCols {
            menuView = nil; promptView = nil; viewOverlayGeneration = -1
            put(win, 0, 0, "Terminal too small", width: size.cols, attr: cn_a_bold())
            put(win, 1, 0, "need \(AppModel.minCols)×\(AppModel.minRows), have \(size.cols)×\(size.rows)", width: size.cols)
            put(win, 2, 0, "q quits; enlarge to continue", width: size.cols)
            curs_set(0)
            wnoutrefresh(win)
            doupdate()
            return
        }
        switch model.screen {
        case .list:
            fieldScroll = nil
            drawList(win, size)
        case .form(let f):
            drawForm(win, size, f)
        }
        drawFooter(win, size)
        wnoutrefresh(win)
        syncOverlay(size)
        // The terminal cursor shows only in the focused typed field (and the search prompt).
        var fieldCursor: (y: Int, x: Int)?
        if model.overlay == nil, case .form = model.screen { fieldCursor = formCursor }
        curs_set(fieldCursor == nil ? 0 : 1)
        if let w = menuView?.window { touchwin(w) }
        if let w = promptView?.window { touchwin(w) }
        update_panels()
        if let cursor = fieldCursor {
            wmove(win, Int32(cursor.y), Int32(cursor.x))
            wnoutrefresh(win)
        }
        if model.searching, model.overlay == nil, case .list = model.screen {
            curs_set(1)
            wmove(win, Int32(size.rows - 2), Int32(searchCursorColumn))
            wnoutrefresh(win)
        }
        doupdate()
    }

    private func drawHeader(_ win: UnsafeMutablePointer<WINDOW>?, _ size: (rows: Int, cols: Int), _ right: String, first: String = "") {
        let c = model.connection
        var left = "candidates"
        if !first.isEmpty { left += " · " + first }
        left += " · \(c.location)"
        if let company = c.company { left += " · \(company)" }
        let attr = cn_a_reverse() | cn_a_bold()
        wattr_on(win, attr, nil)
        mvwhline(win, 0, 0, chtype(UInt8(ascii: " ")), Int32(size.cols))
        wattr_off(win, attr, nil)
        // The left part (the filter first) keeps at least half the line; the counts on the
        // right are cut before it is.
        let leftWant = DisplayText.width(left)
        let rightWidth = min(DisplayText.width(right), max(0, size.cols - 3 - min(leftWant, size.cols / 2)))
        put(win, 0, 1, left, width: max(0, size.cols - rightWidth - 3), attr: attr)
        put(win, 0, max(0, size.cols - rightWidth - 1), right, width: rightWidth, attr: attr)
    }

    private func drawList(_ win: UnsafeMutablePointer<WINDOW>?, _ size: (rows: Int, cols: Int)) {
        let l = model.list
        // "7 / 210 candidates" (shown / total); while pages load "7 shown · loaded 300 / 2000 candidates".
        var right = l.total.map { "\($0) candidate\($0 == 1 ? "" : "s")" } ?? "…"
        if let total = l.total, l.loadedCount < total {
            right = "loaded \(l.loadedCount) / " + right
            if l.filter.isActive { right = "\(l.count) shown · " + right }
        } else {
            if l.filter.isActive { right = "\(l.count) / " + right }
            if l.loading { right = "loading… · " + right }
        }
        if !model.marks.isEmpty {
            let hidden = model.hiddenMarkCount
            right = "\(model.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden by filter)" : "") + " · " + right
        }
        // The filter comes before the connection in the header, so a narrow terminal cuts the
        // connection first; the sort shows as an arrow on its column title.
        var first: [String] = []
        if l.filter.isActive { first.append("filter: " + model.filterDescription()) }
        if l.sortColumn == .server && l.sortDescending { first.append("server order reversed") }
        drawHeader(win, size, right, first: first.joined(separator: " · "))
        let layout = ListLayout(width: size.cols - 1, statusWidth: l.statusColumnWidth)
        put(win, 1, 0, layout.headerLine(sortedBy: l.sortColumn, descending: l.sortDescending, utf8: terminalUTF8),
            width: size.cols - 1, attr: cn_a_bold() | cn_a_underline())
        let visible = max(1, size.rows - 4)
        // The viewport only scrolls when the cursor leaves it, so a move repaints two rows, not the screen.
        if l.cursor < listTop { listTop = l.cursor }
        if l.cursor >= listTop + visible { listTop = l.cursor - visible + 1 }
        listTop = max(0, min(listTop, max(0, l.count - visible)))
        if l.count == 0 {
            put(win, 3, 2, model.emptyListText(), width: size.cols - 3)
        }
        for row in 0..<visible {
            let i = listTop + row
            guard i < l.count else { break }
            let c = l.row(i)
            put(win, 2 + row, 0, layout.rowLine(c, marked: model.marks.contains(c.id)), width: size.cols - 1)
            if i == l.cursor {
                // The cursor: reverse video over the mark column and the name, not the whole row,
                // so a move changes a few cells of two rows (no more bytes per move than `less`).
                wmove(win, Int32(2 + row), 0)
                wchgat(win, Int32(min(layout.cursorWidth, size.cols - 1)), cn_a_reverse(), 0, nil)
            }
        }
    }

    static let labelWidth = 13

    private func drawForm(_ win: UnsafeMutablePointer<WINDOW>?, _ size: (rows: Int, cols: Int), _ f: FormModel) {
        let d = f.draft
        drawHeader(win, size, f.saving ? "saving…" : (d.hasChanges ? "\(d.changedFields.count) changed" : "no changes"))
        put(win, 1, 1, "Edit \(d.original.fullName)", width: size.cols - 2, attr: cn_a_bold())
        let fieldLeft = Self.labelWidth + 4
        let fieldWidth = max(16, min(48, size.cols - fieldLeft - 22))
        formCursor = nil
        if fieldScroll?.field != f.focus { fieldScroll = (f.focus, 0) }
        for (i, field) in CandidateField.allCases.enumerated() {
            let y = 2 + i
            let focused = field == f.focus
            let marker = focused ? (terminalUTF8 ? "▸" : ">") : " "
            put(win, y, 0, marker, width: 1, attr: cn_a_bold())
            put(win, y, 1, field.label, width: Self.labelWidth, attr: focused ? cn_a_bold() : 0)
            if d.isChanged(field) { put(win, y, 1 + Self.labelWidth + 1, "*", width: 1, attr: cn_a_bold()) }
            // The field: underlined cells; the focused typed field shows the part around its cursor.
            let shown: String
            if focused, f.isTypedInForm(field) {
                let view = f.editor.view(width: fieldWidth, scroll: fieldScroll?.scroll ?? 0)
                fieldScroll = (field, view.scroll)
                shown = view.text
                formCursor = (y, fieldLeft + view.cursorColumn)
            } else if f.isTypedInForm(field) {
                shown = d.text(field)
            } else {
                shown = f.shownText(field, jobTitle: { self.model.jobTitle($0) })
            }
            put(win, y, fieldLeft, DisplayText.fit(shown, to: fieldWidth), width: fieldWidth, attr: cn_a_underline())
            let msgLeft = fieldLeft + fieldWidth + 2
            let msgWidth = size.cols - msgLeft - 1
            if let message = f.errors[field] ?? f.tooLongNote(field) {
                put(win, y, msgLeft, "! " + message, width: msgWidth, attr: terminal.color(.error) | cn_a_bold())
            } else if let note = f.hiddenNote(field) {
                put(win, y, msgLeft, (terminalUTF8 ? "⚠ " : "! ") + note, width: msgWidth, attr: terminal.color(.error))
            } else if focused, !FormModel.isTyped(field) {
                let hint: String
                switch field {
                case .status, .gender: hint = "Enter: menu"
                case .jobIds: hint = "Enter: pick jobs"
                default: hint = "Enter: $EDITOR"
                }
                put(win, y, msgLeft, hint, width: msgWidth, attr: terminal.color(.dim))
            }
        }
        // Read-only facts below the fields, as many lines as fit above the two bottom lines.
        let infoTop = 3 + CandidateField.allCases.count
        let info = f.infoLines(room: max(0, size.rows - 2 - infoTop))
        for (k, line) in info.enumerated() {
            put(win, infoTop + k, 1, line, width: size.cols - 2, attr: terminal.color(.dim))
        }
    }

    private var terminalUTF8: Bool { terminal.utf8 }

    private func drawFooter(_ win: UnsafeMutablePointer<WINDOW>?, _ size: (rows: Int, cols: Int)) {
        if let line = model.bulkStatusLine() {
            put(win, size.rows - 2, 1, line, width: size.cols - 2, attr: cn_a_bold())
        } else if model.searching, case .list = model.screen {
            put(win, size.rows - 2, 0, "/" + model.list.filter.search, width: size.cols - 2, attr: cn_a_bold())
            searchCursorColumn = min(size.cols - 2, 1 + DisplayText.width(DisplayText.sanitize(model.list.filter.search)))
        } else if let flash = model.flash {
            let attr: attr_t
            switch flash.kind {
            case .error: attr = terminal.color(.error) | cn_a_bold()
            case .ok: attr = terminal.color(.ok)
            case .info: attr = 0
            }
            put(win, size.rows - 2, 1, flash.text, width: size.cols - 2, attr: attr)
        }
        put(win, size.rows - 1, 0, KeyHint.line(model.keyHints(), width: size.cols - 1, utf8: terminalUTF8),
            width: size.cols - 1, attr: terminal.color(.dim) | cn_a_reverse())
    }

    /// Builds the overlay views when the model's overlay changed.
    private func syncOverlay(_ size: (rows: Int, cols: Int)) {
        menuView = nil
        promptView = nil
        if let m = model.menu() {
            menuView = MenuView(title: m.title, items: m.items, multi: m.multi, screenRows: size.rows, screenCols: size.cols,
                                utf8: terminal.utf8, current: model.menuCursor)
        } else if let p = model.scrollLines() {
            // Only a screenful of the body is made; the panel keeps one width while it scrolls,
            // and its header lines (the plan's summary) wrap instead of being cut.
            let panelWidth = min(100, size.cols - 6)
            let header = p.header.flatMap { DisplayText.wrap(DisplayText.sanitize($0), to: panelWidth) }
            let room = max(0, PromptView.room(screenRows: size.rows) - header.count - 1)
            let shown = p.body.lines(from: model.overlayScroll, count: room)
            promptView = PromptView(title: p.title, lines: header + [""] + shown,
                                    question: p.footer, screenRows: size.rows, screenCols: size.cols,
                                    moreAbove: model.overlayScroll,
                                    moreBelow: max(0, p.body.count - model.overlayScroll - shown.count),
                                    minWidth: panelWidth)
        } else if let p = model.prompt() {
            promptView = PromptView(title: p.title, lines: p.lines, question: p.question, screenRows: size.rows, screenCols: size.cols)
        }
    }
}
