import CandidateCore
import Foundation

/// What the header says about the connection.
public struct ConnectionInfo: Sendable, Equatable {
    /// Where it is connected, e.g. `local sandbox 127.0.0.1:50123` or `api.instaview.sk`.
    public var location: String
    /// The company name or id the key sees, when known.
    public var company: String?
    public init(location: String, company: String?) {
        self.location = location; self.company = company
    }
}

/// Everything that happens becomes one of these and goes through `AppModel.update`.
enum Event {
    case key(Key)
    /// A page arrived for the list generation that asked for it.
    case pageLoaded(generation: Int, Page<Candidate>)
    case pageFailed(generation: Int, APIError)
    case jobsLoaded([Job])
    case jobsFailed(APIError)
    /// A form save came back with the server's candidate.
    case saved(Candidate, fields: [CandidateField])
    case saveFailed(APIError)
    /// A status move from the list came back.
    case statusMoved(Candidate, from: CandidateStatus)
    case statusMoveFailed(name: String, APIError)
    /// Enter on a single-choice menu: the index of the chosen item.
    case menuChosen(Int)
    /// Space on a toggle menu (the jobs picker): the index of the item toggled.
    case menuToggled(Int)
    /// The external editor returned; `nil` text when it failed (the field stays as it was).
    case editorFinished(CandidateField, text: String?, status: Int32)
    /// Progress or the end of a bulk status change.
    case bulk(BulkEvent)
    /// Ctrl-C (SIGINT) while the editor runs: cancels a bulk change, else quits.
    case interrupt
    /// The pause after typing in the search prompt ended.
    case searchDue(token: Int)
    /// Server results for a search, to merge into the list.
    case searchResults(generation: Int, text: String, Page<Candidate>)
    case searchFailed(generation: Int, APIError)
    /// What a response said about the rate limit.
    case rateLimit(RateLimitInfo)
    /// A pause for the rate limit ended: background loading may go on.
    case wake
    /// The server's copy read just before sending.
    case checkedBeforeSave(Candidate)
    /// Unsent drafts found at start for this server and company.
    case draftsFound([CandidateDraft])
    /// An unsent draft, laid over the server's current copy, ready to review.
    case draftOpened(CandidateDraft)
    /// The candidate to edit arrived.
    case candidateOpened(Candidate)
    case openFailed(name: String, APIError)
}

/// Work for the runtime to start; results come back as events.
enum Effect: Equatable {
    case loadPage(generation: Int, query: CandidateQuery)
    /// Waits a short pause, then posts `.searchDue(token)`.
    case debounceSearch(token: Int)
    /// Asks the server for `search=`; results come back as `.searchResults`.
    case searchServer(generation: Int, text: String, query: CandidateQuery)
    case loadJobs
    case save(id: String, patch: CandidatePatch, fields: [CandidateField])
    case moveStatus(id: String, name: String, from: CandidateStatus, patch: CandidatePatch)
    case openEditor(CandidateField, text: String)
    /// Posts `.wake` after `seconds`.
    case wake(after: Double)
    /// Reads the candidate again before a PATCH; the answer comes back as `.checkedBeforeSave`.
    case checkBeforeSave(id: String)
    /// Fetches the server's copy for an unsent draft; comes back as `.draftOpened`.
    case openDraft(CandidateDraft)
    /// Deletes stored drafts.
    case discardDrafts([String])
    /// Fetches the candidate (`GET /candidates/{id}`) to open it in the form.
    case openCandidate(id: String, name: String)
    /// Runs the bulk engine on the plan; events come back as `.bulk`.
    case runBulk(BulkStatusPlan)
    /// Stops starting new requests of the running bulk change.
    case cancelBulk
}

extension BulkStatusPlan: Equatable {
    public static func == (a: BulkStatusPlan, b: BulkStatusPlan) -> Bool { a.target == b.target && a.items == b.items }
}

/// A line of a menu.
struct MenuItem: Equatable {
    var label: String
    var detail: String
    /// What choosing it means (a status, a gender, a job id); `nil` for a heading.
    var value: String?
    var selectable: Bool { value != nil }
    /// Pre-selected (multi-select menus).
    var selected = false

    /// Items a page key moves the menu cursor by.
    static let pageItems = 10

    /// Where a navigation key moves a menu's cursor (headings are stepped over; at either end it
    /// stays), or `nil` when the key is not a navigation key.
    static func cursor(after key: Key, from current: Int, in items: [MenuItem]) -> Int? {
        let selectable = items.indices.filter { items[$0].selectable }
        guard let first = selectable.first, let last = selectable.last else { return nil }
        func atOrBefore(_ i: Int) -> Int? { selectable.last { $0 <= i } }
        func atOrAfter(_ i: Int) -> Int? { selectable.first { $0 >= i } }
        switch key {
        case .up, .char("k"): return atOrBefore(current - 1) ?? current
        case .down, .char("j"): return atOrAfter(current + 1) ?? current
        case .pageUp: return atOrBefore(current - pageItems) ?? first
        case .pageDown: return atOrAfter(current + pageItems) ?? last
        case .home, .char("g"): return first
        case .end, .char("G"): return last
        default: return nil
        }
    }
}

/// A flash message on the line above the key hints.
struct Flash: Equatable {
    enum Kind { case info, ok, error }
    var text: String
    var kind: Kind
}

/// The form: the draft being edited, the focused field, the cursor in it, messages per field.
///
/// The draft is the one owner of every field's text, the server's exact string until the
/// user edits it; typed fields are edited through `LineEditor` (`edit(_:)`), so there is no
/// widget text to read back.
struct FormModel: Equatable {
    var draft: CandidateDraft
    /// The focused field; moving it puts the cursor at the end of the new field's text.
    var focus: CandidateField {
        didSet { if focus != oldValue { cursor = draft.text(focus).unicodeScalars.count } }
    }
    /// The cursor in the focused typed field, in Unicode scalars (see `LineEditor`).
    private(set) var cursor: Int
    var errors: [CandidateField: String] = [:]
    var saving = false
    /// The patch waiting for confirmation.
    var pendingPatch: CandidatePatch?

    init(draft: CandidateDraft, focus: CandidateField = .firstName) {
        self.draft = draft
        self.focus = focus
        cursor = draft.text(focus).unicodeScalars.count
    }

    /// The focused field's editor: its exact text and the cursor.
    var editor: LineEditor { LineEditor(text: draft.text(focus), cursor: cursor) }

    /// Edits the focused field through its editor; a change of text clears the field's message.
    mutating func edit(_ change: (inout LineEditor) -> Void) {
        var e = editor
        change(&e)
        if e.text.unicodeScalars.elementsEqual(draft.text(focus).unicodeScalars) == false {
            draft.setText(e.text, for: focus)
            errors[focus] = nil
        }
        cursor = e.cursor
    }

    /// Fields typed into directly; the others open a menu or an editor.
    static func isTyped(_ f: CandidateField) -> Bool {
        switch f {
        case .firstName, .lastName, .email, .phoneNumber, .gdprExpiryDate: return true
        default: return false
        }
    }
}

enum Screen: Equatable {
    case list
    case form(FormModel)
}

/// Overlays above a screen: menus, pickers and y/N prompts.
enum Overlay: Equatable {
    /// Status menu for a candidate on the list.
    case statusMenu(candidateId: String)
    /// Status menu inside the form.
    case formStatusMenu
    case genderMenu
    case jobsPicker
    /// `Move <name> from A to B? (y/N)`.
    case confirmMove(candidateId: String, to: CandidateStatus)
    /// The changed fields as `Label: old → new`; y sends.
    case confirmSave(lines: [String])
    /// `Discard changes? (y/N)`.
    case confirmDiscard
    /// The status menu for the marked set, with counts per status.
    case bulkMenu
    /// What a bulk change would do; scrollable; default No.
    case bulkPreview(BulkStatusPlan)
    /// Every candidate's outcome of the last bulk change; `r` retries the failed.
    case bulkResult
    /// `N unsent drafts — (r)eview, (d)iscard, (l)ater`.
    case draftsPrompt
    /// The candidate changed on the server since the form opened: base / mine / theirs.
    case conflict(FieldMerge)
    /// `f`: server-side status filter.
    case statusFilterMenu
    /// `J`: server-side job filter.
    case jobFilterMenu
}

/// The whole state of the TUI, changed only by `update`. No curses here: screens are drawn
/// from this value, and tests drive it with events.
struct AppModel {
    var connection: ConnectionInfo
    var list = ListModel()
    /// Marked candidates, by id.
    var marks = Marks()
    var jobs: [Job] = []
    var jobsLoaded = false
    var screen: Screen = .list
    var overlay: Overlay?
    /// Changes whenever `overlay` is replaced, so views know to rebuild.
    var overlayGeneration = 0
    var flash: Flash?
    var quit = false
    /// The bulk change running now.
    var bulk: BulkRunState?
    /// The last bulk change's report.
    var bulkReport: BulkReport?
    /// First line shown of a scrollable overlay (preview, result).
    var overlayScroll = 0
    /// The `/` search prompt is open (keys type into it).
    var searching = false
    /// Identifies the latest keystroke of a search, so only the last pause asks the server.
    var searchToken = 0
    /// The last rate-limit headers seen; background loading keeps a reserve for interactive requests.
    var rateLimit: RateLimitInfo?
    /// A `.wake` is scheduled.
    var waitingForRateLimit = false
    /// Transient failures in a row of the job list, and whether the next `.wake` asks again.
    var jobsFailedAttempts = 0
    var jobsRetryDue = false
    /// How the message line starts while pages fail.
    static let loadFailurePrefix = "Could not load candidates"
    /// Times a page (or the job list) is asked again after a transient failure before giving up.
    static let loadRetries = 5
    /// The pause before retry `attempt` (1-based): 1, 2, 4, 8, 16 s.
    static func retryWait(attempt: Int) -> Double { Double(1 << (attempt - 1)) }
    /// Statuses outside the API's enum already told about (`noticeUnknownStatuses`).
    var noticedStatuses: Set<CandidateStatus> = []
    /// `s` was pressed while `*` still marks: the bulk menu opens when marking is done.
    var openBulkMenuWhenMarked = false
    /// Unsent drafts offered for review.
    var pendingDrafts: [CandidateDraft] = []
    /// The jobs picker's selection (ids, in the order chosen) and the menu cursor to restore on rebuild.
    var pickerSelection: [String] = []
    var menuCursor = 0
    /// Per-field choices in the conflict view, and the conflict under the cursor.
    var conflictChoices: [CandidateField: FieldMerge.Side] = [:]
    var conflictCursor = 0
    /// The day GDPR dates must be after.
    var today: CalendarDay

    init(connection: ConnectionInfo, today: CalendarDay = .today()) {
        self.connection = connection
        self.today = today
    }

    var form: FormModel? {
        get { if case .form(let f) = screen { return f }; return nil }
        set { if let newValue { screen = .form(newValue) } }
    }

    func jobTitle(_ id: String) -> String? { jobs.first(where: { $0.id == id })?.title }

    /// The effects to start when the app opens.
    mutating func start() -> [Effect] {
        list.loading = true
        return [.loadPage(generation: list.generation, query: list.query(page: 1)), .loadJobs]
    }

    mutating func setOverlay(_ o: Overlay?) {
        overlay = o
        overlayGeneration += 1
        overlayScroll = 0
        // A menu opens on its first item that can be chosen (headings cannot).
        menuCursor = menu()?.items.firstIndex(where: \.selectable) ?? 0
    }

    // MARK: - update

    /// The one place state changes. Returns the effects to start.
    mutating func update(_ event: Event) -> [Effect] {
        let effects = step(event)
        recountHiddenMarks(after: event)
        return effects
    }

    private mutating func step(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key): return handleKey(key)
        case .pageLoaded(let gen, let answer):
            guard gen == list.generation else { return [] }
            list.loading = false
            // The pages are checked as `list` checks them: a server that repeats pages or claims
            // more than it has is stopped with its reason, not followed for 10,000 pages.
            var page = answer
            do {
                page.items = try list.walk.accept(answer)
            } catch {
                list.loadError = "\(error)"
                stopLoading(because: "\(error)")
                return []
            }
            list.append(page.items)
            marks.refresh(page.items)
            // What said the list was reloading or failing is over once a page arrived.
            if let text = flash?.text, text == "Reloading…" || text.hasPrefix(Self.loadFailurePrefix) { flash = nil }
            list.total = page.total
            if list.markAllPending {
                // `*` marks what the list showed when it was pressed: the server's filters and
                // the search typed then (changing the search meanwhile does not widen it).
                marks.mark(page.items.filter { list.matches(id: $0.id, needle: list.markAllNeedle) })
                if list.walk.problem == nil {
                    if list.hasMore { flash = Flash(text: markingProgress(), kind: .info) } else { finishMarkingAll() }
                }
            }
            list.loadError = nil
            list.failedAttempts = 0
            list.lastFailure = nil
            noticeUnknownStatuses()
            noticeSkipped(page.skipped)
            if let problem = list.walk.problem { stopLoading(because: problem.description) }
            return prefetchIfNeeded()
        case .pageFailed(let gen, let error):
            guard gen == list.generation else { return [] }
            list.loading = false
            // A server hiccup (5xx, 429, timeout, network): try the page again by itself, waiting
            // 1, 2, 4, 8, 16 s; then give up until `r`.
            list.lastFailure = error.description
            if error.isTransient, list.failedAttempts < Self.loadRetries {
                list.failedAttempts += 1
                list.retryWaiting = true
                let wait = Self.retryWait(attempt: list.failedAttempts)
                flash = Flash(text: Self.loadFailurePrefix + " (trying again in \(Int(wait)) s, \(list.failedAttempts) of \(Self.loadRetries)): \(error.description)", kind: .error)
                return [.wake(after: wait)]
            }
            // A pending `*` stays pending: `r` goes on with it.
            list.loadError = error.description
            flash = Flash(text: Self.loadFailurePrefix + " (r retries): \(error.description)", kind: .error)
            return []
        case .jobsLoaded(let jobs):
            jobsFailedAttempts = 0
            self.jobs = jobs.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
            jobsLoaded = true
            return []
        case .jobsFailed(let error):
            jobsLoaded = false
            if error.isTransient, jobsFailedAttempts < Self.loadRetries {
                jobsFailedAttempts += 1
                jobsRetryDue = true
                return [.wake(after: Self.retryWait(attempt: jobsFailedAttempts))]
            }
            if flash == nil { flash = Flash(text: "Could not load jobs (r retries): \(error.description)", kind: .error) }
            return []
        case .saved(let candidate, let fields):
            list.replace(candidate)
            marks.refresh([candidate])
            // Only the form that sent it closes (the user may have moved on meanwhile).
            guard let f = form, f.saving, f.draft.original.id == candidate.id else {
                flash = Flash(text: "Saved \(fields.map(\.label).joined(separator: ", ")) for \(candidate.fullName)", kind: .ok)
                return []
            }
            screen = .list
            setOverlay(nil)
            let names = fields.map(\.label).joined(separator: ", ")
            flash = Flash(text: "Saved \(names) for \(candidate.fullName)", kind: .ok)
            offerNextDraft()
            return []
        case .saveFailed(let error):
            guard var f = form else { return [] }
            f.saving = false
            if case .http(let failure) = error, !failure.fields.isEmpty {
                for field in failure.fields {
                    f.errors[field] = Self.messageFor(field, in: failure)
                }
                f.focus = failure.fields[0]
            }
            form = f
            flash = Flash(text: "Not saved: \(error.description)", kind: .error)
            return []
        case .statusMoved(let candidate, let from):
            list.replace(candidate)
            marks.refresh([candidate])
            flash = Flash(text: "Moved \(candidate.fullName) from \(from) to \(candidate.status)", kind: .ok)
            return []
        case .statusMoveFailed(let name, let error):
            flash = Flash(text: "Could not move \(name): \(error.description)", kind: .error)
            return []
        case .menuChosen(let index):
            return chooseMenuItem(index)
        case .bulk(let e):
            return handleBulkEvent(e)
        case .interrupt:
            if bulk != nil { return cancelBulk() }
            quit = true
            return []
        case .searchDue(let token):
            guard token == searchToken, !list.filter.search.isEmpty else { return [] }
            var q = list.query(page: 1)
            q.limit = CandidateQuery.maxLimit
            q.search = list.filter.search
            return [.searchServer(generation: list.generation, text: list.filter.search, query: q)]
        case .searchResults(let gen, _, let page):
            guard gen == list.generation else { return [] }
            list.append(page.items)
            marks.refresh(page.items)
            noticeUnknownStatuses()
            return []
        case .rateLimit(let info):
            rateLimit = info
            return []
        case .wake:
            waitingForRateLimit = false
            list.retryWaiting = false
            var effects = prefetchIfNeeded()
            if jobsRetryDue {
                jobsRetryDue = false
                effects.append(.loadJobs)
            }
            return effects
        case .checkedBeforeSave(let theirs):
            return checkedBeforeSave(theirs)
        case .draftsFound(let drafts):
            guard !drafts.isEmpty else { return [] }
            pendingDrafts = drafts
            setOverlay(.draftsPrompt)
            return []
        case .draftOpened(let d):
            guard case .list = screen else { return [] }
            screen = .form(FormModel(draft: d, focus: d.changedFields.first ?? .firstName))
            flash = Flash(text: "Your unsent draft of \(d.original.fullName), over the server's current copy — F2 to send, Esc to discard", kind: .info)
            return []
        case .candidateOpened(let c):
            guard case .list = screen, overlay == nil else { return [] }
            list.replace(c)
            screen = .form(FormModel(draft: CandidateDraft(c)))
            flash = nil
            return []
        case .openFailed(let name, let error):
            flash = Flash(text: "Could not open \(name): \(error.description)", kind: .error)
            return []
        case .searchFailed(let gen, let error):
            guard gen == list.generation else { return [] }
            flash = Flash(text: "Server search failed (showing loaded matches): \(error.description)", kind: .error)
            return []
        case .menuToggled(let index):
            guard overlay == .jobsPicker, let items = menu()?.items, items.indices.contains(index), let id = items[index].value else { return [] }
            if let i = pickerSelection.firstIndex(of: id) { pickerSelection.remove(at: i) } else { pickerSelection.append(id) }
            menuCursor = index
            overlayGeneration += 1
            return []
        case .editorFinished(let field, let text, let status):
            guard var f = form else { return [] }
            if let text {
                // Editors add a final newline; drop it unless the value had one.
                let before = f.draft.text(field)
                let value = text.hasSuffix("\n") && !before.hasSuffix("\n") ? String(text.dropLast()) : text
                f.draft.setText(value, for: field)
                f.errors[field] = nil
                switch f.draft.wireValue(field) {
                case .failure(let e): f.errors[field] = e.message
                case .success(let v): f.errors[field] = PatchValidator.check(field, v, today: today)
                }
                form = f
                if let problem = f.errors[field] {
                    flash = Flash(text: "\(field.label) \(problem) — Enter opens the editor again", kind: .error)
                } else {
                    flash = f.draft.isChanged(field) ? Flash(text: "\(field.label) changed — F2 to save", kind: .info) : nil
                }
            } else {
                flash = Flash(text: "The editor exited with status \(status); \(field.label) is unchanged", kind: .error)
            }
            return []
        }
    }

    /// What the list says while it shows no row. "No candidates." only when the server said
    /// so: never while a page is failing, being retried or waited for.
    func emptyListText() -> String {
        let l = list
        if let e = l.loadError { return "Could not load candidates: \(e) — r tries again" }
        if let e = l.lastFailure, l.retryWaiting || l.loading {
            let when = l.retryWaiting ? "trying again in \(Int(Self.retryWait(attempt: l.failedAttempts))) s" : "trying again now"
            return "Could not load candidates: \(e) — \(when) (\(l.failedAttempts) of \(Self.loadRetries))"
        }
        if waitingForRateLimit { return "Waiting for the server's rate limit before loading more…" }
        if l.loading || l.total == nil { return "Loading candidates…" }
        if l.filter.isActive {
            // Name only the keys that undo what is active.
            let undo = (l.filter.search.isEmpty ? [] : ["Esc clears the search"]) + (l.filter.status == nil && l.filter.jobId == nil ? [] : ["f/J change filters"])
            return "No candidate matches (\(filterDescription())). " + undo.joined(separator: ", ") + "."
        }
        return "No candidates."
    }

    /// Says when a page had candidates this client cannot read (left out of the list).
    private mutating func noticeSkipped(_ skipped: [String]) {
        guard let first = skipped.first else { return }
        let more = skipped.count > 1 ? " and \(skipped.count - 1) more" : ""
        flash = Flash(text: "Left out \(skipped.count) candidate\(skipped.count == 1 ? "" : "s") the server sent unreadable (\(first)\(more))",
                      kind: .error)
    }

    /// Says once per status when the server sent one outside the API's enum (its own docs'
    /// prose names `INTERVIEWED`, `HIRED`, `WITHDRAWN`): it is shown as it came and never sent.
    private mutating func noticeUnknownStatuses() {
        let new = list.unknownStatuses.filter { !noticedStatuses.contains($0) }
        guard !new.isEmpty else { return }
        noticedStatuses.formUnion(new)
        let names = new.map(\.rawValue).joined(separator: ", ")
        flash = Flash(text: "The server sent \(new.count == 1 ? "a status" : "statuses") this client does not know: \(names) — shown as sent; the status menu offers the API's statuses",
                      kind: .info)
    }

    /// The server's message for a field: the first message that names it, else all of them.
    static func messageFor(_ field: CandidateField, in failure: HTTPFailure) -> String {
        failure.messages.first(where: { $0.hasPrefix(field.apiKey) }) ?? failure.message
    }

    // MARK: keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        // A paste only ever types into a form field; anywhere else it is ignored, never keys.
        if case .paste = key, overlay != nil || form == nil { return [] }
        if let overlay { return handleOverlayKey(key, overlay) }
        switch screen {
        case .list: return handleListKey(key)
        case .form: return handleFormKey(key)
        }
    }

    mutating func handleListKey(_ key: Key) -> [Effect] {
        if searching, let effects = handleSearchKey(key) { return effects }
        let pageRows = 10
        switch key {
        case .up, .char("k"): moveCursor(to: list.cursor - 1)
        case .down, .char("j"): moveCursor(to: list.cursor + 1)
        case .pageUp: moveCursor(to: list.cursor - pageRows)
        case .pageDown: moveCursor(to: list.cursor + pageRows)
        case .home, .char("g"): moveCursor(to: 0)
        case .end, .char("G"): moveCursor(to: list.count - 1)
        case .enter:
            guard let c = list.current else { return [] }
            // The form edits a fresh, complete copy (the list keeps only what it shows).
            flash = Flash(text: "Opening \(c.fullName)…", kind: .info)
            return [.openCandidate(id: c.id, name: c.fullName)]
        case .char("s"):
            openStatusMenu()
        case .escape where bulk != nil:
            return cancelBulk()
        case .escape where list.markAllPending && openBulkMenuWhenMarked:
            stopMarkingAll()
        case .char("r"), .ctrl("r"):
            return reload()
        case .char(" "):
            if marks.isRangeOpen { marks.endRange() } else if let c = list.current {
                marks.toggle(c)
                moveCursor(to: list.cursor + 1)
            }
        case .char("v"):
            if marks.isRangeOpen { marks.endRange() } else if list.current != nil { marks.startRange(at: list.cursor, list: list) }
        case .char("u"):
            // A `*` still loading pages would mark again: it stops too.
            endMarkingAll()
            marks.clear()
            flash = Flash(text: "Marks cleared", kind: .info)
        case .char("*"):
            return markAllMatching()
        case .char("/"):
            searching = true
        case .escape where !list.filter.search.isEmpty:
            list.setSearch("")
            flash = Flash(text: "Search cleared", kind: .info)
        case .char("f"):
            setOverlay(.statusFilterMenu)
        case .char("J"):
            setOverlay(.jobFilterMenu)
        case .char("o"):
            let column = list.sortColumn.next
            list.setSort(column, descending: column.startsDescending)
            let first = column == .updated ? " (newest first)" : column == .rating ? " (highest first)" : ""
            flash = Flash(text: "Sorted by \(column.label)\(first)", kind: .info)
        case .char("O"):
            list.setSort(list.sortColumn, descending: !list.sortDescending)
            flash = Flash(text: "Sorted by \(list.sortColumn.label) \(list.sortDescending ? "descending" : "ascending")", kind: .info)
        case .char("q"):
            if bulk != nil { flash = Flash(text: "A bulk change is running — Esc cancels it first", kind: .info) } else { quit = true }
        default: break
        }
        return prefetchIfNeeded()
    }

    /// Keys while the search prompt is open; `nil` lets navigation keys through to the list.
    mutating func handleSearchKey(_ key: Key) -> [Effect]? {
        var text = list.filter.search
        switch key {
        case .char(let c): text.append(c)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .enter:
            searching = false
            return []
        case .escape:
            searching = false
            list.setSearch("")
            return []
        default: return nil
        }
        list.setSearch(text)
        searchToken += 1
        return text.isEmpty ? [] : [.debounceSearch(token: searchToken)]
    }

    /// Applies a server-side filter: the list reloads for the new query; marks stay.
    mutating func setServerFilter(status: CandidateStatus?, jobId: String?) -> [Effect] {
        list.filter.status = status
        list.filter.jobId = jobId
        // Another query: a `*` still loading was about the old one.
        if list.markAllPending { stopMarkingAll() }
        setOverlay(nil)
        let effects = reload()
        flash = Flash(text: "Filter: " + filterDescription(), kind: .info)
        return effects
    }

    /// "status APPLIED · job Backend Developer · /stastny", or "none".
    func filterDescription() -> String {
        var parts: [String] = []
        if let s = list.filter.status { parts.append("status \(s)") }
        if let j = list.filter.jobId { parts.append("job \(jobTitle(j) ?? j)") }
        if !list.filter.search.isEmpty { parts.append("/\(list.filter.search)") }
        return parts.isEmpty ? "none" : parts.joined(separator: " · ")
    }

    mutating func moveCursor(to index: Int) {
        list.cursor = max(0, min(index, list.count - 1))
        // The user chose where to be: a reload's "back to where you were" no longer applies.
        list.cursorTarget = nil
        if marks.isRangeOpen { marks.extendRange(to: list.cursor, list: list) }
    }

    /// Marks every candidate the list's query matches, loading the pages not loaded yet.
    mutating func markAllMatching() -> [Effect] {
        // An open `v` range would put its own marks back on the next move: `*` ends it.
        marks.endRange()
        marks.mark(list.shownMarkables)
        guard list.hasMore else {
            flash = Flash(text: "Marked all matching candidates: \(marks.count) marked", kind: .ok)
            return []
        }
        list.markAllPending = true
        list.markAllNeedle = list.searchNeedle
        flash = Flash(text: markingProgress(), kind: .info)
        // Asking for everything is also asking again after a failed page.
        if list.loadError != nil { list.loadError = nil; list.failedAttempts = 0 }
        return prefetchIfNeeded()
    }

    /// Marked candidates that the list does not show (filtered out or not loaded). Kept by
    /// `update`, recounted only when the marks or the list changed. A recount is a lookup per
    /// mark (about 15 ms for 100,000), so while pages stream in it is done every
    /// `marks.count / 10,000` pages (every page below 10,000 marks) and on the last one; while a
    /// bulk change runs, only at its end; anything else recounts at once.
    private(set) var hiddenMarkCount = 0
    private var hiddenMarkKey: (marks: Int, generation: Int, list: Int) = (-1, -1, -1)
    private var eventsSinceRecount = 0

    private mutating func recountHiddenMarks(after event: Event) {
        let key = (marks.version, list.generation, list.version)
        guard key != hiddenMarkKey else { return }
        let streamGoesOn: Bool
        switch event {
        case .pageLoaded: streamGoesOn = list.hasMore
        case .bulk(.item), .bulk(.progress):
            // While a bulk change runs the header shows its progress; count once at its end
            // (every `.item` changes a mark and a row: recounting 100,000 marks per item froze the UI).
            guard bulk == nil else { return }
            streamGoesOn = false
        default: streamGoesOn = false
        }
        if streamGoesOn, eventsSinceRecount < marks.count / 10_000 {
            eventsSinceRecount += 1
            return
        }
        eventsSinceRecount = 0
        hiddenMarkKey = key
        hiddenMarkCount = marks.isEmpty ? 0 : marks.byId.keys.reduce(0) { $0 + (list.isShown($1) ? 0 : 1) }
    }

    /// The marked candidates, else the one under the cursor: what `s` acts on.
    var targets: [Candidate] {
        if !marks.isEmpty { return marks.candidates }
        return list.current.map { [$0] } ?? []
    }

    /// Loads the next page: at once when the cursor nears the end of what is loaded or `*`
    /// waits for every page; otherwise in the background while the rate-limit budget keeps a
    /// reserve (a quarter of the per-minute limit, at least 5) for what the user does.
    mutating func prefetchIfNeeded() -> [Effect] {
        guard list.hasMore, !list.loading, list.loadError == nil, !list.retryWaiting else { return [] }
        let urgent = list.markAllPending || list.cursor >= list.count - ListModel.prefetchDistance
        if !urgent, let r = rateLimit, let remaining = r.remainingMinute {
            let reserve = max(5, (r.limitMinute ?? 60) / 4)
            if remaining <= reserve {
                guard !waitingForRateLimit else { return [] }
                waitingForRateLimit = true
                let wait = max(1, (r.resetMinute ?? 0) - Date().timeIntervalSince1970)
                return [.wake(after: min(wait, 60))]
            }
        }
        list.loading = true
        return [.loadPage(generation: list.generation, query: list.query(page: list.nextPage))]
    }

    /// Drops what is loaded and fetches page 1 again; the cursor stays on the same candidate
    /// when it comes back on the first pages.
    mutating func reload() -> [Effect] {
        let keep = list.current?.id
        let markingAll = list.markAllPending, markingNeedle = list.markAllNeedle
        jobsFailedAttempts = 0
        jobsRetryDue = false
        list = ListModel(generation: list.generation + 1, filter: list.filter, sortColumn: list.sortColumn, sortDescending: list.sortDescending)
        list.cursorTarget = keep
        // A `*` still loading goes on with the fresh pages.
        list.markAllPending = markingAll
        list.markAllNeedle = markingNeedle
        list.loading = true
        flash = Flash(text: "Reloading…", kind: .info)
        return [.loadPage(generation: list.generation, query: list.query(page: 1)), .loadJobs]
    }

    mutating func handleFormKey(_ key: Key) -> [Effect] {
        guard var f = form else { return [] }
        if f.saving {
            flash = Flash(text: "Saving… (edits wait until the server answers)", kind: .info)
            return []
        }
        if f.isTypedInForm(f.focus) {
            if case .paste(let text) = key {
                form = f
                pasteIntoField(text)
                return []
            }
            if LineEditor.isEditingKey(key) {
                f.edit { $0.apply(key) }
                form = f
                return []
            }
        }
        let fields = CandidateField.allCases
        let index = fields.firstIndex(of: f.focus) ?? 0
        switch key {
        case .tab, .down:
            f.focus = fields[(index + 1) % fields.count]
            flashOnFocus(f)
        case .backTab, .up:
            f.focus = fields[(index + fields.count - 1) % fields.count]
            flashOnFocus(f)
        case .enter:
            switch f.focus {
            case .status: form = f; setOverlay(.formStatusMenu); return []
            case .gender: form = f; setOverlay(.genderMenu); return []
            case .jobIds:
                form = f
                if jobsLoaded {
                    setOverlay(.jobsPicker)
                    pickerSelection = f.draft.jobIds
                } else {
                    flash = Flash(text: "The job list is not loaded yet (r on the list reloads it)", kind: .error)
                }
                return []
            case .metadata, .cvText:
                form = f
                return [.openEditor(f.focus, text: f.draft.text(f.focus))]
            default:
                f.focus = fields[(index + 1) % fields.count]
            }
        case .ctrl("u"):
            // Typed fields are cleared by their editor; these are cleared here.
            switch f.focus {
            case .gender: f.draft.gender = nil
            case .metadata: f.draft.metadataText = ""
            case .cvText: f.draft.cvText = ""
            case .jobIds: f.draft.jobIds = []
            default: break
            }
            f.errors[f.focus] = nil
        case .function(2), .ctrl("s"):
            form = f
            return save()
        case .escape:
            form = f
            if f.draft.hasChanges { setOverlay(.confirmDiscard) } else { screen = .list; flash = nil }
            return []
        default: break
        }
        form = f
        return []
    }

    /// A bracketed paste into the focused typed field: inserted literally at the cursor (line
    /// breaks and tabs become spaces, the fields are one line). A paste the field has no room
    /// for is refused whole, with a message, rather than cut.
    private mutating func pasteIntoField(_ text: String) {
        guard var f = form else { return }
        let pasted = LineEditor.oneLine(text)
        guard FormModel.fitsTypedField(f.draft.text(f.focus) + pasted) else {
            flash = Flash(text: "Not pasted: \(f.focus.label) takes at most \(FormModel.maxTypedCells) characters here", kind: .error)
            return
        }
        f.edit { $0.insert(pasted) }
        form = f
    }

    /// Says what matters about the field the focus just moved to: its error, or that it is
    /// too long to edit in the form.
    private mutating func flashOnFocus(_ f: FormModel) {
        if let e = f.errors[f.focus] {
            flash = Flash(text: "\(f.focus.label): \(e)", kind: .error)
        } else if let note = f.tooLongFlash(f.focus) {
            flash = Flash(text: note, kind: .info)
        }
    }

    /// Validates; on failure focuses the first bad field and sends nothing; with no change
    /// flashes "Nothing to change"; else asks for confirmation.
    mutating func save() -> [Effect] {
        guard var f = form, !f.saving else { return [] }
        do {
            let patch = try f.draft.makePatch(today: today)
            guard !patch.isEmpty else {
                flash = Flash(text: "Nothing to change", kind: .info)
                return []
            }
            f.errors = [:]
            f.pendingPatch = patch
            form = f
            flash = nil
            setOverlay(.confirmSave(lines: FieldDisplay.changeLines(patch, original: f.draft.original, jobTitle: jobTitle)))
        } catch let failure as ValidationFailure {
            f.errors = failure.byField
            if let first = failure.errors.first { f.focus = first.field }
            form = f
            let n = failure.byField.count
            flash = Flash(text: "Not saved — \(n == 1 ? "1 field needs" : "\(n) fields need") fixing: \(failure.errors[0].description)", kind: .error)
        } catch {
            flash = Flash(text: "Not saved: \(error)", kind: .error)
        }
        return []
    }

    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        switch overlay {
        case .statusMenu, .formStatusMenu, .genderMenu, .jobsPicker, .bulkMenu, .statusFilterMenu, .jobFilterMenu:
            if key == .escape || key == .char("q") { setOverlay(nil); return [] }
            guard let menu = menu(), !menu.items.isEmpty else { return [] }
            if let moved = MenuItem.cursor(after: key, from: menuCursor, in: menu.items) {
                menuCursor = moved
                return []
            }
            if key == .enter { return chooseMenuItem(menuCursor) }
            if key == .char(" "), menu.multi { return update(.menuToggled(menuCursor)) }
            return []
        case .bulkPreview, .bulkResult:
            return handleBulkOverlayKey(key, overlay)
        case .draftsPrompt:
            return handleDraftsKey(key)
        case .conflict(let merge):
            return handleConflictKey(key, merge)
        case .confirmMove(let id, let to):
            setOverlay(nil)
            guard key == .char("y") || key == .char("Y"),
                  let c = list.candidate(id: id) else {
                flash = Flash(text: "Status unchanged", kind: .info)
                return []
            }
            flash = Flash(text: "Moving \(c.fullName) to \(to)…", kind: .info)
            return [.moveStatus(id: id, name: c.fullName, from: c.status, patch: .status(to))]
        case .confirmSave:
            guard var f = form else { setOverlay(nil); return [] }
            if key == .char("y") || key == .char("Y"), f.pendingPatch != nil {
                setOverlay(nil)
                f.saving = true
                form = f
                flash = Flash(text: "Checking the server's copy…", kind: .info)
                // Lost-update guard: read the candidate again before sending (no ETag exists).
                return [.checkBeforeSave(id: f.draft.original.id)]
            }
            // Any other key answers No (the default).
            setOverlay(nil)
            f.pendingPatch = nil
            form = f
            flash = Flash(text: "Not sent — your edits are kept", kind: .info)
            return []
        case .confirmDiscard:
            setOverlay(nil)
            if key == .char("y") || key == .char("Y") {
                screen = .list
                flash = Flash(text: "Changes discarded", kind: .info)
                offerNextDraft()
            }
            return []
        }
    }

    // MARK: menus

    /// The title and items of the open menu.
    func menu() -> (title: String, items: [MenuItem], multi: Bool)? {
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.candidate(id: id) else { return nil }
            return ("\(c.fullName): \(c.status)", Self.statusItems(from: c.status), false)
        case .formStatusMenu?:
            guard let f = form else { return nil }
            return ("Status: \(f.draft.status)", Self.statusItems(from: f.draft.status), false)
        case .genderMenu?:
            let current = form?.draft.gender
            return ("Gender: \(current?.rawValue ?? "auto")", [
                MenuItem(label: "male", detail: "", value: "male"),
                MenuItem(label: "female", detail: "", value: "female"),
                MenuItem(label: "auto (clear)", detail: "detect from name", value: ""),
            ], false)
        case .bulkMenu?:
            return ("Move \(marks.count) marked to…", Self.bulkMenuItems(statusCounts: marks.statusCounts), false)
        case .statusFilterMenu?:
            return ("Show status", [MenuItem(label: "All statuses", detail: list.filter.status == nil ? "current" : "", value: "")]
                + CandidateStatus.allKnown.map { MenuItem(label: $0.rawValue, detail: list.filter.status == $0 ? "current" : "", value: $0.rawValue) }, false)
        case .jobFilterMenu?:
            return ("Show job", [MenuItem(label: "All jobs", detail: list.filter.jobId == nil ? "current" : "", value: "")]
                + jobs.map { MenuItem(label: $0.title, detail: list.filter.jobId == $0.id ? "current" : ($0.city ?? ""), value: $0.id) }, false)
        case .jobsPicker?:
            let selected = Set(pickerSelection)
            func box(_ id: String) -> String { selected.contains(id) ? "[x] " : "[ ] " }
            var items = jobs.map { MenuItem(label: box($0.id) + $0.title, detail: $0.city ?? "", value: $0.id, selected: selected.contains($0.id)) }
            // Assigned jobs the job list does not know (deleted, or beyond its pages) stay visible.
            let known = Set(jobs.map(\.id))
            for id in (form?.draft.original.jobIds ?? []) + pickerSelection where !known.contains(id) && !items.contains(where: { $0.value == id }) {
                items.append(MenuItem(label: box(id) + id, detail: "unknown job", value: id, selected: selected.contains(id)))
            }
            return ("Jobs: \(selected.count) selected", items, true)
        default:
            return nil
        }
    }

    /// Next pipeline steps first, then the rest of the enum under "Other".
    static func statusItems(from status: CandidateStatus) -> [MenuItem] {
        var items = Pipeline.nextSteps(from: status).map { MenuItem(label: $0.rawValue, detail: "next step", value: $0.rawValue) }
        let others = Pipeline.overrides(from: status)
        if !others.isEmpty {
            items.append(MenuItem(label: "── Other ──", detail: "", value: nil))
            items += others.map { MenuItem(label: $0.rawValue, detail: "override", value: $0.rawValue) }
        }
        return items
    }

    mutating func chooseMenuItem(_ index: Int) -> [Effect] {
        if overlay == .jobsPicker {
            guard var f = form else { return [] }
            f.draft.jobIds = pickerSelection
            f.errors[.jobIds] = nil
            form = f
            setOverlay(nil)
            return []
        }
        guard let menu = menu(), menu.items.indices.contains(index), let value = menu.items[index].value else { return [] }
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.candidate(id: id) else { setOverlay(nil); return [] }
            let to = CandidateStatus(value)
            if to == c.status { setOverlay(nil); flash = Flash(text: "\(c.fullName) is already \(to)", kind: .info); return [] }
            setOverlay(.confirmMove(candidateId: id, to: to))
        case .bulkMenu?:
            chooseBulkTarget(CandidateStatus(value))
        case .statusFilterMenu?:
            return setServerFilter(status: value.isEmpty ? nil : CandidateStatus(value), jobId: list.filter.jobId)
        case .jobFilterMenu?:
            return setServerFilter(status: list.filter.status, jobId: value.isEmpty ? nil : value)
        case .formStatusMenu?:
            guard var f = form else { return [] }
            f.draft.status = CandidateStatus(value)
            f.errors[.status] = nil
            form = f
            setOverlay(nil)
        case .genderMenu?:
            guard var f = form else { return [] }
            f.draft.gender = value.isEmpty ? nil : CandidateGender(rawValue: value)
            f.errors[.gender] = nil
            form = f
            setOverlay(nil)
        default: break
        }
        return []
    }

    /// The question a y/N overlay asks, with its lines.
    func prompt() -> (title: String, lines: [String], question: String)? {
        switch overlay {
        case .confirmMove(let id, let to)?:
            guard let c = list.candidate(id: id) else { return nil }
            return ("Change status", [], "Move \(c.fullName) from \(c.status) to \(to)? (y/N)")
        case .confirmSave(let lines)?:
            return ("Save \(lines.count) change\(lines.count == 1 ? "" : "s")", lines, "Send these changes? (y/N)")
        case .draftsPrompt?:
            let n = pendingDrafts.count
            return ("Unsent drafts", pendingDrafts.prefix(8).map { "\($0.original.fullName): " + $0.changedFields.map(\.label).joined(separator: ", ") },
                    "\(n) unsent draft\(n == 1 ? "" : "s") — (r)eview, (d)iscard, (l)ater")
        case .conflict(let merge)?:
            let c = conflictLines(merge)
            return (c.title, c.lines, c.question)
        case .confirmDiscard?:
            return ("Unsaved changes", form.map { $0.draft.changedFields.map(\.label) }.map { ["Changed: " + $0.joined(separator: ", ")] } ?? [],
                    "Discard changes? (y/N)")
        default: return nil
        }
    }
}
