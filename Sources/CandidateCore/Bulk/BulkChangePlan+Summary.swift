/// The one-line summary of a bulk plan, for the editor's preview and `--dry-run`.
extension BulkChangePlan {
    /// `Assign 12 candidates to Backend; 3 skipped (already assigned)`,
    /// `Extend the GDPR expiry of 1 candidate to 2027-12-31`,
    /// `Nothing to send: all 3 candidates are skipped (already assigned)`. The skip reason is
    /// named when every skipped candidate has the same one. Names from the server are sanitized.
    public func summary() -> String {
        let send = sendCount, skip = items.count - send
        if items.isEmpty { return "No candidates" }
        let reasons = Set(skippedItems.map { $0.skipReason ?? "" })
        let why = reasons.count == 1 && reasons.first != "" ? " (\(DisplayText.sanitize(reasons.first ?? "")))" : ""
        if send == 0 {
            return (skip == 1 ? "Nothing to send: the candidate is skipped" : "Nothing to send: all \(skip) candidates are skipped") + why
        }
        let who = "\(send) \(send == 1 ? "candidate" : "candidates")"
        var s: String
        switch goal {
        case .addJob(_, let title): s = "Assign \(who) to \(DisplayText.sanitize(title))"
        case .removeJob(_, let title): s = "Remove \(who) from \(DisplayText.sanitize(title))"
        case .gdprExpiry(let day): s = "Extend the GDPR expiry of \(who) to \(day)"
        case .status(let target): s = "Move \(who) to \(DisplayText.sanitize(target.rawValue))"
        default: s = "\(goal.doing): \(who)"
        }
        if skip > 0 { s += "; \(skip) skipped" + why }
        return s
    }
}
