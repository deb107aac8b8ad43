import CandidateCore
import CandidateSandbox
import Foundation
import GRDB
import NIOConcurrencyHelpers
import Testing

/// The bulk engine against the real sandbox over HTTP on 127.0.0.1: SQLite and the request
/// log are the evidence. Backoffs are tiny so the suite stays fast; the two rate-limit tests
/// wait for the sandbox's clock-minute window to reset (at most a minute, in parallel).
@Suite("Bulk status engine over HTTP")
struct BulkEngineTests {
    /// Fast retries for tests.
    static let fast = BulkOptions(concurrency: 8, maxAttempts: 12, initialBackoff: 0.002, maxBackoff: 0.02)

    /// Collects events in arrival order.
    final class Events: Sendable {
        private let list = NIOLockedValueBox<[BulkEvent]>([])
        func append(_ e: BulkEvent) { list.withLockedValue { $0.append(e) } }
        var all: [BulkEvent] { list.withLockedValue { $0 } }
        var progress: [BulkProgress] { all.compactMap { if case .progress(let p) = $0 { return p }; return nil } }
        var items: [BulkItemResult] { all.compactMap { if case .item(let r) = $0 { return r }; return nil } }
    }

    static func log(_ sandbox: Sandbox) throws -> [JSONValue] {
        let path = sandbox.configuration.requestLogPath ?? sandbox.requestLogPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    static func patches(_ sandbox: Sandbox) throws -> [JSONValue] {
        try log(sandbox).filter { $0["method"]?.stringValue == "PATCH" }
    }

    static func statuses(_ sandbox: Sandbox) throws -> [String: String] {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        return try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, status FROM candidate").map { ($0["id"] as String, $0["status"] as String) })
        }
    }

    static func id(_ entry: JSONValue) -> String {
        String((entry["path"]?.stringValue ?? "").dropFirst("/candidates/".count))
    }

    @Test("1,000 changes with 20% injected 5xx all end in the target status, with an exact report")
    func thousandWithFailures() async throws {
        let dir = try Sandbox.makeDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Seed and read the candidates on a well-behaved server first.
        let calm = try await Sandbox.start(directory: dir) { $0.demoSize = 1_500 }
        let all = try await calm.allCandidates()
        await calm.stop(keepFiles: true)
        try #require(all.count >= 1_000)
        let chosen = Array(all.prefix(1_000))

        let sandbox = try await Sandbox.start(directory: dir) {
            $0.demoSize = 1_500
            $0.failRate = 0.2
            $0.rateLimitPerMinute = 1_000_000
            $0.rateLimitPerHour = 1_000_000
            $0.requestLogPath = dir.appendingPathComponent("requests.jsonl").path
        }
        let plan = BulkStatusPlan(candidates: chosen, target: .rejected)
        let events = Events()
        let report = await BulkStatusEngine(client: try sandbox.client(), options: Self.fast).run(plan) { events.append($0) }

        // The report: every planned candidate moved, every already-REJECTED one skipped, nothing else.
        #expect(report.results.map(\.id) == plan.items.map(\.candidate.id))
        #expect(Set(report.moved.map(\.id)) == Set(plan.toSend.map(\.id)))
        #expect(Set(report.skipped.map(\.id)) == Set(plan.skipped.map(\.id)))
        #expect(report.failed.isEmpty)
        #expect(report.notAttempted.isEmpty)
        #expect(report.allSucceeded && !report.cancelled)
        for r in report.moved {
            if case .moved(let c) = r.outcome { #expect(c.status == .rejected) }
        }

        // The database agrees.
        let stored = try Self.statuses(sandbox)
        for c in chosen { #expect(stored[c.id] == "REJECTED") }
        // Untouched candidates kept their status.
        for c in all.dropFirst(1_000) { #expect(stored[c.id] == c.status.rawValue) }

        // The request log: only {"status":"REJECTED"} bodies, never to a skipped candidate,
        // one 200 per moved candidate, and the failures were injected 5xx that got retried.
        let patches = try Self.patches(sandbox)
        let skipped = Set(plan.skipped.map(\.id))
        for p in patches {
            #expect(p["body"] == .object(["status": .string("REJECTED")]))
            #expect(!skipped.contains(Self.id(p)))
        }
        let ok = patches.filter { $0["status"]?.intValue == 200 }
        #expect(ok.count == plan.toSend.count)
        #expect(Set(ok.map(Self.id)) == Set(plan.toSend.map(\.id)))
        let failedStatuses = Set(patches.compactMap { $0["status"]?.intValue }.filter { $0 != 200 })
        #expect(failedStatuses.isSubset(of: [500, 503]))
        #expect(patches.count > ok.count, "20% of requests should have been failed by the server")

        // Attempts: each moved candidate reports the PATCHes the log holds for it (more than one
        // after an injected failure); skipped ones sent none.
        var sent: [String: Int] = [:]
        for p in patches { sent[Self.id(p), default: 0] += 1 }
        for r in report.moved { #expect(r.attempts == sent[r.id], "\(r.id)") }
        for r in report.skipped { #expect(r.attempts == 0) }
        #expect(report.moved.contains { $0.attempts > 1 }, "some candidate needed a retry")
        #expect(report.moved.contains { $0.attempts == 1 })

        // Events: skipped first, progress monotonic, finished last with the same report.
        let items = events.items
        #expect(items.count == plan.items.count)
        #expect(items.prefix(plan.skipped.count).allSatisfy { if case .skipped = $0.outcome { return true }; return false })
        let done = events.progress.map(\.done)
        #expect(done == done.sorted())
        #expect(events.progress.last?.done == plan.items.count)
        #expect(events.progress.last?.moved == plan.toSend.count)
        guard case .finished(let final)? = events.all.last else { Issue.record("last event is not .finished"); return }
        #expect(final.moved.count == report.moved.count)
        await sandbox.stop(keepFiles: true)
    }

    @Test("400, 401, 403 and 404 are not retried: exactly one request each")
    func notRetried() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath; $0.rateLimitPerMinute = 100_000 }) { sandbox in
            let mine = try await sandbox.allCandidates()
            let theirs = try await sandbox.allCandidates(key: globexKey)
            let missing = Candidate(id: UUID().uuidString.lowercased(), firstName: "No", lastName: "Body", status: .applied)
            let foreign = try #require(theirs.first { $0.status != .accepted })
            let engine = BulkStatusEngine(client: try sandbox.client(), options: Self.fast)

            let report = await engine.run(BulkStatusPlan(candidates: [missing, foreign], target: .accepted))
            #expect(report.failed.count == 2)
            #expect(report.failed.map(\.httpStatus) == [404, 403])
            for r in report.failed { if case .failed(_, let attempts) = r.outcome { #expect(attempts == 1) } }

            // A status outside the enum: the server answers 400.
            let one = try #require(mine.first)
            let bad = await engine.run(BulkStatusPlan(candidates: [one], target: CandidateStatus("HIRED")))
            #expect(bad.failed.first?.httpStatus == 400)

            // A suspended key: 401.
            let suspended = BulkStatusEngine(client: try sandbox.client(key: suspendedKey), options: Self.fast)
            let denied = await suspended.run(BulkStatusPlan(candidates: [one], target: .accepted))
            #expect(denied.failed.first?.httpStatus == 401)

            let patches = try Self.patches(sandbox)
            #expect(patches.count == 4)
            #expect(patches.map { $0["status"]?.intValue ?? 0 } .sorted() == [400, 401, 403, 404])
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("already-there candidates are skipped and never sent")
    func alreadyThere() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath }) { sandbox in
            let all = try await sandbox.allCandidates()
            let there = all.filter { $0.status == .inProcess }
            let notThere = all.filter { $0.status == .applied }.prefix(3)
            try #require(!there.isEmpty && notThere.count == 3)
            let plan = BulkStatusPlan(candidates: there + notThere, target: .inProcess)
            let report = await BulkStatusEngine(client: try sandbox.client(), options: Self.fast).run(plan)
            #expect(report.skipped.map(\.id) == there.map(\.id))
            #expect(report.moved.map(\.id) == notThere.map(\.id))
            let patched = try Self.patches(sandbox).map(Self.id)
            #expect(patched.sorted() == notThere.map(\.id).sorted())

            // All there: nothing is sent at all.
            let none = await BulkStatusEngine(client: try sandbox.client()).run(BulkStatusPlan(candidates: there, target: .inProcess))
            #expect(none.skipped.count == there.count && none.allSucceeded)
            #expect(try Self.patches(sandbox).count == 3)
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("cancel mid-run: in-flight finish, the rest not attempted, no request after the run",
          arguments: [false, true])
    func cancel(byTask: Bool) async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({
            $0.requestLogPath = logPath; $0.latencyMs = 20; $0.demoSize = 400
            $0.rateLimitPerMinute = 100_000; $0.rateLimitPerHour = 100_000
        }) { sandbox in
            let all = try await sandbox.allCandidates()
            let plan = BulkStatusPlan(candidates: all.filter { $0.status != .accepted }, target: .accepted)
            let control = BulkControl()
            let engine = BulkStatusEngine(client: try sandbox.client(), options: BulkOptions(concurrency: 4))
            let box = Events()
            let holder = CancelHolder()
            let task = Task {
                await engine.run(plan, control: control) { event in
                    box.append(event)
                    if case .progress(let p) = event, p.moved >= 20 {
                        if byTask { holder.task?.cancel() } else { control.cancel() }
                    }
                }
            }
            holder.task = task
            let report = await task.value
            #expect(report.cancelled)
            #expect(report.moved.count >= 20)
            #expect(report.moved.count <= 20 + 4, "at most the requests in flight finish after the cancel")
            #expect(report.failed.isEmpty)
            #expect(report.notAttempted.count == plan.toSend.count - report.moved.count)
            #expect(report.results.count == plan.items.count)

            // Nothing was sent for the not attempted, and nothing arrives later.
            try await Task.sleep(for: .milliseconds(300))
            let patched = try Self.patches(sandbox)
            #expect(patched.count == report.moved.count)
            let notAttempted = Set(report.notAttempted.map(\.id))
            #expect(!patched.contains { notAttempted.contains(Self.id($0)) })
            let stored = try Self.statuses(sandbox)
            for r in report.notAttempted { #expect(stored[r.id] == r.from.rawValue && r.attempts == 0) }
            for r in report.moved { #expect(stored[r.id] == "ACCEPTED" && r.attempts == 1) }
            #expect(box.items.count == plan.items.count)
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("a cancel while waiting to retry a 5xx reports the candidate not attempted, never failed with the 5xx")
    func cancelDuringBackoff() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath; $0.failRate = 1.0 }) { sandbox in
            // Every request fails, so the candidates come from the database.
            let all = try Self.statuses(sandbox).sorted { $0.key < $1.key }.filter { $0.value != "REJECTED" }
                .map { Candidate(id: $0.key, firstName: "C", lastName: $0.key, status: CandidateStatus($0.value)) }
            let plan = BulkStatusPlan(candidates: Array(all.prefix(3)), target: .rejected)
            let control = BulkControl()
            // Backoffs far longer than any wait below: after its first 5xx every candidate waits
            // (at least 5 minutes) to be sent again, so however long this test waits for the
            // first three PATCHes on a busy machine (its tasks share the pool with every other
            // suite), no retry can have gone out when it cancels.
            let engine = BulkStatusEngine(client: try sandbox.client(),
                                          options: BulkOptions(concurrency: 3, maxAttempts: 5, initialBackoff: 600, maxBackoff: 600))
            let run = Task { await engine.run(plan, control: control) }
            let deadline = Date().addingTimeInterval(240)
            while try Self.patches(sandbox).count < 3 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(try Self.patches(sandbox).count == 3)
            control.cancel()
            let report = await run.value
            #expect(report.cancelled)
            #expect(report.failed.isEmpty, "\(report.failed.map { $0.outcome })")
            #expect(report.notAttempted.count == 3)
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("a control cancelled before the run sends nothing")
    func cancelledBefore() async throws {
        try await withSandbox({ $0.requestLogPath = nil }) { sandbox in
            let all = try await sandbox.allCandidates()
            let control = BulkControl()
            control.cancel()
            let plan = BulkStatusPlan(candidates: all, target: .rejected)
            let report = await BulkStatusEngine(client: try sandbox.client()).run(plan, control: control)
            #expect(report.cancelled)
            #expect(report.moved.isEmpty)
            #expect(report.notAttempted.count == plan.toSend.count)
            #expect(report.skipped.count == plan.skipped.count)
        }
    }

    /// Waits, if needed, so that at least `seconds` remain in the current clock minute.
    static func ensureTimeLeftInMinute(_ seconds: Double) async throws {
        let now = Date().timeIntervalSince1970
        let left = 60 - now.truncatingRemainder(dividingBy: 60)
        if left < seconds { try await Task.sleep(for: .milliseconds(Int((left + 0.3) * 1000))) }
    }

    @Test("429: waits the Retry-After, then retries; no candidate lost")
    func tooManyRequests() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath; $0.rateLimitPerMinute = 6 }) { sandbox in
            try await Self.ensureTimeLeftInMinute(8)
            let all = try await sandbox.allCandidates()
            let chosen = Array(all.filter { $0.status != .rejected }.prefix(4))
            // Spend the key's budget with other requests, so the engine's first PATCH meets a 429.
            var reply = try await sandbox.raw("GET", "/jobs")
            while reply.status != 429 { reply = try await sandbox.raw("GET", "/jobs") }
            let retryAfter = try #require(Double(reply.header("Retry-After") ?? ""))
            let windowEnd = try #require(Double(reply.header(RateLimitInfo.Header.resetMinute) ?? ""))

            let events = Events()
            let clock = ContinuousClock()
            let started = clock.now
            let report = await BulkStatusEngine(client: try sandbox.client(), options: Self.fast)
                .run(BulkStatusPlan(candidates: chosen, target: .rejected)) { events.append($0) }
            let elapsed = Double((clock.now - started) / .milliseconds(1)) / 1000

            #expect(report.moved.map(\.id) == chosen.map(\.id), "no candidate lost")
            #expect(report.allSucceeded)
            #expect(elapsed >= retryAfter - 1.5, "waited for the window (Retry-After \(retryAfter) s, took \(elapsed) s)")
            let patches = try Self.patches(sandbox)
            let limited = patches.filter { $0["status"]?.intValue == 429 }
            #expect(limited.count == 1, "one probe met the 429; the others waited")
            #expect(patches.filter { $0["status"]?.intValue == 200 }.count == chosen.count)
            // Every successful PATCH was answered after the window the 429 named had ended.
            for p in patches where p["status"]?.intValue == 200 {
                let time = try #require(p["time"]?.stringValue.flatMap(APITimestamp.parse))
                #expect(time.timeIntervalSince1970 >= windowEnd)
            }
            #expect(events.progress.contains { ($0.waitingSeconds ?? 0) > 0 }, "progress said it was waiting")
            #expect(events.progress.last?.waitingSeconds == nil)
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("pacing: with the limit announced in headers the engine waits for the reset and meets no 429")
    func pacing() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath; $0.rateLimitPerMinute = 6 }) { sandbox in
            try await Self.ensureTimeLeftInMinute(6)
            let all = try await sandbox.allCandidates()  // one request of the six
            let chosen = Array(all.filter { $0.status != .accepted }.prefix(9))
            try #require(chosen.count == 9)
            let events = Events()
            let report = await BulkStatusEngine(client: try sandbox.client(), options: BulkOptions(concurrency: 4))
                .run(BulkStatusPlan(candidates: chosen, target: .accepted)) { events.append($0) }
            #expect(report.moved.count == 9)
            let entries = try Self.log(sandbox)
            let tooMany = entries.filter { $0["status"]?.intValue == 429 }.count
            #expect(tooMany == 0, "no 429 at all")
            #expect(entries.filter { $0["method"]?.stringValue == "PATCH" }.count == 9, "exactly one PATCH each")
            #expect(events.progress.contains { ($0.waitingSeconds ?? 0) > 0 }, "it waited for the window")
            let stored = try Self.statuses(sandbox)
            for c in chosen { #expect(stored[c.id] == "ACCEPTED") }
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("allCandidates follows every page of 100 with the filters")
    func paging() async throws {
        try await withSandbox({ $0.demoSize = 400; $0.rateLimitPerMinute = 10_000 }) { sandbox in
            let client = try sandbox.client()
            var pages: [Page<Candidate>] = []
            for try await page in client.allCandidates(CandidateQuery(page: 3, limit: 7)) { pages.append(page) }
            let total = SandboxDemo.count(SandboxDemo.northwindId, demoSize: 400)
            #expect(pages.map(\.page) == Array(1...((total + 99) / 100)))
            #expect(pages.allSatisfy { $0.limit == 100 })
            let ids = pages.flatMap(\.items).map(\.id)
            #expect(ids.count == total && Set(ids).count == total)

            var applied: [Candidate] = []
            for try await page in client.allCandidates(CandidateQuery(status: .applied)) { applied += page.items }
            #expect(!applied.isEmpty && applied.allSatisfy { $0.status == .applied })

            var limited = 0
            for try await _ in client.allCandidates(CandidateQuery(), maxPages: 2) { limited += 1 }
            #expect(limited == 2)
        }
    }

    @Test("lookUpCandidates: lists when that is cheaper, reads the rest one by one")
    func lookUp() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath }) { sandbox in
            let all = try await sandbox.allCandidates()
            let before = try Self.log(sandbox).count
            let missing = UUID().uuidString
            let ids = all.prefix(20).map { $0.id.uppercased() } + [missing, all[0].id]
            let found = try await sandbox.client().lookUpCandidates(ids: ids, listThreshold: 10)
            #expect(found.count == 21, "one entry per distinct id")
            #expect(found.map(\.id) == Array(ids.prefix(21)))
            for (i, entry) in found.prefix(20).enumerated() {
                guard case .success(let c)? = entry.result else { Issue.record("\(entry.id) not found"); continue }
                #expect(c.id == all[i].id)
            }
            guard case .failure(let e)? = found[20].result else { Issue.record("missing id should fail"); return }
            #expect(e.httpStatus == 404)
            let requests = try Self.log(sandbox).dropFirst(before)
            #expect(requests.count == 2, "one list page and one GET for the missing id")

            // Few ids: single reads.
            let few = try await sandbox.client().lookUpCandidates(ids: [all[1].id, all[2].id])
            #expect(few.allSatisfy { if case .success? = $0.result { return true }; return false })
            #expect(try Self.log(sandbox).dropFirst(before + 2).allSatisfy { ($0["path"]?.stringValue ?? "").hasPrefix("/candidates/") })
        }
        try? FileManager.default.removeItem(at: dir)
    }
}

/// Lets an event handler cancel the task that runs the engine (set right after the task starts).
final class CancelHolder: Sendable {
    private let stored = NIOLockedValueBox<Task<BulkReport, Never>?>(nil)
    var task: Task<BulkReport, Never>? {
        get { stored.withLockedValue { $0 } }
        set { stored.withLockedValue { $0 = newValue } }
    }
}
