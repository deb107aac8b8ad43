import CandidateCore

extension AppModel {
    /// The keys that apply on the current screen and overlay, from the key table.
    func keyHints() -> [KeyHint] {
        let context = keyContext()
        var hints = options.keys.hints(context)
        if context == .bulkResult, let r = bulkReport, case let retry = r.failed.count + r.notAttempted.count, retry > 0 {
            hints.insert(KeyHint("r retry \(retry)", 0), at: max(0, hints.count - 1))
        }
        return hints
    }
}
