import ArgumentParser
import CandidateCore
import Foundation

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates-bench",
        abstract: "Measurements for docs/performance.md.",
        subcommands: [BulkBench.self, ApplyBench.self, BytesBench.self, ListBench.self]
    )
}

/// `candidates-bench bulk`: moves N candidates with `candidates bulk-status`, `xargs -P8 curl`
/// and a sequential curl loop against `candidates serve` on 127.0.0.1, then once more with
/// bulk-status under a rate limit, and prints wall times, ratios, floors and 429 counts.
struct BulkBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk",
        abstract: "Bulk status change: candidates bulk-status vs xargs -P8 curl vs a curl loop; then under a rate limit."
    )

    @Option(help: "Candidates to move in each run.") var count = 1_000
    @Option(help: "Demo size of the sandbox (company 1 gets about 70%).") var demoSize = 1_600
    @Option(help: "Parallel curl processes for the xargs run.") var curlParallel = 8
    @Option(help: "bulk-status --concurrency.") var concurrency = 4
    @Option(help: "Requests per minute for the rate-limited run (0 skips it).") var rateLimitPerMinute = 500
    @Option(help: "Candidates to move in the rate-limited run (default: --count).") var limitedCount: Int?
    @Flag(help: "Start the rate-limited run just after a clock-minute boundary (the sandbox's windows are clock minutes).")
    var noAlign = false
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder (default: a new temporary one).", valueName: "path")) var workDir: String?

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1...10000") }
        guard (1...64).contains(curlParallel) else { throw ValidationError("--curl-parallel must be 1...64") }
        guard rateLimitPerMinute >= 0 else { throw ValidationError("--rate-limit-per-minute must be 0 or more") }
    }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        guard (try? timedShell("command -v curl && command -v xargs", stdout: "/dev/null", stderr: "/dev/null",
                                     environment: ProcessInfo.processInfo.environment).status) == 0 else {
            throw ValidationError("curl and xargs are needed on PATH")
        }
        let dir = workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("candidates-bench-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        print("candidates-bench bulk: \(count) candidates APPLIED → REJECTED on candidates serve at 127.0.0.1")
        print("binary: \(candidatesBinary)")
        print("work folder: \(dir)\n")

        try await compare(binary: candidatesBinary, dir: dir)
        if rateLimitPerMinute > 0 {
            try await limited(binary: candidatesBinary, dir: dir)
        }
    }

    // MARK: (a) (b) (c) without a limit

    func compare(binary: String, dir: String) async throws {
        let server = try SandboxChild(binary: binary, directory: dir, name: "unlimited", demoSize: demoSize,
                                      perMinute: 1_000_000_000, perHour: 1_000_000_000)
        defer { server.stop() }
        let setup = try Setup(baseURL: server.baseURL)
        let ids = try await setup.pick(count)
        let idsFile = dir + "/ids.txt"
        try (ids.joined(separator: "\n") + "\n").write(toFile: idsFile, atomically: true, encoding: .utf8)
        let env = Self.environment(server.baseURL)
        let body = #"{"status":"REJECTED"}"#
        let curl = "curl -sS -o /dev/null -w '%{http_code}\\n' -X PATCH -H 'Authorization: Bearer sk_test_northwind' "
            + "-H 'Content-Type: application/json' --data \(shellQuote(body))"

        var rows: [(label: String, seconds: Double, check: String)] = []

        try await setup.reset(ids, to: .applied)
        let a = try timedShell("\(shellQuote(binary)) bulk-status --to REJECTED --concurrency \(concurrency) --ids-file \(shellQuote(idsFile))",
                                     stdout: dir + "/a.out", stderr: dir + "/a.err", environment: env)
        rows.append(("(a) candidates bulk-status --concurrency \(concurrency)", a.seconds,
                     try await check(setup, ids, status: a.status)))

        try await setup.reset(ids, to: .applied)
        let b = try timedShell("xargs -P\(curlParallel) -I{} \(curl) \(shellQuote(server.baseURL))/candidates/{} < \(shellQuote(idsFile))",
                                     stdout: dir + "/b.out", stderr: dir + "/b.err", environment: env)
        rows.append(("(b) xargs -P\(curlParallel) curl -X PATCH", b.seconds, try await check(setup, ids, status: b.status, codes: dir + "/b.out")))

        try await setup.reset(ids, to: .applied)
        let c = try timedShell("while IFS= read -r id; do \(curl) \(shellQuote(server.baseURL))/candidates/\"$id\"; done < \(shellQuote(idsFile))",
                                     stdout: dir + "/c.out", stderr: dir + "/c.err", environment: env)
        rows.append(("(c) sequential curl loop", c.seconds, try await check(setup, ids, status: c.status, codes: dir + "/c.out")))

        for r in rows {
            print("\(r.label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%7.2f s", r.seconds))   \(r.check)")
        }
        print(String(format: "ratios: (b)/(a) = %.1f×, (c)/(a) = %.1f×   (target: (b)/(a) ≥ 3×)\n", b.seconds / a.seconds, c.seconds / a.seconds))
    }

    /// "1000/1000 REJECTED" after a run, plus the exit status / HTTP codes seen.
    func check(_ setup: Setup, _ ids: [String], status: Int32, codes: String? = nil) async throws -> String {
        let moved = try await setup.countAt(ids, .rejected)
        var s = "\(moved)/\(ids.count) REJECTED, exit \(status)"
        if let codes {
            let text = FileManager.default.contents(atPath: codes).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let ok = text.split(separator: "\n").filter { $0 == "200" }.count
            s += ", \(ok) HTTP 200"
        }
        return s
    }

    // MARK: Under a rate limit

    func limited(binary: String, dir: String) async throws {
        let n = limitedCount ?? count
        let r = rateLimitPerMinute
        // Set-up on the same database without a limit; then the measured server starts fresh.
        let prep = try SandboxChild(binary: binary, directory: dir, name: "limited-setup", database: "limited", demoSize: demoSize,
                                    perMinute: 1_000_000_000, perHour: 1_000_000_000)
        let ids: [String]
        do {
            let setup = try Setup(baseURL: prep.baseURL)
            ids = try await setup.pick(n)
            try await setup.reset(ids, to: .applied)
        } catch {
            prep.stop()
            throw error
        }
        prep.stop()
        let server = try SandboxChild(binary: binary, directory: dir, name: "limited", keepDatabase: true, demoSize: demoSize,
                                      perMinute: r, perHour: 1_000_000_000)
        defer { server.stop() }
        let idsFile = dir + "/ids-limited.txt"
        try (ids.joined(separator: "\n") + "\n").write(toFile: idsFile, atomically: true, encoding: .utf8)
        let before = server.requests().count

        if !noAlign {
            let now = Date().timeIntervalSince1970
            let wait = 60 - now.truncatingRemainder(dividingBy: 60) + 0.2
            print("Rate-limited run: waiting \(Int(wait)) s for the next clock minute (the sandbox's window)…")
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
        let t0 = Date().timeIntervalSince1970
        let run = try timedShell("\(shellQuote(binary)) bulk-status --to REJECTED --concurrency \(concurrency) --ids-file \(shellQuote(idsFile))",
                                       stdout: dir + "/limited.out", stderr: dir + "/limited.err", environment: Self.environment(server.baseURL))
        let mine = server.requests(from: before)
        let moved = try await Setup(baseURL: server.baseURL).countAt(ids, .rejected)
        let total = mine.count
        let tooMany = mine.filter { $0["status"]?.intValue == 429 }.count
        let patches = mine.filter { $0["method"]?.stringValue == "PATCH" }.count
        let gets = total - patches

        let naive = Double(n) / Double(r) * 60
        let windowFloor = Self.fixedWindowFloor(requests: total - tooMany, perWindow: r, start: t0)
        print("Rate limit \(r)/min, \(n) candidates with candidates bulk-status --concurrency \(concurrency):")
        print(String(format: "  wall time %.2f s, exit %d, %d/%d REJECTED", run.seconds, run.status, moved, n))
        print("  requests: \(total) (\(patches) PATCH, \(gets) GET), 429 answers: \(tooMany)")
        print(String(format: "  floor N/R = %.1f s → time/floor = %.3f", naive, run.seconds / naive))
        print(String(format: "  fixed-window floor for %d requests from the start time (clock-minute windows) = %.1f s → time/floor = %.3f (%+.1f s)",
                     total - tooMany, windowFloor, run.seconds / max(windowFloor, 0.001), run.seconds - windowFloor))
    }

    /// The earliest time the last of `requests` can be sent when each clock-minute window admits
    /// `perWindow` and the first window (the one `start` is in) is fresh: 0 when one window is
    /// enough, else the time to the next boundary plus a minute per further window needed.
    static func fixedWindowFloor(requests: Int, perWindow: Int, start: Double) -> Double {
        let windows = (requests + perWindow - 1) / perWindow
        guard windows > 1 else { return 0 }
        let toBoundary = 60 - start.truncatingRemainder(dividingBy: 60)
        return toBoundary + Double(windows - 2) * 60
    }

    static func environment(_ baseURL: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in ["INSTAVIEW_COMPANY_ID", "CANDIDATES_LOG", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"] { env.removeValue(forKey: name) }
        env["INSTAVIEW_BASE_URL"] = baseURL
        env["INSTAVIEW_API_KEY"] = "sk_test_northwind"
        env["NO_PROXY"] = "127.0.0.1"
        return env
    }
}

/// Untimed set-up through the ATS key (its own rate-limit bucket): picks ids, resets statuses, checks.
struct Setup {
    let client: CandidatesClient

    init(baseURL: String) throws {
        client = CandidatesClient(configuration: try APIConfiguration(
            baseURL: baseURL, apiKey: "sk_test_ats_partner", companyId: "11111111-1111-4111-8111-111111111111", timeout: 30))
    }

    /// The first `n` candidates of company 1.
    func pick(_ n: Int) async throws -> [String] {
        var ids: [String] = []
        for try await page in client.allCandidates(CandidateQuery()) where ids.count < n {
            ids += page.items.map(\.id)
        }
        guard ids.count >= n else { throw ValidationError("the sandbox has only \(ids.count) candidates in company 1; raise --demo-size") }
        return Array(ids.prefix(n))
    }

    /// Moves every id to `status` (with the bulk engine), so each measured run moves all of them.
    func reset(_ ids: [String], to status: CandidateStatus) async throws {
        let found = await client.lookUpCandidates(ids: ids, options: BulkOptions(concurrency: 8))
        let candidates = found.compactMap { entry -> Candidate? in
            if case .success(let c)? = entry.result { return c }
            return nil
        }
        guard candidates.count == ids.count else { throw ValidationError("could not read every candidate for the reset") }
        let report = await BulkStatusEngine(client: client, options: BulkOptions(concurrency: 8)).run(BulkStatusPlan(candidates: candidates, target: status))
        guard report.allSucceeded else { throw ValidationError("reset failed for \(report.failed.count) candidates") }
    }

    /// How many of `ids` are at `status` now.
    func countAt(_ ids: [String], _ status: CandidateStatus) async throws -> Int {
        let wanted = Set(ids)
        var n = 0
        for try await page in client.allCandidates(CandidateQuery(status: status)) {
            n += page.items.filter { wanted.contains($0.id) }.count
        }
        return n
    }
}
