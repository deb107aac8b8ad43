/// A bulk run before anything is sent: the goal and, for every candidate, what it gets.
public struct BulkChangePlan: Sendable, Hashable {
    /// One candidate and its change; `change == nil` means skipped (nothing is sent).
    public struct Item: Sendable, Hashable {
        /// The candidate, kept compactly (`BulkPlanCandidate`).
        let stored: BulkPlanCandidate
        public let change: BulkChange?
        /// Why it is skipped, when it is (for the report).
        public let skipReason: String?

        public init(candidate: Candidate, change: BulkChange?, skipReason: String? = nil) {
            self.init(stored: BulkPlanCandidate(candidate), change: change, skipReason: skipReason)
        }

        init(stored: BulkPlanCandidate, change: BulkChange?, skipReason: String? = nil) {
            self.stored = stored; self.change = change; self.skipReason = skipReason
        }

        /// The candidate as last read from the server. Built on each read from what the item keeps.
        public var candidate: Candidate { stored.candidate }
        /// The candidate's id, without building the candidate.
        public var id: String { stored.id }
    }

    public let goal: BulkGoal
    /// In the given order; ids given twice appear once (first wins).
    public let items: PlanItems<Item>

    public init(goal: BulkGoal, items: [Item]) {
        self.goal = goal
        // Copied only when some id is given twice (a plan of 100,000 is not held twice meanwhile).
        var seen = Set<String>(minimumCapacity: items.count)
        if items.allSatisfy({ seen.insert($0.id).inserted }) {
            self.items = PlanItems(items)
        } else {
            seen.removeAll(keepingCapacity: true)
            self.items = PlanItems(items.filter { seen.insert($0.id).inserted })
        }
    }

    /// The plan of a status move: every candidate not already at the target gets `{"status": X}`.
    public init(_ plan: BulkStatusPlan) {
        let patch = BulkChange.patch(CandidatePatch.status(plan.target))
        // The status plan's items are unique by id already, and read from it: no second copy of
        // each candidate for the run.
        goal = .status(plan.target)
        let statusItems = plan.items
        items = PlanItems(count: statusItems.count) { i in
            let item = statusItems[i]
            return Item(stored: item.stored, change: item.move == .alreadyThere ? nil : patch)
        }
    }

    /// How many candidates a PATCH may be sent to.
    public var sendCount: Int { items.reduce(0) { $0 + ($1.change == nil ? 0 : 1) } }
}
