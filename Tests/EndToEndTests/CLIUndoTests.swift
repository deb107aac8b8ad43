import CandidateCore
import Foundation
import Testing

/// `candidates undo` with the real binary against `candidates serve`: the request log shows
/// exactly what was sent, the journal what was recorded.
@Suite("Undo from the shell (real binary)", .ownThread)
struct CLIUndoTests {
    func candidates(_ sandbox: SandboxProcess, status: CandidateStatus? = nil) async throws -> [Candidate] {
        try await sandbox.allCandidates(status: status)
    }

    static func journal(_ dir: TempDir) throws -> Journal {
        let folder = dir.file("state/candidates/journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }
        try #require(files.count == 1)
        return Journal(path: folder + "/" + files[0])
    }

    @Test("a bulk-status batch undone as a whole: preview, exact PATCH bodies, journaled as a new batch; undoing again redoes it")
    func undoBatch() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let applied = Array(try await candidates(sandbox, status: .applied).prefix(3))
        let moved = try CLI.run(["bulk-status", "--to", "REJECTED"] + applied.map(\.id), dir: dir, env: env)
        #expect(moved.status == 0, "\(moved.stderr)")
        let batch = try #require(try Self.journal(dir).changes().changes.first?.batch)

        let preview = try CLI.run(["undo", "--dry-run"], dir: dir, env: env)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.lines.first?.hasPrefix("Undo of 3 candidates' changes by bulk-status (batch \(batch.prefix(8)))") == true, "\(preview.stdout)")
        #expect(preview.lines.filter { $0.contains("Status: REJECTED → APPLIED") }.count == 3)
        let patchesBefore = try sandbox.requests(method: "PATCH").count
        #expect(patchesBefore == 3)

        let refused = try CLI.run(["undo"], dir: dir, env: env)
        #expect(refused.status == 2, "not a terminal, no --yes: nothing sent")
        #expect(refused.stderr.contains("--yes"))
        #expect(try sandbox.requests(method: "PATCH").count == 3)

        let undo = try CLI.run(["undo", "--yes"], dir: dir, env: env)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.lines.filter { $0.hasPrefix("undone") }.count == 3, "\(undo.stdout)")
        let sent = try sandbox.requests(method: "PATCH").dropFirst(3)
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0["body"] == .object(["status": .string("APPLIED")]) })
        for c in applied { #expect(try sandbox.column("status", candidate: c.id) == "APPLIED") }
        let changes = try Self.journal(dir).changes().changes
        let undone = changes.filter { $0.command == "undo" }
        #expect(undone.count == 3)
        #expect(undone.allSatisfy { $0.outcome == .sent && $0.batch != nil && $0.batch != batch && $0.batch == undone[0].batch })

        // The undo is the last batch now: undoing it moves them to REJECTED again.
        let redo = try CLI.run(["undo", "--yes", "--json"], dir: dir, env: env)
        #expect(redo.status == 0, "\(redo.stderr)")
        let lines = try redo.jsonLines()
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0["outcome"] == .string("undone") })
        #expect(lines.first?["fields"] == .array([.object(["field": .string("status"), "now": .string("APPLIED"), "back": .string("REJECTED")])]))
        for c in applied { #expect(try sandbox.column("status", candidate: c.id) == "REJECTED") }
    }

    @Test("a candidate changed on the server since is reported as a conflict, not overwritten, exit 1; the others are undone")
    func conflictRefused() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let applied = Array(try await candidates(sandbox, status: .applied).prefix(2))
        #expect(try CLI.run(["bulk-status", "--to", "REJECTED"] + applied.map(\.id), dir: dir, env: env).status == 0)
        // Another recruiter moves the second one on.
        _ = try await sandbox.client().updateCandidate(id: applied[1].id, patch: .status(.accepted))
        let before = try sandbox.requests(method: "PATCH").count

        // The dry run reads the server and says so, sending nothing.
        let rehearsal = try CLI.run(["undo", "--dry-run", "--json"], dir: dir, env: env)
        #expect(rehearsal.status == 1)
        #expect(try rehearsal.jsonLines().map { $0["outcome"] } == [.string("would_undo"), .string("conflict")])
        #expect(try sandbox.requests(method: "PATCH").count == before)

        let undo = try CLI.run(["undo", "--yes"], dir: dir, env: env)
        #expect(undo.status == 1)
        #expect(undo.stdout.contains("CONFLICT"), "\(undo.stdout)")
        #expect(undo.stdout.contains("changed on the server since: Status"))
        #expect(undo.stderr.contains("1 candidate was changed on the server since"))
        let sent = try sandbox.requests(method: "PATCH").dropFirst(before)
        #expect(sent.count == 1, "only the unchanged candidate is sent")
        #expect(try sandbox.column("status", candidate: applied[0].id) == "APPLIED")
        #expect(try sandbox.column("status", candidate: applied[1].id) == "ACCEPTED")
    }

    @Test("a single change by id prefix; ids that name nothing or several, exit 2; nothing to undo, exit 1")
    func byIdAndErrors() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let nothing = try CLI.run(["undo", "--yes"], dir: dir, env: env)
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("nothing to undo"))

        let c = try #require(try await candidates(sandbox, status: .applied).first)
        #expect(try CLI.run(["bulk-status", "--to", "IN_PROCESS", c.id], dir: dir, env: env).status == 0)
        #expect(try CLI.run(["bulk-status", "--to", "REJECTED", c.id], dir: dir, env: env).status == 0)
        let first = try #require(try Self.journal(dir).changes().changes.first)
        let batch = try #require(first.batch)
        let undo = try CLI.run(["undo", String(batch.prefix(6)), "--yes"], dir: dir, env: env)
        // The first move is undone only if the server still holds what it wrote: it was moved on since.
        #expect(undo.status == 1)
        #expect(undo.stdout.contains("CONFLICT"))
        #expect(try sandbox.column("status", candidate: c.id) == "REJECTED")

        let unknown = try CLI.run(["undo", "ffffffff", "--yes"], dir: dir, env: env)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("No change or batch 'ffffffff'"))
        let short = try CLI.run(["undo", "ab"], dir: dir, env: env)
        #expect(short.status == 2)
    }

    @Test("a corrupt journal line is skipped with a warning, never fatal")
    func corruptLine() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let c = try #require(try await candidates(sandbox, status: .applied).first)
        #expect(try CLI.run(["bulk-status", "--to", "REJECTED", c.id], dir: dir, env: env).status == 0)
        let journal = try Self.journal(dir)
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{not json\n".utf8))
        try handle.close()
        let undo = try CLI.run(["undo", "--yes"], dir: dir, env: env)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stderr.contains("skipped 1 unreadable line"))
        #expect(try sandbox.column("status", candidate: c.id) == "APPLIED")
    }

    @Test("a journal that cannot be written: nothing is sent, a clear message, exit 1")
    func unwritableJournal() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        // A file where the journal's folder would be.
        try FileManager.default.createDirectory(atPath: dir.file("state/candidates"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.file("state/candidates/journal")))
        let c = try #require(try await candidates(sandbox, status: .applied).first)
        let run = try CLI.run(["bulk-status", "--to", "REJECTED", c.id], dir: dir, env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 1)
        #expect(run.stdout.contains("Cannot write the journal"), "\(run.stdout)")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)
        #expect(try sandbox.column("status", candidate: c.id) == "APPLIED")
    }
}
