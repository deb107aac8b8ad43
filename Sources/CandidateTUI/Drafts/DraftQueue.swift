import CandidateCore

/// Unsent drafts found at start, offered one by one: `N unsent drafts — (r)eview, (d)iscard, (l)ater`.
struct DraftQueue: Equatable {
    var pending: [CandidateDraft] = []

    /// What the prompt's answer asks for.
    enum Answer: Equatable {
        /// Open this draft over the server's current copy.
        case review(CandidateDraft)
        /// Delete these drafts (candidate ids).
        case discard([String])
        /// Keep them on disk for the next start.
        case later
        /// Nothing is left to review: the prompt closes.
        case close
    }

    /// The answer to the prompt, taking what it answers off the queue (`q` and `Esc` answer
    /// later, as in every panel); `nil` for other keys.
    mutating func answer(_ action: KeyAction?) -> Answer? {
        switch action {
        case .review?:
            guard !pending.isEmpty else { return .close }
            return .review(pending.removeFirst())
        case .discard?:
            defer { pending = [] }
            return .discard(pending.map(\.original.id))
        case .later?:
            pending = []
            return .later
        default:
            return nil
        }
    }
}

/// The drafts prompt in the app.
extension AppModel {
    mutating func draftsFound(_ found: [CandidateDraft]) -> [Effect] {
        guard !found.isEmpty else { return [] }
        drafts.pending = found
        setOverlay(.draftsPrompt)
        return []
    }

    mutating func handleDraftsKey(_ key: Key) -> [Effect] {
        guard let answer = drafts.answer(options.keys.action(for: key, in: .drafts)) else { return [] }
        setOverlay(nil)
        switch answer {
        case .review(let next):
            flash = Flash(text: "Opening your draft of \(next.original.fullName)…", kind: .info)
            return [.openDraft(next)]
        case .discard(let ids):
            flash = Flash(text: "Discarded \(ids.count) draft\(ids.count == 1 ? "" : "s")", kind: .info)
            return [.discardDrafts(ids)]
        case .later:
            flash = Flash(text: "Drafts kept for later", kind: .info)
            return []
        case .close:
            return []
        }
    }

    /// A draft's candidate arrived: the form opens on the draft rebased over it.
    mutating func draftOpened(_ d: CandidateDraft) -> [Effect] {
        guard case .list = screen else { return [] }
        screen = .form(FormModel(draft: d, focus: d.changedFields.first ?? .firstName))
        flash = Flash(text: "Your unsent draft of \(d.original.fullName), over the server's current copy — F2 to send, Esc to discard", kind: .info)
        return []
    }

    /// After a form closes: offer the next unsent draft, if any.
    mutating func offerNextDraft() {
        if !drafts.pending.isEmpty, overlay == nil, case .list = screen { setOverlay(.draftsPrompt) }
    }
}
