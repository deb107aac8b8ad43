import CandidateCore

/// Where the messages go on the current screen at a size, decided once for the model (is
/// something cut, so the hint line offers `Ctrl-G`) and the views (what to draw where).
struct MessageLayout: Equatable, Sendable {
    /// The message line's lines above the key hints: a bulk change's progress or the flash
    /// message; `nil` when it shows the search prompt or nothing.
    var flash: MessageLines?
    /// In the form: the focused field's message, whole below the fields when it does not fit
    /// beside the field; `nil` when it fits there or there is none.
    var fieldNote: MessageLines?
    /// A message beside a field that is not focused is cut.
    var sideCut = false

    /// Rows the message line takes (at least the one it always has).
    var flashRows: Int { max(1, flash?.lines.count ?? 1) }

    /// Some message on the screen is not shown whole.
    var anyCut: Bool { (flash?.cut ?? false) || (fieldNote?.cut ?? false) || sideCut }
}

extension AppModel {
    /// The messages of the current screen laid out on a `rows` × `cols` terminal. The list
    /// gives the message up to `MessageLines.maxLines` rows; the form what is below its
    /// fields (the read-only facts give way), the flash first, then the focused field's note;
    /// under an open panel the message has its one line.
    func messageLayout(rows: Int, cols: Int) -> MessageLayout {
        var layout = MessageLayout()
        let belowFields = FormView.infoTop
        // Under an open panel the message keeps its one line: the panel has the keys (and the
        // rows a wrapped message would take).
        let room = overlay != nil ? 1
            : form == nil ? MessageLines.maxLines : max(1, min(MessageLines.maxLines, rows - 1 - belowFields))
        if let progress = bulkStatusLine() {
            layout.flash = MessageLines(progress, width: cols - 2, maxLines: room)
        } else if let flash, !(searching && form == nil) {
            layout.flash = MessageLines(flash.text, width: cols - 2, maxLines: room)
        }
        guard let f = form else { return layout }
        let sideWidth = FormView.messageWidth(cols: cols)
        for field in CandidateField.allCases {
            guard let side = FormView.sideMessage(f, field, utf8: true), DisplayText.width(DisplayText.sanitize(side.shown)) > sideWidth
            else { continue }
            if field != f.focus { layout.sideCut = true; continue }
            let room = min(MessageLines.maxLines, rows - 2 - belowFields - (layout.flashRows - 1))
            if room > 0 {
                layout.fieldNote = MessageLines(side.marker + field.label + ": " + side.text, width: cols - 2, maxLines: room)
            } else {
                layout.sideCut = true
            }
        }
        return layout
    }

    /// The layout at the terminal's size (none before the terminal reports it).
    var currentMessageLayout: MessageLayout? {
        screenSize.map { messageLayout(rows: $0.rows, cols: $0.cols) }
    }
}
