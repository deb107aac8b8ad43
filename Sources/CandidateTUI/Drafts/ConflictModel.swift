import CandidateCore

/// The conflict view: the candidate changed on the server since the form opened. Shows what
/// was taken from the server, which of the user's changes are kept, and for each field
/// changed by both, base / mine / theirs with the user's choice.
struct ConflictModel: Equatable {
    let merge: FieldMerge
    /// Per-field choices so far.
    private(set) var choices: [CandidateField: FieldMerge.Side] = [:]
    /// The conflict under the cursor (an index into `conflicts`).
    private(set) var cursor = 0

    init(merge: FieldMerge) { self.merge = merge }

    /// Fields changed by both.
    var conflicts: [CandidateField] { merge.conflicts }

    /// What a key decided.
    enum Answer: Equatable {
        /// Every conflict has a choice: the merged draft to validate and confirm again.
        case resolved(CandidateDraft)
        /// Enter with fields still to choose.
        case unresolved([CandidateField])
        /// Esc: back to the form with the user's edits.
        case back
    }

    /// Moves the cursor or records a choice (`m` mine, `t` theirs); `Esc` or `q` go back;
    /// `nil` while the view stays.
    mutating func handle(_ action: KeyAction?) -> Answer? {
        switch action {
        case .up?: cursor = max(0, cursor - 1)
        case .down?: cursor = min(max(0, conflicts.count - 1), cursor + 1)
        case .mine?, .theirs?:
            guard conflicts.indices.contains(cursor) else { return nil }
            choices[conflicts[cursor]] = action == .mine ? .mine : .theirs
            if cursor < conflicts.count - 1 { cursor += 1 }
        case .proceed?:
            let open = merge.unresolved(choices)
            return open.isEmpty ? .resolved(merge.merged(choosing: choices)) : .unresolved(open)
        case .close?:
            return .back
        default:
            break
        }
        return nil
    }

    /// The view's title, lines and question. `shown` turns a text into what shows (privacy
    /// mode masks the email and phone).
    func lines(jobTitle: @escaping (String) -> String?,
               shown: @escaping (CandidateField, String) -> String = { $1 }) -> (title: String, lines: [String], question: String) {
        var lines: [String] = []
        let show = { (f: CandidateField, v: JSONValue) in
            FieldDisplay.text(f, FieldDisplay.shownValue(f, v, shown: shown), jobTitle: jobTitle, maxLength: 30)
        }
        if !merge.refreshed.isEmpty {
            lines.append("Taken from the server: " + merge.refreshed.map(\.label).joined(separator: ", "))
        }
        let mineOnly = merge.outcomes.filter { if case .changedByMe = $0.outcome { return true }; return false }.map(\.field)
        if !mineOnly.isEmpty { lines.append("Your changes kept: " + mineOnly.map(\.label).joined(separator: ", ")) }
        if conflicts.isEmpty {
            lines.append("No field was changed by both.")
        } else {
            lines.append("Changed by both — choose per field (m mine, t theirs):")
            for (i, f) in conflicts.enumerated() {
                guard case .conflict(let base, let mine, let theirs) = merge.outcome(f) else { continue }
                let marker = i == cursor ? "▸" : " "
                let choice = choices[f].map { $0 == .mine ? "mine" : "theirs" } ?? "?"
                lines.append("\(marker) \(f.label) [\(choice)]")
                lines.append("    base:   \(show(f, base))")
                lines.append("    mine:   \(show(f, mine))")
                lines.append("    theirs: \(show(f, theirs))")
            }
        }
        return ("Changed on the server meanwhile", lines, conflicts.isEmpty ? "Enter review and send · Esc back" : "↑↓ field · m mine · t theirs · Enter review and send · Esc back")
    }
}

/// The lost-update guard in the app: the server's copy is read just before sending.
extension AppModel {
    /// The server's copy arrived just before sending: send when it did not move, else show
    /// the conflict view (nothing is sent until the user confirms again).
    mutating func checkedBeforeSave(_ theirs: Candidate) -> [Effect] {
        guard var f = form, f.saving, let patch = f.pendingPatch else { return [] }
        if theirs.updatedAt == f.draft.original.updatedAt {
            f.pendingPatch = nil
            form = f
            flash = Flash(text: "Saving…", kind: .info)
            return [.save(over: theirs, patch: patch, fields: patch.fields)]
        }
        f.saving = false
        f.pendingPatch = nil
        form = f
        setOverlay(.conflict(ConflictModel(merge: FieldMerge(mine: f.draft, theirs: theirs))))
        // Named as the list would tell it apart from a loaded namesake.
        let name = NameLabels([theirs] + list.loaded(named: theirs.fullName).filter { $0.id != theirs.id }).label(theirs)
        flash = Flash(text: "\(name) changed on the server since you opened it — nothing was sent", kind: .error)
        return []
    }

    mutating func handleConflictKey(_ key: Key, _ conflict: ConflictModel) -> [Effect] {
        var c = conflict
        let answer = c.handle(options.keys.action(for: key, in: .conflict))
        switch answer {
        case nil:
            overlay = .conflict(c)
            return []
        case .unresolved(let open)?:
            flash = Flash(text: "Choose mine (m) or theirs (t) for: " + open.map(\.label).joined(separator: ", "), kind: .error)
            return []
        case .resolved(let merged)?:
            guard var f = form else { setOverlay(nil); return [] }
            f.draft = merged
            f.errors = [:]
            form = f
            setOverlay(nil)
            // Validate again and confirm the changes against the server's current copy.
            return save()
        case .back?:
            setOverlay(nil)
            flash = Flash(text: "Not sent — your edits are kept; F2 compares with the server again", kind: .info)
            return []
        }
    }
}
