/// What a bulk status change would do, before anything is sent: for every candidate, whether
/// the move to `target` is a natural pipeline step, an override, or no move at all.
///
/// Pure and synchronous, so the TUI's status menu and preview and the CLI's `--dry-run` all
/// show the same numbers the engine will act on. Candidates already at `target` are
/// `skipped` and are never sent (API page, "Update (PATCH) rules": send only what changes).
public struct BulkStatusPlan: Sendable, Equatable {
    /// One candidate of the plan and how its move is classified (`Pipeline.classify`).
    public struct Item: Sendable, Hashable {
        /// The candidate, kept compactly (`BulkPlanCandidate`).
        let stored: BulkPlanCandidate
        /// `.alreadyThere`, `.natural` or `.override` for `candidate.status → target`.
        public let move: Pipeline.Move

        public init(candidate: Candidate, move: Pipeline.Move) {
            self.init(stored: BulkPlanCandidate(candidate), move: move)
        }

        init(stored: BulkPlanCandidate, move: Pipeline.Move) {
            self.stored = stored
            self.move = move
        }

        /// The candidate as last read from the server (its `status` is the "from" side).
        /// Built on each read from what the item keeps.
        public var candidate: Candidate { stored.candidate }
        /// The candidate's id, without building the candidate.
        public var id: String { stored.id }
    }

    /// The status every candidate should end in.
    public let target: CandidateStatus
    /// Every given candidate, in the given order (duplicates by id are kept only once, first wins).
    public let items: PlanItems<Item>
    /// How many of `items` are sent, per "from" status (counted once, so `summary()` is cheap
    /// for 100,000 candidates).
    private let sendCounts: [CandidateStatus: Int]
    /// How many of `items` are already at `target`.
    public let skippedCount: Int

    /// Classifies each candidate's move to `target`. A candidate id given twice appears once.
    /// `candidates` is read once, in order (a lazy sequence builds no array of candidates).
    public init(candidates: some Sequence<Candidate>, target: CandidateStatus) {
        self.target = target
        // Compact ids: the same equality as the strings, without holding a heap string per id.
        var seen = Set<CompactID>()
        var items: [Item] = []
        items.reserveCapacity(candidates.underestimatedCount)
        var counts: [CandidateStatus: Int] = [:]
        var skipped = 0
        for c in candidates where seen.insert(CompactID(c.id)).inserted {
            let move = Pipeline.classify(from: c.status, to: target)
            items.append(Item(stored: BulkPlanCandidate(c), move: move))
            if move == .alreadyThere { skipped += 1 } else { counts[c.status, default: 0] += 1 }
        }
        self.items = PlanItems(items)
        sendCounts = counts
        skippedCount = skipped
    }

    /// Classifies each of `source`'s candidates (ids distinct), in its order, reading them from
    /// `source` whenever an item is asked for instead of keeping a copy of each: a plan over
    /// 100,000 marks holds the marks' storage (shared with them until they change) and the
    /// counts, not 100,000 items and a set of their ids.
    public init<Source: BulkPlanSource>(lending source: Source, target: CandidateStatus) {
        self.target = target
        var counts: [CandidateStatus: Int] = [:]
        var skipped = 0
        for c in source {
            if Pipeline.classify(from: c.status, to: target) == .alreadyThere { skipped += 1 } else { counts[c.status, default: 0] += 1 }
        }
        items = PlanItems(count: source.count) { i in
            let c = source[source.startIndex + i]
            return Item(candidate: c, move: Pipeline.classify(from: c.status, to: target))
        }
        sendCounts = counts
        skippedCount = skipped
    }

    /// The candidates that will be sent a PATCH (their move is not `.alreadyThere`), in plan order.
    public var toSend: [Candidate] { items.filter { $0.move != .alreadyThere }.map(\.candidate) }

    /// The candidates already at `target`, in plan order; never sent.
    public var skipped: [Candidate] { items.filter { $0.move == .alreadyThere }.map(\.candidate) }

    /// How many moves are natural next pipeline steps (`Pipeline.classify == .natural`).
    public var naturalCount: Int { items.reduce(0) { $0 + ($1.move == .natural ? 1 : 0) } }

    /// How many moves are explicit overrides of the pipeline.
    public var overrideCount: Int { items.reduce(0) { $0 + ($1.move == .override ? 1 : 0) } }

    /// How many of `toSend` come from each status: largest count first, ties in enum order
    /// (`CandidateStatus.allKnown`), statuses outside the enum after those, by name.
    public var countsByFrom: [(status: CandidateStatus, count: Int)] {
        func rank(_ s: CandidateStatus) -> Int { CandidateStatus.allKnown.firstIndex(of: s) ?? CandidateStatus.allKnown.count }
        return sendCounts.map { (status: $0.key, count: $0.value) }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if rank(a.status) != rank(b.status) { return rank(a.status) < rank(b.status) }
            return a.status.rawValue < b.status.rawValue
        }
    }

    /// One line for a confirmation prompt or a dry run, e.g.
    /// `Move 37 candidates to REJECTED: 30 from APPLIED, 7 from IN_PROCESS; 3 already REJECTED are skipped`.
    ///
    /// Singular forms for one (`Move 1 candidate …`, `1 already REJECTED is skipped`); with
    /// nothing to send: `Nothing to move: all 3 candidates are already REJECTED` (or `No candidates`).
    /// Status names come from the server and are sanitized for the terminal.
    public func summary() -> String {
        let send = items.count - skippedCount
        let skip = skippedCount
        let target = DisplayText.sanitize(self.target.rawValue)
        if items.isEmpty { return "No candidates to move to \(target)" }
        if send == 0 {
            return skip == 1 ? "Nothing to move: the candidate is already \(target)"
                             : "Nothing to move: all \(skip) candidates are already \(target)"
        }
        var s = "Move \(send) \(send == 1 ? "candidate" : "candidates") to \(target): "
        s += countsByFrom.map { "\($0.count) from \(DisplayText.sanitize($0.status.rawValue))" }.joined(separator: ", ")
        if skip > 0 { s += "; \(skip) already \(target) \(skip == 1 ? "is" : "are") skipped" }
        return s
    }
}
