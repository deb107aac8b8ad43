import Foundation
import Testing
@testable import CandidateCore

/// What a bulk run keeps: plan items read back as the candidates given, and the engine's
/// recorder streams whole outcomes out as events while its report keeps each result's kind,
/// attempts and notes (a moved candidate as its id, names and new status).
@Suite("Bulk plans and results kept compactly")
struct BulkResultsTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [BulkEvent] = []
        func append(_ e: BulkEvent) { lock.withLock { list.append(e) } }
        var items: [BulkItemResult] { lock.withLock { list.compactMap { if case .item(let r) = $0 { return r }; return nil } } }
        var report: BulkReport? { lock.withLock { list.compactMap { if case .finished(let r) = $0 { return r }; return nil }.last } }
    }

    static func whole(_ n: Int, status: CandidateStatus = .applied) -> Candidate {
        var c = Candidate(id: "00000000-0000-4000-8000-\(String(format: "%012d", n))", firstName: "Whole\(n)", lastName: "Person",
                          email: "w\(n)@example.com", status: status, jobIds: ["job-1"], updatedAt: "2026-11-01T10:00:00.000Z")
        c.links = ["analyses": "/x"]
        c.extraFields = ["badge": .string("gold")]
        return c
    }

    static func named(_ n: Int, status: CandidateStatus = .applied) -> Candidate {
        Candidate(id: "10000000-0000-4000-8000-\(String(format: "%012d", n))", firstName: "Named\(n)", lastName: "", status: status)
    }

    @Test("plan items read back exactly as the candidates given, whole or with names only")
    func itemsReadBack() {
        let given = [Self.whole(0), Self.named(1), Self.whole(2, status: .rejected), Self.named(3, status: .rejected)]
        let plan = BulkStatusPlan(candidates: given, target: .rejected)
        #expect(plan.items.map(\.candidate) == given)
        #expect(plan.items.map(\.id) == given.map(\.id))
        #expect(plan.skipped == [given[2], given[3]])
        let lazyPlan = BulkStatusPlan(candidates: given.lazy.map { $0 }, target: .rejected)
        #expect(lazyPlan == plan)
        let change = BulkChangePlan(plan)
        #expect(change.items.map(\.candidate) == given)
        #expect(change.items.map(\.change) == [.patch(.status(.rejected)), .patch(.status(.rejected)), nil, nil])
        let twice = BulkChangePlan(goal: change.goal, items: Array(change.items) + change.items.prefix(2))
        #expect(twice.items == change.items, "an id given twice appears once, first wins")
    }

    @Test("the recorder sends whole outcomes as events; the report keeps kinds, attempts, notes and the moved status")
    func recorderKeepsKinds() async {
        let given = [Self.whole(0), Self.named(1), Self.whole(2, status: .rejected), Self.named(3), Self.whole(4)]
        let plan = BulkChangePlan(BulkStatusPlan(candidates: given, target: .rejected))
        let events = Events()
        let recorder = BulkRecorder(plan: plan, onEvent: { events.append($0) })
        await recorder.start()
        var answer = given[0]
        answer.status = .rejected
        answer.updatedAt = "2026-12-01T10:00:00.000Z"
        let failure = BulkOutcome.failed(.http(HTTPFailure(status: 503)), attempts: 3)
        await recorder.record(0, .moved(answer), attempts: 2)
        await recorder.record(1, failure, attempts: 3)
        await recorder.record(3, .conflict("changed on the server since: Status"), attempts: 1)
        await recorder.record(0, .skipped, attempts: 9)  // settled already: ignored
        let report = await recorder.finish(cancelled: true)

        let streamed = events.items
        #expect(streamed.map(\.id) == [given[2].id, given[0].id, given[1].id, given[3].id, given[4].id])
        #expect(streamed[1].outcome == .moved(answer), "the event carries the server's whole answer")
        #expect(events.report?.results.count == 5)

        let r = report.results
        #expect(r.map(\.id) == given.map(\.id))
        #expect(r.map(\.name) == given.map(\.fullName))
        #expect(r.map(\.from) == given.map(\.status))
        #expect(r[0].outcome == .moved(Candidate(id: given[0].id, firstName: "Whole0", lastName: "Person", status: .rejected)))
        #expect(r[0].attempts == 2)
        #expect(r[1].outcome == failure && r[1].attempts == 3)
        #expect(r[2].outcome == .skipped && r[2].attempts == 0)
        #expect(r[3].outcome == .conflict("changed on the server since: Status"))
        #expect(r[3].note == "changed on the server since: Status")
        #expect(r[4].outcome == .notAttempted && r[4].attempts == 0)
        #expect(r.indices.map { r.kind(at: $0) } == [.moved, .failed, .skipped, .conflict, .notAttempted])
        for i in 1..<r.count { #expect(r[i] == streamed.first { $0.id == r[i].id }, "all but a moved one read back as streamed") }
        #expect(report.moved.map(\.id) == [given[0].id])
        #expect(report.failed.map(\.id) == [given[1].id])
        #expect(report.conflicts.map(\.id) == [given[3].id])
        #expect(!report.allSucceeded)
        let tally = BulkTally(report)
        let counts: [Int] = [tally.moved, tally.skipped, tally.failed, tally.notAttempted, tally.conflicts]
        #expect(counts == [1, 1, 1, 1, 1])
    }
}
