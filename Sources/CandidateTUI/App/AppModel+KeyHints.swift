import CandidateCore

extension AppModel {
    /// The keys that apply on the current screen and overlay, from the key table; `messages`
    /// is how the screen lays out its messages (by default at the terminal's size), for `^G`.
    func keyHints(messages: MessageLayout? = nil) -> [KeyHint] {
        if case .pager(let pager)? = overlay, help == nil { return pager.keyHints }
        let context = keyContext()
        var hints = options.keys.hints(context)
        if context == .bulkResult, let r = bulkReport, case let retry = r.failed.count + r.notAttempted.count, retry > 0 {
            hints.insert(KeyHint("r retry \(retry)", 0), at: max(0, hints.count - 1))
        }
        if context == .form, form?.focus == .cvText || form?.focus == .metadata, let key = options.keys.keys(for: .viewField, in: .form).first {
            hints.insert(KeyHint(key.displayName + " view", 2), at: max(0, hints.count - 1))
        }
        if context == .list || context == .form {
            // `^G whole message` only while a message is cut; before the last (quit, back).
            hints.insert(contentsOf: messageHints(messages), at: max(0, hints.count - 1))
        }
        if context == .list, bulk != nil, let last = hints.indices.last {
            hints[last] = KeyHint("Esc cancel change", 0)
        }
        return hints
    }

    /// `^G whole message` when the screen cuts a message (the whole of it is one key away).
    func messageHints(_ messages: MessageLayout?) -> [KeyHint] {
        (messages ?? currentMessageLayout)?.anyCut == true ? [KeyHint("^G whole message", 0)] : []
    }
}
