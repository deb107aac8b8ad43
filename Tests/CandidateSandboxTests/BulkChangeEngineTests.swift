import CandidateCore
import CandidateSandbox
import Foundation
import Testing

/// The generic bulk engine and the journal against the real sandbox: the request log shows
/// exactly what was sent, the journal file what was recorded.
@Suite("Bulk change engine and journal over HTTP")
struct BulkChangeEngineTests {
    /// A sandbox that logs every request.
    static func logged(_ body: (Sandbox) async throws -> Void) async throws {
        let log = try Sandbox.makeDirectory().appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = log }, body)
    }

    static func journal(_ sandbox: Sandbox) -> Journal { Journal(path: sandbox.directory.appendingPathComponent("journal/j.jsonl").path) }

    @Test("every PATCH is recorded pending before it is sent and sent after, with before/after values, one batch")
    func statusRunIsJournaled() async throws {
        try await Self.logged { sandbox in
            let some = Array(try await sandbox.allCandidates().filter { $0.status == .applied }.prefix(3))
            let journal = Self.journal(sandbox)
            let scope = JournalScope(journal: journal, command: "bulk-status", batch: JournalScope.newBatch())
            let report = await BulkStatusEngine(client: try sandbox.client(), options: BulkEngineTests.fast, journal: scope)
                .run(BulkStatusPlan(candidates: some, target: .rejected))
            #expect(report.moved.count == 3)
            let text = try String(contentsOfFile: journal.path, encoding: .utf8)
            #expect(text.split(separator: "\n").count == 6, "a pending and a sent line per change")
            let changes = journal.changes().changes
            #expect(changes.count == 3)
            for change in changes {
                #expect(change.outcome == .sent)
                #expect(change.batch == scope.batch)
                #expect(change.command == "bulk-status")
                #expect(change.fields == [JournalChange.Field(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))])
                #expect(change.updatedAtAfter != nil)
                #expect(!text.contains(SandboxDemo.defaultKey.key), "never the key")
            }
            let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("a journal that cannot be written fails the change with nothing sent")
    func unwritableJournalSendsNothing() async throws {
        try await Self.logged { sandbox in
            let c = try #require(try await sandbox.allCandidates().first { $0.status == .applied })
            // A file where the journal's folder should be.
            let blocker = sandbox.directory.appendingPathComponent("blocked")
            try Data("x".utf8).write(to: blocker)
            let scope = JournalScope(journal: Journal(path: blocker.path + "/j.jsonl"), command: "bulk-status")
            let report = await BulkStatusEngine(client: try sandbox.client(), options: BulkEngineTests.fast, journal: scope)
                .run(BulkStatusPlan(candidates: [c], target: .rejected))
            guard case .failed(let e, let attempts)? = report.results.first?.outcome else {
                Issue.record("expected a failure, got \(report.results)"); return
            }
            #expect(attempts == 0)
            #expect(e.description.contains("Cannot write the journal"))
            #expect(try BulkEngineTests.patches(sandbox).isEmpty)
            await #expect(throws: JournalError.self) {
                _ = try await scope.send(.status(.rejected), over: c, client: try sandbox.client())
            }
            #expect(try BulkEngineTests.patches(sandbox).isEmpty)
            #expect(try await sandbox.client().getCandidate(id: c.id).value.status == .applied)
        }
    }

    @Test("adding or removing a job re-reads each candidate and keeps a job assigned meanwhile; one already there is skipped")
    func jobChangesKeepConcurrentAssignment() async throws {
        try await Self.logged { sandbox in
            let client = try sandbox.client()
            let jobs = try await client.allJobs()
            try #require(jobs.count >= 3)
            let (ours, theirs, later) = (jobs[0].id, jobs[1].id, jobs[2].id)
            let all = try await sandbox.allCandidates()
            let a = try #require(all.first { Set($0.jobIds).isDisjoint(with: [ours, theirs, later]) })
            let b = try #require(all.first { $0.id != a.id && !$0.jobIds.contains(ours) })
            // The plan is made from these copies; then another recruiter assigns `theirs` to a,
            // and `ours` to b.
            let plan = BulkChangePlan.addingJob(id: ours, title: "Ours", to: [a, b])
            #expect(plan.sendCount == 2)
            _ = try await client.updateCandidate(id: a.id, patch: CandidatePatch(changes: [.jobIds: .array((a.jobIds + [theirs]).map(JSONValue.string))]))
            _ = try await client.updateCandidate(id: b.id, patch: CandidatePatch(changes: [.jobIds: .array((b.jobIds + [ours]).map(JSONValue.string))]))
            let journal = Self.journal(sandbox)
            let scope = JournalScope(journal: journal, command: "bulk-jobs", batch: JournalScope.newBatch())
            let report = await BulkChangeEngine(client: client, options: BulkEngineTests.fast, journal: scope).run(plan)
            #expect(report.moved.map(\.id) == [a.id])
            #expect(report.skipped.map(\.id) == [b.id])
            #expect(report.skipped.first?.note == "already assigned")
            let now = try await client.getCandidate(id: a.id).value.jobIds
            #expect(Set(now) == Set(a.jobIds + [theirs, ours]))
            let bodies = try BulkEngineTests.patches(sandbox).filter { BulkEngineTests.id($0) == a.id }.compactMap { $0["body"] }
            #expect(bodies.last == .object(["jobIds": .array((a.jobIds + [theirs, ours]).map(JSONValue.string))]))
            #expect(journal.changes().changes.map(\.command) == ["bulk-jobs"])

            // Removing: planned from the copy that has `ours`; meanwhile `later` is assigned too.
            let fresh = try await client.getCandidate(id: a.id).value
            let removal = BulkChangePlan.removingJob(id: ours, title: "Ours", from: [fresh])
            _ = try await client.updateCandidate(id: a.id, patch: CandidatePatch(changes: [.jobIds: .array((fresh.jobIds + [later]).map(JSONValue.string))]))
            let removed = await BulkChangeEngine(client: client, options: BulkEngineTests.fast).run(removal)
            #expect(removed.moved.map(\.id) == [a.id])
            #expect(try await client.getCandidate(id: a.id).value.jobIds == a.jobIds + [theirs, later])
        }
    }

    @Test("extending GDPR re-reads each candidate: an expiry extended meanwhile beyond the day is kept, never shortened")
    func gdprNeverShortens() async throws {
        try await Self.logged { sandbox in
            let client = try sandbox.client()
            let until = try #require(CalendarDay.today().adding(months: 6))
            let people = Array(try await sandbox.allCandidates().prefix(2))
            for c in people {
                _ = try await client.updateCandidate(id: c.id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(CalendarDay.today().adding(days: 3).description)]))
            }
            let copies = try await [client.getCandidate(id: people[0].id).value, client.getCandidate(id: people[1].id).value]
            let plan = BulkChangePlan.gdprExpiry(until: until, candidates: copies)
            #expect(plan.sendCount == 2)
            // Someone extends the second one further after the plan was made.
            let further = try #require(until.adding(months: 12))
            _ = try await client.updateCandidate(id: people[1].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(further.description)]))
            let patchesBefore = try BulkEngineTests.patches(sandbox).count
            let report = await BulkChangeEngine(client: client, options: BulkEngineTests.fast).run(plan)
            #expect(report.moved.map(\.id) == [people[0].id])
            #expect(report.skipped.map(\.id) == [people[1].id])
            #expect(report.skipped.first?.note == "GDPR expiry already \(further)")
            let sent = try BulkEngineTests.patches(sandbox).dropFirst(patchesBefore)
            #expect(sent.map { $0["body"] } == [.object(["gdprExpiryDate": .string(until.description)])])
            #expect(try await client.getCandidate(id: people[1].id).value.gdprExpiryDay == further)
        }
    }

    @Test("a guarded change is sent only while the fields hold what is expected; otherwise a conflict, nothing sent")
    func guardedConflict() async throws {
        try await Self.logged { sandbox in
            let client = try sandbox.client()
            let all = try await sandbox.allCandidates().filter { $0.status == .applied }
            let (kept, changed) = (all[0], all[1])
            _ = try await client.updateCandidate(id: changed.id, patch: .status(.inProcess))
            let back = CandidatePatch.status(.rejected)
            let plan = BulkChangePlan(goal: .undo(of: "abc"), items: [kept, changed].map {
                .init(candidate: $0, change: .guarded(back, expecting: [.status: .string("APPLIED")]))
            })
            let patchesBefore = try BulkEngineTests.patches(sandbox).count
            let report = await BulkChangeEngine(client: client, options: BulkEngineTests.fast).run(plan)
            #expect(report.moved.map(\.id) == [kept.id])
            #expect(report.conflicts.map(\.id) == [changed.id])
            #expect(report.conflicts.first?.note?.contains("Status") == true)
            #expect(!report.allSucceeded)
            #expect(try BulkEngineTests.patches(sandbox).count == patchesBefore + 1)
            #expect(try await client.getCandidate(id: changed.id).value.status == .inProcess)
        }
    }
}
