import CandidateCore
import CandidateSandbox
import Foundation
import NIOConcurrencyHelpers
import Testing

/// `readCandidates` against the real sandbox over HTTP: the request log shows which way the
/// candidates were read (list pages, filtered by status on the server, or single reads).
@Suite("Reading candidates for a bulk change")
struct CandidateReadsTests {
    static func log(_ sandbox: Sandbox) throws -> [JSONValue] {
        let path = sandbox.configuration.requestLogPath ?? sandbox.requestLogPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    static func withLoggedSandbox(perMinute: Int, _ body: (Sandbox) async throws -> Void) async throws {
        let dir = try Sandbox.makeDirectory()
        try await withSandbox({
            $0.requestLogPath = dir.appendingPathComponent("requests.jsonl").path
            $0.demoSize = 400
            $0.rateLimitPerMinute = perMinute
        }, body)
        try? FileManager.default.removeItem(at: dir)
    }

    static func succeeded(_ reads: CandidateReads, _ ids: [String]) -> Bool {
        reads.entries.map(\.id) == ids && reads.entries.allSatisfy { if case .success(let c)? = $0.result { return c.id == $0.id }; return false }
    }

    @Test("ids against a few pages, no binding limit: the other pages in parallel, no single read")
    func pagesWhenCheaper() async throws {
        try await Self.withLoggedSandbox(perMinute: 1_000_000) { sandbox in
            let all = try await sandbox.allCandidates()
            try #require(all.count > 200, "three pages of Northwind")
            let before = try Self.log(sandbox).count
            let ids = all.suffix(60).map(\.id)
            let reads = await try sandbox.client().readCandidates(ids: ids, options: BulkOptions(concurrency: 4))
            #expect(Self.succeeded(reads, ids))
            #expect(reads.plan.way == .listPages, "\(reads.plan.description)")
            #expect(!reads.plan.rateLimitBinds)
            let requests = try Self.log(sandbox).dropFirst(before)
            #expect(requests.allSatisfy { $0["path"] == .string("/candidates") }, "no single read")
            #expect(requests.compactMap { $0["query"]?["page"]?.stringValue }.sorted() == ["1", "2", "3"])
        }
    }

    @Test("pages stop once every id is found: the later pages are not asked for")
    func pagesStopWhenAllFound() async throws {
        try await Self.withLoggedSandbox(perMinute: 1_000_000) { sandbox in
            let all = try await sandbox.allCandidates()
            try #require(all.count > 200, "three pages of Northwind")
            let before = try Self.log(sandbox).count
            let ids = all[50..<150].map(\.id)
            let reads = await try sandbox.client().readCandidates(ids: ids, options: BulkOptions(concurrency: 1))
            #expect(Self.succeeded(reads, ids))
            #expect(reads.plan.way == .listPages, "\(reads.plan.description)")
            #expect(reads.plan.pages == 3, "the plan counts every page")
            let requests = try Self.log(sandbox).dropFirst(before)
            #expect(requests.compactMap { $0["query"]?["page"]?.stringValue } == ["1", "2"])
        }
    }

    @Test("--only-from pages are told once all are read: moving each candidate as it arrives misses none", .timeLimit(.minutes(1)))
    func filteredPagesHeldUntilRead() async throws {
        let dir = try Sandbox.makeDirectory()
        try await withSandbox({
            $0.requestLogPath = dir.appendingPathComponent("requests.jsonl").path
            $0.demoSize = 1_200
            $0.rateLimitPerMinute = 1_000_000
        }) { sandbox in
            let applied = try await sandbox.allCandidates(query: CandidateQuery(status: .applied))
            try #require(applied.count > 200, "three pages of APPLIED")
            let ids = applied.map(\.id)
            let client = try sandbox.client()
            let before = try Self.log(sandbox).count
            let moves = NIOLockedValueBox<[Task<Void, Never>]>([])
            let reads = await client.readCandidates(ids: ids, onlyFrom: [.applied], options: BulkOptions(concurrency: 1), onRead: { id, _ in
                // A change made as soon as a candidate is told, as bulk-status does.
                let move = Task { _ = try? await client.paced { try await client.updateCandidate(id: id, patch: .status(.rejected)).value } }
                moves.withLockedValue { $0.append(move) }
            })
            for move in moves.withLockedValue({ $0 }) { await move.value }
            #expect(Self.succeeded(reads, ids))
            let requests = try Self.log(sandbox).dropFirst(before)
            #expect(requests.filter { $0["method"] == .string("GET") && $0["path"] != .string("/candidates") }.isEmpty, "no id missed by the pages")
            #expect(try await sandbox.allCandidates(query: CandidateQuery(status: .applied)).isEmpty)
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("the rate limit binds: the fewest requests, and no 429")
    func fewestWhenLimited() async throws {
        try await Self.withLoggedSandbox(perMinute: 60) { sandbox in
            let all = try await sandbox.allCandidates(key: "sk_test_ats_partner", companyId: SandboxDemo.northwindId)
            let ids = all.suffix(60).map(\.id)
            let reads = await try sandbox.client().readCandidates(ids: ids)
            #expect(Self.succeeded(reads, ids))
            #expect(reads.plan.rateLimitBinds, "\(reads.plan.description)")
            #expect(reads.plan.way == .listPages)
            #expect(reads.plan.reason.contains("the rate limit binds (60/min): fewest requests"))
            let mine = try Self.log(sandbox).filter { $0["query"]?["companyId"] == nil }
            #expect(mine.count == 3)
            #expect(mine.allSatisfy { $0["status"] == .int(200) })
        }
    }

    @Test("--only-from statuses: pages filtered by status on the server; ids at other statuses read one by one")
    func filteredByStatus() async throws {
        try await Self.withLoggedSandbox(perMinute: 1_000_000) { sandbox in
            let all = Array(try await sandbox.allCandidates().prefix(40))
            let wanted: [CandidateStatus] = [.applied, .rejected]
            let others = all.filter { !wanted.contains($0.status) }
            try #require(!others.isEmpty && others.count < all.count)
            let before = try Self.log(sandbox).count
            let missing = UUID().uuidString.lowercased()
            let ids = all.map(\.id) + [missing]
            let reads = await try sandbox.client().readCandidates(ids: ids, onlyFrom: wanted)
            #expect(reads.entries.map(\.id) == ids)
            for (entry, c) in zip(reads.entries, all) {
                guard case .success(let read)? = entry.result else { Issue.record("\(entry.id) not read"); continue }
                #expect(read.id == c.id && read.status == c.status)
            }
            guard case .failure(let e)? = reads.entries.last?.result else { Issue.record("the missing id should fail"); return }
            #expect(e.httpStatus == 404)
            #expect(reads.plan.way == .listPages && reads.plan.statuses == wanted, "\(reads.plan.description)")

            let requests = try Self.log(sandbox).dropFirst(before)
            let lists = requests.filter { $0["path"] == .string("/candidates") }
            #expect(!lists.isEmpty)
            #expect(lists.allSatisfy { ["APPLIED", "REJECTED"].contains($0["query"]?["status"]?.stringValue ?? "") }, "every page filtered")
            let singles = requests.compactMap { $0["path"]?.stringValue }.filter { $0 != "/candidates" }
            #expect(singles.sorted() == (others.map(\.id) + [missing]).map { "/candidates/\($0)" }.sorted())
        }
    }
}
