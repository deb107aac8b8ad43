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
