import CandidateCore
import Foundation

/// The whole state of the TUI, changed only by `update`. No curses here: screens are drawn
/// from this value, and tests drive it with events.
///
/// The root holds what several screens share (the list and its marks, the job catalog, the
/// screen and overlay, the message line) and routes each event to the screen or flow it
/// belongs to: `List/` (paging, search, marks, status moves), `Form/`, `Bulk/`, `Drafts/`
/// (unsent drafts, the lost-update guard) and `Overlays/` (menus and questions).
struct AppModel {
    var connection: ConnectionInfo
    /// The day GDPR dates must be after.
    var today: CalendarDay
    /// This run's settings; the toggles among them change while it runs.
    var options: TUIOptions
    var list = ListModel()
    /// Marked candidates, by id.
    var marks = Marks()
    /// Jobs for the filter, the picker and titles.
    var jobs = JobCatalog()
    var screen: Screen = .list
    var overlay: Overlay?
    var flash: Flash?
    var quit = false
    /// The bulk change running now.
    var bulk: BulkRunState?
    /// The last bulk change's report.
    var bulkReport: BulkReport?
    /// The report opens once nothing else is asked or awaited: no panel open, no save in flight
    /// (a question answered may start a save whose end, or conflict, opens or closes a panel).
    var bulkResultWaiting = false
    /// The plan of the last bulk change started (a retry sends its changes again).
    var bulkPlan: BulkChangePlan?
    /// Labels telling apart same-name candidates in the bulk preview or result on show.
    var listedNames = NameLabels()
    /// First line shown of a scrollable overlay (preview, result).
    var overlayScroll = 0
    /// The item under the open menu's cursor.
    var menuCursor = 0
    /// The jobs picker's selection (ids, in the order chosen).
    var pickerSelection: [String] = []
    /// The `/` prompt and its debounce.
    var search = SearchPrompt()
    /// The last rate-limit headers seen; background loading keeps a reserve for interactive requests.
    var rateLimit: RateLimitInfo?
    /// A `.wake` is scheduled.
    var waitingForRateLimit = false
    /// Statuses outside the API's enum already told about (`noticeUnknownStatuses`).
    var noticedStatuses: Set<CandidateStatus> = []
    /// `s` was pressed while `*` still marks: the bulk menu opens when marking is done.
    var openBulkMenuWhenMarked = false
    /// Unsent drafts offered for review.
    var drafts = DraftQueue()
    /// The `?` page, over whatever is open.
    var help: HelpPage?
    /// The `:` line, when open.
    var commandLine: CommandPrompt?
    /// This session's commands, oldest first.
    var commandHistory: [String] = []
    /// Other companies' (and profiles') lists as they were left, by `companyKey`.
    var companyViews: [String: CompanyView] = [:]
    /// A `.connect` is under way.
    var connecting = false
    /// The detail pane beside the list and the candidates fetched whole for it.
    var detail = DetailPane()
    /// How many marks the list does not show, kept up to date cheaply.
    private(set) var hiddenMarks = HiddenMarkCount()
    /// The terminal shows UTF-8 (else non-ASCII shows as `?` and such fields are not edited).
    private(set) var terminalUTF8 = true
    /// The terminal's size in cells; `nil` until the terminal reports it.
    private(set) var screenSize: (rows: Int, cols: Int)?
    /// Every edit of the form is kept in the draft store (`.keepDraft`) until sent or discarded.
    private(set) var keepsDrafts = false

    /// The smallest terminal the screens are drawn in; below it only `q` works.
    static let minRows = 16, minCols = 50

    /// The terminal is smaller than the screens need.
    var isScreenTooSmall: Bool {
        guard let size = screenSize else { return false }
        return size.rows < Self.minRows || size.cols < Self.minCols
    }

    init(connection: ConnectionInfo, today: CalendarDay = .today(), options: TUIOptions = TUIOptions()) {
        self.connection = connection
        self.today = today
        self.options = options
        detail.shown = options.detailPane
    }

    /// The form, when the form is the screen. Setting `nil` leaves the screen as it is.
    var form: FormModel? {
        get { if case .form(let f) = screen { return f }; return nil }
        set { if let newValue { screen = .form(newValue) } }
    }

    /// The `/` prompt is open (keys type into it).
    var searching: Bool { search.isOpen }

    /// Marked candidates that the list does not show (filtered out or not loaded).
    var hiddenMarkCount: Int { hiddenMarks.count }

    func jobTitle(_ id: String) -> String? { jobs.title(id) }

    /// The effects to start when the app opens.
    mutating func start() -> [Effect] {
        list.filter.status = options.filterStatus
        list.filter.jobId = options.filterJobId
        applyProfileSort()
        list.loading = true
        return [.loadPage(generation: list.generation, query: list.query(page: 1)), .loadJobs]
            + (options.commandHistory.map { [.loadCommandHistory($0)] } ?? [])
    }

    /// Opens an overlay (or closes it with `nil`); a menu opens on its first item that can be
    /// chosen (headings cannot), a scrolling panel at its top.
    mutating func setOverlay(_ o: Overlay?) {
        overlay = o
        // The labels keep what they were made from (a plan, a copy of the list for emails) until
        // the panel showing them closes: a list changed meanwhile would be copied for them.
        if o == nil { listedNames = NameLabels() }
        overlayScroll = 0
        let items = menu()?.items ?? []
        // A menu that marks the current choice opens on it.
        menuCursor = items.firstIndex { $0.selectable && $0.detail == "current" } ?? items.firstIndex(where: \.selectable) ?? 0
    }

    // MARK: - update

    /// The one place state changes. Returns the effects to start.
    mutating func update(_ event: Event) -> [Effect] {
        let draftBefore = form?.draft
        var effects = route(event)
        if bulkResultWaiting, overlay == nil, form?.saving != true { openBulkResult() }
        effects += detailFollowsCursor()
        hiddenMarks.recount(after: event, marks: marks, list: list, bulkRunning: bulk != nil)
        if keepsDrafts { effects += Self.draftEffects(before: draftBefore, after: form?.draft) }
        return effects
    }

    /// Every edit is written to the draft store at once; a form that closes (sent or
    /// discarded) leaves no draft behind. A form open when the program dies keeps its draft.
    private static func draftEffects(before: CandidateDraft?, after: CandidateDraft?) -> [Effect] {
        guard before != after else { return [] }
        var effects: [Effect] = []
        if let after {
            effects.append(.keepDraft(after))
        } else if let before {
            effects.append(.discardDrafts([before.original.id]))
        }
        if let before, let after, before.original.id != after.original.id { effects.append(.discardDrafts([before.original.id])) }
        return effects
    }

    /// Hands each event to the screen or flow it is about.
    private mutating func route(_ event: Event) -> [Effect] {
        switch event {
        case .terminalReady(let utf8, let rows, let cols, let keepsDrafts, let warning):
            terminalUTF8 = utf8
            screenSize = (rows, cols)
            self.keepsDrafts = keepsDrafts
            if let warning { flash = Flash(text: warning, kind: .info) }
            return keepsDrafts ? [.findDrafts] : []
        case .resized(let rows, let cols):
            screenSize = (rows, cols)
            // A taller view may need rows that low-bandwidth mode has not loaded yet.
            return options.lowBandwidth ? prefetchIfNeeded() : []
        case .draftStoreFailed(let message):
            flash = Flash(text: message, kind: .error)
            return []
        case .connected(let c): return connected(c)
        case .commandHistoryLoaded(let earlier):
            // Commands typed before the file was read stay the newest.
            commandHistory = earlier + commandHistory
            if var prompt = commandLine {
                prompt.historyIndex += earlier.count
                commandLine = prompt
            }
            return []
        case .commandHistoryFailed(let message):
            flash = Flash(text: message, kind: .error)
            return []
        case .undoPlanned(let undo, let unreadable):
            showUndo(undo, unreadable: unreadable)
            return []
        case .undoFailed(let message):
            flash = Flash(text: "Cannot undo: " + message, kind: .error)
            return []
        case .connectFailed(let message):
            connecting = false
            flash = Flash(text: "Could not switch: \(message)", kind: .error)
            return []
        case .detailDue(let token): return detailDue(token)
        case .detailLoaded(let c, let token): return detailLoaded(c, token: token)
        case .detailFailed(let id, let token, let error): return detailFailed(id: id, token: token, error)
        case .key(let key): return handleKey(key)
        case .pageLoaded(let generation, let number, let page, let haystacks): return pageArrived(generation, number: number, page, haystacks: haystacks)
        case .pageDue(let generation): return applyWaitingPage(generation)
        case .pageFailed(let generation, let number, let error): return pageFailed(generation, number: number, error)
        case .jobsLoaded(let list): return jobsLoaded(list)
        case .jobsFailed(let error): return jobsFailed(error)
        case .searchDue(let token): return searchDue(token)
        case .searchResults(let generation, _, let page): return searchResults(generation, page)
        case .searchFailed(let generation, let error): return searchFailed(generation, error)
        case .rateLimit(let info):
            rateLimit = info
            return []
        case .wake: return wake()
        case .candidateOpened(let c): return candidateOpened(c)
        case .openFailed(let name, let error):
            flash = Flash(text: "Could not open \(name): \(error.description)", kind: .error)
            return []
        case .editorFinished(let field, let text, let status): return editorFinished(field, text: text, status: status)
        case .checkedBeforeSave(let theirs): return checkedBeforeSave(theirs)
        case .saved(let candidate, let fields): return saved(candidate, fields: fields)
        case .saveFailed(let error): return saveFailed(error)
        case .draftsFound(let found): return draftsFound(found)
        case .draftOpened(let draft): return draftOpened(draft)
        case .statusMoved(let candidate, let from): return statusMoved(candidate, from: from)
        case .statusMoveFailed(let name, let error):
            flash = Flash(text: "Could not move \(name): \(error.description)", kind: .error)
            return []
        case .menuChosen(let index): return chooseMenuItem(index)
        case .menuToggled(let index): return toggleMenuItem(index)
        case .bulk(let e): return handleBulkEvent(e)
        case .historyRead(let history): return historyRead(history)
        case .interrupt:
            if bulk != nil { return cancelBulk() }
            quit = true
            return []
        }
    }

    // MARK: keys

    /// A key goes to the overlay when one is open, else to the screen.
    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        // Below the minimum size only q works (it quits; an open form's edits stay as a draft).
        if isScreenTooSmall {
            // q never leaves a bulk change half done: it cancels it first.
            if key == .char("q") { if bulk != nil { return cancelBulk() } else { quit = true } }
            return []
        }
        if case .paste = key, refuseUnshowableEdit() { return [] }
        if LineEditor.isEditingKey(key), refuseUnshowableEdit() { return [] }
        // A paste only ever types into a form field; anywhere else it is ignored, never keys.
        if case .paste = key, overlay != nil || (form == nil && commandLine == nil && !search.isOpen) { return [] }
        if help != nil { handleHelpKey(key); return [] }
        if openHelpIfAsked(key) { return [] }
        if commandLine != nil { return handleCommandKey(key) }
        if let overlay { return handleOverlayKey(key, overlay) }
        switch screen {
        case .list: return handleListKey(key)
        case .form: return handleFormKey(key)
        }
    }

    /// In a non-UTF-8 locale a field with non-ASCII text shows every such character as `?`:
    /// editing it would be editing blind. Refuses the edit with a message instead; returns
    /// whether it did.
    private mutating func refuseUnshowableEdit() -> Bool {
        guard !terminalUTF8, overlay == nil, let f = form, f.isTypedInForm(f.focus),
              !f.draft.text(f.focus).unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        flash = Flash(text: "\(f.focus.label) has characters this terminal cannot show; edit it in a UTF-8 locale (LANG=C.UTF-8)",
                      kind: .error)
        return true
    }

    /// Keys while an overlay is open, by kind of overlay.
    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        switch overlay {
        case .statusMenu, .formStatusMenu, .genderMenu, .jobsPicker, .bulkMenu, .statusFilterMenu, .jobFilterMenu, .companyMenu,
             .bulkActions, .bulkJobMenu:
            return handleMenuKey(key)
        case .bulkPreview, .bulkChangePreview, .bulkResult, .undoPreview:
            return handleBulkOverlayKey(key, overlay)
        case .expiryPrompt(let prompt):
            return handleExpiryPromptKey(key, prompt)
        case .draftsPrompt:
            return handleDraftsKey(key)
        case .conflict(let conflict):
            return handleConflictKey(key, conflict)
        case .confirmMove(let id, let to):
            return answerMove(key, candidateId: id, to: to)
        case .confirmSave:
            return answerSave(key)
        case .confirmDiscard:
            return answerDiscard(key)
        case .messages:
            return handleMessagesKey(key)
        case .pager(let pager):
            return handlePagerKey(key, pager)
        case .history:
            return handleHistoryKey(key)
        }
    }
}
