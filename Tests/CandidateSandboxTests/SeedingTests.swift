import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Seeding and persistence")
struct SeedingTests {
    @Test("candidate counts per company follow candidateCounts(demoSize:)")
    func countsPerCompany() async throws {
        try await withSandbox { sandbox in
            let counts = SandboxDemo.candidateCounts(demoSize: Sandbox.demoSize)
            #expect(counts.map(\.count).reduce(0, +) == Sandbox.demoSize)
            #expect(counts.map(\.companyId) == SandboxDemo.companies.map(\.id))
            let northwind = try await sandbox.client().listCandidates(CandidateQuery(limit: 1)).value
            let globex = try await sandbox.client(key: globexKey).listCandidates(CandidateQuery(limit: 1)).value
            #expect(northwind.total == counts[0].count)
            #expect(globex.total == counts[1].count)
            #expect(counts[0].count > counts[1].count && counts[1].count > counts[2].count && counts[2].count >= 3)
        }
    }

    @Test("the split is mostly company 1, a good share company 2, a few company 3")
    func split() {
        for n in [60, 300, 100_000] {
            let c = SandboxDemo.candidateCounts(demoSize: n).map(\.count)
            #expect(c.reduce(0, +) == n)
            #expect(c[0] > n / 2 && c[1] >= n / 5 && c[2] >= 3 && c[2] < c[1])
        }
    }

    @Test("seed data covers the statuses, names, and optional fields the TUI must handle")
    func seedContent() async throws {
        try await withSandbox({ $0.demoSize = 300 }) { sandbox in
            let all = try await sandbox.allCandidates()
            #expect(all.count == SandboxDemo.count(SandboxDemo.northwindId, demoSize: 300))
            #expect(Set(all.map(\.status)) == Set(CandidateStatus.allKnown))
            let names = all.map(\.fullName)
            for expected in ["Tomáš Šťastný", "Lan Nguyễn", "Jürgen Müller", "Øystein Ødegaard", "小明 王", "花子 佐藤",
                             "Siobhán O'Brien", "Jean-Luc Lefèvre", "Emma Smith-Jones"] {
                #expect(names.contains(expected), "missing \(expected)")
            }
            #expect(all.contains { $0.email == nil } && all.contains { $0.email != nil })
            #expect(all.contains { $0.phoneNumber == nil } && all.contains { $0.phoneNumber != nil })
            #expect(all.contains { $0.gender == nil } && all.contains { $0.gender != nil })
            #expect(all.contains { $0.cvText == nil } && all.contains { $0.cvText != nil })
            #expect(all.contains { $0.metadata == nil } && all.contains { $0.metadata?.objectValue != nil })
            #expect(all.contains { $0.overallRating == nil } && all.contains { $0.overallRating != nil })
            #expect(all.contains { $0.jobIds.isEmpty } && all.contains { !$0.jobIds.isEmpty })
            for c in all {
                if let phone = c.phoneNumber { #expect(PatchValidator.isE164(phone), "\(phone)") }
                if let email = c.email { #expect(PatchValidator.isValidEmail(email), "\(email)") }
                if let r = c.overallRating { #expect((0...100).contains(r)) }
                #expect(c.links["analyses"] == "/candidates/\(c.id)/analyses")
                #expect(c.links["interviews"] == "/candidates/\(c.id)/interviews")
                #expect(c.createdDate != nil && c.updatedDate != nil)
                #expect(c.updatedDate! >= c.createdDate!)
                #expect(PatchValidator.isUUID(c.id))
            }
            let today = CalendarDay.today()
            let days = all.compactMap(\.gdprExpiryDay)
            #expect(days.contains { $0 > today } && days.contains { $0 < today })
            #expect(all.contains { $0.gdprExpiryDate == nil })
        }
    }

    @Test("jobs: three or more per managed company, with titles and cities")
    func jobs() async throws {
        try await withSandbox { sandbox in
            var total = 0
            for key in [SandboxDemo.defaultKey.key, globexKey] {
                let jobs = try await sandbox.client(key: key).allJobs()
                #expect(jobs.count >= 3)
                #expect(jobs.allSatisfy { !$0.title.isEmpty && $0.city != nil && $0.status != nil })
                #expect(Set(jobs.compactMap(\.companyId)).count == 1)
                total += jobs.count
            }
            #expect(total >= 7)
        }
    }

    @Test("the same demo size seeds the same people")
    func deterministic() async throws {
        let a = try await withSandbox { try await $0.allCandidates().map(\.id) }
        let b = try await withSandbox { try await $0.allCandidates().map(\.id) }
        #expect(a == b)
        #expect(a.count == SandboxDemo.count(SandboxDemo.northwindId))
    }

    @Test("changes survive a restart on the same file, which is not seeded again")
    func persistence() async throws {
        let dir = try Sandbox.makeDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try await Sandbox.start(directory: dir)
        let target = try await first.client().listCandidates(CandidateQuery(limit: 1)).value.items[0]
        let patched = try await first.client().updateCandidate(
            id: target.id, patch: CandidatePatch(changes: [.lastName: .string("Restarted-Ödegaard"), .gender: .null])).value
        await first.stop(keepFiles: true)

        let second = try await Sandbox.start(directory: dir) { $0.demoSize = 500 }
        let reread = try await second.client().getCandidate(id: target.id).value
        #expect(reread.lastName == "Restarted-Ödegaard")
        #expect(reread.gender == nil)
        #expect(reread.updatedAt == patched.updatedAt)
        let total = try await second.client().listCandidates(CandidateQuery(limit: 1)).value.total
        #expect(total == SandboxDemo.count(SandboxDemo.northwindId))
        await second.stop(keepFiles: true)
    }

    @Test("stop is idempotent and the port is released")
    func stopTwice() async throws {
        let sandbox = try await Sandbox.start()
        // A short deadline only for the request after stop (a refused connection is retried until
        // the deadline); the request before it may be slow when the whole suite runs in parallel.
        let client = try CandidatesClient(configuration: APIConfiguration(baseURL: sandbox.server.baseURL,
                                                                            apiKey: "sk_test_northwind", timeout: 0.5))
        _ = try await sandbox.client().listCandidates()
        await sandbox.server.stop()
        await sandbox.server.stop()
        await sandbox.server.waitUntilStopped()
        await #expect(throws: APIError.self) { _ = try await client.listCandidates() }
        await sandbox.stop()
    }
}
