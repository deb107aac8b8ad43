import CandidateCore
import Foundation

/// What the header says about the connection.
public struct ConnectionInfo: Sendable, Equatable {
    /// Where it is connected, e.g. `local sandbox 127.0.0.1:50123` or `api.instaview.sk`.
    public var location: String
    /// The company name or id the key sees, when known.
    public var company: String?
    /// Whether this is the embedded sandbox (the header says so).
    public var isSandbox: Bool
    public init(location: String, company: String?, isSandbox: Bool) {
        self.location = location; self.company = company; self.isSandbox = isSandbox
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
    /// The form widget changed the text of a typed field.
    case fieldEdited(CandidateField, String)
    /// Enter on a single-choice menu: the index of the chosen item.
    case menuChosen(Int)
    /// Enter on the jobs picker: the selected job ids.
    case jobsChosen([String])
    /// The external editor returned; `nil` text when it failed (the field stays as it was).
    case editorFinished(CandidateField, text: String?, status: Int32)
    /// Progress or the end of a bulk status change.
    case bulk(BulkEvent)
    /// Ctrl-C (SIGINT) while the editor runs: cancels a bulk change, else quits.
    case interrupt
}

/// Work for the runtime to start; results come back as events.
enum Effect: Equatable {
    case loadPage(generation: Int, page: Int, limit: Int)
    case loadJobs
    case save(id: String, patch: CandidatePatch, fields: [CandidateField])
    case moveStatus(id: String, name: String, from: CandidateStatus, patch: CandidatePatch)
    case openEditor(CandidateField, text: String)
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
}

/// A flash message on the line above the key hints.
struct Flash: Equatable {
    enum Kind { case info, ok, error }
    var text: String
    var kind: Kind
}

/// The candidate list: what is loaded, where the cursor is, what is being fetched.
/// Pages are fetched as the cursor nears the end of what is loaded.
struct ListModel: Equatable {
    var rows: [Candidate] = []
    /// Total on the server, from the last page.
    var total: Int?
    var nextPage = 1
    var hasMore = true
    var loading = false
    var cursor = 0
    /// Incremented on reload; answers for older generations are dropped.
    var generation = 0
    var loadError: String?
    /// `*` asked to mark everything: keep loading pages and mark each.
    var markAllPending = false

    /// Candidates fetched per request.
    static let pageSize = 50
    /// Fetch more when the cursor is this close to the end of what is loaded.
    static let prefetchDistance = 20

    var current: Candidate? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// Replaces a candidate by id with the server's copy.
    mutating func replace(_ c: Candidate) {
        if let i = rows.firstIndex(where: { $0.id == c.id }) { rows[i] = c }
    }
}

/// The form: the draft being edited, the focused field, messages per field.
struct FormModel: Equatable {
    var draft: CandidateDraft
    var focus: CandidateField = .firstName
    var errors: [CandidateField: String] = [:]
    var saving = false
    /// The patch waiting for confirmation.
    var pendingPatch: CandidatePatch?

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
        return [.loadPage(generation: list.generation, page: 1, limit: ListModel.pageSize), .loadJobs]
    }

    mutating func setOverlay(_ o: Overlay?) {
        overlay = o
        overlayGeneration += 1
        overlayScroll = 0
    }

    // MARK: - update

    /// The one place state changes. Returns the effects to start.
    mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key): return handleKey(key)
        case .pageLoaded(let gen, let page):
            guard gen == list.generation else { return [] }
            let known = Set(list.rows.map(\.id))
            list.rows += page.items.filter { !known.contains($0.id) }
            marks.refresh(page.items)
            if list.markAllPending {
                marks.mark(page.items)
                if !page.hasNextPage || page.items.isEmpty { list.markAllPending = false; flash = Flash(text: "Marked all \(list.rows.count) matching candidates", kind: .ok) }
            }
            list.total = page.total
            list.hasMore = page.hasNextPage && !page.items.isEmpty
            list.nextPage = page.page + 1
            list.loading = false
            list.loadError = nil
            list.cursor = min(list.cursor, max(0, list.rows.count - 1))
            return prefetchIfNeeded()
        case .pageFailed(let gen, let error):
            guard gen == list.generation else { return [] }
            list.loading = false
            list.loadError = error.description
            list.markAllPending = false
            flash = Flash(text: "Could not load candidates: \(error.description) — r to retry", kind: .error)
            return []
        case .jobsLoaded(let jobs):
            self.jobs = jobs.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
            jobsLoaded = true
            return []
        case .jobsFailed(let error):
            jobsLoaded = false
            if flash == nil { flash = Flash(text: "Could not load jobs: \(error.description)", kind: .error) }
            return []
        case .saved(let candidate, let fields):
            list.replace(candidate)
            marks.refresh([candidate])
            screen = .list
            setOverlay(nil)
            let names = fields.map(\.label).joined(separator: ", ")
            flash = Flash(text: "Saved \(names) for \(candidate.fullName)", kind: .ok)
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
        case .fieldEdited(let field, let text):
            guard var f = form else { return [] }
            f.draft.setText(text, for: field)
            f.errors[field] = nil
            form = f
            return []
        case .menuChosen(let index):
            return chooseMenuItem(index)
        case .bulk(let e):
            return handleBulkEvent(e)
        case .interrupt:
            if bulk != nil { return cancelBulk() }
            quit = true
            return []
        case .jobsChosen(let ids):
            guard var f = form, overlay == .jobsPicker else { return [] }
            f.draft.jobIds = ids
            f.errors[.jobIds] = nil
            form = f
            setOverlay(nil)
            return []
        case .editorFinished(let field, let text, let status):
            guard var f = form else { return [] }
            if let text {
                f.draft.setText(text.hasSuffix("\n") ? String(text.dropLast()) : text, for: field)
                f.errors[field] = nil
                if field == .metadata, case .failure(let e) = f.draft.wireValue(.metadata) { f.errors[.metadata] = e.message }
                form = f
                flash = f.draft.isChanged(field) ? Flash(text: "\(field.label) changed — F2 to save", kind: .info) : nil
            } else {
                flash = Flash(text: "The editor exited with status \(status); \(field.label) is unchanged", kind: .error)
            }
            return []
        }
    }

    /// The server's message for a field: the first message that names it, else all of them.
    static func messageFor(_ field: CandidateField, in failure: HTTPFailure) -> String {
        failure.messages.first(where: { $0.hasPrefix(field.apiKey) }) ?? failure.message
    }

    // MARK: keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if let overlay { return handleOverlayKey(key, overlay) }
        switch screen {
        case .list: return handleListKey(key)
        case .form: return handleFormKey(key)
        }
    }

    mutating func handleListKey(_ key: Key) -> [Effect] {
        let pageRows = 10
        switch key {
        case .up, .char("k"): moveCursor(to: list.cursor - 1)
        case .down, .char("j"): moveCursor(to: list.cursor + 1)
        case .pageUp: moveCursor(to: list.cursor - pageRows)
        case .pageDown: moveCursor(to: list.cursor + pageRows)
        case .home, .char("g"): moveCursor(to: 0)
        case .end, .char("G"): moveCursor(to: list.rows.count - 1)
        case .enter:
            guard let c = list.current else { return [] }
            screen = .form(FormModel(draft: CandidateDraft(c)))
            flash = nil
        case .char("s"):
            openStatusMenu()
        case .escape where bulk != nil:
            return cancelBulk()
        case .char("r"), .ctrl("r"):
            return reload()
        case .char(" "):
            if marks.isRangeOpen { marks.endRange() } else if let c = list.current {
                marks.toggle(c)
                moveCursor(to: list.cursor + 1)
            }
        case .char("v"):
            if marks.isRangeOpen { marks.endRange() } else if list.current != nil { marks.startRange(at: list.cursor, rows: list.rows) }
        case .char("u"):
            marks.clear()
            flash = Flash(text: "Marks cleared", kind: .info)
        case .char("*"):
            return markAllMatching()
        case .char("q"):
            if bulk != nil { flash = Flash(text: "A bulk change is running — Esc cancels it first", kind: .info) } else { quit = true }
        default: break
        }
        return prefetchIfNeeded()
    }

    mutating func moveCursor(to index: Int) {
        list.cursor = max(0, min(index, list.rows.count - 1))
        if marks.isRangeOpen { marks.extendRange(to: list.cursor, rows: list.rows) }
    }

    /// Marks every candidate the list's query matches, loading the pages not loaded yet.
    mutating func markAllMatching() -> [Effect] {
        marks.mark(list.rows)
        guard list.hasMore else {
            flash = Flash(text: "Marked all \(list.rows.count) matching candidates", kind: .ok)
            return []
        }
        list.markAllPending = true
        flash = Flash(text: "Loading every matching candidate to mark them…", kind: .info)
        guard !list.loading else { return [] }
        list.loading = true
        return [.loadPage(generation: list.generation, page: list.nextPage, limit: ListModel.pageSize)]
    }

    /// Marked candidates that the list does not show (filtered out or not loaded).
    var hiddenMarkCount: Int {
        let shown = Set(list.rows.map(\.id))
        return marks.byId.keys.filter { !shown.contains($0) }.count
    }

    /// The marked candidates, else the one under the cursor: what `s` acts on.
    var targets: [Candidate] {
        if !marks.isEmpty { return marks.candidates }
        return list.current.map { [$0] } ?? []
    }

    /// Starts loading the next page when the cursor is near the end of what is loaded.
    mutating func prefetchIfNeeded() -> [Effect] {
        guard list.hasMore, !list.loading, list.loadError == nil,
              list.markAllPending || list.cursor >= list.rows.count - ListModel.prefetchDistance else { return [] }
        list.loading = true
        return [.loadPage(generation: list.generation, page: list.nextPage, limit: ListModel.pageSize)]
    }

    /// Drops what is loaded and fetches page 1 again; the cursor stays on the same candidate
    /// when it comes back on the first pages.
    mutating func reload() -> [Effect] {
        let keep = list.cursor
        list = ListModel(generation: list.generation + 1)
        list.cursor = keep
        list.loading = true
        flash = Flash(text: "Reloading…", kind: .info)
        return [.loadPage(generation: list.generation, page: 1, limit: ListModel.pageSize), .loadJobs]
    }

    mutating func handleFormKey(_ key: Key) -> [Effect] {
        guard var f = form else { return [] }
        let fields = CandidateField.allCases
        let index = fields.firstIndex(of: f.focus) ?? 0
        switch key {
        case .tab, .down:
            f.focus = fields[(index + 1) % fields.count]
        case .backTab, .up:
            f.focus = fields[(index + fields.count - 1) % fields.count]
        case .enter:
            switch f.focus {
            case .status: form = f; setOverlay(.formStatusMenu); return []
            case .gender: form = f; setOverlay(.genderMenu); return []
            case .jobIds:
                form = f
                if jobsLoaded { setOverlay(.jobsPicker) } else {
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
            // Typed fields are cleared by the form widget; these are cleared here.
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
        case .statusMenu, .formStatusMenu, .genderMenu, .jobsPicker, .bulkMenu:
            if key == .escape || key == .char("q") { setOverlay(nil) }
            return []
        case .bulkPreview, .bulkResult:
            return handleBulkOverlayKey(key, overlay)
        case .confirmMove(let id, let to):
            setOverlay(nil)
            guard key == .char("y") || key == .char("Y"),
                  let c = list.rows.first(where: { $0.id == id }) else {
                flash = Flash(text: "Status unchanged", kind: .info)
                return []
            }
            flash = Flash(text: "Moving \(c.fullName) to \(to)…", kind: .info)
            return [.moveStatus(id: id, name: c.fullName, from: c.status, patch: .status(to))]
        case .confirmSave:
            guard var f = form else { setOverlay(nil); return [] }
            if key == .char("y") || key == .char("Y"), let patch = f.pendingPatch {
                setOverlay(nil)
                f.saving = true
                f.pendingPatch = nil
                form = f
                flash = Flash(text: "Saving…", kind: .info)
                return [.save(id: f.draft.original.id, patch: patch, fields: patch.fields)]
            }
            if key == .char("n") || key == .char("N") || key == .escape {
                setOverlay(nil)
                f.pendingPatch = nil
                form = f
                flash = Flash(text: "Not sent — your edits are kept", kind: .info)
            }
            return []
        case .confirmDiscard:
            setOverlay(nil)
            if key == .char("y") || key == .char("Y") {
                screen = .list
                flash = Flash(text: "Changes discarded", kind: .info)
            }
            return []
        }
    }

    // MARK: menus

    /// The title and items of the open menu.
    func menu() -> (title: String, items: [MenuItem], multi: Bool)? {
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.rows.first(where: { $0.id == id }) else { return nil }
            return ("Status: \(c.status)", Self.statusItems(from: c.status), false)
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
            return ("Move \(marks.count) marked to…", Self.bulkMenuItems(marks.candidates), false)
        case .jobsPicker?:
            let selected = Set(form?.draft.jobIds ?? [])
            var items = jobs.map { MenuItem(label: $0.title, detail: $0.city ?? "", value: $0.id, selected: selected.contains($0.id)) }
            // Assigned jobs the list does not know (another page, or deleted) stay visible and selected.
            for id in form?.draft.jobIds ?? [] where !jobs.contains(where: { $0.id == id }) {
                items.append(MenuItem(label: id, detail: "unknown job", value: id, selected: true))
            }
            return ("Jobs — Space toggles, Enter keeps", items, true)
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
        guard let menu = menu(), menu.items.indices.contains(index), let value = menu.items[index].value else { return [] }
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.rows.first(where: { $0.id == id }) else { setOverlay(nil); return [] }
            let to = CandidateStatus(value)
            if to == c.status { setOverlay(nil); flash = Flash(text: "\(c.fullName) is already \(to)", kind: .info); return [] }
            setOverlay(.confirmMove(candidateId: id, to: to))
        case .bulkMenu?:
            chooseBulkTarget(CandidateStatus(value))
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
            guard let c = list.rows.first(where: { $0.id == id }) else { return nil }
            return ("Change status", [], "Move \(c.fullName) from \(c.status) to \(to)? (y/N)")
        case .confirmSave(let lines)?:
            return ("Save \(lines.count) change\(lines.count == 1 ? "" : "s")", lines, "Send these changes? (y/N)")
        case .confirmDiscard?:
            return ("Unsaved changes", form.map { $0.draft.changedFields.map(\.label) }.map { ["Changed: " + $0.joined(separator: ", ")] } ?? [],
                    "Discard changes? (y/N)")
        default: return nil
        }
    }
}
