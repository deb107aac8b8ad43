@testable import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// Peak memory (`VmHWM`) of the editor's model with many candidates: loaded, all marked, the
/// bulk preview open, and a bulk status change of all of them (the engine's own recorder fed
/// the server's answers, the model fed its events in batches as the UI loop drains them).
///
/// A measurement, not a check: it runs only when `CANDIDATES_MEMORY_PROBE` is set (rows from
/// `CANDIDATES_MEMORY_PROBE_ROWS`, default 100,000) and prints what it saw. Run it alone
/// (`--filter MemoryProbe`): the peak is the whole process's.
@Suite("MemoryProbe", .enabled(if: ProcessInfo.processInfo.environment["CANDIDATES_MEMORY_PROBE"] != nil))
struct MemoryProbe {
    /// `VmHWM` and `VmRSS` of this process, in MB.
    static func memory() -> (peak: Double, now: Double) {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") .map { $0 / 1024 } ?? 0
        }
        return (field("VmHWM"), field("VmRSS"))
    }

    static func say(_ step: String) {
        let m = memory()
        print(String(format: "memory probe: %-44@ VmHWM %6.1f MB  VmRSS %6.1f MB", step as NSString, m.peak, m.now))
    }

    /// Candidate `n` as the server answers it: every field the list drops too.
    static func serverCopy(_ n: Int, status: CandidateStatus) -> Candidate {
        var c = candidate(n, status: status)
        c.gdprExpiryDate = "2027-11-01"
        c.createdAt = "2026-01-01T10:00:00.000Z"
        c.jobIds = ["10000000-0000-4000-8000-000000000001"]
        c.analysisCount = 1
        c.links = ["analyses": "/candidates/\(c.id)/analyses", "interviews": "/candidates/\(c.id)/interviews"]
        return c
    }

    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [BulkEvent] = []
        func append(_ e: BulkEvent) { lock.withLock { list.append(e) } }
        func drain() -> [BulkEvent] { lock.withLock { defer { list = [] }; return list } }
    }

    @Test func markAllPreviewAndBulk() async {
        let n = Int(ProcessInfo.processInfo.environment["CANDIDATES_MEMORY_PROBE_ROWS"] ?? "") ?? 100_000
        let statuses: [CandidateStatus] = [.applied, .inProcess, .rejected]
        Self.say("start")
        var m = startedModel()
        let limit = ListModel.pageSize
        let pages = (n + limit - 1) / limit
        for p in 0..<pages {
            let rows = (p * limit..<min(n, (p + 1) * limit)).map { Self.serverCopy($0, status: statuses[$0 % 3]) }
            _ = m.update(.pageLoaded(generation: 0, Page(items: rows, total: n, page: p + 1, limit: limit, totalPages: pages)))
        }
        #expect(m.list.count == n)
        Self.say("\(n) loaded")

        _ = m.update(.key(.char("*")))
        #expect(m.marks.count == n)
        Self.say("all marked")

        m.chooseBulkTarget(.accepted)
        guard case .bulkPreview(let plan)? = m.overlay else { Issue.record("no preview"); return }
        let shown = m.scrollLines()?.body
        #expect(shown?.count == n)
        _ = (0..<40).map { shown?.line($0) }
        Self.say("bulk preview open")

        let effects = m.update(.key(.char("y")))
        guard case .runBulk(let change)? = effects.first else { Issue.record("no run: \(effects)"); return }
        _ = plan
        let events = Events()
        let recorder = BulkRecorder(plan: change, onEvent: { events.append($0) })
        await recorder.start()
        for i in change.items.indices {
            let c = change.items[i].candidate
            var answer = Self.serverCopy(Int(c.id.suffix(12)) ?? 0, status: .accepted)
            answer.updatedAt = "2026-12-01T10:00:00.000Z"
            await recorder.record(i, .moved(answer), attempts: 1)
            if i % 1_000 == 999 { for e in events.drain() { _ = m.update(.bulk(e)) } }
        }
        _ = await recorder.finish(cancelled: false)
        for e in events.drain() { _ = m.update(.bulk(e)) }
        #expect(m.bulkReport?.results.count == n)
        #expect(m.marks.isEmpty)
        Self.say("bulk change of all done, result open")
    }
}
