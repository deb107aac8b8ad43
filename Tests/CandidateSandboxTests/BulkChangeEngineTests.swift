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

    @Test("adding a job re-reads each candidate and keeps a job assigned meanwhile; one already there is skipped")
    func addJobKeepsConcurrentAssignment() async throws {
        try await Self.logged { sandbox in
            let client = try sandbox.client()
            let jobs = try await client.allJobs()
            try #require(jobs.count >= 2)
            let (ours, theirs) = (jobs[0].id, jobs[1].id)
            let all = try await sandbox.allCandidates()
            let a = try #require(all.first { !$0.jobIds.contains(ours) && !$0.jobIds.contains(theirs) })
            let b = try #require(all.first { $0.id != a.id && !$0.jobIds.contains(ours) })
            // Another recruiter assigns `theirs` to a after our plan was made.
            _ = try await client.updateCandidate(id: a.id, patch: CandidatePatch(changes: [.jobIds: .array((a.jobIds + [theirs]).map(JSONValue.string))]))
            _ = try await client.updateCandidate(id: b.id, patch: CandidatePatch(changes: [.jobIds: .array((b.jobIds + [ours]).map(JSONValue.string))]))
            let plan = BulkChangePlan(goal: .addJob(id: ours, title: "Ours"), items: [a, b].map { .init(candidate: $0, change: .addJob(ours)) })
            let report = await BulkChangeEngine(client: client, options: BulkEngineTests.fast).run(plan)
            #expect(report.moved.map(\.id) == [a.id])
            #expect(report.skipped.map(\.id) == [b.id])
            #expect(report.skipped.first?.note == "already assigned")
            let now = try await client.getCandidate(id: a.id).value.jobIds
            #expect(Set(now) == Set(a.jobIds + [theirs, ours]))
            let bodies = try BulkEngineTests.patches(sandbox).filter { BulkEngineTests.id($0) == a.id }.compactMap { $0["body"] }
            #expect(bodies.last?["jobIds"]?.arrayValue?.count == a.jobIds.count + 2)
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
