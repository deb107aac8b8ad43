import ArgumentParser
import CandidateCore
import Foundation

/// `candidates-bench fetch`: reading a whole company, side by side with one keep-alive curl
/// process fetching the same pages, at each size:
/// (a) `candidates list --json` vs `curl 'BASE/candidates?page=[1-M]&limit=100'` (one process,
///     one connection, pages one after another), both into a file;
/// (b) the TUI in tmux from start until every page is loaded, and to its first rows, vs the same
///     curl; then one more start that presses keys while pages load, for key latency;
/// (c) under a rate limit of R/min: `list --json` (and the TUI's load) vs the floor N/R, 429s;
/// (d) the sandbox's own time per list page and per `search=`, from `Server-Timing: app;dur=`.
/// Medians of `--runs`, runs alternating; ratios and verdicts against the goals at the end.
struct FetchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "list --json and the TUI's load vs one keep-alive curl process; under a rate limit; sandbox server time."
    )

    @Option(help: ArgumentHelp("Company sizes (candidates the key sees), comma-separated.", valueName: "n,n")) var sizes = "20000,100000"
    @Option(help: "Runs of each measurement (medians).") var runs = 3
    @Option(help: ArgumentHelp("Measure only these, comma-separated: list, tui, keys, rate, server.", valueName: "parts"))
    var only = "list,tui,keys,rate,server"
    @Option(help: "Requests per minute for the rate-limited runs (0 skips them).") var rateLimitPerMinute = 600
    @Option(help: ArgumentHelp("Company size of the rate-limited runs (default: the largest of --sizes).", valueName: "n")) var rateLimitSize: Int?
    @Option(help: ArgumentHelp("What runs under the rate limit: list, tui.", valueName: "parts")) var rateLimited = "list,tui"
    @Option(help: "Requests per page and per search for the server-time samples.") var timingRepeat = 5
    @Option(help: "Seconds to wait for the TUI to load every page.") var loadTimeout = 1_200
    @Flag(help: "A small smoke run: 2,000 candidates, one run each, a rate limit of 15/min.") var quick = false
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder, kept (default: a temporary one, removed at the end).", valueName: "path")) var workDir: String?

    static let key = ListBench.key
    static let perPage = CandidateQuery.maxLimit

    func validate() throws {
        guard CompanySize.parseList(sizes) != nil else { throw ValidationError("--sizes takes positive numbers, comma-separated") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be 1...20") }
        guard (1...50).contains(timingRepeat) else { throw ValidationError("--timing-repeat must be 1...50") }
        guard rateLimitPerMinute >= 0 else { throw ValidationError("--rate-limit-per-minute must be 0 or more") }
        guard !parts.isEmpty, parts.isSubset(of: ["list", "tui", "keys", "rate", "server"]) else {
            throw ValidationError("--only takes list, tui, keys, rate, server")
        }
        guard limitedParts.isSubset(of: ["list", "tui"]) else { throw ValidationError("--rate-limited takes list, tui") }
    }

    var parts: Set<String> { Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    var limitedParts: Set<String> { Set(rateLimited.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    var sizeList: [Int] { quick ? [2_000] : (CompanySize.parseList(sizes) ?? []) }
    var runCount: Int { quick ? 1 : runs }
    var perMinute: Int { quick ? 15 : rateLimitPerMinute }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        for tool in ["curl", "tmux", "grep"] where !ListBench.onPath(tool) { throw ValidationError("\(tool) is needed on PATH") }
        let (dir, temporary) = try benchFolder(workDir, name: "fetch")
        defer { if temporary { try? FileManager.default.removeItem(atPath: dir) } }
        let tmuxConfig = try TmuxPane.writeConfig(in: dir)
        BenchHeader.print(title: "candidates-bench fetch: company sizes \(sizeList.map(String.init).joined(separator: ", ")), "
                                 + "\(runCount) run(s) each, \(Self.perPage) per page, candidates serve on 127.0.0.1\(quick ? " (--quick)" : "")",
                          binary: candidatesBinary, workDir: dir + (temporary ? " (removed at the end)" : ""))

        var table = VerdictTable()
        let limitedSize = quick ? sizeList.last! : (rateLimitSize ?? sizeList.max()!)
        for size in sizeList {
            let demoSize = CompanySize.demoSize(forCompanySize: size)
            let seedStart = ContinuousClock.now
            let server = try SandboxChild(binary: candidatesBinary, directory: dir, name: "fetch-\(size)", demoSize: demoSize,
                                          perMinute: 1_000_000_000, perHour: 1_000_000_000, startupSeconds: 1_800)
            print(String(format: "== %d candidates in the key's company (demo size %d): sandbox seeded and listening in %.1f s at %@",
                         size, demoSize, seconds(ContinuousClock.now - seedStart), server.baseURL))
            do {
                let run = Run(bench: self, binary: candidatesBinary, dir: dir, tmuxConfig: tmuxConfig, size: size, server: server)
                var curlMedian = Double.nan
                if parts.contains("list") || parts.contains("tui") {
                    let lc = try run.listVsCurl(withList: parts.contains("list"))
                    curlMedian = Stats.median(lc.curl)
                    if parts.contains("list") {
                        let ours = Stats.median(lc.ours)
                        table.add("(a) list --json, \(size)", ours: String(format: "%.2f s", ours), reference: String(format: "curl %.2f s", curlMedian),
                                  ratio: VerdictTable.ratio(ours, curlMedian), target: "≤ 1.00× curl", verdict: VerdictTable.verdict(ours <= curlMedian))
                    }
                }
                if parts.contains("tui") {
                    let loads = try run.tuiLoads()
                    let load = Stats.median(loads.map(\.loadedSeconds)), first = Stats.median(loads.map(\.firstRowsMs))
                    table.add("(b) TUI start → all \(size) loaded", ours: String(format: "%.2f s", load), reference: String(format: "curl %.2f s", curlMedian),
                              ratio: VerdictTable.ratio(load, curlMedian), target: "≤ 1.00× curl", verdict: VerdictTable.verdict(load <= curlMedian))
                    table.add("(b) TUI first rows, \(size)", ours: String(format: "%.0f ms", first), target: "≤ 200 ms", verdict: VerdictTable.verdict(first <= 200))
                }
                if parts.contains("keys") {
                    let k = try run.keyLatencyWhileLoading()
                    let p99 = Stats.p99(k.samples)
                    let net = p99 - Stats.median(k.floor)
                    table.add("(b) key while loading \(size), p99", ours: k.samples.isEmpty ? "no samples"
                                : String(format: "%.1f ms of %d keys (%.1f net of the floor's median)", p99, k.samples.count, net),
                              reference: String(format: "harness floor p99 %.1f ms", Stats.p99(k.floor)), target: "≤ 16 ms",
                              verdict: VerdictTable.verdict(k.samples.isEmpty ? nil : p99 <= 16))
                }
                if parts.contains("server") && size == sizeList.max() {
                    let t = try run.serverTiming()
                    let pages = t.worstMedian(kind: "page"), search = t.worstMedian(kind: "search")
                    table.add("(d) sandbox list page, \(size)", ours: pages.map { String(format: "worst median %.1f ms", $0) } ?? "n/a",
                              target: "≤ 5 ms", verdict: VerdictTable.verdict(pages.map { $0 <= 5 }))
                    table.add("(d) sandbox search=, \(size)", ours: search.map { String(format: "worst median %.1f ms", $0) } ?? "n/a",
                              target: "≤ 20 ms", verdict: VerdictTable.verdict(search.map { $0 <= 20 }))
                }
            } catch {
                server.stop()
                throw error
            }
            server.stop()
            if parts.contains("rate") && perMinute > 0 && size == limitedSize {
                let run = Run(bench: self, binary: candidatesBinary, dir: dir, tmuxConfig: tmuxConfig, size: size, server: server)
                for r in try await run.rateLimitedRuns(perMinute: perMinute, which: limitedParts) {
                    let ok = r.seconds <= r.floor * 1.05 && r.tooMany == 0 && r.complete
                    table.add("(c) \(r.label) at \(perMinute)/min, \(size)", ours: String(format: "%.1f s, %d × 429", r.seconds, r.tooMany),
                              reference: String(format: "floor N/R %.1f s", r.floor), ratio: VerdictTable.ratio(r.seconds, r.floor),
                              target: "≤ 1.05× floor, no 429", verdict: VerdictTable.verdict(ok))
                }
            }
            print("")
        }
        table.print(title: "Summary (medians of \(runCount); the reference of (a) and (b) is one keep-alive curl process fetching the same pages)")
        print("machine at the end: \(ListBench.machine())")
    }

    /// The environment of a `candidates` command run: the sandbox, its key, state in `home`.
    static func cliEnvironment(_ baseURL: String, home: String) -> [String: String] {
        var env = BulkBench.environment(baseURL)
        env["XDG_STATE_HOME"] = home + "/state"
        env["XDG_DATA_HOME"] = home + "/data"
        return env
    }

    /// The environment of the TUI in a tmux pane (the pane gets nothing else).
    static func tuiEnvironment(_ baseURL: String, home: String) -> [String: String] {
        ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
         "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
         "INSTAVIEW_BASE_URL": baseURL, "INSTAVIEW_API_KEY": key, "NO_PROXY": "127.0.0.1"]
    }
}

extension FetchBench {
    /// The measurements at one company size, against one running sandbox.
    struct Run {
        let bench: FetchBench
        let binary: String
        let dir: String
        let tmuxConfig: String
        let size: Int
        let server: SandboxChild

        var runs: Int { bench.runCount }
        var pages: Int { (size + FetchBench.perPage - 1) / FetchBench.perPage }
    }
}
