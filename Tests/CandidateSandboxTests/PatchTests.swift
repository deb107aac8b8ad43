import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("PATCH semantics")
struct PatchTests {
    /// A candidate with an email, a gender override, metadata and at least one job.
    private func richCandidate(_ sandbox: Sandbox) async throws -> Candidate {
        let all = try await sandbox.allCandidates()
        return try #require(all.first { $0.email != nil && $0.gender != nil && $0.metadata != nil && !$0.jobIds.isEmpty })
    }

    @Test("omitted fields stay untouched; present fields change; updatedAt moves forward", arguments: ResponseShape.allCases)
    func partial(shape: ResponseShape) async throws {
        try await withSandbox({ $0.shape = shape }) { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            let updated = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .firstName: .string("Zoë"), .phoneNumber: .string("+421905123456"),
            ])).value
            #expect(updated.firstName == "Zoë")
            #expect(updated.phoneNumber == "+421905123456")
            var expected = before
            expected.firstName = "Zoë"
            expected.phoneNumber = "+421905123456"
            expected.updatedAt = updated.updatedAt
            #expect(updated == expected, "only the sent fields and updatedAt change")
            let newStamp = try #require(updated.updatedDate), oldStamp = try #require(before.updatedDate)
            #expect(newStamp > oldStamp)
            let reread = try await client.getCandidate(id: before.id).value
            #expect(reread == updated)
        }
    }

    @Test("jobIds and metadata replace the whole value")
    func replaceWhole() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            let jobs = try await client.allJobs().map(\.id)
            let newJobs = Array(jobs.filter { !before.jobIds.contains($0) }.prefix(2))
            #expect(!newJobs.isEmpty)
            let metadata = JSONValue.object(["only": .string("this"), "nested": .object(["depth": .int(2)])])
            let updated = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .jobIds: .array(newJobs.map(JSONValue.string)), .metadata: metadata,
            ])).value
            #expect(updated.jobIds == newJobs)
            #expect(updated.metadata == metadata)
            let cleared = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .jobIds: .array([]), .metadata: .null,
            ])).value
            #expect(cleared.jobIds.isEmpty)
            #expect(cleared.metadata == nil)
            let byJob = try await client.listCandidates(CandidateQuery(limit: 100, jobId: newJobs[0])).value.items
            #expect(!byJob.contains { $0.id == before.id }, "job assignments were replaced in storage too")
        }
    }

    @Test("null clears gender and email; clearing survives a re-read")
    func nullClears() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            let updated = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .gender: .null, .email: .null,
            ])).value
            #expect(updated.gender == nil)
            #expect(updated.email == nil)
            #expect(updated.firstName == before.firstName)
            let raw = try await sandbox.raw("GET", "/candidates/\(before.id)").json
            #expect(raw["gender"] == .null)
            #expect(raw["email"] == .null)
        }
    }

    @Test("updatedAt is ISO-8601 UTC with milliseconds and strictly increases over rapid changes")
    func updatedAtIncreases() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            var stamps = [try #require(before.updatedAt)]
            for i in 0..<5 {
                let c = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [.cvText: .string("rev \(i)")])).value
                stamps.append(try #require(c.updatedAt))
            }
            for s in stamps {
                #expect(s.count == 24 && s.hasSuffix("Z") && s.contains("."), "\(s)")
            }
            let dates = stamps.compactMap(APITimestamp.parse)
            #expect(dates.count == stamps.count)
            #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 }, "\(stamps)")
        }
    }

    @Test("{} and a patch that changes nothing return the candidate unchanged, without a bump")
    func noOp() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            let empty = try await sandbox.raw("PATCH", "/candidates/\(before.id)", body: "{}")
            #expect(empty.status == 200)
            #expect(empty.json["updatedAt"]?.stringValue == before.updatedAt)
            let same = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .firstName: .string(before.firstName), .jobIds: .array(before.jobIds.map(JSONValue.string)),
                .metadata: try #require(before.metadata),
            ])).value
            #expect(same == before)
        }
    }

    @Test("status moves and a far-future GDPR date are accepted")
    func statusAndGDPR() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            let day = CalendarDay.today().adding(days: 400).description
            let updated = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [
                .status: .string("ACCEPTED"), .gdprExpiryDate: .string(day),
            ])).value
            #expect(updated.status == .accepted)
            #expect(updated.gdprExpiryDate == day)
            let found = try await client.listCandidates(CandidateQuery(limit: 100, status: .accepted)).value.items
            #expect(found.contains { $0.id == before.id })
        }
    }

    @Test("a changed name is found by search at once")
    func searchAfterRename() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let before = try await richCandidate(sandbox)
            _ = try await client.updateCandidate(id: before.id, patch: CandidatePatch(changes: [.lastName: .string("Kŕdeľ-Ďurčo")]))
            let found = try await client.listCandidates(CandidateQuery(search: "krdel-durco")).value.items
            #expect(found.map(\.id) == [before.id])
        }
    }

    @Test("concurrent reads and writes all succeed")
    func concurrent() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let ids = try await client.listCandidates(CandidateQuery(limit: 20)).value.items.map(\.id)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (i, id) in ids.enumerated() {
                    group.addTask {
                        _ = try await client.updateCandidate(id: id, patch: CandidatePatch(changes: [.cvText: .string("parallel \(i)")]))
                    }
                    group.addTask { _ = try await client.listCandidates(CandidateQuery(page: 1 + i % 3, limit: 10)) }
                }
                try await group.waitForAll()
            }
            let after = try await client.listCandidates(CandidateQuery(limit: 20)).value.items
            #expect(Set(after.compactMap(\.cvText).filter { $0.hasPrefix("parallel ") }).count == ids.count)
        }
    }
}
