import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Paging")
struct PagingTests {
    @Test("pages cover every candidate once, in a stable order, in both shapes", arguments: ResponseShape.allCases)
    func pageThrough(shape: ResponseShape) async throws {
        try await withSandbox({ $0.shape = shape }) { sandbox in
            let client = try sandbox.client()
            let expected = SandboxDemo.count(SandboxDemo.northwindId)
            let limit = 10
            let pages = (expected + limit - 1) / limit
            var ids: [String] = []
            var created: [String] = []
            for n in 1...pages {
                let page = try await client.listCandidates(CandidateQuery(page: n, limit: limit)).value
                #expect(page.page == n)
                #expect(page.limit == limit)
                #expect(page.total == expected)
                #expect(page.totalPages == pages)
                #expect(page.hasNextPage == (n < pages))
                #expect(page.items.count == (n < pages ? limit : expected - limit * (pages - 1)))
                ids += page.items.map(\.id)
                created += page.items.compactMap(\.createdAt)
            }
            #expect(ids.count == expected)
            #expect(Set(ids).count == expected)
            #expect(created == created.sorted(by: >), "newest first")

            let beyond = try await client.listCandidates(CandidateQuery(page: pages + 1, limit: limit)).value
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == expected)
            #expect(!beyond.hasNextPage)
        }
    }

    @Test("wrapped pagination carries hasNextPage and hasPreviousPage")
    func wrappedFlags() async throws {
        try await withSandbox({ $0.shape = .wrapped }) { sandbox in
            let first = try await sandbox.raw("GET", "/candidates?page=1&limit=25").json
            let p1 = first["data"]?["pagination"]
            #expect(p1?["hasNextPage"] == .bool(true))
            #expect(p1?["hasPreviousPage"] == .bool(false))
            let last = try await sandbox.raw("GET", "/candidates?page=2&limit=25").json
            let p2 = last["data"]?["pagination"]
            #expect(p2?["hasNextPage"] == .bool(false))
            #expect(p2?["hasPreviousPage"] == .bool(true))
            #expect(p2?["totalPages"] == .int(2))
            #expect(p2?["total"] == .int(SandboxDemo.count(SandboxDemo.northwindId)))
        }
    }

    @Test("defaults are page 1 and limit 20")
    func defaults() async throws {
        try await withSandbox { sandbox in
            let json = try await sandbox.raw("GET", "/candidates").json
            #expect(json["page"] == .int(1))
            #expect(json["limit"] == .int(20))
            #expect(json["data"]?.arrayValue?.count == 20)
        }
    }

    @Test("out-of-range or malformed page and limit are 400",
          arguments: ["page=0", "page=10001", "page=abc", "limit=0", "limit=101", "limit=-5", "limit=1.5"])
    func outOfRange(query: String) async throws {
        try await withSandbox { sandbox in
            let reply = try await sandbox.raw("GET", "/candidates?\(query)")
            #expect(reply.status == 400)
            let name = String(query.prefix { $0 != "=" })
            #expect(reply.json["message"]?.stringValue?.hasPrefix(name) == true, "\(reply.text)")
        }
    }

    @Test("the edges of the ranges are accepted")
    func edges() async throws {
        try await withSandbox { sandbox in
            let farPage = try await sandbox.raw("GET", "/candidates?page=10000&limit=100")
            let one = try await sandbox.raw("GET", "/candidates?page=1&limit=1")
            let jobs = try await sandbox.raw("GET", "/jobs?limit=101")
            #expect(farPage.status == 200)
            #expect(one.json["data"]?.arrayValue?.count == 1)
            #expect(jobs.status == 400)
        }
    }
}
