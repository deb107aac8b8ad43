import CandidateCore

/// The bottom line: the keys that apply now, most important first kept when the terminal is
/// narrow. Pure (no curses), so tests check what shows at a width.
struct KeyHint: Equatable {
    /// E.g. `q quit`.
    var text: String
    /// Lower goes first when the line is too long; 0 is never dropped.
    var priority: Int

    init(_ text: String, _ priority: Int = 1) {
        self.text = text
        self.priority = priority
    }

    /// The hints that fit in `width` cells, in their order, joined with ` · ` (` | ` when not
    /// UTF-8, with `↑↓` as `Up/Down`): the least important are dropped first.
    static func line(_ hints: [KeyHint], width: Int, utf8: Bool = true) -> String {
        let shown = hints.map { utf8 ? $0.text : $0.text.replacingOccurrences(of: "↑↓", with: "Up/Down")
            .replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down") }
        let separator = utf8 ? " · " : " | "
        var keep = Array(repeating: true, count: hints.count)
        func text() -> String { zip(shown, keep).filter(\.1).map(\.0).joined(separator: separator) }
        // Drop the lowest priority, the rightmost first among equals, until it fits.
        let dropOrder = hints.indices.filter { hints[$0].priority > 0 }
            .sorted { (hints[$0].priority, $0) > (hints[$1].priority, $1) }
        for i in dropOrder where DisplayText.width(text()) > width { keep[i] = false }
        return text()
    }
}

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
        case (_, .conflict?):
            return [KeyHint("↑↓ field", 2), KeyHint("m mine", 0), KeyHint("t theirs", 0), KeyHint("Enter review and send", 1), KeyHint("Esc back", 0)]
        case (_, .some):
            return [KeyHint("↑↓ move", 1), KeyHint("Enter choose", 0), KeyHint("Esc cancel", 0)]
        case (.list, nil) where searching:
            return [KeyHint("type to filter", 1), KeyHint("Enter keep", 0), KeyHint("Esc clear", 0), KeyHint("↑↓ move", 2)]
        case (.list, nil) where marks.isRangeOpen:
            return [KeyHint("range: move to extend", 0), KeyHint("v/Space end range", 0)]
        case (.list, nil):
            return [KeyHint("↑↓ move", 2), KeyHint("Enter edit", 1), KeyHint("s status", 1), KeyHint("/ search", 1),
                    KeyHint("f status", 3), KeyHint("J job", 3), KeyHint("o sort", 3), KeyHint("Space mark", 2),
                    KeyHint("v range", 4), KeyHint("* all", 4), KeyHint("u unmark", 4), KeyHint("r reload", 3), KeyHint("q quit", 0)]
        case (.form, nil):
            return [KeyHint("Tab/↓ next", 1), KeyHint("S-Tab/↑ prev", 2), KeyHint("Enter menu/editor", 2), KeyHint("^U clear", 3),
                    KeyHint("F2/^S save", 0), KeyHint("Esc back", 0)]
        }
    }
}
