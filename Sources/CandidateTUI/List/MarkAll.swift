import CandidateCore

/// `*`: marking every candidate the list's query matches, loading the pages not loaded yet.
extension AppModel {
    mutating func markAllMatching() -> [Effect] {
        // An open `v` range would put its own marks back on the next move: `*` ends it.
        marks.endRange()
        marks.markShown(list)
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

    /// The flash while `*` loads the pages it needs: how far it is, and what Esc and `s` do.
    func markingProgress() -> String {
        let loaded = list.total.map { "\(list.loadedCount) of \($0) loaded" } ?? "\(list.loadedCount) loaded"
        let then = openBulkMenuWhenMarked ? "the status menu opens when all are marked · Esc stops marking" : "u clears the marks and stops"
        // Low-bandwidth mode loads no page in the background: `*` says it loads them now.
        let pages = options.lowBandwidth ? " (low-bandwidth: loading the pages it needs)" : ""
        return "Marking every matching candidate: \(marks.count) marked, \(loaded)\(pages) — \(then)"
    }

    /// The last page `*` needed arrived: every matching candidate is marked. Opens the bulk
    /// menu when `s` was pressed meanwhile and nothing else is open.
    mutating func finishMarkingAll() {
        let openMenu = openBulkMenuWhenMarked
        endMarkingAll()
        flash = Flash(text: "Marked all matching candidates: \(marks.count) marked", kind: .ok)
        if openMenu, case .list = screen, overlay == nil, bulk == nil, !marks.isEmpty { setOverlay(.bulkMenu) }
    }

    /// Esc while `s` waits for `*` (or a new server filter): no more marks are added; those made
    /// stay (the header counts them).
    mutating func stopMarkingAll() {
        endMarkingAll()
        flash = Flash(text: "Stopped marking: \(marks.count) marked, not every matching candidate", kind: .info)
    }

    /// No `*` is pending any more, and `s` waits for none.
    mutating func endMarkingAll() {
        list.markAllPending = false
        openBulkMenuWhenMarked = false
    }

    /// The server's pages stopped making sense (`PageWalk`): loading ends with the reason. A `*`
    /// loading them ends short of "all" and says so; the bulk menu does not open by itself.
    mutating func stopLoading(because reason: String) {
        guard list.markAllPending else {
            flash = Flash(text: "Stopped loading: \(reason)", kind: .error)
            return
        }
        endMarkingAll()
        let of = list.total.map { " of the \($0) the server counts" } ?? ""
        flash = Flash(text: "Marked \(marks.count)\(of), not all: loading stopped (\(reason))", kind: .error)
    }
}
