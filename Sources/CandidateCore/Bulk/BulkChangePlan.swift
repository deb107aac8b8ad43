/// A bulk run before anything is sent: the goal and, for every candidate, what it gets.
public struct BulkChangePlan: Sendable, Hashable {
    /// One candidate and its change; `change == nil` means skipped (nothing is sent).
    public struct Item: Sendable, Hashable {
        /// The candidate as last read from the server.
        public let candidate: Candidate
        public let change: BulkChange?
        /// Why it is skipped, when it is (for the report).
        public let skipReason: String?

        public init(candidate: Candidate, change: BulkChange?, skipReason: String? = nil) {
            self.candidate = candidate; self.change = change; self.skipReason = skipReason
        }
    }

    public let goal: BulkGoal
    /// In the given order; ids given twice appear once (first wins).
    public let items: [Item]

    public init(goal: BulkGoal, items: [Item]) {
        self.goal = goal
        var seen = Set<String>()
        self.items = items.filter { seen.insert($0.candidate.id).inserted }
    }

    /// The plan of a status move: every candidate not already at the target gets `{"status": X}`.
    public init(_ plan: BulkStatusPlan) {
        let patch = CandidatePatch.status(plan.target)
        self.init(goal: .status(plan.target), items: plan.items.map {
            Item(candidate: $0.candidate, change: $0.move == .alreadyThere ? nil : .patch(patch))
        })
    }

    /// How many candidates a PATCH may be sent to.
    public var sendCount: Int { items.reduce(0) { $0 + ($1.change == nil ? 0 : 1) } }
}
