@preconcurrency import CNCurses
import CandidateCore
import Foundation

/// Events posted by effect tasks, drained by the UI loop. The only state shared across threads.
final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ e: Event) {
        lock.lock(); events.append(e); lock.unlock()
    }

    /// The oldest `limit` events (the rest stay for the next call).
    func drain(limit: Int) -> [Event] {
        lock.lock(); defer { lock.unlock() }
        let n = min(limit, events.count)
        let out = Array(events.prefix(n))
        events.removeFirst(n)
        return out
    }
}

/// The terminal user interface: one loop on one thread owns the model and the screen.
///
/// Keys, resizes and network results become `Event`s; `AppModel.update` changes state and
/// returns `Effect`s; effects run as Swift concurrency tasks that post events back through
/// the inbox. Only this loop calls curses.
public final class TUIApp {
    private let client: CandidatesClient
    private var model: AppModel
    private let terminal = Terminal()
    private let inbox = EventInbox()
    private let drafts: DraftStore?
    /// The focused form field and the scalar offset its text is shown from (view state: the
    /// field scrolls only when the cursor leaves it).
    private var fieldScroll: (field: CandidateField, scroll: Int)?
    /// Where the terminal cursor goes in the form: the focused typed field's cursor, else `nil`.
    private var formCursor: (y: Int, x: Int)?
    private var menuView: MenuView?
    private var promptView: PromptView?
    private var viewOverlayGeneration = -1
    /// Cancels the running bulk change.
    private var bulkControl: BulkControl?
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
        self.client = client
        self.model = AppModel(connection: connection)
        self.drafts = drafts
    }

    /// Runs until the user quits or a signal arrives; restores the terminal on every path.
    /// Blocks the calling thread. Returns the process exit status (0, or 128+signal).
    /// - Throws: `TerminalError` when there is no usable terminal.
    public func run() throws -> Int32 {
        try terminal.start()
        defer { teardown() }
        idlok(cn_stdscr(), true)  // let curses scroll the list with line insert/delete
        if let warning = terminal.warning { model.flash = Flash(text: warning, kind: .info) }
        run(model.start())
        if let drafts { apply(.draftsFound(drafts.list().map(\.draft))) }
        while !model.quit {
            // Signals: the terminal layer records them (and handles Ctrl-Z / fg itself).
            let sig = terminal.takeSignal()
            if sig == SIGINT && model.bulk != nil {
                apply(.interrupt)
            } else if sig != 0 {
                bulkControl?.cancel()
                noteUnsavedDraft()
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
            wtimeout(cn_stdscr(), timeoutMs)
            if let key = terminal.readKey() {
                handle(key)
            } else if terminal.inputClosed {
                // The terminal is gone (hang-up, end of input, EIO: the SSH connection dropped).
                bulkControl?.cancel()
                return 128 + SIGHUP
            }
        }
        return 0
    }

    /// Events applied per turn of the loop before keys are read again.
    static let eventsPerTurn = 256

    /// A line for standard error after the terminal is restored (e.g. where unsaved edits went).
    public private(set) var exitNote: String?

    private func noteUnsavedDraft() {
        guard let f = model.form, f.draft.hasChanges else { return }
        exitNote = drafts != nil
            ? "Unsaved edits of \(DisplayText.sanitize(f.draft.original.fullName)) are kept as a draft; the next start offers them back."
            : "Unsaved edits of \(DisplayText.sanitize(f.draft.original.fullName)) were not sent."
    }

    private func teardown() {
        menuView = nil
        promptView = nil
        terminal.end()
    }

    private func apply(_ event: Event) {
        let before = model.form?.draft
        let effects = model.update(event)
        keepDraft(before: before, after: model.form?.draft)
        run(effects)
        dirty = true
    }

    /// Every edit is written to the draft store at once; a form that closes (sent or
    /// discarded) leaves no draft behind. A form open when the program dies keeps its draft.
    private func keepDraft(before: CandidateDraft?, after: CandidateDraft?) {
        guard let drafts, before != after else { return }
        do {
            if let after {
                try drafts.record(after)
            } else if let before {
                try drafts.delete(candidateId: before.original.id)
            }
            if let before, let after, before.original.id != after.original.id { try drafts.delete(candidateId: before.original.id) }
        } catch {
            model.flash = Flash(text: "Could not keep the draft: \(error)", kind: .error)
        }
    }

    // MARK: keys

    private func handle(_ key: Key) {
        if key == .resize {
            dirty = true
            return
        }
        // Below the minimum size only q works (it quits; an open form's edits stay as a draft).
        let size = terminal.size
        if size.rows < Self.minRows || size.cols < Self.minCols {
            if key == .char("q") {
                noteUnsavedDraft()
                model.quit = true
            }
            return
        }
        if case .paste = key, refuseUnshowableEdit() { return }
        if LineEditor.isEditingKey(key), refuseUnshowableEdit() { return }
        apply(.key(key))
    }

    /// In a non-UTF-8 locale a field with non-ASCII text shows every such character as `?`:
    /// editing it would be editing blind. Refuses the edit with a message instead; returns
    /// whether it did.
    private func refuseUnshowableEdit() -> Bool {
        guard !terminal.utf8, model.overlay == nil, let f = model.form, f.isTypedInForm(f.focus),
              !f.draft.text(f.focus).unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        model.flash = Flash(text: "\(f.focus.label) has characters this terminal cannot show; edit it in a UTF-8 locale (LANG=C.UTF-8)",
                            kind: .error)
        dirty = true
        return true
    }

    // MARK: effects

    private func run(_ effects: [Effect]) {
        for effect in effects { run(effect) }
    }

    /// The editor's rules on the shared request path. A page or the job list gets one attempt
    /// for a 5xx, timeout or network error (429s and pacing still apply): the model asks it
    /// again after 1–16 s and says so. Other requests get three attempts, a short blip's worth.
    static let loadPolicy = RetryPolicy(maxAttempts: 1)
    static let interactivePolicy = RetryPolicy(maxAttempts: 3)

    /// Starts one effect. Every request goes through the client's shared paced, retrying path
    /// (`CandidatesClient.paced`): rate-limit pacing, 429 / 5xx / timeout retries, whole-request timeouts.
    private func run(_ effect: Effect) {
        let client = self.client, inbox = self.inbox
        switch effect {
        case .debounceSearch(let token):
            Task.detached {
                try? await Task.sleep(for: .milliseconds(Self.searchPauseMs))
                inbox.post(.searchDue(token: token))
            }
        case .searchServer(let generation, let text, let query):
            Task.detached {
                do {
                    let p = try await client.paced(Self.interactivePolicy) { try await client.listCandidates(query).value }
                    inbox.post(.searchResults(generation: generation, text: text, p))
                } catch {
                    inbox.post(.searchFailed(generation: generation, Self.apiError(error)))
                }
            }
        case .wake(let seconds):
            Task.detached {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                inbox.post(.wake)
            }
        case .loadPage(let generation, let query):
            Task.detached {
                do {
                    let r = try await client.paced(Self.loadPolicy) { try await client.listCandidates(query) }
                    if let info = r.rateLimit { inbox.post(.rateLimit(info)) }
                    inbox.post(.pageLoaded(generation: generation, r.value))
                } catch {
                    inbox.post(.pageFailed(generation: generation, Self.apiError(error)))
                }
            }
        case .loadJobs:
            Task.detached {
                do { inbox.post(.jobsLoaded(try await client.allJobs(policy: Self.loadPolicy))) } catch { inbox.post(.jobsFailed(Self.apiError(error))) }
            }
        case .save(let id, let patch, let fields):
            Task.detached {
                do {
                    let c = try await client.paced(Self.interactivePolicy) { try await client.updateCandidate(id: id, patch: patch).value }
                    inbox.post(.saved(c, fields: fields))
                } catch {
                    inbox.post(.saveFailed(Self.apiError(error)))
                }
            }
        case .moveStatus(let id, let name, let from, let patch):
            Task.detached {
                do {
                    let c = try await client.paced(Self.interactivePolicy) { try await client.updateCandidate(id: id, patch: patch).value }
                    inbox.post(.statusMoved(c, from: from))
                } catch {
                    inbox.post(.statusMoveFailed(name: name, Self.apiError(error)))
                }
            }
        case .openEditor(let field, let text):
            apply(editExternally(field, text))
        case .runBulk(let plan):
            let control = BulkControl()
            bulkControl = control
            Task.detached {
                _ = await BulkStatusEngine(client: client).run(plan, control: control) { inbox.post(.bulk($0)) }
            }
        case .checkBeforeSave(let id):
            Task.detached {
                do { inbox.post(.checkedBeforeSave(try await client.paced(Self.interactivePolicy) { try await client.getCandidate(id: id).value })) } catch {
                    inbox.post(.saveFailed(Self.apiError(error)))
                }
            }
        case .openDraft(let draft):
            Task.detached {
                do {
                    let current = try await client.paced(Self.interactivePolicy) { try await client.getCandidate(id: draft.original.id).value }
                    inbox.post(.draftOpened(draft.rebased(onto: current)))
                } catch {
                    inbox.post(.openFailed(name: draft.original.fullName, Self.apiError(error)))
                }
            }
        case .discardDrafts(let ids):
            for id in ids { try? drafts?.delete(candidateId: id) }
        case .openCandidate(let id, let name):
            // A draft kept for later (or left by a crash) is what the user was editing: open it
            // over the server's current copy instead of a clean form, which would delete it.
            if let drafts, let saved = try? drafts.load(candidateId: id), saved.server == drafts.server, saved.company == drafts.company {
                run([.openDraft(saved.draft)])
                return
            }
            Task.detached {
                do { inbox.post(.candidateOpened(try await client.paced(Self.interactivePolicy) { try await client.getCandidate(id: id).value })) } catch {
                    inbox.post(.openFailed(name: name, Self.apiError(error)))
                }
            }
        case .cancelBulk:
            bulkControl?.cancel()
        }
    }

    /// Largest text taken back from the editor (the CV limit is 50,000 characters).
    static let maxEditorBytes = 1 << 20

    /// How long typing must pause before the server is asked with `search=`.
    static let searchPauseMs = 300

    static func apiError(_ error: Error) -> APIError {
        (error as? APIError) ?? .transport(detail: "\(error)")
    }

    /// Writes the text to a private temporary file, runs `$VISUAL`/`$EDITOR` (else `vi`) on it
    /// with the terminal handed over, and reads it back.
    private func editExternally(_ field: CandidateField, _ text: String) -> Event {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let dir = FileManager.default.temporaryDirectory
        let url = dir.appendingPathComponent("candidates-\(field.apiKey)-\(UUID().uuidString).\(field == .metadata ? "json" : "txt")")
        defer { try? FileManager.default.removeItem(at: url) }
        // Created 0600 from the start: the CV never sits readable by others, even for a moment.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return .editorFinished(field, text: nil, status: -1) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .editorFinished(field, text: nil, status: -1) }
        let status = terminal.runEditor(editor, file: url.path)
        dirty = true
        guard status == 0, let data = FileManager.default.contents(atPath: url.path), data.count <= Self.maxEditorBytes,
              let edited = String(data: data, encoding: .utf8) else {
            return .editorFinished(field, text: nil, status: status)
        }
        return .editorFinished(field, text: edited, status: 0)
    }

    // MARK: rendering

    static let minRows = 16, minCols = 50

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
        if size.rows < Self.minRows || size.cols < Self.minCols {
            menuView = nil; promptView = nil; viewOverlayGeneration = -1
            put(win, 0, 0, "Terminal too small", width: size.cols, attr: cn_a_bold())
            put(win, 1, 0, "need \(Self.minCols)×\(Self.minRows), have \(size.cols)×\(size.rows)", width: size.cols)
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
