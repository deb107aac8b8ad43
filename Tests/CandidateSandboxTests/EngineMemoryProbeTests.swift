import CandidateCore
import CandidateSandbox
import Foundation
import Testing

/// Peak memory (`VmHWM`) of the bulk engine moving every candidate of a large sandbox company,
/// planned the way the editor plans from its marks (id, names, status), events consumed as
/// they come. The sandbox runs in this process, so its own memory is in the figure too: the
/// difference from the line before the run is what to read.
///
/// A measurement, not a check: it runs only when `CANDIDATES_MEMORY_PROBE` is set (candidates
/// seeded from `CANDIDATES_MEMORY_PROBE_ROWS`, default 100,000). Run it alone
/// (`--filter EngineMemoryProbe`): the peak is the whole process's.
@Suite("EngineMemoryProbe", .enabled(if: ProcessInfo.processInfo.environment["CANDIDATES_MEMORY_PROBE"] != nil))
struct EngineMemoryProbe {
    static func say(_ step: String) {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") ?? 0) / 1024
        }
        print(String(format: "engine memory probe: %-40@ VmHWM %6.1f MB  VmRSS %6.1f MB", step as NSString, field("VmHWM"), field("VmRSS")))
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var items = 0
        func add() { lock.withLock { items += 1 } }
    }

    @Test func bulkOfAll() async throws {
        let n = Int(ProcessInfo.processInfo.environment["CANDIDATES_MEMORY_PROBE_ROWS"] ?? "") ?? 100_000
        let sandbox = try await Sandbox.start {
            $0.demoSize = n
            $0.rateLimitPerMinute = 100_000_000
            $0.rateLimitPerHour = 100_000_000
        }
        var plan: BulkStatusPlan? = BulkStatusPlan(
            candidates: try await sandbox.allCandidates().map { Candidate(id: $0.id, firstName: $0.firstName, lastName: $0.lastName, status: $0.status) },
            target: .accepted)
        Self.say("\(plan?.items.count ?? 0) planned")
        // Peak from here on (Linux: writing 5 to clear_refs resets VmHWM).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        Self.say("peak reset")
        let counts = Counts()
        let engine = BulkChangeEngine(client: try sandbox.client(), options: BulkOptions(concurrency: 8))
        let report = await engine.run(plan!) { event in if case .item = event { counts.add() } }
        plan = nil
        Self.say("\(report.results.count) results, \(report.moved.count) moved, \(counts.items) items streamed")
        #expect(report.results.count == counts.items)
        await sandbox.stop()
    }
}
