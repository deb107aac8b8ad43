/// Plans for the bulk goals that are one change for everyone: assign or remove a job, extend
/// the GDPR expiry. Pure, so the editor's preview and `--dry-run` show what the engine will do.
extension BulkChangePlan {
    /// Every candidate gets `change`. One whose copy already shows there is nothing to do
    /// (`change.decide(copy)` is a skip: already assigned, expiry already later) is skipped with
    /// that reason and never sent — except those in `unread`, whose copy lacks the fields the
    /// change looks at (the editor's marks keep only names and status): theirs is decided only
    /// when it is sent. Either way the engine reads each candidate again right before its PATCH
    /// and decides from that copy. Ids given twice appear once (first wins).
    public init(goal: BulkGoal, change: BulkChange, candidates: [Candidate], unread: Set<String> = []) {
        self.init(goal: goal, items: candidates.map { c in
            if !unread.contains(c.id), case .skip(let why) = change.decide(c) {
                return Item(candidate: c, change: nil, skipReason: why)
            }
            return Item(candidate: c, change: change)
        })
    }

    /// Adds job `id` to each candidate's `jobIds` as it is when sent, keeping every other job
    /// (`BulkChange.addJob`). Skipped: those already assigned, those with 50 jobs (API limit).
    /// `title` names the job in texts.
    public static func addingJob(id: String, title: String, to candidates: [Candidate], unread: Set<String> = []) -> BulkChangePlan {
        BulkChangePlan(goal: .addJob(id: id, title: title), change: .addJob(id), candidates: candidates, unread: unread)
    }

    /// Removes job `id` from each candidate's `jobIds` as it is when sent (`BulkChange.removeJob`).
    /// Skipped: those not assigned to it.
    public static func removingJob(id: String, title: String, from candidates: [Candidate], unread: Set<String> = []) -> BulkChangePlan {
        BulkChangePlan(goal: .removeJob(id: id, title: title), change: .removeJob(id), candidates: candidates, unread: unread)
    }

    /// Sets each candidate's `gdprExpiryDate` to `day` (`BulkChange.extendGDPR`). Skipped, with
    /// the reason: those whose expiry is already `day` or later — never shortened. A candidate
    /// with no expiry (or none known) gets `day`. `day` should be after today (API rule; see
    /// `GDPRExpiryInput`).
    public static func gdprExpiry(until day: CalendarDay, candidates: [Candidate]) -> BulkChangePlan {
        BulkChangePlan(goal: .gdprExpiry(day), change: .extendGDPR(day), candidates: candidates)
    }

    /// The plan's items whose skip reason is set, in plan order.
    public var skippedItems: [Item] { items.filter { $0.change == nil } }
}
