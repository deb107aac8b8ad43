import CandidateCore

/// The scrollable panel of the bulk preview and the bulk result (and the messages): fixed
/// header lines (the plan's summary, wrapped rather than cut) and a blank line when there are
/// some, a screenful of the body from the model's `overlayScroll`, and the footer's question,
/// drawn as a `PromptPanel`.
enum ScrollPanel {
    /// The panel for the model's scrollable overlay on a screen of `rows` × `cols`, or `nil`
    /// when none is open. Only a screenful of the body is made; the panel keeps one width
    /// while it scrolls.
    static func panel(_ model: AppModel, rows: Int, cols: Int) -> PromptPanel? {
        guard let p = model.scrollLines() else { return nil }
        let panelWidth = width(cols: cols)
        let wrapped = p.header.flatMap { DisplayText.wrap(DisplayText.sanitize($0), to: panelWidth) }
        let header = wrapped.isEmpty ? [] : wrapped + [""]
        let room = max(0, PromptPanel.room(screenRows: rows) - header.count)
        let shown = p.body.lines(from: model.overlayScroll, count: room)
        return PromptPanel(title: p.title, lines: header + shown, question: p.footer,
                           moreAbove: model.overlayScroll,
                           moreBelow: max(0, p.body.count - model.overlayScroll - shown.count),
                           minWidth: panelWidth)
    }

    /// The width of a scrolling panel's text on a screen `cols` wide: at most 100 cells.
    static func width(cols: Int) -> Int { min(100, cols - 6) }
}
