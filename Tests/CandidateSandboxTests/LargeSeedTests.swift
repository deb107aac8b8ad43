import CandidateCore
import CandidateSandbox
import Foundation
import Testing

/// Slow on purpose; run with `SANDBOX_LARGE_SEED=1 swift test --filter LargeSeedTests`.
@Suite("Large seed", .enabled(if: ProcessInfo.processInfo.environment["SANDBOX_LARGE_SEED"] == "1"))
struct LargeSeedTests {
    @Test("100_000 candidates seed in one transaction and stay quick to page and search")
    func hundredThousand() async throws {
        let clock = ContinuousClock()
        var sandbox: Sandbox?
        let seeding = try await clock.measure { sandbox = try await Sandbox.start { $0.demoSize = 100_000 } }
        let s = try #require(sandbox)
        print("seeding 100_000 took \(seeding)")  // a figure to read, not a timed assertion
        let client = try s.client()
        var page = try await client.listCandidates(CandidateQuery(limit: 100)).value
        #expect(page.total == SandboxDemo.count(SandboxDemo.northwindId, demoSize: 100_000))
        let paging = try await clock.measure { page = try await client.listCandidates(CandidateQuery(page: 500, limit: 100)).value }
        let searching = try await clock.measure { page = try await client.listCandidates(CandidateQuery(search: "stastny")).value }
        print("page 500: \(paging), search: \(searching), found \(page.total)")
        #expect(page.total > 0)
        await s.stop()
    }
}
