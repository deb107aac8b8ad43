import CandidateCore
import CandidateSandbox
import Foundation
import Testing

/// Undo from the journal against the real sandbox: the request log shows exactly what was sent.
@Suite("Undo from the journal over HTTP")
struct JournalUndoTests {
    /// Runs `plan` journaled as `command` in a new batch; returns the batch id.
    static func run(_ plan: BulkChangePlan, _ sandbox: Sandbox, journal: Journal, command: String) async throws -> (String, BulkReport) {
        let scope = JournalScope(journal: journal, command: command).inNewBatch()
        let report = await BulkChangeEngine(client: try sandbox.client(), options: BulkEngineTests.fast, journal: scope).run(plan)
        return (try #require(scope.batch), report)
    }

    @Test("undoing a batch sends each candidate's fields back, exactly, journaled as a new batch that can be undone too")
    func undoBatch() async throws {
        try await BulkChangeEngineTests.logged { sandbox in
            let journal = BulkChangeEngineTests.journal(sandbox)
            let some = Array(try await sandbox.allCandidates().filter { $0.status == .applied }.prefix(3))
            let (batch, moved) = try await Self.run(BulkChangePlan(BulkStatusPlan(candidates: some, target: .rejected)), sandbox,
                                                     journal: journal, command: "bulk-status")
            #expect(moved.moved.count == 3)

            let undo = JournalUndo(id: batch, changes: journal.changes().changes.filter { $0.batch == batch })
            #expect(undo.isBatch)
            #expect(undo.command == "bulk-status")
            #expect(undo.undoableCount == 3)
            #expect(JournalUndo.lines(undo.items[0]) == ["Status: REJECTED → APPLIED"])
            let before = try BulkEngineTests.patches(sandbox).count
            let (undoBatch, report) = try await Self.run(undo.plan, sandbox, journal: journal, command: "undo")
            #expect(report.moved.count == 3)
            let sent = try BulkEngineTests.patches(sandbox).dropFirst(before)
            #expect(sent.count == 3)
            for p in sent { #expect(p["body"] == .object(["status": .string("APPLIED")])) }
            for c in some { #expect(try await sandbox.client().getCandidate(id: c.id).value.status == .applied) }

            // The undo is journaled, and undoing it moves them to REJECTED again.
            let undone = journal.changes().changes.filter { $0.batch == undoBatch }
            #expect(undone.count == 3)
            #expect(undone.allSatisfy { $0.command == "undo" && $0.outcome == .sent })
            let redo = JournalUndo(id: undoBatch, changes: undone)
            let (_, again) = try await Self.run(redo.plan, sandbox, journal: journal, command: "undo")
            #expect(again.moved.count == 3)
            for c in some { #expect(try await sandbox.client().getCandidate(id: c.id).value.status == .rejected) }
        }
    }

    @Test("undoing one form change sets every changed field back; a candidate changed since is a conflict and is not overwritten")
    func undoSingleAndConflict() async throws {
        try await BulkChangeEngineTests.logged { sandbox in
            let journal = BulkChangeEngineTests.journal(sandbox)
            let client = try sandbox.client()
            let all = try await sandbox.allCandidates()
            let (a, b) = (all[0], all[1])
            let patch = CandidatePatch(changes: [.lastName: .string(a.lastName + "x"), .phoneNumber: .string("+420777123456")])
            _ = try await JournalScope(journal: journal, command: "form").send(patch, over: a, client: client)
            _ = try await JournalScope(journal: journal, command: "form").send(CandidatePatch(changes: [.lastName: .string("Changed")]), over: b, client: client)

            let changes = journal.changes().changes
            let forA = try #require(changes.first { $0.candidateId == a.id })
            let undoA = JournalUndo(id: forA.id, changes: [forA])
            #expect(!undoA.isBatch)
            #expect(JournalUndo.lines(undoA.items[0]) == [
                "Last name: \(a.lastName)x → \(a.lastName)",
                "Phone: +420777123456 → \(FieldDisplay.text(.phoneNumber, CandidateDraft.originalWireValue(.phoneNumber, of: a)))",
            ])
            let before = try BulkEngineTests.patches(sandbox).count
            let (_, report) = try await Self.run(undoA.plan, sandbox, journal: journal, command: "undo")
            #expect(report.moved.map(\.id) == [a.id])
            let body = try #require(BulkEngineTests.patches(sandbox).dropFirst(before).first?["body"])
            #expect(body == .object(["lastName": .string(a.lastName), "phoneNumber": CandidateDraft.originalWireValue(.phoneNumber, of: a)]))
            let nowA = try await client.getCandidate(id: a.id).value
            #expect(nowA.lastName == a.lastName)

            // Someone else renames b after our change: the undo is refused for b.
            _ = try await client.updateCandidate(id: b.id, patch: CandidatePatch(changes: [.lastName: .string("Someone Else")]))
            let forB = try #require(changes.first { $0.candidateId == b.id })
            let countBefore = try BulkEngineTests.patches(sandbox).count
            let (_, refused) = try await Self.run(JournalUndo(id: forB.id, changes: [forB]).plan, sandbox, journal: journal, command: "undo")
            #expect(refused.conflicts.map(\.id) == [b.id])
            #expect(refused.conflicts.first?.note == "changed on the server since: Last name")
            #expect(try BulkEngineTests.patches(sandbox).count == countBefore, "no PATCH for a conflict")
            #expect(try await client.getCandidate(id: b.id).value.lastName == "Someone Else")

            // Undoing a change already undone: already as it was, nothing sent.
            let (_, twice) = try await Self.run(undoA.plan, sandbox, journal: journal, command: "undo")
            #expect(twice.skipped.first?.note == "already as it was")
            #expect(try BulkEngineTests.patches(sandbox).count == countBefore)
        }
    }
}
