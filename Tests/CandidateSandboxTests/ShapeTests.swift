import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Response shapes")
struct ShapeTests {
    @Test("bare: objects at top level, lists with data/total/page/limit/totalPages, framework errors")
    func bare() async throws {
        try await withSandbox { sandbox in
            let list = try await sandbox.raw("GET", "/candidates?limit=2").json
            #expect(list["success"] == nil)
            #expect(list["data"]?.arrayValue?.count == 2)
            for key in ["total", "page", "limit", "totalPages"] { #expect(list[key]?.intValue != nil, "\(key)") }
            let id = try #require(list["data"]?.arrayValue?.first?["id"]?.stringValue)
            let object = try await sandbox.raw("GET", "/candidates/\(id)")
            #expect(object.json["id"] == .string(id))
            #expect(object.json["success"] == nil)
            #expect(object.header("Content-Type")?.hasPrefix("application/json") == true)
            let job = try await sandbox.raw("GET", "/jobs?limit=1").json
            #expect(job["data"]?.arrayValue?.first?["location"]?["city"]?.stringValue != nil)

            let error = try await sandbox.raw("GET", "/candidates/\(UUID().uuidString)").json
            #expect(error["statusCode"] == .int(404))
            #expect(error["message"]?.stringValue != nil)
            #expect(error["error"] == .string("Not Found"))
            #expect(error["code"] == .string("RESOURCE_NOT_FOUND"))
        }
    }

    @Test("wrapped: success/data/error/timestamp, lists as items + pagination, errors as error objects")
    func wrapped() async throws {
        try await withSandbox({ $0.shape = .wrapped }) { sandbox in
            let list = try await sandbox.raw("GET", "/candidates?limit=2").json
            #expect(list["success"] == .bool(true))
            #expect(list["error"] == .null)
            #expect(list["timestamp"]?.stringValue.flatMap(APITimestamp.parse) != nil)
            #expect(list["data"]?["items"]?.arrayValue?.count == 2)
            let pagination = list["data"]?["pagination"]
            for key in ["total", "page", "limit", "totalPages"] { #expect(pagination?[key]?.intValue != nil, "\(key)") }
            #expect(pagination?["hasNextPage"]?.boolValue == true)
            #expect(pagination?["hasPreviousPage"]?.boolValue == false)

            let id = try #require(list["data"]?["items"]?.arrayValue?.first?["id"]?.stringValue)
            let object = try await sandbox.raw("GET", "/candidates/\(id)").json
            #expect(object["success"] == .bool(true))
            #expect(object["data"]?["id"] == .string(id))

            let error = try await sandbox.raw("PATCH", "/candidates/\(id)", body: #"{"phoneNumber": "1"}"#).json
            #expect(error["success"] == .bool(false))
            #expect(error["data"] == .null)
            #expect(error["timestamp"]?.stringValue != nil)
            #expect(error["error"]?["code"] == .string("VALIDATION_ERROR"))
            #expect(error["error"]?["message"]?.stringValue?.hasPrefix("phoneNumber") == true)
            #expect(error["error"]?["details"]?.arrayValue?.first?["field"] == .string("phoneNumber"))

            let unauthorized = try await sandbox.raw("GET", "/jobs", key: "sk_bad_key").json
            #expect(unauthorized["error"]?["code"] == .string("INVALID_API_KEY"))
        }
    }

    @Test("the client reads objects, lists and errors of both shapes alike", arguments: ResponseShape.allCases)
    func clientReadsBoth(shape: ResponseShape) async throws {
        try await withSandbox({ $0.shape = shape }) { sandbox in
            let client = try sandbox.client()
            let page = try await client.listCandidates(CandidateQuery(limit: 5)).value
            #expect(page.items.count == 5)
            #expect(page.hasNextPage)
            let one = try await client.getCandidate(id: page.items[0].id).value
            #expect(one == page.items[0])
            #expect(!one.firstName.isEmpty && one.createdAt != nil && one.links.count == 2)
            let jobs = try await client.listJobs(limit: 2).value
            #expect(jobs.items.count == 2)
            let job = try await client.getJob(id: jobs.items[0].id).value
            #expect(job == jobs.items[0])
            #expect(job.city != nil && job.companyId == SandboxDemo.northwindId)

            let forbidden = await httpFailure { try await sandbox.client(key: readonlyKey).updateCandidate(id: one.id, patch: .status(.applied)) }
            #expect(forbidden?.code == "INSUFFICIENT_PERMISSIONS")
            #expect(forbidden?.messages.count == 1)
            let invalid = await httpFailure {
                try await client.updateCandidate(id: one.id, patch: CandidatePatch(changes: [.email: .string("x"), .phoneNumber: .string("y")]))
            }
            #expect(invalid?.fields == [.email, .phoneNumber])
            #expect(invalid?.code == "VALIDATION_ERROR")
        }
    }
}
