import CandidateCore

/// Unsent drafts and the lost-update guard.
extension AppModel {
    // MARK: drafts

    mutating func handleDraftsKey(_ key: Key) -> [Effect] {
        switch key {
        case .char("r"), .char("R"):
            guard !pendingDrafts.isEmpty else { setOverlay(nil); return [] }
            let next = pendingDrafts.removeFirst()
            setOverlay(nil)
            flash = Flash(text: "Opening your draft of \(next.original.fullName)…", kind: .info)
            return [.openDraft(next)]
        case .char("d"), .char("D"):
            let ids = pendingDrafts.map(\.original.id)
            pendingDrafts = []
            setOverlay(nil)
            flash = Flash(text: "Discarded \(ids.count) draft\(ids.count == 1 ? "" : "s")", kind: .info)
            return [.discardDrafts(ids)]
        case .char("l"), .char("L"), .escape:
            pendingDrafts = []
            setOverlay(nil)
            flash = Flash(text: "Drafts kept for later", kind: .info)
            return []
        default:
            return []
        }
    }

    /// After a form closes: offer the next unsent draft, if any.
    mutating func offerNextDraft() {
        if !pendingDrafts.isEmpty, overlay == nil, case .list = screen { setOverlay(.draftsPrompt) }
    }

    // MARK: lost-update guard

    /// The server's copy arrived just before sending: send when it did not move, else show
    /// the conflict view (nothing is sent until the user confirms again).
    mutating func checkedBeforeSave(_ theirs: Candidate) -> [Effect] {
        guard var f = form, f.saving, let patch = f.pendingPatch else { return [] }
        if theirs.updatedAt == f.draft.original.updatedAt {
            f.pendingPatch = nil
            form = f
            flash = Flash(text: "Saving…", kind: .info)
            return [.save(id: f.draft.original.id, patch: patch, fields: patch.fields)]
        }
        f.saving = false
        f.pendingPatch = nil
        form = f
        conflictChoices = [:]
        conflictCursor = 0
        setOverlay(.conflict(FieldMerge(mine: f.draft, theirs: theirs)))
        flash = Flash(text: "\(theirs.fullName) changed on the server since you opened it — nothing was sent", kind: .error)
        return []
    }

    mutating func handleConflictKey(_ key: Key, _ merge: FieldMerge) -> [Effect] {
        let conflicts = merge.conflicts
        switch key {
        case .up, .char("k"): conflictCursor = max(0, conflictCursor - 1)
        case .down, .char("j"), .tab: conflictCursor = min(max(0, conflicts.count - 1), conflictCursor + 1)
        case .char("m"), .char("t"):
            guard conflicts.indices.contains(conflictCursor) else { return [] }
            conflictChoices[conflicts[conflictCursor]] = key == .char("m") ? .mine : .theirs
            if conflictCursor < conflicts.count - 1 { conflictCursor += 1 }
        case .enter, .char("y"):
            let open = merge.unresolved(conflictChoices)
            guard open.isEmpty else {
                flash = Flash(text: "Choose mine (m) or theirs (t) for: " + open.map(\.label).joined(separator: ", "), kind: .error)
                return []
            }
            guard var f = form else { setOverlay(nil); return [] }
            f.draft = merge.merged(choosing: conflictChoices)
            f.errors = [:]
            form = f
            setOverlay(nil)
            // Validate again and confirm the changes against the server's current copy.
            return save()
        case .escape:
            setOverlay(nil)
            flash = Flash(text: "Not sent — your edits are kept; F2 compares with the server again", kind: .info)
            return []
        default:
            return []
        }
        overlayGeneration += 1
        return []
    }

    /// Lines of the conflict view.
    func conflictLines(_ merge: FieldMerge) -> (title: String, lines: [String], question: String) {
        var lines: [String] = []
        let show = { (f: CandidateField, v: JSONValue) in FieldDisplay.text(f, v, jobTitle: jobTitle, maxLength: 30) }
        if !merge.refreshed.isEmpty {
            lines.append("Taken from the server: " + merge.refreshed.map(\.label).joined(separator: ", "))
        }
        let mineOnly = merge.outcomes.filter { if case .changedByMe = $0.outcome { return true }; return false }.map(\.field)
        if !mineOnly.isEmpty { lines.append("Your changes kept: " + mineOnly.map(\.label).joined(separator: ", ")) }
        let conflicts = merge.conflicts
        if conflicts.isEmpty {
            lines.append("No field was changed by both.")
        } else {
            lines.append("Changed by both — choose per field (m mine, t theirs):")
            for (i, f) in conflicts.enumerated() {
                guard case .conflict(let base, let mine, let theirs) = merge.outcome(f) else { continue }
                let marker = i == conflictCursor ? "▸" : " "
                let choice = conflictChoices[f].map { $0 == .mine ? "mine" : "theirs" } ?? "?"
                lines.append("\(marker) \(f.label) [\(choice)]")
                lines.append("    base:   \(show(f, base))")
                lines.append("    mine:   \(show(f, mine))")
                lines.append("    theirs: \(show(f, theirs))")
            }
        }
        return ("Changed on the server meanwhile", lines, conflicts.isEmpty ? "Enter review and send · Esc back" : "↑↓ field · m mine · t theirs · Enter review and send · Esc back")
    }
}
