import CandidateCore

/// The form: the draft being edited, the focused field, the cursor in it, messages per field.
///
/// The draft is the one owner of every field's text, the server's exact string until the
/// user edits it; typed fields are edited through `LineEditor` (`edit(_:)`), so there is no
/// widget text to read back.
struct FormModel: Equatable {
    var draft: CandidateDraft
    /// The focused field; moving it puts the cursor at the end of the new field's text.
    var focus: CandidateField {
        didSet { if focus != oldValue { cursor = draft.text(focus).unicodeScalars.count } }
    }
    /// The cursor in the focused typed field, in Unicode scalars (see `LineEditor`).
    private(set) var cursor: Int
    var errors: [CandidateField: String] = [:]
    var saving = false
    /// The patch waiting for confirmation.
    var pendingPatch: CandidatePatch?

    init(draft: CandidateDraft, focus: CandidateField = .firstName) {
        self.draft = draft
        self.focus = focus
        cursor = draft.text(focus).unicodeScalars.count
    }

    /// The focused field's editor: its exact text and the cursor.
    var editor: LineEditor { LineEditor(text: draft.text(focus), cursor: cursor) }

    /// Edits the focused field through its editor; a change of text clears the field's message.
    mutating func edit(_ change: (inout LineEditor) -> Void) {
        var e = editor
        change(&e)
        if e.text.unicodeScalars.elementsEqual(draft.text(focus).unicodeScalars) == false {
            draft.setText(e.text, for: focus)
            errors[focus] = nil
        }
        cursor = e.cursor
    }

    /// Fields typed into directly; the others open a menu or an editor.
    static func isTyped(_ f: CandidateField) -> Bool {
        switch f {
        case .firstName, .lastName, .email, .phoneNumber, .gdprExpiryDate: return true
        default: return false
        }
    }
}
