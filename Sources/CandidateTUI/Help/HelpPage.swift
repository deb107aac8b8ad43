import CandidateCore

/// The `?` (or F1) page: the keys of the context it was opened from, read from the key table,
/// over whatever was open; closing it goes back there unchanged.
struct HelpPage: Equatable {
    /// Whose keys it lists.
    var context: KeyContext
    /// First line shown.
    var scroll = 0
}

extension AppModel {
    /// Where keys go now: the open overlay, a prompt, else the screen.
    func keyContext() -> KeyContext {
        if help != nil { return .help }
        if commandLine != nil { return .command }
        switch (screen, overlay) {
        case (_, .confirmMove?), (_, .confirmSave?), (_, .confirmDiscard?): return .question
        case (_, .bulkPreview?), (_, .bulkChangePreview?), (_, .undoPreview?): return .bulkPreview
        case (_, .expiryPrompt?): return .expiryPrompt
        case (_, .bulkResult?): return .bulkResult
        case (_, .jobsPicker?): return .picker
        case (_, .draftsPrompt?): return .drafts
        case (_, .conflict?): return .conflict
        case (_, .messages?): return .messages
        case (_, .pager?): return .pager
        case (_, .history?): return .history
        case (_, .some): return .menu
        case (.list, nil) where search.isOpen: return .search
        case (.list, nil) where marks.isRangeOpen: return .range
        case (.list, nil): return .list
        case (.form, nil): return .form
        }
    }

    /// `?` / F1 open help where the key is not typed: F1 only in the form, the search prompt
    /// and the command line (there `?` is text). Returns whether it opened.
    mutating func openHelpIfAsked(_ key: Key) -> Bool {
        let context = keyContext()
        var typing = context == .form || context == .search || context == .command || context == .expiryPrompt
        if case .pager(let pager)? = overlay, pager.prompt != nil { typing = true }
        // On the list and in the form the table says which keys (the config may move help);
        // elsewhere `?` (where it is not typed) and F1.
        let asked = context.isRemappable ? options.keys.action(for: key, in: context) == .help
            : key == .function(1) || (!typing && key == .char("?"))
        guard asked else { return false }
        help = HelpPage(context: context)
        return true
    }

    /// Keys while help is open: scroll, or close it (Esc, q, ?, F1).
    mutating func handleHelpKey(_ key: Key) {
        guard var page = help else { return }
        let total = helpLines(page.context, width: HelpPage.width(cols: screenSize?.cols ?? 80)).count
        switch key {
        case .up, .char("k"): page.scroll -= 1
        case .down, .char("j"): page.scroll += 1
        case .pageUp: page.scroll -= 10
        case .pageDown: page.scroll += 10
        case .home, .char("g"): page.scroll = 0
        case .end, .char("G"): page.scroll = total
        case .escape, .char("q"), .char("?"), .function(1):
            help = nil
            return
        default: return
        }
        page.scroll = max(0, min(page.scroll, total - 1))
        help = page
    }

    /// The help page's lines for a context, `width` cells wide: its keys, and on the list and
    /// the command line the commands.
    func helpLines(_ context: KeyContext, width: Int) -> [String] {
        var lines = options.keys.helpLines(context, width: width)
        if context == .list || context == .command {
            lines += ["", "Commands (: on the list)"]
            for c in CommandName.allCases {
                let usage = ":" + c.usage
                lines += DisplayText.wrap("\(usage) — \(c.summary)", to: width).enumerated().map { $0 == 0 ? $1 : "    " + $1 }
            }
        }
        return lines
    }
}

extension HelpPage {
    /// The page's text width on a screen `cols` wide.
    static func width(cols: Int) -> Int { max(20, min(96, cols - 6)) }

    /// The page as a panel on a screen of `rows` × `cols`, scrolled to `scroll` (kept within
    /// the page).
    static func panel(_ model: AppModel, rows: Int, cols: Int) -> PromptPanel? {
        guard let page = model.help else { return nil }
        let width = width(cols: cols)
        let lines = model.helpLines(page.context, width: width)
        let room = PromptPanel.room(screenRows: rows)
        let top = max(0, min(page.scroll, lines.count - room))
        // A page that goes on keeps its last row for `↓ N more`.
        let shown = Array(lines.dropFirst(top).prefix(lines.count - top > room ? room - 1 : room))
        return PromptPanel(title: "Keys — \(page.context.title)", lines: shown, question: "Esc closes · ↑↓ PgUp/PgDn scroll",
                           moreAbove: top, moreBelow: max(0, lines.count - top - shown.count), minWidth: width)
    }
}
