import CandidateCore

/// The form screen: one row per field (label, changed mark, the value in underlined cells, a
/// message or hint beside it) and the read-only facts below. A function of the model; the
/// focused field's horizontal scroll is view state.
enum FormView {
    /// Cells of the field labels.
    static let labelWidth = 13
    /// The column where field values start.
    static let fieldLeft = labelWidth + 4

    /// Cells of a field's value on a screen `cols` wide: 16 to 48.
    static func fieldWidth(cols: Int) -> Int { max(16, min(48, cols - fieldLeft - 22)) }

    /// The column where the message beside a field starts.
    static func messageLeft(cols: Int) -> Int { fieldLeft + fieldWidth(cols: cols) + 2 }

    /// Cells of the message beside a field.
    static func messageWidth(cols: Int) -> Int { cols - messageLeft(cols: cols) - 1 }

    /// The first row below the fields (after a blank one): the focused field's whole message
    /// when it does not fit beside it, then the read-only facts.
    static let infoTop = 3 + CandidateField.allCases.count

    /// A field's message: what the server or the validation said, or a note about the text.
    struct SideMessage: Equatable {
        /// `! ` for a problem, `⚠ ` for hidden characters.
        var marker: String
        var text: String
        var style: CellStyle
        /// As shown beside the field.
        var shown: String { marker + text }
    }

    /// The message beside `field`: its error or the too-long note, else the hidden-character
    /// note; `nil` when there is none.
    static func sideMessage(_ f: FormModel, _ field: CandidateField, utf8: Bool) -> SideMessage? {
        if let message = f.errors[field] ?? f.tooLongNote(field) {
            return SideMessage(marker: "! ", text: message, style: CellStyle(bold: true, color: .error))
        }
        if let note = f.hiddenNote(field) {
            return SideMessage(marker: utf8 ? "⚠ " : "! ", text: note, style: .color(.error))
        }
        return nil
    }

    /// What the header says for the form: on the right whether it is saving or what changed.
    static func header(_ f: FormModel) -> AppView.Header {
        AppView.Header(right: f.saving ? "saving…" : (f.draft.hasChanges ? "\(f.draft.changedFields.count) changed" : "no changes"))
    }

    /// Draws the form between the header (row 0) and the message lines (`messages` says how
    /// many, and the focused field's note below the fields). Returns where the terminal cursor
    /// goes: the focused typed field's cursor, else `nil`.
    static func draw<C: Canvas>(_ f: FormModel, of model: AppModel, messages: MessageLayout, _ state: inout ViewState,
                                on canvas: inout C) -> CellPosition? {
        let d = f.draft
        let cols = canvas.cols
        canvas.put(1, 1, "Edit \(d.original.fullName)", width: cols - 2, style: .bold)
        let fieldWidth = fieldWidth(cols: cols)
        var cursor: CellPosition?
        if state.fieldScroll?.field != f.focus { state.fieldScroll = .init(field: f.focus, scroll: 0) }
        for (i, field) in CandidateField.allCases.enumerated() {
            let y = 2 + i
            let focused = field == f.focus
            let marker = focused ? (canvas.utf8 ? "▸" : ">") : " "
            canvas.put(y, 0, marker, width: 1, style: .bold)
            canvas.put(y, 1, field.label, width: labelWidth, style: focused ? .bold : .plain)
            if d.isChanged(field) { canvas.put(y, 1 + labelWidth + 1, "*", width: 1, style: .bold) }
            // The field: underlined cells; the focused typed field shows the part around its cursor.
            let shown: String
            if focused, f.isTypedInForm(field) {
                let view = f.editor.view(width: fieldWidth, scroll: state.fieldScroll?.scroll ?? 0)
                state.fieldScroll = .init(field: field, scroll: view.scroll)
                shown = view.text
                cursor = CellPosition(y: y, x: fieldLeft + view.cursorColumn)
            } else if f.isTypedInForm(field) {
                shown = model.shown(field, d.text(field))
            } else if field == .email || field == .phoneNumber, model.options.privacy {
                // Too long to type into: masked whole rather than summarized.
                shown = model.shown(field, d.text(field))
            } else {
                shown = f.shownText(field, jobTitle: { model.jobTitle($0) })
            }
            canvas.put(y, fieldLeft, DisplayText.fit(shown, to: fieldWidth), width: fieldWidth, style: .underline)
            let msgLeft = messageLeft(cols: cols)
            let msgWidth = messageWidth(cols: cols)
            if let side = sideMessage(f, field, utf8: canvas.utf8) {
                // Cut with `…`; the focused field's whole message is below the fields.
                canvas.put(y, msgLeft, side.shown, width: msgWidth, style: side.style)
            } else if focused, !FormModel.isTyped(field) {
                canvas.put(y, msgLeft, hint(field), width: msgWidth, style: .color(.dim))
            }
        }
        // Below the fields: the focused field's whole message when it is cut beside the field,
        // then the read-only facts, as many lines as fit above the message lines.
        var top = infoTop
        if let note = messages.fieldNote, let side = sideMessage(f, f.focus, utf8: canvas.utf8) {
            for line in note.lines {
                canvas.write(top, 1, shown: line, style: side.style)
                top += 1
            }
        }
        let info = f.infoLines(room: max(0, canvas.rows - 1 - messages.flashRows - top))
        for (k, line) in info.enumerated() {
            canvas.put(top + k, 1, line, width: cols - 2, style: .color(.dim))
        }
        return cursor
    }

    /// What Enter does on a field that is not typed into.
    static func hint(_ field: CandidateField) -> String {
        switch field {
        case .status, .gender: return "Enter: menu"
        case .jobIds: return "Enter: pick jobs"
        default: return "Enter: $EDITOR"
        }
    }
}
