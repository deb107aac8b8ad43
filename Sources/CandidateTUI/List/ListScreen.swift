import CandidateCore

/// The list screen's keys: moving, opening a candidate, marks, search, filters, sort, reload.
extension AppModel {
    mutating func handleListKey(_ key: Key) -> [Effect] {
        if search.isOpen, let effects = handleSearchKey(key) { return effects }
        let pageRows = 10
        guard let action = options.keys.action(for: key, in: .list) else { return [] }
        switch action {
        case .up: moveCursor(to: list.cursor - 1)
        case .down: moveCursor(to: list.cursor + 1)
        case .pageUp: moveCursor(to: list.cursor - pageRows)
        case .pageDown: moveCursor(to: list.cursor + pageRows)
        case .top: moveCursor(to: 0)
        case .bottom: moveCursor(to: list.count - 1)
        case .open:
            guard let c = list.current else { return [] }
            // The form edits a fresh, complete copy (the list keeps only what it shows).
            flash = Flash(text: "Opening \(c.fullName)…", kind: .info)
            return [.openCandidate(id: c.id, name: c.fullName)]
        case .status:
            openStatusMenu()
        case .bulkActions:
            openBulkActions()
        case .back where bulk != nil:
            return cancelBulk()
        case .back where list.markAllPending && openBulkMenuWhenMarked:
            stopMarkingAll()
        case .back where !list.filter.search.isEmpty:
            list.setSearch("")
            flash = Flash(text: "Search cleared", kind: .info)
        case .reload:
            return reload()
        case .mark:
            if marks.isRangeOpen { marks.endRange() } else if let c = list.current {
                marks.toggle(c)
                moveCursor(to: list.cursor + 1)
            }
        case .range:
            if marks.isRangeOpen { marks.endRange() } else if list.current != nil { marks.startRange(at: list.cursor, list: list) }
        case .unmark:
            // A `*` still loading pages would mark again: it stops too.
            endMarkingAll()
            marks.clear()
            flash = Flash(text: "Marks cleared", kind: .info)
        case .markAll:
            return markAllMatching()
        case .search:
            search.isOpen = true
        case .filterStatus:
            setOverlay(.statusFilterMenu)
        case .filterJob:
            setOverlay(.jobFilterMenu)
        case .detailPane:
            toggleDetailPane()
        case .viewCV:
            return viewCV()
        case .viewMetadata:
            return viewMetadata()
        case .sort:
            let column = list.sortColumn.next
            list.setSort(column, descending: column.startsDescending)
            let first = column == .updated ? " (newest first)" : column == .rating ? " (highest first)" : ""
            flash = Flash(text: "Sorted by \(column.label)\(first)", kind: .info)
        case .reverseSort:
            list.setSort(list.sortColumn, descending: !list.sortDescending)
            flash = Flash(text: "Sorted by \(list.sortColumn.label) \(list.sortDescending ? "descending" : "ascending")", kind: .info)
        case .command:
            openCommandLine()
        case .company:
            openCompanyMenu()
        case .privacy:
            togglePrivacy()
        case .messages:
            showMessages()
        case .history:
            return openHistory(all: false)
        case .undo:
            return askUndo(nil)
        case .quit:
            if bulk != nil { flash = Flash(text: Self.quitDuringBulk, kind: .error) } else { quit = true }
        default: break
        }
        return prefetchIfNeeded()
    }

    /// What `q` says while a bulk change runs: quitting now would leave it half done.
    static let quitDuringBulk = "Not quitting: a bulk change is running — Esc cancels it (requests in flight finish), then q quits"

    mutating func moveCursor(to index: Int) {
        list.cursor = max(0, min(index, list.count - 1))
        // The user chose where to be: a reload's "back to where you were" no longer applies.
        list.cursorTarget = nil
        if marks.isRangeOpen { marks.extendRange(to: list.cursor, list: list) }
    }

    /// `s` on the list: the marked set gets the bulk menu, else the row under the cursor the status menu.
    mutating func openStatusMenu() {
        if bulk != nil {
            flash = Flash(text: "A bulk change is running — Esc cancels it", kind: .info)
            return
        }
        if list.markAllPending {
            // The bulk menu counts, and the preview lists, exactly the marked set: it opens
            // when `*` has marked every matching candidate, never over a set still growing.
            openBulkMenuWhenMarked = true
            flash = Flash(text: markingProgress(), kind: .info)
        } else if !marks.isEmpty {
            setOverlay(.bulkMenu)
        } else if let c = list.current {
            setOverlay(.statusMenu(candidateId: c.id))
        }
    }

    /// Applies a server-side filter: the list reloads for the new query; marks stay.
    mutating func setServerFilter(status: CandidateStatus?, jobId: String?) -> [Effect] {
        list.filter.status = status
        list.filter.jobId = jobId
        // Another query: a `*` still loading was about the old one; say where it stopped.
        let stoppedMarking = list.markAllPending
        if stoppedMarking { stopMarkingAll() }
        setOverlay(nil)
        let effects = reload()
        flash = Flash(text: "Filter: " + filterDescription()
                      + (stoppedMarking ? " — marking every match stopped at \(marks.count) marked" : ""), kind: .info)
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
}
