import CandidateCore

extension AppModel {
    /// The question a y/N overlay asks, with its lines (the conflict view's too).
    func prompt() -> (title: String, lines: [String], question: String)? {
        switch overlay {
        case .confirmMove(let id, let to)?:
            guard let c = list.candidate(id: id) else { return nil }
            return ("Change status", [], "Move \(c.fullName) from \(c.status) to \(to)? (y/N)")
        case .confirmSave(var lines)?:
            // Privacy mode: the same lines from the patch, masked (the overlay keeps them plain).
            if options.privacy, let f = form, let patch = f.pendingPatch {
                lines = FieldDisplay.changeLines(patch, original: f.draft.original, jobTitle: jobTitle, shown: shown(_:_:))
            }
            return ("Save \(lines.count) change\(lines.count == 1 ? "" : "s")", lines, "Send these changes? (y/N)")
        case .draftsPrompt?:
            let n = drafts.pending.count
            let names = NameLabels(drafts.pending.map(\.original))
            return ("Unsent drafts", drafts.pending.prefix(8).map { "\(names.label($0.original)): " + $0.changedFields.map(\.label).joined(separator: ", ") },
                    "\(n) unsent draft\(n == 1 ? "" : "s") — (r)eview, (d)iscard, (l)ater")
        case .conflict(let conflict)?:
            return conflict.lines(jobTitle: jobTitle, shown: shown(_:_:))
        case .confirmDiscard?:
            return ("Unsaved changes", form.map { $0.draft.changedFields.map(\.label) }.map { ["Changed: " + $0.joined(separator: ", ")] } ?? [],
                    "Discard changes? (y/N)")
        default: return nil
        }
    }
}
