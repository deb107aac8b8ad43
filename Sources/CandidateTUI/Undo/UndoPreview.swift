import CandidateCore

/// Undo on the list: `U` or `:undo [ID]` reads the journal (an effect), then previews the inverse
/// of the last change or batch (`Label: now → back to`); `y` sends it as a bulk change whose
/// every candidate is read again first (one changed since is a conflict, not overwritten).
extension AppModel {
    /// `U` / `:undo [ID]`: asks for the undo of the change or batch `id` names, else of the last one.
    mutating func askUndo(_ id: String?) -> [Effect] {
        if bulk != nil {
            flash = Flash(text: "A bulk change is running: wait for it to end (Esc cancels it) before undoing", kind: .error)
            return []
        }
        flash = Flash(text: "Reading the journal…", kind: .info)
        return [.planUndo(id: id)]
    }

    /// The journal answered: the preview opens, or a message says why there is nothing to undo.
    mutating func showUndo(_ undo: JournalUndo?, unreadable: Int) {
        let skipped = unreadable > 0 ? " (skipped \(unreadable) unreadable journal line\(unreadable == 1 ? "" : "s"))" : ""
        guard let undo else {
            flash = Flash(text: "Nothing to undo: no change was sent to this company from this machine" + skipped, kind: .info)
            return
        }
        guard undo.undoableCount > 0 else {
            let why = undo.items.compactMap(\.notUndoable).first ?? "nothing was changed"
            flash = Flash(text: "Nothing to undo in \(undo.id.prefix(8)): \(why)" + skipped, kind: .info)
            return
        }
        listedNames = labelsForListed(undo.items.map { NameLabels.Entry(id: $0.candidateId, name: $0.name, email: nil) })
        flash = unreadable > 0 ? Flash(text: "Skipped \(unreadable) unreadable journal line\(unreadable == 1 ? "" : "s")", kind: .error) : nil
        setOverlay(.undoPreview(undo))
    }

    /// The preview panel: one line per candidate, `Name — Status: REJECTED → APPLIED · Phone: … → …`.
    func undoPanelLines(_ undo: JournalUndo) -> (title: String, header: [String], body: ScrollBody, footer: String) {
        let names = listedNames
        let jobs = self.jobs, privacy = options.privacy, utf8 = terminalUTF8
        let shown: (CandidateField, String) -> String = {
            privacy ? ContactMask.masked($0, $1, charset: utf8 ? .unicode : .ascii) : $1
        }
        let body = ScrollBody(count: undo.items.count) { i in
            let item = undo.items[i]
            let name = names.label(id: item.candidateId, name: item.name)
            if let why = item.notUndoable { return "\(name) — not undone: \(DisplayText.sanitize(why))" }
            let lines = JournalUndo.lines(item, jobTitle: jobs.title, shown: shown)
            return "\(name) — " + lines.joined(separator: " · ")
        }
        let n = undo.undoableCount
        return ("Undo", [undo.title, "Each candidate is read again first: one changed since is shown as a conflict and not overwritten."],
                body, "Send \(n) change\(n == 1 ? "" : "s") back? (y/N)")
    }
}
