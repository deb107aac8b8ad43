import CandidateCore
@testable import CandidateSandbox
import Foundation
import GRDB
import Testing

/// The indexed list paths (cached totals, keyset pages, trigram search) answer exactly what the
/// plain scans they replace answer, read straight from the SQLite file.
@Suite("Indexed listing")
struct IndexedListingTests {
    /// Company 1 gets 420 of these: 21 pages of 20.
    static let demoSize = 600

    /// The ids the plain SQL (OFFSET paging, LIKE search) returns for `filter`, from the file.
    static func scanned(_ sandbox: Sandbox, _ filter: CandidateFilter, limit: Int = -1, offset: Int = 0) throws -> [String] {
        let query = CandidateListQuery(filter, searchIndexed: false)
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.id FROM \(query.from) WHERE \(query.whereSQL) ORDER BY c.createdAt DESC, c.id DESC LIMIT ? OFFSET ?
                """, arguments: StatementArguments(query.arguments + [limit, offset]))
        }
    }

    /// The ids `query` selects in list order, read from the file.
    static func ids(_ sandbox: Sandbox, _ query: CandidateListQuery, limit: Int, offset: Int) throws -> [String] {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.id FROM \(query.from) WHERE \(query.whereSQL) ORDER BY c.createdAt DESC, c.id DESC LIMIT ? OFFSET ?
                """, arguments: StatementArguments(query.arguments + [limit, offset]))
        }
    }

    @Test("pages asked in any order equal the OFFSET pages, with and without a status filter")
    func deepPagesEqualOffset() async throws {
        try await withSandbox({ $0.demoSize = Self.demoSize }) { sandbox in
            let client = try sandbox.client()
            let northwind = SandboxDemo.northwindId
            for status in [nil, CandidateStatus.applied] {
                let filter = CandidateFilter(companyId: northwind, status: status?.rawValue)
                let total = try Self.scanned(sandbox, filter).count
                let last = (total + 19) / 20
                for page in [last - 3, 3, last - 2, last - 4, last, 1, last + 1, last - 3, 2, last - 1] {
                    let answer = try await client.listCandidates(CandidateQuery(page: page, limit: 20, status: status)).value
                    let expected = try Self.scanned(sandbox, filter, limit: 20, offset: (page - 1) * 20)
                    #expect(answer.items.map(\.id) == expected, "status \(status?.rawValue ?? "any"), page \(page)")
                    #expect(answer.total == total)
                }
            }
        }
    }

    @Test("search through the trigram index finds what the LIKE scan finds",
          arguments: ["stastny", "Šťastný", "ŠŤASTNÝ", "nguyen", "Nguyễn", "ØDEGAARD", "müller", "tomas stastny", "jean-luc",
                      "o'brien", "ova", "an", "a", "王", "佐藤", "@", ".com", "zzzz-nobody", "%", "50%", "\"x\""])
    func searchEqualsScan(needle: String) async throws {
        try await withSandbox({ $0.demoSize = Self.demoSize }) { sandbox in
            let found = try await sandbox.allCandidates(query: CandidateQuery(search: needle)).map(\.id)
            let expected = try Self.scanned(sandbox, CandidateFilter(companyId: SandboxDemo.northwindId, search: needle))
            #expect(found == expected, "\(needle): \(found.count) found, \(expected.count) by scan")
        }
    }

    @Test("an indexed search walked in list order finds what sorting the matches finds and what the LIKE scan finds",
          arguments: ["stastny", "nguyen", "ova", "tomas stastny", ".com", "zzzz-nobody", "\"x\""])
    func searchInListOrder(needle: String) async throws {
        try await withSandbox({ $0.demoSize = Self.demoSize }) { sandbox in
            for status in [nil, "APPLIED"] {
                let filter = CandidateFilter(companyId: SandboxDemo.northwindId, status: status, search: needle)
                let expected = try Self.scanned(sandbox, filter)
                for inListOrder in [false, true] {
                    let query = CandidateListQuery(filter, searchIndexed: true, inListOrder: inListOrder)
                    #expect(query.searchesIndex)
                    for (limit, offset) in [(-1, 0), (20, 0), (20, 20), (7, 13)] {
                        let ids = try Self.ids(sandbox, query, limit: limit, offset: offset)
                        let wanted = Array(expected.dropFirst(offset).prefix(limit < 0 ? expected.count : limit))
                        #expect(ids == wanted, "\(needle) \(status ?? "any") in list order: \(inListOrder), \(limit)@\(offset)")
                    }
                }
            }
        }
    }

    @Test("a page walks the list order when matches are many, and sorts them when they are few")
    func listOrderChoice() {
        // 100,000 listed: 3,000 matches fill page 1 within about 3,300 rows walked; 300 need the whole list.
        #expect(CandidateListQuery.walksListOrder(skip: 0, limit: 100, matches: 3000, listed: 100_000))
        #expect(!CandidateListQuery.walksListOrder(skip: 0, limit: 100, matches: 300, listed: 100_000))
        #expect(!CandidateListQuery.walksListOrder(skip: 0, limit: 100, matches: 0, listed: 100_000))
        #expect(!CandidateListQuery.walksListOrder(skip: 5000, limit: 100, matches: 3000, listed: 100_000))
        #expect(CandidateListQuery.walksListOrder(skip: 0, limit: 20, matches: 40, listed: 42))
    }

    @Test("a PATCH changes the counted totals and the search index at once")
    func patchInvalidatesCountsAndSearch() async throws {
        try await withSandbox({ $0.demoSize = Self.demoSize }) { sandbox in
            let client = try sandbox.client()
            let rejected = CandidateQuery(limit: 20, status: .rejected)
            let before = try await client.listCandidates(rejected).value.total
            let all = try await client.listCandidates(CandidateQuery(limit: 20)).value.total
            // Two pages in, so a checkpoint exists past the candidate that moves.
            _ = try await client.listCandidates(CandidateQuery(page: 2, limit: 20, status: .rejected)).value
            let mover = try #require(try await sandbox.allCandidates().first { $0.status != .rejected })
            let patch = CandidatePatch(changes: [.status: .string(CandidateStatus.rejected.rawValue),
                                                 .lastName: .string("Quibblewick")])
            _ = try await client.updateCandidate(id: mover.id, patch: patch).value

            let after = try await client.listCandidates(rejected).value
            #expect(after.total == before + 1)
            #expect(try await client.listCandidates(CandidateQuery(limit: 20)).value.total == all)
            let rejectedIds = try await sandbox.allCandidates(query: CandidateQuery(status: .rejected)).map(\.id)
            #expect(rejectedIds == (try Self.scanned(sandbox, CandidateFilter(companyId: SandboxDemo.northwindId, status: "REJECTED"))))
            #expect(rejectedIds.contains(mover.id))

            let renamed = try await client.listCandidates(CandidateQuery(search: "quibblew")).value
            #expect(renamed.items.map(\.id) == [mover.id])
            // The old name (maybe still in the email) finds exactly what the scan finds.
            let byOldName = try await sandbox.allCandidates(query: CandidateQuery(search: mover.lastName)).map(\.id)
            #expect(byOldName == (try Self.scanned(sandbox, CandidateFilter(companyId: SandboxDemo.northwindId,
                                                                            search: mover.lastName))))
        }
    }

    @Test("a row written to the file by another process shows in totals, pages and search")
    func outsideWriteInvalidates() async throws {
        try await withSandbox({ $0.demoSize = Self.demoSize }) { sandbox in
            let client = try sandbox.client()
            let before = try await client.listCandidates(CandidateQuery(limit: 20)).value
            _ = try await client.listCandidates(CandidateQuery(page: 3, limit: 20)).value
            let id = UUID().uuidString.lowercased()
            let queue = try DatabaseQueue(path: sandbox.databasePath)
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO candidate (id, companyId, firstName, lastName, status, createdAt, updatedAt, searchText)
                    VALUES (?, ?, 'Wilhelmina', 'Outsider', 'APPLIED', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', ?)
                    """, arguments: [id, SandboxDemo.northwindId, "wilhelmina outsider\u{1}"])
            }
            try queue.close()
            let after = try await client.listCandidates(CandidateQuery(limit: 20)).value
            #expect(after.total == before.total + 1)
            #expect(after.items.first?.id == id)
            let page3 = try await client.listCandidates(CandidateQuery(page: 3, limit: 20)).value
            #expect(page3.items.map(\.id) == (try Self.scanned(sandbox, CandidateFilter(companyId: SandboxDemo.northwindId),
                                                             limit: 20, offset: 40)))
            #expect(try await client.listCandidates(CandidateQuery(search: "outsider")).value.items.map(\.id) == [id])
        }
    }

    @Test("every answer carries Server-Timing: app;dur=<ms with one decimal>",
          arguments: ["/candidates", "/candidates?search=stastny", "/jobs", "/candidates/not-a-candidate", "/nowhere"])
    func serverTiming(path: String) async throws {
        try await withSandbox { sandbox in
            for key in [SandboxDemo.defaultKey.key, nil] {
                let reply = try await sandbox.raw("GET", path, key: key)
                let value = try #require(reply.header("Server-Timing"), "\(path) \(reply.status)")
                #expect(value.wholeMatch(of: /app;dur=[0-9]+\.[0-9]/) != nil, "\(value)")
            }
        }
    }
}
