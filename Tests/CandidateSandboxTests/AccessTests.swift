import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Keys, scopes and company isolation")
struct AccessTests {
    @Test("a company key cannot read or change another company's candidate (403)")
    func isolation() async throws {
        try await withSandbox { sandbox in
            let foreign = try #require(try await sandbox.client(key: globexKey).listCandidates(CandidateQuery(limit: 1)).value.items.first)
            let client = try sandbox.client()
            let read = await httpFailure { try await client.getCandidate(id: foreign.id) }
            #expect(read?.status == 403)
            let write = await httpFailure {
                try await client.updateCandidate(id: foreign.id, patch: CandidatePatch(changes: [.firstName: .string("Hijack")]))
            }
            #expect(write?.status == 403)
            let unchanged = try await sandbox.client(key: globexKey).getCandidate(id: foreign.id).value
            #expect(unchanged == foreign)
            let mine = try await sandbox.allCandidates()
            #expect(!mine.contains { $0.id == foreign.id })
        }
    }

    @Test("a company key's companyId parameter is ignored")
    func companyIdIgnored() async throws {
        try await withSandbox { sandbox in
            let page = try await sandbox.client(companyId: SandboxDemo.globexId).listCandidates(CandidateQuery(limit: 1)).value
            #expect(page.total == SandboxDemo.count(SandboxDemo.northwindId))
        }
    }

    @Test("a missing candidate or job is 404 RESOURCE_NOT_FOUND")
    func notFound() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let missing = UUID().uuidString.lowercased()
            for failure in [await httpFailure { try await client.getCandidate(id: missing) },
                            await httpFailure { try await client.updateCandidate(id: missing, patch: .status(.applied)) },
                            await httpFailure { try await client.getJob(id: missing) },
                            await httpFailure { try await client.getCandidate(id: "not-a-uuid") }] {
                #expect(failure?.status == 404)
                #expect(failure?.code == "RESOURCE_NOT_FOUND")
            }
        }
    }

    @Test("an unknown route or method is 404")
    func unknownRoute() async throws {
        try await withSandbox { sandbox in
            for (method, path) in [("GET", "/nope"), ("GET", "/v1/candidates"), ("DELETE", "/candidates/x"), ("POST", "/jobs")] {
                let reply = try await sandbox.raw(method, path)
                #expect(reply.status == 404, "\(method) \(path)")
                #expect(reply.json["statusCode"] == .int(404))
            }
        }
    }

    @Test("an ATS key needs companyId (400), sees a managed company, and is refused an unmanaged one (403)")
    func atsKeyAccess() async throws {
        try await withSandbox { sandbox in
            let without = await httpFailure { try await sandbox.client(key: atsKey).listCandidates() }
            #expect(without?.status == 400)
            #expect(without?.message.contains("companyId") == true)

            for (companyId, expected) in [(SandboxDemo.northwindId, SandboxDemo.count(SandboxDemo.northwindId)),
                                          (SandboxDemo.globexId, SandboxDemo.count(SandboxDemo.globexId))] {
                let client = try sandbox.client(key: atsKey, companyId: companyId)
                let page = try await client.listCandidates(CandidateQuery(limit: 100)).value
                #expect(page.total == expected)
                let jobs = try await client.allJobs()
                #expect(!jobs.isEmpty && jobs.allSatisfy { $0.companyId == companyId })
                let one = try #require(page.items.first)
                let updated = try await client.updateCandidate(id: one.id, patch: .status(.rejected)).value
                #expect(updated.status == .rejected)
            }

            let globexCandidate = try #require(
                try await sandbox.client(key: globexKey).listCandidates(CandidateQuery(limit: 1)).value.items.first)
            let crossed = await httpFailure {
                try await sandbox.client(key: atsKey, companyId: SandboxDemo.northwindId).getCandidate(id: globexCandidate.id)
            }
            #expect(crossed?.status == 403, "a managed company's candidate is still out of reach through another companyId")

            let unmanaged = await httpFailure {
                try await sandbox.client(key: atsKey, companyId: SandboxDemo.initechId).listCandidates()
            }
            #expect(unmanaged?.status == 403)
            let malformed = try await sandbox.raw("GET", "/candidates?companyId=banana", key: atsKey)
            #expect(malformed.status == 400)
        }
    }

    @Test("the read-only key may read but not PATCH: 403 naming write:candidates")
    func readonly() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client(key: readonlyKey)
            let one = try #require(try await client.listCandidates(CandidateQuery(limit: 1)).value.items.first)
            _ = try await client.getCandidate(id: one.id)
            _ = try await client.allJobs()
            let failure = await httpFailure { try await client.updateCandidate(id: one.id, patch: .status(.accepted)) }
            #expect(failure?.status == 403)
            #expect(failure?.code == "INSUFFICIENT_PERMISSIONS")
            #expect(failure?.message.contains("write:candidates") == true)
        }
    }

    @Test("401 for a missing, unknown or suspended key")
    func unauthorized() async throws {
        try await withSandbox { sandbox in
            let missing = try await sandbox.raw("GET", "/candidates", key: nil)
            #expect(missing.status == 401)
            #expect(missing.json["code"] == .string("INVALID_API_KEY"))
            let unknown = await httpFailure { try await sandbox.client(key: "sk_live_nope").listCandidates() }
            #expect(unknown?.status == 401)
            #expect(unknown?.code == "INVALID_API_KEY")
            let suspended = await httpFailure { try await sandbox.client(key: suspendedKey).getJob(id: UUID().uuidString) }
            #expect(suspended?.status == 401)
            #expect(suspended?.code == "API_KEY_SUSPENDED")
            let wrongScheme = try await sandbox.raw("GET", "/candidates", key: nil, authorization: "Basic c2tfdGVzdF9ub3J0aHdpbmQ6")
            #expect(wrongScheme.status == 401)
        }
    }

    @Test("demo keys match the documented table")
    func demoKeys() {
        let byKey = Dictionary(uniqueKeysWithValues: SandboxDemo.keys.map { ($0.key, $0) })
        #expect(SandboxDemo.defaultKey.key == "sk_test_northwind")
        #expect(byKey["sk_test_northwind"]?.companyIds == [SandboxDemo.northwindId])
        #expect(byKey["sk_test_globex"]?.companyIds == [SandboxDemo.globexId])
        #expect(byKey["sk_test_ats_partner"]?.kind == .ats)
        #expect(Set(byKey["sk_test_ats_partner"]?.companyIds ?? []) == [SandboxDemo.northwindId, SandboxDemo.globexId])
        #expect(Set(byKey["sk_test_readonly"]?.scopes ?? []) == ["read:candidates", "read:jobs"])
        #expect(byKey["sk_test_suspended"]?.suspended == true)
        #expect(SandboxDemo.companies.count >= 3)
    }
}
