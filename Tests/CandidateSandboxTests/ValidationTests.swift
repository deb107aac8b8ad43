import CandidateCore
import CandidateSandbox
import Foundation
import GRDB
import Testing

@Suite("PATCH validation")
struct ValidationTests {
    private func someCandidate(_ sandbox: Sandbox) async throws -> Candidate {
        try #require(try await sandbox.client().listCandidates(CandidateQuery(limit: 1)).value.items.first)
    }

    @Test("each invalid value is a 400 whose field the client maps, in both shapes",
          arguments: ResponseShape.allCases,
          [(CandidateField.phoneNumber, JSONValue.string("0905 123 456")),
           (.phoneNumber, .string("+0123")),
           (.email, .string("not-an-address")),
           (.firstName, .string("")),
           (.lastName, .string(String(repeating: "x", count: 101))),
           (.gdprExpiryDate, .string("2020-01-01")),
           (.gdprExpiryDate, .string("31.12.2030")),
           (.status, .string("HIRED")),
           (.gender, .string("other")),
           (.firstName, .null),
           (.jobIds, .array([.string("not-a-uuid")])),
           (.metadata, .string("flat text"))])
    func invalid(shape: ResponseShape, case: (field: CandidateField, value: JSONValue)) async throws {
        try await withSandbox({ $0.shape = shape }) { sandbox in
            let target = try await someCandidate(sandbox)
            let failure = await httpFailure {
                try await sandbox.client().updateCandidate(id: target.id, patch: CandidatePatch(changes: [`case`.field: `case`.value]))
            }
            #expect(failure?.status == 400)
            #expect(failure?.fields == [`case`.field], "\(String(describing: failure))")
            #expect(failure?.messages.first?.hasPrefix(`case`.field.apiKey) == true, "\(String(describing: failure))")
            let reread = try await sandbox.client().getCandidate(id: target.id).value
            #expect(reread == target, "nothing changed")
        }
    }

    @Test("a stored name keeps its control characters when appended to, but gains no new ones")
    func storedControlCharacters() async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let stored = "Doe\u{1B}[31m\u{200B}"
            let queue = try DatabaseQueue(path: sandbox.configuration.databasePath)
            try await queue.write { try $0.execute(sql: "UPDATE candidate SET lastName = ? WHERE id = ?", arguments: [stored, target.id]) }
            let client = try sandbox.client()
            _ = try await client.updateCandidate(id: target.id, patch: CandidatePatch(changes: [.lastName: .string(stored + "x")]))
            let reread = try await client.getCandidate(id: target.id).value
            #expect(Array(reread.lastName.unicodeScalars) == Array((stored + "x").unicodeScalars))
            let failure = await httpFailure {
                try await client.updateCandidate(id: target.id, patch: CandidatePatch(changes: [.lastName: .string(stored + "x\u{1B}")]))
            }
            #expect(failure?.status == 400)
            #expect(failure?.fields == [.lastName])
        }
    }

    @Test("several bad fields give one message per rule and details per field")
    func several() async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let reply = try await sandbox.raw("PATCH", "/candidates/\(target.id)",
                                              body: #"{"phoneNumber": "12345", "email": "x@", "status": "INTERVIEWED"}"#)
            #expect(reply.status == 400)
            let json = reply.json
            #expect(json["statusCode"] == .int(400))
            #expect(json["error"] == .string("Bad Request"))
            let messages = (json["message"]?.arrayValue ?? []).compactMap(\.stringValue)
            #expect(messages.count == 3)
            #expect(messages.contains { $0.hasPrefix("phoneNumber must") })
            #expect(messages.contains { $0.hasPrefix("email ") })
            #expect(messages.contains { $0.hasPrefix("status must be one of") })
            let detailFields = json["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(Set(detailFields) == ["phoneNumber", "email", "status"])
            let failure = await httpFailure {
                try await sandbox.client().updateCandidate(id: target.id, patch: CandidatePatch(changes: [
                    .phoneNumber: .string("12345"), .email: .string("x@"), .status: .string("INTERVIEWED"),
                ]))
            }
            #expect(failure?.fields == [.email, .phoneNumber, .status])
        }
    }

    @Test("read-only and unknown keys are 400 naming them", arguments: ["id", "overallRating", "phone", "createdAt"])
    func unknownKeys(key: String) async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let reply = try await sandbox.raw("PATCH", "/candidates/\(target.id)", body: #"{"\#(key)": "x", "firstName": "Ok"}"#)
            #expect(reply.status == 400)
            #expect(reply.json["message"]?.stringValue == "property \(key) should not exist", "\(reply.text)")
            #expect(reply.json["code"] == .string("VALIDATION_ERROR"))
        }
    }

    @Test("unknown job ids are 400 on jobIds; another company's job is 403")
    func jobIds() async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let client = try sandbox.client()
            let unknown = UUID().uuidString.lowercased()
            let failure = await httpFailure {
                try await client.updateCandidate(id: target.id, patch: CandidatePatch(changes: [.jobIds: .array([.string(unknown)])]))
            }
            #expect(failure?.status == 400)
            #expect(failure?.fields == [.jobIds])
            #expect(failure?.message.contains(unknown) == true)

            let globexJob = try #require(try await sandbox.client(key: globexKey).allJobs().first)
            let foreign = await httpFailure {
                try await client.updateCandidate(id: target.id, patch: CandidatePatch(changes: [.jobIds: .array([.string(globexJob.id)])]))
            }
            #expect(foreign?.status == 403)
            let reread = try await client.getCandidate(id: target.id).value
            #expect(reread.jobIds == target.jobIds)
        }
    }

    @Test("job ids are matched case-insensitively and stored in canonical form")
    func jobIdCase() async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let client = try sandbox.client()
            let job = try #require(try await client.allJobs().first)
            let updated = try await client.updateCandidate(id: target.id, patch: CandidatePatch(changes: [
                .jobIds: .array([.string(job.id.uppercased())]),
            ])).value
            #expect(updated.jobIds == [job.id])
        }
    }

    @Test("malformed JSON, an empty body and a non-object are 400", arguments: ["{\"firstName\": ", "", "[1, 2]", "\"text\"", "null"])
    func malformed(body: String) async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            let reply = try await sandbox.raw("PATCH", "/candidates/\(target.id)", body: body)
            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.json["statusCode"] == .int(400))
            // The server is still fine afterwards.
            let next = try await sandbox.raw("GET", "/candidates/\(target.id)")
            #expect(next.status == 200)
        }
    }

    @Test("metadata limits: over 5 levels or over 50 keys is 400")
    func metadataLimits() async throws {
        try await withSandbox { sandbox in
            let target = try await someCandidate(sandbox)
            var deep = JSONValue.object(["leaf": .int(1)])
            for _ in 0..<5 { deep = .object(["n": deep]) }
            var wide: [String: JSONValue] = [:]
            for i in 0..<51 { wide["k\(i)"] = .int(i) }
            for value in [deep, JSONValue.object(wide)] {
                let failure = await httpFailure {
                    try await sandbox.client().updateCandidate(id: target.id, patch: CandidatePatch(changes: [.metadata: value]))
                }
                #expect(failure?.status == 400)
                #expect(failure?.fields == [.metadata])
            }
        }
    }
}
