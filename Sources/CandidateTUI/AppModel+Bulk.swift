import CandidateCore

/// The scrolling lines of a panel, made one at a time when shown.
struct ScrollBody {
    /// How many lines there are.
    let count: Int
    /// Line `i` (0 ..< count).
    let line: (Int) -> String

    /// Lines `from ..< from + n`, clamped to the body.
    func lines(from: Int, count n: Int) -> [String] {
        let lo = max(0, min(from, count)), hi = max(lo, min(count, lo + max(0, n)))
        return (lo..<hi).map(line)
    }
}

/// A bulk status change in progress.
struct BulkRunState: Equatable {
    var target: CandidateStatus
    var progress: BulkProgress
    /// Esc or Ctrl-C was pressed: no new requests start; waiting for in-flight ones.
    var cancelling = false

    static func == (a: BulkRunState, b: BulkRunState) -> Bool {
        a.target == b.target && a.cancelling == b.cancelling && a.progress.done == b.progress.done
    }
}

extension AppModel {
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

    /// Every enum status, each with how many marked candidates would move there as a natural
    /// pipeline step, how many as an override, and how many are already there. Counted from how
    /// many marked candidates have each status (`Marks.statusCounts`), so 100,000 marks cost
    /// nothing per frame.
    static func bulkMenuItems(statusCounts: [CandidateStatus: Int]) -> [MenuItem] {
        CandidateStatus.allKnown.map { target in
            var natural = 0, override = 0, already = 0
            for (from, n) in statusCounts {
                switch Pipeline.classify(from: from, to: target) {
                case .natural: natural += n
                case .override: override += n
                case .alreadyThere: already += n
                }
            }
            var parts: [String] = []
            if natural > 0 { parts.append("\(natural) next step") }
            if override > 0 { parts.append("\(override) override") }
            if already > 0 { parts.append("\(already) already") }
            return MenuItem(label: target.rawValue, detail: parts.joined(separator: " · "), value: target.rawValue)
        }
    }

    /// The bulk menu chose `target`: preview the plan (nothing is sent yet).
    mutating func chooseBulkTarget(_ target: CandidateStatus) {
        let plan = BulkStatusPlan(candidates: marks.candidates, target: target)
        if plan.skippedCount == plan.items.count {
            setOverlay(nil)
            flash = Flash(text: "All \(plan.items.count) marked candidates are already \(target)", kind: .info)
            return
        }
        setOverlay(.bulkPreview(plan))
    }

    /// The flash while `*` loads the pages it needs: how far it is, and what Esc and `s` do.
    func markingProgress() -> String {
        let loaded = list.total.map { "\(list.loadedCount) of \($0) loaded" } ?? "\(list.loadedCount) loaded"
        let then = openBulkMenuWhenMarked ? "the status menu opens when all are marked · Esc stops marking" : "u clears the marks and stops"
        return "Marking every matching candidate: \(marks.count) marked, \(loaded) — \(then)"
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

    mutating func startBulk(_ plan: BulkStatusPlan) -> [Effect] {
        setOverlay(nil)
        // The range's marks are the plan now; left open it would mark the moved again.
        marks.endRange()
        bulk = BulkRunState(target: plan.target, progress: BulkProgress(total: plan.items.count, done: 0, moved: 0, skipped: 0, failed: 0, waitingSeconds: nil))
        bulkReport = nil
        flash = nil
        return [.runBulk(plan)]
    }

    /// Esc or Ctrl-C during a bulk change.
    mutating func cancelBulk() -> [Effect] {
        guard var b = bulk, !b.cancelling else { return [] }
        b.cancelling = true
        bulk = b
        return [.cancelBulk]
    }

    mutating func handleBulkEvent(_ event: BulkEvent) -> [Effect] {
        switch event {
        case .progress(let p):
            bulk?.progress = p
        case .item(let r):
            if case .moved(let c) = r.outcome {
                list.replace(c)
                marks.refresh([c])
            }
        case .finished(let report):
            bulk = nil
            bulkReport = report
            // Each was replaced as its `.item` arrived; again in one batch, for any missed.
            list.append(report.results.compactMap { r in if case .moved(let c) = r.outcome { return c } else { return nil } }
                .filter { list.isLoaded($0.id) })
            // The moved and the skipped (already there) are done; the failed and not attempted stay marked.
            marks.unmark((report.moved + report.skipped).map(\.id))
            setOverlay(.bulkResult)
            flash = Flash(text: Self.reportLine(report), kind: report.allSucceeded ? .ok : .error)
        }
        return []
    }

    static func reportLine(_ r: BulkReport) -> String {
        var parts = ["moved \(r.moved.count)"]
        if !r.skipped.isEmpty { parts.append("skipped \(r.skipped.count)") }
        if !r.failed.isEmpty { parts.append("failed \(r.failed.count)") }
        if !r.notAttempted.isEmpty { parts.append("not attempted \(r.notAttempted.count)") }
        return "\(r.cancelled ? "Cancelled" : "Done"): " + parts.joined(separator: " · ") + " → \(r.target)"
    }

    /// Keys on the preview and result panels.
    mutating func handleBulkOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        switch key {
        case .up, .char("k"): scroll(by: -1); return []
        case .down, .char("j"): scroll(by: 1); return []
        case .pageUp: scroll(by: -10); return []
        case .pageDown: scroll(by: 10); return []
        default: break
        }
        switch overlay {
        case .bulkPreview(let plan):
            if key == .char("y") || key == .char("Y") { return startBulk(plan) }
            setOverlay(nil)
            flash = Flash(text: "Nothing sent", kind: .info)
            return []
        case .bulkResult:
            if key == .char("r"), let report = bulkReport {
                let retry = (report.failed + report.notAttempted).compactMap { r in marks.byId[r.id]?.candidate }
                guard !retry.isEmpty else { flash = Flash(text: "Nothing to retry", kind: .info); return [] }
                // Like every send: the preview first, y sends exactly what it lists.
                setOverlay(.bulkPreview(BulkStatusPlan(candidates: retry, target: report.target)))
                return []
            }
            if key == .escape || key == .enter || key == .char("q") { setOverlay(nil) }
            return []
        default:
            return []
        }
    }

    mutating func scroll(by delta: Int) {
        let count = scrollLines()?.body.count ?? 0
        let newValue = max(0, min(overlayScroll + delta, max(0, count - 1)))
        guard newValue != overlayScroll else { return }
        overlayScroll = newValue
        overlayGeneration += 1
    }

    /// Content of a scrollable panel: title, fixed lines, scrolling body, question/footer. The body
    /// is built line by line as it is shown, so a preview of 100,000 candidates costs a screenful.
    func scrollLines() -> (title: String, header: [String], body: ScrollBody, footer: String)? {
        switch overlay {
        case .bulkPreview(let plan)?:
            let list = self.list
            let body = ScrollBody(count: plan.items.count) { i in
                let item = plan.items[i]
                let c = item.candidate
                var line = "\(c.fullName) — \(c.status) → \(plan.target)"
                switch item.move {
                case .alreadyThere: line = "\(c.fullName) — already \(plan.target), skipped"
                case .override: line += " (override)"
                case .natural: break
                }
                // First, so a narrow panel that cuts the line still shows it.
                if !list.isShown(c.id) { line = "[hidden by filter] " + line }
                return line
            }
            let send = plan.items.count - plan.skippedCount
            return ("Bulk status change", [plan.summary()], body, "Send \(send) change\(send == 1 ? "" : "s")? (y/N)")
        case .bulkResult?:
            guard let r = bulkReport else { return nil }
            // Failures first, then those not attempted, then the moved and the skipped: what needs
            // a look is on top (each group in plan order).
            let order = r.results.indices.sorted { a, b in
                let ra = Self.resultRank(r.results[a].outcome), rb = Self.resultRank(r.results[b].outcome)
                return ra != rb ? ra < rb : a < b
            }
            let body = ScrollBody(count: r.results.count) { i in
                let res = r.results[order[i]]
                switch res.outcome {
                case .moved: return "moved          \(res.name): \(res.from) → \(r.target)"
                case .skipped: return "skipped        \(res.name): already \(r.target)"
                case .failed(let e, let attempts):
                    return "FAILED         \(res.name)\(attempts > 1 ? " (\(attempts) attempts)" : ""): \(e.description)"
                case .notAttempted: return "not attempted  \(res.name)"
                }
            }
            let retry = r.failed.count + r.notAttempted.count
            return ("Bulk result", [Self.reportLine(r)], body, retry > 0 ? "r retry \(retry) · Esc close" : "Esc close")
        default:
            return nil
        }
    }

    static func resultRank(_ outcome: BulkOutcome) -> Int {
        switch outcome {
        case .failed: return 0
        case .notAttempted: return 1
        case .moved: return 2
        case .skipped: return 3
        }
    }

    /// The status line while a bulk change runs, e.g. `Moving to REJECTED [#####·····] 12/37 · 2 failed`.
    func bulkStatusLine(width: Int = 20) -> String? {
        guard let b = bulk else { return nil }
        let p = b.progress
        let filled = p.total > 0 ? min(width, p.done * width / p.total) : 0
        var s = "Moving to \(b.target) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(p.done)/\(p.total)"
        if p.failed > 0 { s += " · \(p.failed) failed" }
        if let w = p.waitingSeconds, w > 0 { s += " · waiting \(Int(w.rounded(.up)))s for rate limit" }
        s += b.cancelling ? " · cancelling: waiting for requests in flight" : " · Esc cancels"
        return s
    }
}
