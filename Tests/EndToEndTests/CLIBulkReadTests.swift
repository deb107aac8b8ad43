import CandidateCore
import Foundation
import Testing

/// How `candidates bulk-status` reads the candidates it was given (the real binary against
/// `candidates serve`): `--dry-run` says which way was chosen and why, and the request log agrees.
@Suite("bulk-status reads (real binary)", .ownThread)
struct CLIBulkReadTests {
    @Test("--dry-run says how it read; --only-from repeats and takes commas; pages are filtered by status on the server")
    func dryRunSaysHowItRead() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let chosen = Array(try await sandbox.allCandidates().prefix(30))
        let wanted: Set<String> = ["APPLIED", "IN_PROCESS", "ACCEPTED"]
        let others = chosen.filter { !wanted.contains($0.status.rawValue) }
        try #require(!others.isEmpty && others.count < chosen.count)
        let before = try sandbox.requests().count

        let run = try CLI.run(["bulk-status", "--to", "REJECTED", "--dry-run", "--only-from", "APPLIED", "--only-from", "in-process,ACCEPTED"]
                              + chosen.map(\.id), dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first?.hasPrefix("Move ") == true, "the plan first: \(run.stdout)")
        #expect(run.lines.dropFirst().first?.hasPrefix("read: list pages (") == true, "\(run.stdout)")
        for c in others {
            let line = run.lines.first { $0.contains(c.id) } ?? ""
            #expect(line.hasPrefix("skipped") && line.contains("not APPLIED or IN_PROCESS or ACCEPTED (--only-from)"), "\(line)")
        }
        let requests = try sandbox.requests().dropFirst(before)
        let lists = requests.filter { $0["path"] == .string("/candidates") }
        #expect(!lists.isEmpty)
        #expect(lists.allSatisfy { wanted.contains($0["query"]?["status"]?.stringValue ?? "") }, "every page filtered: \(lists)")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)

        let json = try CLI.run(["bulk-status", "--to", "REJECTED", "--dry-run", "--json"] + chosen.prefix(3).map(\.id), dir: dir,
                               env: CLI.environment(sandbox))
        let objects = try json.jsonLines()
        #expect(objects.count == 3)
        #expect(objects.allSatisfy { $0["read"] == .string("single_reads") }, "\(json.stdout)")
        #expect(objects.allSatisfy { $0["read_reason"] == .string("3 ids, fewer than 10: no list is worth reading") })
    }

    @Test("the default 8 in flight stay within a small rate limit: every candidate moved, no 429", .timeLimit(.minutes(2)))
    func defaultConcurrencyUnderLimit() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--rate-limit-per-minute", "12", "--rate-limit-window", "2"])
        let chosen = Array(try await sandbox.allCandidates().filter { $0.status != .rejected }.prefix(20))
        try #require(chosen.count == 20)
        // Start in a fresh 2-second window, so the listing above has not spent the first one.
        let now = Date().timeIntervalSince1970
        try await Task.sleep(for: .milliseconds(Int((2 - now.truncatingRemainder(dividingBy: 2) + 0.05) * 1000)))
        let before = try sandbox.requests().count
        let run = try CLI.run(["bulk-status", "--to", "REJECTED", "--json"] + chosen.map(\.id), dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try run.jsonLines()
        #expect(objects.count == 20 && objects.allSatisfy { $0["outcome"] == .string("moved") && $0["attempts"] == .int(1) }, "\(run.stdout)")
        let statuses = try sandbox.requests().dropFirst(before).compactMap { $0["status"]?.intValue }
        #expect(statuses.filter { $0 == 429 }.isEmpty, "the pacer held them back: \(statuses)")
    }
}
