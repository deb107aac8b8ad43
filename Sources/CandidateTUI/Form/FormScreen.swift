import CandidateCore

/// The form in the app: opening a candidate, what its keys ask for, saving through the y/N
/// question and the lost-update guard, the editor's result, and the server's answers.
extension AppModel {
    mutating func candidateOpened(_ c: Candidate) -> [Effect] {
        guard case .list = screen, overlay == nil else { return [] }
        list.replace(c)
        screen = .form(FormModel(draft: CandidateDraft(c)))
        flash = nil
        return []
    }

    mutating func handleFormKey(_ key: Key) -> [Effect] {
        guard var f = form else { return [] }
        if options.keys.action(for: key, in: .form) == .messages { showMessages(); return [] }
        let request = f.handle(key, keys: options.keys)
        form = f
        switch request {
        case .none: return []
        case .flash(let message): flash = message
        case .open(let overlay): setOverlay(overlay)
        case .pickJobs:
            if jobs.isLoaded {
                setOverlay(.jobsPicker)
                pickerSelection = f.draft.jobIds
            } else {
                flash = Flash(text: "The job list is not loaded yet (r on the list reloads it)", kind: .error)
            }
        case .editor(let field, let text): return [.openEditor(field, text: text)]
        case .save: return save()
        case .view(let field, let text): viewFieldText(field, text: text)
        case .close:
            screen = .list
            flash = nil
        }
        return []
    }

    /// Validates; on failure focuses the first bad field and sends nothing; with no change
    /// flashes "Nothing to change"; else asks for confirmation.
    mutating func save() -> [Effect] {
        guard var f = form, !f.saving else { return [] }
        do {
            let patch = try f.draft.makePatch(today: today)
            guard !patch.isEmpty else {
                flash = Flash(text: "Nothing to change", kind: .info)
                return []
            }
            f.errors = [:]
            f.pendingPatch = patch
            form = f
            flash = nil
            setOverlay(.confirmSave(lines: FieldDisplay.changeLines(patch, original: f.draft.original, jobTitle: jobTitle)))
        } catch let failure as ValidationFailure {
            f.errors = failure.byField
            if let first = failure.errors.first { f.focus = first.field }
            form = f
            let n = failure.byField.count
            flash = Flash(text: "Not saved — \(n == 1 ? "1 field needs" : "\(n) fields need") fixing: \(failure.errors[0].description)", kind: .error)
        } catch {
            flash = Flash(text: "Not saved: \(error)", kind: .error)
        }
        return []
    }

    /// The answer to `Send these changes? (y/N)`: y reads the server's copy first (the
    /// lost-update guard); anything else keeps the edits unsent.
    mutating func answerSave(_ key: Key) -> [Effect] {
        guard var f = form else { setOverlay(nil); return [] }
        if options.keys.action(for: key, in: .question) == .yes, f.pendingPatch != nil {
            setOverlay(nil)
            f.saving = true
            form = f
            flash = Flash(text: "Checking the server's copy…", kind: .info)
            // Lost-update guard: read the candidate again before sending (no ETag exists).
            return [.checkBeforeSave(id: f.draft.original.id)]
        }
        // Any other key answers No (the default).
        setOverlay(nil)
        f.pendingPatch = nil
        form = f
        flash = Flash(text: "Not sent — your edits are kept", kind: .info)
        return []
    }

    /// The answer to `Discard changes? (y/N)`.
    mutating func answerDiscard(_ key: Key) -> [Effect] {
        setOverlay(nil)
        if options.keys.action(for: key, in: .question) == .yes {
            screen = .list
            flash = Flash(text: "Changes discarded", kind: .info)
            offerNextDraft()
        }
        return []
    }

    mutating func saved(_ candidate: Candidate, fields: [CandidateField]) -> [Effect] {
        list.replace(candidate)
        marks.refresh([candidate])
        let message = Flash(text: "Saved \(fields.map(\.label).joined(separator: ", ")) for \(candidate.fullName)", kind: .ok)
        // Only the form that sent it closes (the user may have moved on meanwhile).
        guard let f = form, f.saving, f.draft.original.id == candidate.id else {
            flash = message
            return []
        }
        screen = .list
        setOverlay(nil)
        flash = message
        offerNextDraft()
        return []
    }

    mutating func saveFailed(_ error: APIError) -> [Effect] {
        guard var f = form else { return [] }
        f.saving = false
        if case .http(let failure) = error, !failure.fields.isEmpty {
            for field in failure.fields {
                f.errors[field] = Self.messageFor(field, in: failure)
            }
            f.focus = failure.fields[0]
        }
        form = f
        flash = Flash(text: "Not saved: \(error.description)", kind: .error)
        return []
    }

    /// The server's message for a field: the first message that names it, else all of them.
    static func messageFor(_ field: CandidateField, in failure: HTTPFailure) -> String {
        failure.messages.first(where: { $0.hasPrefix(field.apiKey) }) ?? failure.message
    }

    /// `$EDITOR` returned: its text (a final newline the value did not have is dropped) is
    /// checked at once; a failed editor leaves the field as it was.
    mutating func editorFinished(_ field: CandidateField, text: String?, status: Int32) -> [Effect] {
        guard var f = form else { return [] }
        guard let text else {
            flash = Flash(text: "The editor exited with status \(status); \(field.label) is unchanged", kind: .error)
            return []
        }
        let before = f.draft.text(field)
        let value = text.hasSuffix("\n") && !before.hasSuffix("\n") ? String(text.dropLast()) : text
        f.draft.setText(value, for: field)
        f.errors[field] = nil
        switch f.draft.wireValue(field) {
        case .failure(let e): f.errors[field] = e.message
        case .success(let v): f.errors[field] = PatchValidator.check(field, v, today: today)
        }
        form = f
        if let problem = f.errors[field] {
            flash = Flash(text: "\(field.label) \(problem) — Enter opens the editor again", kind: .error)
        } else {
            flash = f.draft.isChanged(field) ? Flash(text: "\(field.label) changed — F2 to save", kind: .info) : nil
        }
        return []
    }
}
