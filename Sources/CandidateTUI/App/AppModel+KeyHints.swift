import CandidateCore

extension AppModel {
    /// The keys that apply on the current screen and overlay.
    func keyHints() -> [KeyHint] {
        switch (screen, overlay) {
        case (_, .confirmMove?), (_, .confirmSave?), (_, .confirmDiscard?):
            return [KeyHint("y yes", 0), KeyHint("n/Esc no", 0)]
        case (_, .bulkPreview?):
            return [KeyHint("↑↓ PgUp/PgDn scroll", 2), KeyHint("y send", 0), KeyHint("n/Esc no", 0)]
        case (_, .bulkResult?):
            let retry = bulkReport.map { $0.failed.count + $0.notAttempted.count } ?? 0
            return [KeyHint("↑↓ PgUp/PgDn scroll", 2)] + (retry > 0 ? [KeyHint("r retry \(retry)", 0)] : []) + [KeyHint("Esc close", 0)]
        case (_, .jobsPicker?):
            return [KeyHint("↑↓ move", 1), KeyHint("Space toggle", 0), KeyHint("Enter keep", 0), KeyHint("Esc cancel", 0)]
        case (_, .draftsPrompt?):
            return [KeyHint("r review", 0), KeyHint("d discard", 0), KeyHint("l later", 0)]
        case (_, .pager(let pager)?):
            return pager.keyHints
        case (_, .conflict?):
            return [KeyHint("↑↓ field", 2), KeyHint("m mine", 0), KeyHint("t theirs", 0), KeyHint("Enter review and send", 1), KeyHint("Esc back", 0)]
        case (_, .some):
            return [KeyHint("↑↓ move", 1), KeyHint("Enter choose", 0), KeyHint("Esc cancel", 0)]
        case (.list, nil) where search.isOpen:
            return [KeyHint("type to filter", 1), KeyHint("Enter keep", 0), KeyHint("Esc clear", 0), KeyHint("↑↓ move", 2)]
        case (.list, nil) where marks.isRangeOpen:
            return [KeyHint("range: move to extend", 0), KeyHint("v/Space end range", 0)]
        case (.list, nil):
            return [KeyHint("↑↓ move", 2), KeyHint("Enter edit", 1), KeyHint("s status", 1), KeyHint("/ search", 1),
                    KeyHint("f status", 3), KeyHint("J job", 3), KeyHint("o sort", 3), KeyHint("Space mark", 2),
                    KeyHint("v range", 4), KeyHint("* all", 4), KeyHint("u unmark", 4), KeyHint("r reload", 3),
                    KeyHint("i details", 4), KeyHint("c CV", 4), KeyHint("m metadata", 5), KeyHint("q quit", 0)]
        case (.form, nil):
            return [KeyHint("Tab/↓ next", 1), KeyHint("S-Tab/↑ prev", 2), KeyHint("Enter menu/editor", 2), KeyHint("^U clear", 3),
                    KeyHint("F2/^S save", 0), KeyHint("Esc back", 0)]
                + (form?.focus == .cvText || form?.focus == .metadata ? [KeyHint("F3 view", 2)] : [])
        }
    }
}
