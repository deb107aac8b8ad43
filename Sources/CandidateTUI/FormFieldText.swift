import CandidateCore

/// What each form field holds in the form widget, and which fields can be typed into there.
///
/// ncurses keeps a window's size in a `short`: a one-line field whose text grows to 32,767
/// columns or more cannot be made current (`set_current_field` fails and leaves the form
/// without a field window, and the next `form_driver_w` dereferences it). So the widget never
/// holds a whole CV or metadata object, only a one-line summary, and a typed field takes at
/// most `maxTypedCells` cells.
extension FormModel {
    /// Most cells a typed field's text may take in the form widget. Far above every API limit
    /// (a 254-character email of wide characters is 508 cells), far below ncurses' 32,767.
    static let maxTypedCells = 1_000

    /// Characters of a display-only field's summary; the widget shows only its width of it.
    static let summaryLength = 200

    /// Whether `field` is typed into in the form for `draft`: a typed field whose value fits
    /// the widget. A longer value (only an odd server sends one) is shown as a summary and
    /// left as it is, so it is never sent.
    static func isTypedInForm(_ field: CandidateField, _ draft: CandidateDraft) -> Bool {
        isTyped(field) && fitsTypedField(draft.text(field))
    }

    /// Whether `text`, as shown, fits a typed field (at most `maxTypedCells` cells).
    static func fitsTypedField(_ text: String) -> Bool {
        // A cell takes at least one UTF-8 byte, so a short text fits without measuring.
        text.utf8.count <= maxTypedCells || DisplayText.width(DisplayText.sanitize(text)) <= maxTypedCells
    }

    /// `isTypedInForm` for this form's draft.
    func isTypedInForm(_ field: CandidateField) -> Bool { Self.isTypedInForm(field, draft) }

    /// Whether `field` is a typed field too long to edit in the form.
    func isTooLongToType(_ field: CandidateField) -> Bool { Self.isTyped(field) && !isTypedInForm(field) }

    /// The note beside a typed field too long to edit in the form, or `nil`.
    func tooLongNote(_ field: CandidateField) -> String? {
        isTooLongToType(field) ? "too long to edit here; kept as it is" : nil
    }

    /// The flash when the focus lands on a typed field too long to edit in the form, or `nil`.
    func tooLongFlash(_ field: CandidateField) -> String? {
        guard isTooLongToType(field) else { return nil }
        return "\(field.label) has \(draft.text(field).count) characters, too long to edit in the form; it is kept as it is"
    }

    /// What a field shows in the form when it is not typed into there: the menu and editor
    /// fields, and a typed field too long for the widget. One line of at most about
    /// `summaryLength` characters, whatever the value's length.
    func shownText(_ field: CandidateField, jobTitle: (String) -> String? = { _ in nil }) -> String {
        let d = draft
        switch field {
        case .status: return d.status.rawValue
        case .gender: return d.gender?.rawValue ?? "auto (from name)"
        case .jobIds:
            return FieldDisplay.text(.jobIds, .array(d.jobIds.map(JSONValue.string)), jobTitle: jobTitle, maxLength: Self.summaryLength)
        case .metadata:
            switch d.wireValue(.metadata) {
            case .success(let v): return FieldDisplay.text(.metadata, v, maxLength: Self.summaryLength)
            case .failure: return "(invalid JSON) " + FieldDisplay.oneLine(d.metadataText, maxLength: Self.summaryLength)
            }
        default: return Self.lengthSummary(d.text(field))
        }
    }

    /// `N chars: ` and the start of the text on one line, or `(empty)`.
    static func lengthSummary(_ text: String) -> String {
        if text.isEmpty { return "(empty)" }
        return "\(text.count) chars: " + FieldDisplay.oneLine(text, maxLength: summaryLength)
    }
}
