/// What a bulk run sends one candidate. Plain data, so a plan can be compared, shown and
/// tested; the changes that depend on the server's copy are decided by `decide(_:)` from a copy
/// read again right before the PATCH.
public enum BulkChange: Sendable, Hashable {
    /// Set `gdprExpiryDate` to this day unless the candidate's expiry, as it is right now, is
    /// already that day or later (never shortens an expiry someone extended meanwhile).
    case extendGDPR(CalendarDay)
    /// This patch, over the copy read for the plan.
    case patch(CandidatePatch)
    /// Add a job id to `jobIds` as it is right now (a PATCH of `jobIds` replaces the whole list,
    /// so another recruiter's assignment made meanwhile is kept). At most 50 jobs (API rule).
    case addJob(String)
    /// Remove a job id from `jobIds` as it is right now.
    case removeJob(String)
    /// This patch, only while every listed field still holds the expected wire value (an undo:
    /// the fields still hold what we wrote); otherwise a conflict and nothing is sent. Skipped
    /// when the fields already hold the patch's values.
    case guarded(CandidatePatch, expecting: [CandidateField: JSONValue])

    /// Whether the candidate is read again right before its PATCH.
    public var readsFresh: Bool {
        if case .patch = self { return false }
        return true
    }

    /// What to send over `fresh`, the candidate as the server has it now.
    public func decide(_ fresh: Candidate) -> BulkDecision {
        switch self {
        case .extendGDPR(let day):
            if let current = fresh.gdprExpiryDay, current >= day { return .skip("GDPR expiry already \(current)") }
            return .send(CandidatePatch(changes: [.gdprExpiryDate: .string(day.description)]))
        case .patch(let p):
            return .send(p)
        case .addJob(let id):
            if fresh.jobIds.contains(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) { return .skip("already assigned") }
            if fresh.jobIds.count >= 50 { return .skip("already has 50 jobs, the most the API allows") }
            return .send(CandidatePatch(changes: [.jobIds: .array((fresh.jobIds + [id]).map(JSONValue.string))]))
        case .removeJob(let id):
            let kept = fresh.jobIds.filter { $0.caseInsensitiveCompare(id) != .orderedSame }
            if kept.count == fresh.jobIds.count { return .skip("not assigned") }
            return .send(CandidatePatch(changes: [.jobIds: .array(kept.map(JSONValue.string))]))
        case .guarded(let p, let expecting):
            if p.fields.allSatisfy({ CandidateDraft.originalWireValue($0, of: fresh) == p[$0] }) {
                return .skip("already as it was")
            }
            let changed = expecting.keys.sorted { $0.rawValue < $1.rawValue }.filter {
                CandidateDraft.originalWireValue($0, of: fresh) != expecting[$0]
            }
            if !changed.isEmpty {
                return .conflict("changed on the server since: " + changed.map(\.label).joined(separator: ", "))
            }
            return .send(p)
        }
    }
}

/// What to do with a candidate, decided from its fresh copy.
public enum BulkDecision: Sendable, Equatable {
    /// Send this patch (over the fresh copy).
    case send(CandidatePatch)
    /// Nothing to send (e.g. the job is already assigned); the reason is for the report.
    case skip(String)
    /// Not sent because the server's copy is not what the change expects.
    case conflict(String)
}
