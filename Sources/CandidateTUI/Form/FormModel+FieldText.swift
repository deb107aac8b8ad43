import CandidateCore

/// What each form field shows, which fields are typed into, and the read-only lines below them.
///
/// A typed field is edited through `LineEditor` over the draft's exact text; what is drawn
/// is sanitized and cut only at drawing time. Menu and editor fields show a one-line summary,
/// never a whole CV or metadata object.
extension FormModel {
    /// Most cells a typed field's text may take to be edited in the form. Far above every API
    /// limit (a 254-character email of wide characters is 508 cells): a longer value cannot
    /// be valid, and only an odd server sends one; it is shown as a summary and kept as it is.
    static let maxTypedCells = 1_000

    /// Characters of a display-only field's summary; the form shows only its width of it.
    static let summaryLength = 200

    /// Whether `field` is typed into in the form for `draft`: a typed field whose value is at
    /// most `maxTypedCells` cells. A longer value is shown as a summary and left as it is, so
    /// it is never sent.
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

    /// The note beside a typed field whose text has characters the screen does not show as
    /// they are (`2 hidden: U+001B U+200B`), or `nil`.
    func hiddenNote(_ field: CandidateField) -> String? {
        Self.isTyped(field) ? DisplayText.hiddenNote(draft.text(field)) : nil
    }

    /// What a field shows in the form when it is not typed into there: the menu and editor
    /// fields, and a typed field too long to edit. One line of at most about `summaryLength`
    /// characters, whatever the value's length.
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

    /// The read-only lines below the fields, at most `room` of them: the id, rating and
    /// counts, the timestamps, then every field the server sent that this client does not
    /// know (`Candidate.extraFields`, by name, never sent back). When those do not all fit,
    /// the last line says how many more lines there are.
    func infoLines(room: Int) -> [String] {
        let o = draft.original
        var lines = ["Id \(o.id)",
                     "Rating \(o.overallRating.map(String.init) ?? "–") · Analyses \(o.analysisCount) · Interviews \(o.interviewCount)",
                     "Created \(o.createdAt ?? "–") · Updated \(o.updatedAt ?? "–")"]
        if !o.extraFields.isEmpty {
            lines.append("Other fields from the server (read-only, never sent):")
            for name in o.extraFields.keys.sorted() {
                let value = o.extraFields[name] ?? .null
                let text = value.stringValue ?? value.compactText()
                lines.append("  \(name): " + FieldDisplay.oneLine(text, maxLength: Self.summaryLength))
            }
        }
        guard lines.count > room else { return lines }
        guard room > 0, !o.extraFields.isEmpty else { return Array(lines.prefix(max(0, room))) }
        let kept = Array(lines.prefix(room - 1))
        return kept + ["… \(lines.count - kept.count) more lines, with fields from the server (a taller terminal shows them)"]
    }
}
