import ArgumentParser
import CandidateCore
import Foundation

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates-bench",
        abstract: "Measurements for docs/performance.md.",
        subcommands: [FetchBench.self, BulkBench.self, MemoryBench.self, ApplyBench.self, BytesBench.self, ListBench.self]
    )
}

/// `candidates-bench bulk`: moves N candidates APPLIED → REJECTED with `candidates bulk-status`
/// (its reads included) and sends the same PATCHes with one `curl -Z --parallel-max 8 -K config`
/// process (the reference), `xargs -P8 curl` and a sequential curl loop (secondary columns),
/// against `candidates serve` on 127.0.0.1 without a rate limit, in a company of each size;
/// several runs, alternating, each on candidates reset to APPLIED; medians, ratios, verdicts.
/// Then once more with bulk-status under a rate limit: wall time, floors and 429 counts.
struct BulkBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk",
        abstract: "Bulk status change: candidates bulk-status vs curl -Z --parallel-max 8 -K config (and xargs -P8, a curl loop); then under a rate limit."
    )

    @Option(help: "Candidates to move in each run.") var count = 1_000
    @Option(help: ArgumentHelp("Sizes of the key's company, comma-separated: one comparison in each.", valueName: "n,n")) var companySizes = "1600,20000"
    @Option(help: ArgumentHelp("References, comma-separated: curl-parallel (curl -Z -K config), xargs (xargs -P curl), loop (a curl loop).", valueName: "list"))
    var vs = "curl-parallel,xargs,loop"
    @Option(help: ArgumentHelp("Our runs, comma-separated: plain (bulk-status --to), only-from (… --only-from APPLIED).", valueName: "list"))
    var ours = "plain,only-from"
    @Option(help: "Runs of each (medians).") var runs = 3
    @Option(help: "Parallel transfers of curl -Z and processes of xargs.") var curlParallel = 8
    @Option(help: ArgumentHelp("bulk-status --concurrency (default: the program's own).", valueName: "n")) var concurrency: Int?
    @Option(help: "Requests per minute for the rate-limited run (0 skips it).") var rateLimitPerMinute = 500
    @Option(help: "Candidates to move in the rate-limited run (default: --count).") var limitedCount: Int?
    @Flag(help: "Start the rate-limited run just after a clock-minute boundary (the sandbox's windows are clock minutes).")
    var noAlign = false
    @Flag(help: "A small smoke run: 100 candidates in companies of 300 and 2,000, one run, no rate-limited run.") var quick = false
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder (default: a new temporary one).", valueName: "path")) var workDir: String?

    static let references = ["curl-parallel", "xargs", "loop"]

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1...10000") }
        guard (1...64).contains(curlParallel) else { throw ValidationError("--curl-parallel must be 1...64") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be 1...20") }
        guard rateLimitPerMinute >= 0 else { throw ValidationError("--rate-limit-per-minute must be 0 or more") }
        guard let sizes = CompanySize.parseList(companySizes), sizes.allSatisfy({ $0 >= count }) else {
            throw ValidationError("--company-sizes takes numbers of at least --count, comma-separated")
        }
        guard !vsList.isEmpty, Set(vsList).isSubset(of: Self.references) else { throw ValidationError("--vs takes curl-parallel, xargs, loop") }
        guard !oursList.isEmpty, Set(oursList).isSubset(of: ["plain", "only-from"]) else { throw ValidationError("--ours takes plain, only-from") }
    }

    var vsList: [String] { Self.references.filter { r in vs.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == r } } }
    var oursList: [String] { ["plain", "only-from"].filter { r in ours.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == r } } }
    var n: Int { quick ? 100 : count }
    var sizeList: [Int] { quick ? [300, 2_000] : (CompanySize.parseList(companySizes) ?? []) }
    var runCount: Int { quick ? 1 : runs }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        guard (try? timedShell("command -v curl && command -v xargs", stdout: "/dev/null", stderr: "/dev/null",
                                     environment: ProcessInfo.processInfo.environment).status) == 0 else {
            throw ValidationError("curl and xargs are needed on PATH")
        }
        let (dir, _) = try benchFolder(workDir, name: "bulk")
        BenchHeader.print(title: "candidates-bench bulk: \(n) candidates APPLIED → REJECTED in companies of \(sizeList.map(String.init).joined(separator: " and ")), "
                                 + "\(runCount) run(s) each, candidates serve at 127.0.0.1\(quick ? " (--quick)" : "")",
                          binary: candidatesBinary, workDir: dir)

        var table = VerdictTable()
        for size in sizeList {
            try await compare(binary: candidatesBinary, dir: dir, companySize: size, table: &table)
        }
        table.print(title: "Summary (medians of \(runCount); ours include reading the candidates, the references only send)")
        if rateLimitPerMinute > 0 && !quick {
            print("")
            try await limited(binary: candidatesBinary, dir: dir)
        }
        print("machine at the end: \(ListBench.machine())")
    }

    // MARK: Without a limit

    func compare(binary: String, dir: String, companySize: Int, table: inout VerdictTable) async throws {
        let demoSize = CompanySize.demoSize(forCompanySize: companySize)
        let server = try SandboxChild(binary: binary, directory: dir, name: "bulk-\(companySize)", demoSize: demoSize,
                                      perMinute: 1_000_000_000, perHour: 1_000_000_000, startupSeconds: 600)
        defer { server.stop() }
        print("== a company of \(companySize) (demo size \(demoSize)) at \(server.baseURL)")
        let setup = try Setup(baseURL: server.baseURL)
        let ids = try await setup.pick(n)
        let idsFile = dir + "/ids-\(companySize).txt"
        try (ids.joined(separator: "\n") + "\n").write(toFile: idsFile, atomically: true, encoding: .utf8)
        let env = FetchBench.cliEnvironment(server.baseURL, home: dir + "/home-bulk")
        let concurrencyArgument = concurrency.map { " --concurrency \($0)" } ?? ""
        let bulkStatus = "\(shellQuote(binary)) bulk-status --to REJECTED\(concurrencyArgument) --ids-file \(shellQuote(idsFile))"
        let body = #"{"status":"REJECTED"}"#
        let curl = "curl -sS -o /dev/null -w '%{http_code}\\n' -X PATCH -H 'Authorization: Bearer sk_test_northwind' "
            + "-H 'Content-Type: application/json' --data \(shellQuote(body))"
        let config = dir + "/patches-\(companySize).curl"
        try ApplyBench.curlConfig(baseURL: server.baseURL, ids: ids, bodies: ids.map { _ in .object(["status": .string("REJECTED")]) })
            .write(toFile: config, atomically: true, encoding: .utf8)

        // What the program says it will do (which way it reads), without sending.
        try await setup.reset(ids, to: .applied)
        for (label, extra) in [("", ""), (" --only-from APPLIED", " --only-from APPLIED")] where extra.isEmpty || oursList.contains("only-from") {
            let d = try timedShell(bulkStatus + extra + " --dry-run", stdout: dir + "/dry-run.out", stderr: dir + "/dry-run.err", environment: env)
            let lines = [dir + "/dry-run.out", dir + "/dry-run.err"].flatMap { path in
                (FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "\n")
            }
            // The lines about reading, if it says how it reads; else its first lines.
            let reading = lines.filter { $0.lowercased().contains("read") }
            let said = (reading.isEmpty ? lines : reading).prefix(3)
            print(String(format: "   bulk-status%@ --dry-run: %.2f s, exit %d; it says:", label, d.seconds, d.status))
            for line in said { print("     " + String(line.prefix(200))) }
        }

        var columns: [(key: String, label: String, script: String, codes: Bool)] = []
        if oursList.contains("plain") { columns.append(("plain", "bulk-status --to REJECTED\(concurrencyArgument)", bulkStatus, false)) }
        if oursList.contains("only-from") {
            columns.append(("only-from", "bulk-status … --only-from APPLIED", bulkStatus + " --only-from APPLIED", false))
        }
        for r in vsList {
            switch r {
            case "curl-parallel":
                columns.append((r, "curl -Z --parallel-max \(curlParallel) -K config", "curl -sS -Z --parallel-max \(curlParallel) -K \(shellQuote(config))", true))
            case "xargs":
                columns.append((r, "xargs -P\(curlParallel) curl -X PATCH",
                                "xargs -P\(curlParallel) -I{} \(curl) \(shellQuote(server.baseURL))/candidates/{} < \(shellQuote(idsFile))", true))
            default:
                columns.append((r, "sequential curl loop",
                                "while IFS= read -r id; do \(curl) \(shellQuote(server.baseURL))/candidates/\"$id\"; done < \(shellQuote(idsFile))", true))
            }
        }
        var times: [String: [Double]] = [:]
        for run in 1...runCount {
            for c in columns {
                try await setup.reset(ids, to: .applied)
                let tag = "\(c.key)-\(companySize)-\(run)"
                let r = try timedShell(c.script, stdout: dir + "/\(tag).out", stderr: dir + "/\(tag).err", environment: env)
                let checked = try await check(setup, ids, status: r.status, codes: c.codes ? dir + "/\(tag).out" : nil)
                print("   run \(run) \(pad(c.label, 40)) \(String(format: "%7.2f s", r.seconds))   \(checked)")
                times[c.key, default: []].append(r.seconds)
            }
        }
        let reference = Stats.median(times["curl-parallel"] ?? [])
        print("   medians:")
        for c in columns {
            let m = Stats.median(times[c.key] ?? [])
            print("     \(pad(c.label, 40)) \(String(format: "%7.2f s", m))" + (reference.isFinite && c.key != "curl-parallel" ? "   \(VerdictTable.ratio(m, reference)) curl -Z" : ""))
        }
        print("")
        for c in columns where c.key == "plain" || c.key == "only-from" {
            let m = Stats.median(times[c.key] ?? [])
            table.add("\(c.key == "plain" ? "bulk-status" : "bulk-status --only-from") \(n), company \(companySize)", ours: String(format: "%.2f s", m),
                      reference: reference.isFinite ? String(format: "curl -Z %.2f s", reference) : "n/a", ratio: VerdictTable.ratio(m, reference),
                      target: "≤ 1.00× curl -Z", verdict: VerdictTable.verdict(reference.isFinite ? m <= reference : nil))
        }
        for c in columns where c.key == "xargs" || c.key == "loop" {
            let m = Stats.median(times[c.key] ?? [])
            let plain = Stats.median(times["plain"] ?? [])
            table.add("  secondary: \(c.label), company \(companySize)", ours: plain.isFinite ? String(format: "bulk-status %.2f s", plain) : "",
                      reference: String(format: "%.2f s", m), ratio: VerdictTable.ratio(plain, m), target: "", verdict: "")
        }
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
        let concurrencyArgument = concurrency.map { " --concurrency \($0)" } ?? ""
        let r = rateLimitPerMinute
        // Set-up on the same database without a limit; then the measured server starts fresh.
        let demoSize = CompanySize.demoSize(forCompanySize: sizeList.first ?? 1_600)
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
        let run = try timedShell("\(shellQuote(binary)) bulk-status --to REJECTED\(concurrencyArgument) --ids-file \(shellQuote(idsFile))",
                                       stdout: dir + "/limited.out", stderr: dir + "/limited.err", environment: FetchBench.cliEnvironment(server.baseURL, home: dir + "/home-bulk"))
        let mine = server.requests(from: before)
        let moved = try await Setup(baseURL: server.baseURL).countAt(ids, .rejected)
        let total = mine.count
        let tooMany = mine.filter { $0["status"]?.intValue == 429 }.count
        let patches = mine.filter { $0["method"]?.stringValue == "PATCH" }.count
        let gets = total - patches

        let naive = Double(n) / Double(r) * 60
        let windowFloor = Self.fixedWindowFloor(requests: total - tooMany, perWindow: r, start: t0)
        print("Rate limit \(r)/min, \(n) candidates with candidates bulk-status\(concurrencyArgument):")
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
