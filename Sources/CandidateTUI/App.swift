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
    /// What only the view keeps between frames (viewports); see `AppView`.
    private var viewState = ViewState()
    /// Cancels the running bulk change.
    private var bulkControl: BulkControl?
    private var viewSize = (rows: 0, cols: 0)
    private var dirty = true
    /// When the last frame was drawn (uptime nanoseconds).
    private var lastFrame: UInt64 = 0
    /// At most ~30 frames a second.
    static let frameInterval: UInt64 = 33_000_000

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
        if size.rows < AppView.minRows || size.cols < AppView.minCols {
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

    /// Draws one frame into stdscr through the root view; `doupdate` sends only the cells that
    /// changed since the last frame.
    private func render() {
        dirty = false
        let size = terminal.size
        if size.rows != viewSize.rows || size.cols != viewSize.cols {
            viewSize = size
            clearok(cn_stdscr(), true)
        }
        var canvas = CursesCanvas(terminal: terminal)
        AppView.draw(model, &viewState, on: &canvas)
        wnoutrefresh(cn_stdscr())
        doupdate()
    }
}
