import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `candidates-bench list`: the list at 100,000 candidates, its four performance figures side by
/// side with their references and targets:
/// 1. per-keystroke filter time, keystroke to screen in the real binary under tmux, vs `fzf --filter`;
/// 2. bytes sent to the terminal for one cursor move down at 80×24 (real binary in tmux) vs `less`'s `j`;
/// 3. time from process start to the first candidate row on screen;
/// 4. peak RSS of the TUI once every page is loaded.
struct ListBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The list at 100,000 candidates: filter per keystroke vs fzf, bytes per cursor move vs less, time to first rows, peak RSS."
    )

    @Option(help: "Candidates in the sandbox; the TUI's key's company gets about 70% (142,856 gives it exactly 100,000).") var demoSize = 142_856
    @Option(help: "Queries typed letter by letter, comma-separated.") var queries = "stastny,kowalczyk,lukasiewicz,yilmaz"
    @Option(help: "Times each query is typed at the TUI's / prompt.") var filterRepeat = 5
    @Option(help: "Times fzf runs per prefix.") var fzfRepeat = 3
    @Option(help: "Runs of the time-to-first-rows measurement.") var firstRowsRuns = 5
    @Option(help: "Cursor moves measured (the first from the top row; the same number again where the view scrolls).") var moves = 5
    @Option(help: "Seconds to wait for the TUI to load every page.") var loadTimeout = 900
    @Option(help: ArgumentHelp("Measure only these, comma-separated: filter, first-rows, screen (peak RSS, bytes per move, less).", valueName: "parts"))
    var only = "filter,first-rows,screen"
    @Option(help: ArgumentHelp("An extra environment variable for the TUI (repeatable), e.g. MALLOC_ARENA_MAX=2 to see the allocator's share.", valueName: "NAME=VALUE"))
    var tuiEnv: [String] = []
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder, kept (default: a temporary one, removed at the end).", valueName: "path")) var workDir: String?

    static let cols = 80, rows = 24
    static let key = "sk_test_northwind"
    /// The company of `key`.
    static let companyId = "11111111-1111-4111-8111-111111111111"

    func validate() throws {
        guard demoSize >= 1_000 else { throw ValidationError("--demo-size must be at least 1000") }
        guard (1...100).contains(filterRepeat), (1...100).contains(fzfRepeat) else { throw ValidationError("repeats must be 1...100") }
        guard (1...50).contains(firstRowsRuns) else { throw ValidationError("--first-rows-runs must be 1...50") }
        guard (1...18).contains(moves) else { throw ValidationError("--moves must be 1...18 (the view has 20 rows)") }
        guard !queryList.isEmpty else { throw ValidationError("--queries is empty") }
        guard !parts.isEmpty, parts.isSubset(of: ["filter", "first-rows", "screen"]) else { throw ValidationError("--only takes filter, first-rows, screen") }
        for e in tuiEnv where !e.contains("=") || e.hasPrefix("=") { throw ValidationError("--tui-env takes NAME=VALUE") }
    }

    var parts: Set<String> { Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }

    var queryList: [String] { queries.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        for tool in ["tmux", "less", "sqlite3"] where !Self.onPath(tool) {
            throw ValidationError("\(tool) is needed on PATH")
        }
        let hasFzf = Self.onPath("fzf")
        let (dir, temporary) = try benchFolder(workDir, name: "list")
        defer { if temporary { try? FileManager.default.removeItem(atPath: dir) } }
        let tmuxConfig = try TmuxPane.writeConfig(in: dir)

        print("candidates-bench list: \(demoSize) candidates on candidates serve at 127.0.0.1, terminal \(Self.cols)×\(Self.rows) in tmux")
        print("binary: \(candidatesBinary)")
        print("machine: \(Self.machine())")
        print("work folder: \(dir)\(temporary ? " (removed at the end)" : "")\n")

        let seedStart = ContinuousClock.now
        let server = try SandboxChild(binary: candidatesBinary, directory: dir, name: "list", demoSize: demoSize,
                                      perMinute: 1_000_000_000, perHour: 1_000_000_000, startupSeconds: 1_800)
        defer { server.stop() }
        print(String(format: "sandbox seeded and listening in %.1f s: ", seconds(ContinuousClock.now - seedStart)) + server.baseURL)
        let perCompany = try Self.companyCounts(db: server.databasePath)
        let keyCompany = perCompany.first { $0.id == Self.companyId }?.count ?? 0
        print("candidates per company: " + perCompany.map { "\($0.id.prefix(8))… \($0.count)" }.joined(separator: ", ")
              + "; the TUI's key (\(Self.key)) sees company 1: \(keyCompany)\n")

        var summary = Summary()

        let extra = tuiEnv
        if !extra.isEmpty { print("extra environment of the TUI: \(extra.joined(separator: " "))\n") }
        let tuiEnvironment = { (home: String) -> [String: String] in
            var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
                       "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
                       "INSTAVIEW_BASE_URL": server.baseURL, "INSTAVIEW_API_KEY": Self.key, "NO_PROXY": "127.0.0.1"]
            for e in extra {
                let kv = e.split(separator: "=", maxSplits: 1)
                env[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
            return env
        }

        // 1. Filtering
        if parts.contains("filter") {
            print("1. Filter per keystroke over the \(keyCompany) candidates the TUI's key sees: keystroke to screen in tmux")
            summary.filter = try typingRun(binary: candidatesBinary, dir: dir, config: tmuxConfig, environment: tuiEnvironment(dir + "/home-filter"))
            if hasFzf {
                let candidates = try Self.loadCandidates(db: server.databasePath, companyId: Self.companyId, dir: dir)
                print("   \(candidates.count) candidates read from the sandbox's SQLite file for fzf")
                summary.fzf = try fzfTimings(candidates, dir: dir)
            } else {
                print("   fzf is not installed (apt-get install -y fzf): no comparison")
            }
            print("")
        }

        // 3. Time to first rows
        if parts.contains("first-rows") {
        print("3. Time from process start to the first candidate row on screen (\(firstRowsRuns) runs, capture-pane polled)")
        var firstRows: [Double] = []
        for run in 1...firstRowsRuns {
            let r = try firstRowsRun(run, binary: candidatesBinary, dir: dir, config: tmuxConfig, environment: tuiEnvironment(dir + "/home-first-\(run)"))
            print(String(format: "   run %d: %.0f ms (%d polls, %.1f ms apart)", run, r.ms, r.polls, r.pollMs))
            firstRows.append(r.ms)
        }
        summary.firstRows = firstRows
        print(String(format: "   median %.0f ms, min %.0f, max %.0f\n", Stats.median(firstRows), firstRows.min() ?? 0, firstRows.max() ?? 0))
        }

        // 2 + 4. Full load: peak RSS, then bytes per cursor move; then less on the same rows.
        if parts.contains("screen") {
            print("4. Peak RSS once every page is loaded, then 2. bytes for one cursor move")
            let full = try fullLoadRun(binary: candidatesBinary, dir: dir, config: tmuxConfig, environment: tuiEnvironment(dir + "/home-full"), expected: keyCompany)
            summary.full = full
            let less = try lessRun(rowsFile: full.rowsFile, dir: dir, config: tmuxConfig)
            summary.less = less
        }

        summary.print(demoSize: demoSize, keyCompany: keyCompany, queries: queryList)
        print("machine at the end: \(Self.machine())")
    }
}
