import CandidateCore

/// The GDPR prompt of the `a` menu: a day (`2027-12-31`) or months from today (`+12`,
/// `+12m`), read by `GDPRExpiryInput`. Text that is not a usable day stays, with the reason.
struct ExpiryPrompt: Equatable {
    var editor = LineEditor(text: "")
    /// Why the last Enter was refused.
    var message: String?
}

extension AppModel {
    /// Keys while the prompt is open: typing edits, Enter previews, Esc closes.
    mutating func handleExpiryPromptKey(_ key: Key, _ prompt: ExpiryPrompt) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            setOverlay(nil)
            return []
        case .enter:
            switch GDPRExpiryInput.day(prompt.editor.text, today: today) {
            case .success(let day):
                openBulkChangePreview(.gdprExpiry(until: day, candidates: bulkActionTargets().candidates))
                return []
            case .failure(let problem):
                prompt.message = problem.description
            }
        case .paste(let text):
            prompt.editor.insert(LineEditor.oneLine(text))
            prompt.message = nil
        default:
            guard LineEditor.isEditingKey(key) else { return [] }
            prompt.editor.apply(key)
            prompt.message = nil
        }
        overlay = .expiryPrompt(prompt)
        return []
    }

    /// The prompt's panel: what it changes, what it takes, the typed text (`> …`) and the
    /// reason the last Enter was refused; and where the cursor is in it (line, column).
    func expiryPromptLines(_ prompt: ExpiryPrompt, width: Int = 44) -> (title: String, lines: [String], question: String, cursor: CellPosition) {
        let shown = prompt.editor.view(width: width - 2, scroll: 0)
        var lines = [
            "New GDPR expiry for \(bulkActionLabel):",
            "a day (YYYY-MM-DD) or months from today (+12, +12m)",
            "",
            "> " + shown.text,
        ]
        let cursor = CellPosition(y: lines.count - 1, x: 2 + shown.cursorColumn)
        // Wrapped, so the reason is never cut and the panel keeps its width.
        if let message = prompt.message { lines += [""] + DisplayText.wrap(DisplayText.sanitize(message), to: 52) }
        return ("Extend GDPR expiry", lines, "Enter previews · Esc cancels", cursor)
    }
}
