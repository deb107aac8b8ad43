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
    /// What only the view keeps between frames (viewports); see `AppView`.
    private var viewState = ViewState()
    private var dirty = true
    /// When the last frame was drawn (uptime nanoseconds).
    private var lastFrame: UInt64 = 0
    /// At most ~30 frames a second.
    static let frameInterval: UInt64 = 33_000_000
    /// At most 10 frames a second in low-bandwidth mode: key bursts and arriving results
    /// coalesce into fewer, larger updates.
    static let lowBandwidthFrameInterval: UInt64 = 100_000_000
    /// The shortest time between two frames for this run (nanoseconds).
    private let frameGap: UInt64
    /// Held move keys in low-bandwidth mode (see `Typeahead`).
    private var typeahead = Typeahead()

    /// - Parameters:
    ///   - client: a configured API client.
    ///   - connection: what the header shows.
    ///   - drafts: where unsent edits are kept (every edit is saved at once); `nil` keeps none.
    ///   - journal: where every change is recorded before it is sent; `nil` records none (tests).
    ///   - options: flags and profile settings for this run.
    ///   - connector: opens another company's or profile's connection (`:company`, `:profile`).
    init(client: CandidatesClient, connection: ConnectionInfo, drafts: DraftStore? = nil, journal: Journal? = nil,
         options: TUIOptions = TUIOptions(), connector: TUIConnector? = nil) {
        self.model = AppModel(connection: connection, options: options)
        self.effects = EffectRunner(client: client, inbox: inbox, drafts: drafts, journal: journal, connector: connector)
        self.keepsDrafts = drafts != nil
        self.frameGap = options.lowBandwidth ? Self.lowBandwidthFrameInterval : Self.frameInterval
    }

    /// Runs a TUI on a thread of its own — curses is driven from that one thread; network
    /// tasks post events back to it — and waits until it ends.
    /// - Returns: the process exit status (0, or 128+signal) or the `TerminalError` that kept
    ///   it from starting, and the line for standard error after the terminal is restored.
    public static func run(client: CandidatesClient, connection: ConnectionInfo, drafts: DraftStore?, journal: Journal? = nil,
                           options: TUIOptions = TUIOptions(), connector: TUIConnector? = nil) async
        -> (status: Result<Int32, any Error>, exitNote: String?) {
        LargeAllocations.returnToSystemWhenFreed()
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let app = TUIApp(client: client, connection: connection, drafts: drafts, journal: journal, options: options,
                                 connector: connector)
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
        try terminal.start(colors: model.options.theme.usesColor)
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
            // batches even when a backlog of network results is waiting; within it, a key typed
            // meanwhile is read after the event being applied, before the rest.
            var applied = 0
            while applied < Self.eventsPerTurn {
                let batch = inbox.drain(limit: Self.eventsBetweenKeyChecks)
                for event in batch { apply(event) }
                applied += batch.count
                if batch.isEmpty || terminal.inputWaiting { break }
            }
            // Bursts of keys and events coalesce: at most one frame per `frameGap`. A posted
            // event ends the wait for a key at once (the inbox's wake descriptor); the shorter
            // wait while answers are expected only matters should that pipe be missing.
            var timeoutMs: Int32 = model.list.loading || model.bulk != nil ? 8 : 50
            if dirty {
                let now = DispatchTime.now().uptimeNanoseconds
                let sinceFrame = now &- lastFrame
                let held = typeahead.wait(at: now)
                if sinceFrame >= frameGap && held == 0 {
                    render()
                    typeahead.drew()
                    lastFrame = DispatchTime.now().uptimeNanoseconds
                } else {
                    let wait = max(held, sinceFrame >= frameGap ? 0 : frameGap - sinceFrame)
                    timeoutMs = min(timeoutMs, Int32(max(1, wait / 1_000_000)))
                }
            }
            if let key = terminal.readKey(waitingAtMost: timeoutMs, orUntilReadable: inbox.wakeFD) {
                handle(key)
                // Keys already typed are read first (a paste or a held key draws once); then
                // the frame is drawn at once: the frame pacing is for network results, and a
                // key is never held back by a frame a page just caused.
                var more = 0
                while more < Self.keysPerFrame, !model.quit, let next = terminal.readKey(waitingAtMost: 0) {
                    handle(next)
                    more += 1
                }
                if !model.options.lowBandwidth && !model.quit {
                    render()
                    lastFrame = DispatchTime.now().uptimeNanoseconds
                }
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
    /// Events applied before looking whether a key is waiting: each one, since one event
    /// applies at most one page (about half a millisecond for 100 rows) and a look is one `poll`.
    static let eventsBetweenKeyChecks = 1
    /// Keys already waiting that are applied before the frame a key causes is drawn.
    static let keysPerFrame = 64

    /// One key from the terminal (or a resize) becomes an event.
    private func handle(_ key: Key) {
        if key == .resize {
            let size = terminal.size
            apply(.resized(rows: size.rows, cols: size.cols))
            return
        }
        if model.options.lowBandwidth {
            if model.isMoveKey(key) { typeahead.moveKey(at: DispatchTime.now().uptimeNanoseconds) } else { typeahead.otherKey() }
        }
        apply(.key(key))
    }

    /// A line for standard error after the terminal is restored (e.g. where unsaved edits went).
    public private(set) var exitNote: String?

    private func teardown() {
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

    /// Draws the model through `AppView`; curses sends only the cells that changed.
    private func render() {
        dirty = false
        terminal.drawFrame { canvas in AppView.draw(model, &viewState, on: &canvas) }
    }
}
