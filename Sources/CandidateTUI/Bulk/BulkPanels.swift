import CandidateCore

/// The bulk preview (what would be sent; y sends) and the bulk result (per-candidate
/// outcomes; r retries the failed), as scrolling panels.
extension AppModel {
    /// Keys on the preview and result panels.
    mutating func handleBulkOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        let action = options.keys.action(for: key, in: keyContext())
        switch action {
        case .up?: scroll(by: -1); return []
        case .down?: scroll(by: 1); return []
        case .pageUp?: scroll(by: -10); return []
        case .pageDown?: scroll(by: 10); return []
        default: break
        }
        switch overlay {
        case .bulkPreview, .bulkChangePreview:
            if action == .send {
                if case .bulkPreview(let plan) = overlay { return startBulk(plan) }
                if case .bulkChangePreview(let plan) = overlay { return startBulk(plan) }
            }
            setOverlay(nil)
            flash = Flash(text: "Nothing sent", kind: .info)
            return []
        case .undoPreview(let undo):
            if action == .send { return startBulk(undo.plan) }
            setOverlay(nil)
            flash = Flash(text: "Nothing sent", kind: .info)
            return []
        case .bulkResult:
            if action == .retry, let report = bulkReport {
                retryFailed(report)
                return []
            }
            if action == .close { setOverlay(nil) }
            return []
        default:
            return []
        }
    }

    /// `r` on the result: the same goal for the failed and not attempted only — previewed first,
    /// like every send, so `y` sends exactly what it lists. A status move is planned again from
    /// the marks (those now at the target are skipped); any other goal sends each the same
    /// change as before.
    mutating func retryFailed(_ report: BulkReport) {
        let again = Set((report.failed + report.notAttempted).map(\.id))
        if let target = report.target {
            // The plan's copy of those no longer marked, read in one pass over the plan (its
            // items are built as they are read).
            var planned: [String: Candidate] = [:]
            for item in bulkPlan?.items ?? [] where again.contains(item.id) && !marks.contains(item.id) && planned[item.id] == nil {
                planned[item.id] = item.candidate
            }
            let retry = report.results.filter { again.contains($0.id) }.compactMap { r in
                marks[r.id]?.candidate ?? planned[r.id]
            }
            guard !retry.isEmpty else { flash = Flash(text: "Nothing to retry", kind: .info); return }
            openBulkPreview(BulkStatusPlan(candidates: retry, target: target))
            return
        }
        let items = (bulkPlan?.goal == report.goal ? bulkPlan?.items ?? [] : []).filter { again.contains($0.candidate.id) && $0.change != nil }
        guard !items.isEmpty else { flash = Flash(text: "Nothing to retry", kind: .info); return }
        openBulkChangePreview(BulkChangePlan(goal: report.goal, items: items))
    }

    mutating func scroll(by delta: Int) {
        let count = scrollLines()?.body.count ?? 0
        let newValue = max(0, min(overlayScroll + delta, max(0, count - 1)))
        guard newValue != overlayScroll else { return }
        overlayScroll = newValue
    }

    /// Content of a scrollable panel: title, fixed lines, scrolling body, question/footer. The body
    /// is built line by line as it is shown, so a preview of 100,000 candidates costs a screenful.
    func scrollLines() -> (title: String, header: [String], body: ScrollBody, footer: String)? {
        switch overlay {
        case .bulkPreview(let plan)?:
            let list = self.list, names = listedNames
            let body = ScrollBody(count: plan.items.count) { i in
                let item = plan.items[i]
                let c = item.candidate
                let name = names.label(c)
                var line = "\(name) — \(c.status) → \(plan.target)"
                switch item.move {
                case .alreadyThere: line = "\(name) — already \(plan.target), skipped"
                case .override: line += " (override)"
                case .natural: break
                }
                // First, so a narrow panel that cuts the line still shows it.
                if !list.isShown(c.id) { line = "[hidden by filter] " + line }
                return line
            }
            let send = plan.items.count - plan.skippedCount
            return ("Bulk status change", [plan.summary()], body, "Send \(send) change\(send == 1 ? "" : "s")? (y/N)")
        case .bulkChangePreview(let plan)?:
            return changePreviewLines(plan)
        case .bulkResult?:
            guard let r = bulkReport else { return nil }
            // Failures first, then those not attempted, then the moved and the skipped: what needs
            // a look is on top (each group in plan order).
            let order = Self.resultOrder(r.results)
            let names = listedNames
            let body = ScrollBody(count: r.results.count) { i in
                let res = r.results[order[i]]
                let name = names.label(id: res.id, name: res.name)
                switch res.outcome {
                case .moved:
                    if let target = r.target { return "moved          \(name): \(res.from) → \(target)" }
                    return Self.padded(r.goal.done) + "\(name) → \(r.goal.destination)"
                case .skipped:
                    if let target = r.target { return "skipped        \(name): already \(target)" }
                    return "skipped        \(name)" + (res.note.map { ": " + DisplayText.sanitize($0) } ?? "")
                case .conflict(let why):
                    return "CONFLICT       \(name): \(DisplayText.sanitize(why))"
                case .failed(let e, let attempts):
                    return "FAILED         \(name)\(attempts > 1 ? " (\(attempts) attempts)" : ""): \(e.description)"
                case .notAttempted: return "not attempted  \(name)"
                }
            }
            let retry = r.results.count(of: .failed) + r.results.count(of: .notAttempted)
            return ("Bulk result", [Self.reportLine(r)], body, retry > 0 ? "r retry \(retry) · Esc close" : "Esc close")
        case .undoPreview(let undo)?:
            return undoPanelLines(undo)
        case .messages?:
            return messagesPanelLines()
        case .history(let panel)?:
            return historyPanelLines(panel)
        default:
            return nil
        }
    }

    /// The result panel's order: failures first, then conflicts, those not attempted, the moved
    /// and the skipped (what needs a look is on top), each group in plan order (one pass per
    /// group over the outcomes' kinds; no result is built).
    static func resultOrder(_ results: BulkResults) -> [Int] {
        let ranked: [BulkResults.Kind] = [.failed, .conflict, .notAttempted, .moved, .skipped]
        var order: [Int] = []
        order.reserveCapacity(results.count)
        for kind in ranked { order += results.indices.lazy.filter { results.kind(at: $0) == kind } }
        return order
    }

    /// `word` left-aligned in the result panel's first column (15 cells).
    static func padded(_ word: String) -> String {
        word + String(repeating: " ", count: max(1, 15 - word.count))
    }
}

extension AppModel {
    /// The preview of a job or GDPR change: the plan's summary, that each candidate is read
    /// again before it is sent, and a line per candidate (`Name → +Backend`, or `Name — skipped:
    /// already assigned`).
    func changePreviewLines(_ plan: BulkChangePlan) -> (title: String, header: [String], body: ScrollBody, footer: String) {
        let list = self.list, names = listedNames
        let body = ScrollBody(count: plan.items.count) { i in
            let item = plan.items[i]
            let name = names.label(item.candidate)
            var line = item.change == nil ? "\(name) — skipped: \(item.skipReason ?? "nothing to change")" : "\(name) → \(plan.goal.destination)"
            if !list.isShown(item.candidate.id) { line = "[hidden by filter] " + line }
            return line
        }
        let title: String, fresh: String
        switch plan.goal {
        case .addJob: (title, fresh) = ("Assign to job", "Each is read again just before: jobs assigned meanwhile are kept")
        case .removeJob: (title, fresh) = ("Remove from job", "Each is read again just before: other jobs are kept")
        case .gdprExpiry: (title, fresh) = ("Extend GDPR expiry", "Each is read again just before: an expiry already that day or later is skipped, never shortened")
        default: (title, fresh) = ("Bulk change", "")
        }
        let send = plan.sendCount
        return (title, [plan.summary()] + (fresh.isEmpty ? [] : [fresh]), body, "Send \(send) change\(send == 1 ? "" : "s")? (y/N)")
    }
}
