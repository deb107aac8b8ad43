/// What a bulk run does to every candidate, as its texts name it.
public enum BulkGoal: Sendable, Hashable {
    /// Move to a status (`bulk-status`, the status menu with marks).
    case status(CandidateStatus)
    /// Add a job to each candidate's `jobIds` (`title` for texts; the id is what is sent).
    case addJob(id: String, title: String)
    /// Remove a job from each candidate's `jobIds`.
    case removeJob(id: String, title: String)
    /// Set `gdprExpiryDate` to a day (never earlier than a candidate's current one).
    case gdprExpiry(CalendarDay)
    /// The rows of a file (`apply`); `source` is its name.
    case apply(source: String)
    /// The inverse of an earlier change or batch (`of`: its id).
    case undo(of: String)

    /// The status of a `.status` goal.
    public var status: CandidateStatus? { if case .status(let s) = self { return s }; return nil }

    /// What the run is doing, for a progress line: `Moving to REJECTED`, `Assigning to Backend`.
    public var doing: String {
        switch self {
        case .status(let s): "Moving to \(DisplayText.sanitize(s.rawValue))"
        case .addJob(_, let t): "Assigning to \(DisplayText.sanitize(t))"
        case .removeJob(_, let t): "Removing from \(DisplayText.sanitize(t))"
        case .gdprExpiry(let d): "Extending GDPR expiry to \(d)"
        case .apply(let f): "Applying \(DisplayText.sanitize(f))"
        case .undo(let id): "Undoing \(id.prefix(8))"
        }
    }

    /// The word for a candidate changed by the run: `moved`, `assigned`, `removed`, `extended`, `changed`, `undone`.
    public var done: String {
        switch self {
        case .status: "moved"
        case .addJob: "assigned"
        case .removeJob: "removed"
        case .gdprExpiry: "extended"
        case .apply: "changed"
        case .undo: "undone"
        }
    }

    /// Where the run leads, after an arrow in summaries: `REJECTED`, `Backend`, `GDPR 2027-12-31`.
    public var destination: String {
        switch self {
        case .status(let s): DisplayText.sanitize(s.rawValue)
        case .addJob(_, let t): "+" + DisplayText.sanitize(t)
        case .removeJob(_, let t): "−" + DisplayText.sanitize(t)
        case .gdprExpiry(let d): "GDPR \(d)"
        case .apply(let f): DisplayText.sanitize(f)
        case .undo(let id): "undo of \(id.prefix(8))"
        }
    }

    /// The journal's name for the command that runs this goal in bulk.
    public var command: String {
        switch self {
        case .status: "bulk-status"
        case .addJob, .removeJob: "bulk-jobs"
        case .gdprExpiry: "bulk-gdpr"
        case .apply: "apply"
        case .undo: "undo"
        }
    }
}
