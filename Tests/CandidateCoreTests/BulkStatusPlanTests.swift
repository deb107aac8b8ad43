import Testing
@testable import CandidateCore

@Suite("Bulk status plan")
struct BulkStatusPlanTests {
    static func people(_ statuses: [CandidateStatus]) -> [Candidate] {
        statuses.enumerated().map { i, s in
            Candidate(id: "00000000-0000-4000-8000-\(String(format: "%012d", i))", firstName: "P\(i)", lastName: "X", status: s)
        }
    }

    @Test("the issue's example: 37 to move, 30 + 7, 3 skipped")
    func issueExample() {
        let plan = BulkStatusPlan(candidates: Self.people(Array(repeating: .applied, count: 30)
            + Array(repeating: .rejected, count: 3) + Array(repeating: .inProcess, count: 7)), target: .rejected)
        #expect(plan.summary() == "Move 37 candidates to REJECTED: 30 from APPLIED, 7 from IN_PROCESS; 3 already REJECTED are skipped")
        #expect(plan.toSend.count == 37)
        #expect(plan.skipped.count == 3)
        #expect(plan.naturalCount == 37)
        #expect(plan.overrideCount == 0)
        #expect(plan.items.count == 40)
    }

    @Test("items keep the given order; toSend and skipped partition them")
    func order() {
        let given = Self.people([.accepted, .applied, .undefined, .applied, .rejected])
        let plan = BulkStatusPlan(candidates: given, target: .applied)
        #expect(plan.items.map(\.candidate.id) == given.map(\.id))
        #expect(plan.items.map(\.move) == [.override, .alreadyThere, .natural, .alreadyThere, .natural])
        #expect(plan.toSend.map(\.id) == [given[0].id, given[2].id, given[4].id])
        #expect(plan.skipped.map(\.id) == [given[1].id, given[3].id])
        #expect(plan.naturalCount == 2)
        #expect(plan.overrideCount == 1)
    }

    /// Candidates lent by position, as the editor's marks lend them.
    struct Lent: BulkPlanSource {
        let people: [Candidate]
        var startIndex: Int { 0 }
        var endIndex: Int { people.count }
        subscript(i: Int) -> Candidate { people[i] }
    }

    @Test("a plan over lent candidates reads as the plan over a copy of them")
    func lendingPlanMatchesCopyingPlan() {
        let given = Self.people([.accepted, .applied, .undefined, .applied, .rejected, CandidateStatus("HIRED"), .rejected])
        for target in [CandidateStatus.applied, .rejected, .accepted, CandidateStatus("HIRED")] {
            let lent = BulkStatusPlan(lending: Lent(people: given), target: target)
            let copied = BulkStatusPlan(candidates: given, target: target)
            #expect(lent == copied)
            #expect(Array(lent.items) == Array(copied.items))
            #expect(lent.summary() == copied.summary())
            #expect(lent.toSend == copied.toSend && lent.skipped == copied.skipped)
            #expect(lent.countsByFrom.map(\.status) == copied.countsByFrom.map(\.status))
            #expect(lent.countsByFrom.map(\.count) == copied.countsByFrom.map(\.count))
            #expect(BulkChangePlan(lent) == BulkChangePlan(copied))
            #expect(Array(BulkChangePlan(lent).items) == Array(BulkChangePlan(copied).items))
        }
        #expect(BulkStatusPlan(lending: Lent(people: []), target: .rejected).summary() == "No candidates to move to REJECTED")
    }

    @Test("counts by from: largest first, ties in enum order, unknown statuses last")
    func countsByFrom() {
        let plan = BulkStatusPlan(candidates: Self.people([.rejected, .applied, CandidateStatus("HIRED"), .undefined, .applied, .rejected]),
                                  target: .accepted)
        let counts = plan.countsByFrom
        #expect(counts.map(\.status) == [.applied, .rejected, .undefined, CandidateStatus("HIRED")])
        #expect(counts.map(\.count) == [2, 2, 1, 1])
    }

    @Test("singular and nothing-to-do summaries")
    func wording() {
        #expect(BulkStatusPlan(candidates: Self.people([.applied]), target: .inProcess).summary()
                == "Move 1 candidate to IN_PROCESS: 1 from APPLIED")
        #expect(BulkStatusPlan(candidates: Self.people([.applied, .inProcess]), target: .inProcess).summary()
                == "Move 1 candidate to IN_PROCESS: 1 from APPLIED; 1 already IN_PROCESS is skipped")
        #expect(BulkStatusPlan(candidates: Self.people([.rejected, .rejected]), target: .rejected).summary()
                == "Nothing to move: all 2 candidates are already REJECTED")
        #expect(BulkStatusPlan(candidates: [], target: .rejected).summary() == "No candidates to move to REJECTED")
    }

    @Test("a candidate given twice is planned once")
    func duplicates() {
        let one = Self.people([.applied])[0]
        let plan = BulkStatusPlan(candidates: [one, one], target: .rejected)
        #expect(plan.items.count == 1)
    }

    @Test("report partitions and allSucceeded")
    func report() {
        let r = BulkReport(target: .rejected, results: [
            BulkItemResult(id: "a", name: "A", from: .applied, outcome: .moved(Candidate(id: "a", firstName: "A", lastName: "", status: .rejected))),
            BulkItemResult(id: "b", name: "B", from: .rejected, outcome: .skipped),
        ], cancelled: false)
        #expect(r.allSucceeded)
        let bad = BulkReport(target: .rejected, results: r.results + [
            BulkItemResult(id: "c", name: "C", from: .applied, outcome: .notAttempted),
        ], cancelled: true)
        #expect(!bad.allSucceeded)
        #expect(bad.notAttempted.map(\.id) == ["c"])
        #expect(bad.moved.map(\.id) == ["a"])
        #expect(bad.skipped.map(\.id) == ["b"])
    }

    @Test("attempts: as given for moved (at least 1), the failure's own count, 0 for skipped and not attempted")
    func attempts() {
        let moved = Candidate(id: "a", firstName: "A", lastName: "", status: .rejected)
        func result(_ outcome: BulkOutcome, attempts: Int = 1) -> BulkItemResult {
            BulkItemResult(id: "a", name: "A", from: .applied, outcome: outcome, attempts: attempts)
        }
        #expect(result(.moved(moved)).attempts == 1)
        #expect(result(.moved(moved), attempts: 3).attempts == 3)
        #expect(result(.moved(moved), attempts: 0).attempts == 1)
        #expect(result(.failed(.http(HTTPFailure(status: 503, messages: [])), attempts: 5), attempts: 1).attempts == 5)
        #expect(result(.failed(.transport(detail: "no read"), attempts: 0)).attempts == 0)
        #expect(result(.skipped, attempts: 2).attempts == 0)
        #expect(result(.notAttempted).attempts == 0)
    }

    @Test("backoff doubles from initialBackoff, is capped at maxBackoff, and jitters within half")
    func backoff() {
        let o = BulkOptions(initialBackoff: 0.2, maxBackoff: 1)
        for _ in 0..<50 {
            let first = PacedRequests.backoff(failures: 1, policy: o.retry)
            #expect(first >= 0.1 && first <= 0.2)
            let third = PacedRequests.backoff(failures: 3, policy: o.retry)
            #expect(third >= 0.4 && third <= 0.8)
            let capped = PacedRequests.backoff(failures: 10, policy: o.retry)
            #expect(capped >= 0.5 && capped <= 1)
        }
    }

    @Test("a 2xx whose candidate has another status is a failure, never moved")
    func wrongStatusAnswer() {
        let c = Candidate(id: "a", firstName: "A", lastName: "", status: .applied)
        let outcome = BulkStatusEngine.outcome(.success(c), attempts: 1, target: .rejected)
        guard case .failed(let e, 1) = outcome else { Issue.record("expected failed, got \(outcome)"); return }
        #expect(e.description.contains("APPLIED, not REJECTED"))
    }
}
