import CandidateCore

/// What a key in the form asks of the app beyond the form's own state.
enum FormRequest: Equatable {
    case none
    /// A message for the message line.
    case flash(Flash)
    /// Open an overlay (the status or gender menu, the discard question).
    case open(Overlay)
    /// Open the jobs picker on the draft's jobs (when the job list is loaded).
    case pickJobs
    /// Hand the field's text to `$EDITOR`.
    case editor(CandidateField, text: String)
    /// Validate and ask to send (F2).
    case save
    /// Show the field's current text read-only in the pager (F3).
    case view(CandidateField, text: String)
    /// Back to the list (nothing was changed).
    case close
}

extension FormModel {
    /// The form's own keys: typing and pasting into the focused typed field, moving between
    /// fields, clearing a field. Changes only the form; the rest is asked for. Keys that are
    /// not typing do what `keys` (the key table's form context) binds them to.
    mutating func handle(_ key: Key, keys: KeyMap = .standard) -> FormRequest {
        if saving { return .flash(Flash(text: "Saving… (edits wait until the server answers)", kind: .info)) }
        if isTypedInForm(focus) {
            if case .paste(let text) = key { return paste(text) }
            if LineEditor.isEditingKey(key) {
                edit { $0.apply(key) }
                return .none
            }
        }
        let fields = CandidateField.allCases
        let index = fields.firstIndex(of: focus) ?? 0
        switch keys.action(for: key, in: .form) {
        case .nextField?:
            focus = fields[(index + 1) % fields.count]
            return focusNote()
        case .previousField?:
            focus = fields[(index + fields.count - 1) % fields.count]
            return focusNote()
        case .fieldAction?:
            switch focus {
            case .status: return .open(.formStatusMenu)
            case .gender: return .open(.genderMenu)
            case .jobIds: return .pickJobs
            case .metadata, .cvText: return .editor(focus, text: draft.text(focus))
            default:
                focus = fields[(index + 1) % fields.count]
                return .none
            }
        case .clearField?:
            // Typed fields are cleared by their editor; these are cleared here.
            switch focus {
            case .gender: draft.gender = nil
            case .metadata: draft.metadataText = ""
            case .cvText: draft.cvText = ""
            case .jobIds: draft.jobIds = []
            default: break
            }
            errors[focus] = nil
            return .none
        case .save?:
            return .save
        case .viewField?:
            guard focus == .cvText || focus == .metadata else {
                return .flash(Flash(text: "F3 shows the CV or the metadata: move to one of them first", kind: .info))
            }
            return .view(focus, text: draft.text(focus))
        case .close?:
            return draft.hasChanges ? .open(.confirmDiscard) : .close
        default:
            return .none
        }
    }

    /// A bracketed paste into the focused typed field: inserted literally at the cursor (line
    /// breaks and tabs become spaces, the fields are one line). A paste the field has no room
    /// for is refused whole, with a message, rather than cut.
    private mutating func paste(_ text: String) -> FormRequest {
        let pasted = LineEditor.oneLine(text)
        guard Self.fitsTypedField(draft.text(focus) + pasted) else {
            return .flash(Flash(text: "Not pasted: \(focus.label) takes at most \(Self.maxTypedCells) characters here", kind: .error))
        }
        edit { $0.insert(pasted) }
        return .none
    }

    /// What matters about the field the focus just moved to: its error, or that it is too long
    /// to edit in the form.
    private func focusNote() -> FormRequest {
        if let e = errors[focus] { return .flash(Flash(text: "\(focus.label): \(e)", kind: .error)) }
        if let note = tooLongFlash(focus) { return .flash(Flash(text: note, kind: .info)) }
        return .none
    }
}
