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
        case .bulkPreview(let plan):
            if action == .send { return startBulk(plan) }
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
                let retry = (report.failed + report.notAttempted).compactMap { r in marks.byId[r.id]?.candidate }
                guard !retry.isEmpty, let target = report.target else { flash = Flash(text: "Nothing to retry", kind: .info); return [] }
                // Like every send: the preview first, y sends exactly what it lists.
                openBulkPreview(BulkStatusPlan(candidates: retry, target: target))
                return []
            }
            if action == .close { setOverlay(nil) }
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
        case .bulkResult?:
            guard let r = bulkReport else { return nil }
            // Failures first, then those not attempted, then the moved and the skipped: what needs
            // a look is on top (each group in plan order).
            let order = r.results.indices.sorted { a, b in
                let ra = Self.resultRank(r.results[a].outcome), rb = Self.resultRank(r.results[b].outcome)
                return ra != rb ? ra < rb : a < b
            }
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
            let retry = r.failed.count + r.notAttempted.count
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

    static func resultRank(_ outcome: BulkOutcome) -> Int {
        switch outcome {
        case .failed: return 0
        case .conflict: return 1
        case .notAttempted: return 2
        case .moved: return 3
        case .skipped: return 4
        }
    }

    /// `word` left-aligned in the result panel's first column (15 cells).
    static func padded(_ word: String) -> String {
        word + String(repeating: " ", count: max(1, 15 - word.count))
    }
}
