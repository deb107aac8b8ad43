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
        try await Self.printServerTimes(s)
        await s.stop()
    }

    /// Server time (`Server-Timing`) of deep pages and searches, each asked twice (the second
    /// answer comes with the total cached); figures to read, not timed assertions.
    static func printServerTimes(_ s: Sandbox) async throws {
        let total = SandboxDemo.count(SandboxDemo.northwindId, demoSize: 100_000)
        let last = (total + 49) / 50
        var paths = [1, 500, 1000, last].map { "/candidates?limit=50&page=\($0)" }
        paths += ["/candidates?limit=50&status=APPLIED&page=200", "/candidates?limit=50&page=1001"]
        paths += ["stastny", "nguyen", "ova", "jan nov", "an", "zzzz-nobody"].map {
            "/candidates?limit=50&search=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)
        }
        for path in paths {
            var times: [String] = []
            for _ in 0..<2 {
                let reply = try await s.raw("GET", path)
                #expect(reply.status == 200)
                times.append(reply.header("Server-Timing") ?? "none")
            }
            print("\(path): \(times.joined(separator: ", "))")
        }
    }
}
