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
        let candidatesBinary = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("candidates").path
        guard FileManager.default.isExecutableFile(atPath: candidatesBinary) else {
            throw ValidationError("no candidates binary at \(candidatesBinary); build it or pass --binary")
        }
        for tool in ["tmux", "less", "sqlite3"] where !Self.onPath(tool) {
            throw ValidationError("\(tool) is needed on PATH")
        }
        let hasFzf = Self.onPath("fzf")
        let temporary = workDir == nil
        let dir = workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("candidates-bench-list-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
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

    // MARK: 1. Filter

    struct FilterResult {
        var perQuery: [(query: String, timings: [Double], matches: Int)] = []
        var all: [Double] { perQuery.flatMap(\.timings) }
    }

    /// The real binary in tmux with every page loaded: each query typed one letter at a time at
    /// the `/` prompt, `filterRepeat` times. Each keystroke is timed from just before `tmux
    /// send-keys` to the first byte the program writes after it (`pipe-pane`): the key has gone
    /// through tmux, the list has filtered every row and the frame has been drawn. Between
    /// keystrokes the output is left to go quiet for 0.5 s (the server search after a 300 ms
    /// pause included); Esc clears the search after each query.
    func typingRun(binary: String, dir: String, config: String, environment: [String: String]) throws -> FilterResult {
        let started = Date()
        let pane = try TmuxPane(socket: "cbench-\(getpid())-filter", config: config, script: "exec \(shellQuote(binary))",
                                environment: environment, cols: Self.cols, rows: Self.rows)
        defer { pane.kill() }
        let screen = try pane.waitForScreen("every page to load", seconds: Double(loadTimeout), interval: 0.25) { Self.everyPageLoaded($0) }
        print(String(format: "   every page loaded after %.1f s: ", Date().timeIntervalSince(started)) + "\"\(Self.header(screen))\"")
        let recorder = try OutputRecorder(pane: pane, path: dir + "/filter-output.bin", settle: 1)
        var result = FilterResult()
        for q in queryList {
            var times: [Double] = []
            var matches = 0
            for _ in 0..<filterRepeat {
                _ = try recorder.bytes(around: "/")
                for ch in q { times.append(try recorder.firstByteMilliseconds(after: String(ch), quiet: 0.5)) }
                matches = Self.shownCount(try pane.screen()) ?? 0
                _ = try recorder.bytes(around: "Escape")
            }
            result.perQuery.append((q, times, matches))
            print("   " + pad("\"\(q)\"", 14) + String(format: " %2d keystrokes × %d: median %6.2f ms, p99 %6.2f ms, max %6.2f ms; %d rows match",
                         q.count, filterRepeat, Stats.median(times), Stats.p99(times), times.max() ?? 0, matches))
        }
        try? pane.stopPiping()
        try? pane.keys("q")
        let all = result.all
        print(String(format: "   all %d keystrokes: median %.2f ms, p99 %.2f ms (send-keys to the first byte of the new frame)",
                     all.count, Stats.median(all), Stats.p99(all)))
        return result
    }

    /// The screen's first line, trimmed.
    static func header(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Every page is loaded: the header shows the total and neither "loading…" nor "loaded N".
    static func everyPageLoaded(_ screen: String) -> Bool {
        let header = Self.header(screen)
        return header.range(of: #"\d+ candidates"#, options: .regularExpression) != nil
            && !header.contains("loading") && !header.contains("loaded ")
    }

    /// The rows a search leaves, from the header: `206 / 210 candidates` (shown / total), or
    /// `206 shown · …` while pages load.
    static func shownCount(_ screen: String) -> Int? {
        let header = Self.header(screen)
        let shown = header.range(of: #"\d+(?= / \d+ candidates)"#, options: .regularExpression)
            ?? header.range(of: #"\d+(?= shown)"#, options: .regularExpression)
        return shown.flatMap { Int(header[$0]) }
    }

    struct FzfResult {
        var names: [Double] = []
        var haystack: [Double] = []
        var namesMatches: [String: Int] = [:]
    }

    /// `fzf --filter PREFIX < file` for every prefix of every query: once on the names, once on
    /// lines with what the list searches (name, email, phone). Timed from spawn to exit.
    func fzfTimings(_ candidates: [Candidate], dir: String) throws -> FzfResult {
        let namesFile = dir + "/names.txt", haystackFile = dir + "/names-email-phone.txt"
        try (candidates.map { Self.oneLine($0.fullName) }.joined(separator: "\n") + "\n").write(toFile: namesFile, atomically: true, encoding: .utf8)
        try (candidates.map { Self.oneLine("\($0.fullName)\t\($0.email ?? "")\t\($0.phoneNumber ?? "")") }.joined(separator: "\n") + "\n")
            .write(toFile: haystackFile, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        for k in env.keys where k.hasPrefix("FZF_") { env.removeValue(forKey: k) }
        var result = FzfResult()
        func time(_ file: String, _ prefix: String, out: String = "/dev/null") throws -> Double {
            let start = ContinuousClock.now
            let child = try ChildProcess.start(["fzf", "--filter", prefix], stdin: .file(file), stdout: .file(out), stderr: .null, environment: env)
            let status = child.wait()
            let ms = seconds(ContinuousClock.now - start) * 1000
            // 1: no match, which is still a finished filter.
            guard status == 0 || status == 1 else { throw BenchFailure(description: "fzf --filter \(prefix) exited \(status)") }
            return ms
        }
        for (file, label) in [(namesFile, "names"), (haystackFile, "name, email, phone")] {
            var all: [Double] = []
            for q in queryList {
                var times: [Double] = []
                var typed = ""
                for ch in q {
                    typed.append(ch)
                    for _ in 0..<fzfRepeat { times.append(try time(file, typed)) }
                }
                all += times
                if file == namesFile {
                    let out = dir + "/fzf-out.txt"
                    _ = try time(file, q, out: out)
                    let n = (FileManager.default.contents(atPath: out) ?? Data()).filter { $0 == 0x0A }.count
                    result.namesMatches[q] = n
                    print("   fzf (\(label)) " + pad("\"\(q)\"", 14) + String(format: " %2d prefixes × %d: median %6.1f ms, p99 %6.1f ms; %d lines match",
                                 q.count, fzfRepeat, Stats.median(times), Stats.p99(times), n))
                }
            }
            print("   fzf --filter on \(label)" + String(format: " (%d runs): median %.1f ms, p99 %.1f ms", all.count, Stats.median(all), Stats.p99(all)))
            if file == namesFile { result.names = all } else { result.haystack = all }
        }
        return result
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    // MARK: 3. First rows

    /// One start of the TUI in a fresh tmux server: the pane's shell writes the time just before
    /// `exec candidates`; the screen is polled until a candidate row shows.
    func firstRowsRun(_ run: Int, binary: String, dir: String, config: String, environment: [String: String]) throws -> (ms: Double, polls: Int, pollMs: Double) {
        let t0File = dir + "/first-rows-\(run).t0"
        try? FileManager.default.removeItem(atPath: t0File)
        let pane = try TmuxPane(socket: "cbench-\(getpid())-first-\(run)", config: config,
                                script: "date +%s%N > \(shellQuote(t0File)); exec \(shellQuote(binary))",
                                environment: environment, cols: Self.cols, rows: Self.rows)
        defer { pane.kill() }
        let deadline = Date().addingTimeInterval(30)
        var polls = 0
        let pollStart = realtimeNanoseconds()
        var seen: UInt64?
        var last = ""
        while Date() < deadline {
            last = try pane.screen()
            polls += 1
            if Self.hasCandidateRow(last) {
                seen = realtimeNanoseconds()
                break
            }
            usleep(2_000)
        }
        guard let seen else { throw BenchFailure(description: "no candidate row after 30 s\n--- screen ---\n\(last)") }
        guard let t0Text = try? String(contentsOfFile: t0File, encoding: .utf8), let t0 = UInt64(t0Text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure(description: "the pane did not record its start time")
        }
        let pollMs = Double(seen - pollStart) / 1e6 / Double(max(1, polls))
        try? pane.keys("q")
        usleep(200_000)
        return (Double(seen &- t0) / 1e6, polls, pollMs)
    }

    /// A list row: a status value below the column titles.
    static func hasCandidateRow(_ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2 else { return false }
        return lines[2...].contains { $0.range(of: #"\b(APPLIED|IN_PROCESS|REJECTED|ACCEPTED|UNDEFINED)\b"#, options: .regularExpression) != nil }
    }

    // MARK: 4. + 2. Full load, RSS, bytes per move

    struct FullLoad {
        var loadSeconds: Double
        var header: String
        var loaded: Int
        var hwmKB: Int
        var rssKB: Int
        var hwmAfterKB: Int
        var moveBytes: [Int]
        var scrollBytes: [Int]
        var firstMove: [UInt8]
        var firstScroll: [UInt8]
        var rowsFile: String
    }

    func fullLoadRun(binary: String, dir: String, config: String, environment: [String: String], expected: Int) throws -> FullLoad {
        let started = Date()
        let pane = try TmuxPane(socket: "cbench-\(getpid())-full", config: config, script: "exec \(shellQuote(binary))",
                                environment: environment, cols: Self.cols, rows: Self.rows)
        defer { pane.kill() }
        let size = try pane.display("#{pane_width}×#{pane_height}")
        guard size == "\(Self.cols)×\(Self.rows)" else { throw BenchFailure(description: "the pane is \(size), not \(Self.cols)×\(Self.rows)") }
        try pane.waitForScreen("the first rows", seconds: 30) { Self.hasCandidateRow($0) }
        guard let pid = Int32(try pane.display("#{pane_pid}")) else { throw BenchFailure(description: "no pane pid") }
        let anonAtFirstRows = memoryKB(pid: pid, field: "RssAnon") ?? 0
        print(String(format: "   at the first rows: VmRSS %.1f MB (RssAnon %.1f MB, RssFile %.1f MB)", Double(memoryKB(pid: pid, field: "VmRSS") ?? 0) / 1024,
                     Double(anonAtFirstRows) / 1024, Double(memoryKB(pid: pid, field: "RssFile") ?? 0) / 1024))
        // Loaded: the header shows the total and neither "loading…" nor "loaded N".
        var lastReport = Date()
        let screen = try pane.waitForScreen("every page to load", seconds: Double(loadTimeout), interval: 0.25) { screen in
            if Date().timeIntervalSince(lastReport) > 5 {
                lastReport = Date()
                let rss = Double(memoryKB(pid: pid, field: "VmRSS") ?? 0) / 1024
                Swift.print(String(format: "   … %3d s: VmRSS %5.1f MB; header: ", Int(Date().timeIntervalSince(started)), rss)
                            + Self.header(screen))
            }
            return Self.everyPageLoaded(screen)
        }
        let loadSeconds = Date().timeIntervalSince(started)
        let header = String(screen.split(separator: "\n").first ?? "").trimmingCharacters(in: .whitespaces)
        let loaded = header.range(of: #"\d+(?= candidates)"#, options: .regularExpression).flatMap { Int(header[$0]) } ?? 0
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        guard comm.hasPrefix("candidates") else { throw BenchFailure(description: "pane process \(pid) is \(comm), not candidates") }
        let hwm = memoryKB(pid: pid, field: "VmHWM") ?? 0
        let rss = memoryKB(pid: pid, field: "VmRSS") ?? 0
        print(String(format: "   every page loaded after %.1f s: ", loadSeconds) + "\"\(header)\"")
        print(String(format: "   TUI process %d: VmHWM %.1f MB, VmRSS %.1f MB (RssAnon %.1f MB, RssFile %.1f MB) with %d candidates loaded",
                     pid, Double(hwm) / 1024, Double(rss) / 1024, Double(memoryKB(pid: pid, field: "RssAnon") ?? 0) / 1024,
                     Double(memoryKB(pid: pid, field: "RssFile") ?? 0) / 1024, loaded)
              + (loaded == expected ? "" : " (expected \(expected)!)"))
        let anon = memoryKB(pid: pid, field: "RssAnon") ?? 0
        print(String(format: "   anonymous memory grew %.1f MB since the first rows: %.0f B per loaded candidate",
                     Double(anon - anonAtFirstRows) / 1024, Double(anon - anonAtFirstRows) * 1024 / Double(max(1, loaded))))

        // 2. The screen settles, then the terminal output is recorded around single keys.
        let out = dir + "/tui-output.bin"
        let recorder = try OutputRecorder(pane: pane, path: out, settle: 1)
        let (moveBytes, firstMove) = try recorder.bytes(around: "Down", times: moves)
        // To the last row of the view (20 rows at 24 lines), then moves that scroll it.
        let viewRows = Self.rows - 4
        for _ in moves..<(viewRows - 1) { try pane.keys("Down") }
        _ = waitForQuiet(out, quiet: 0.5)
        let (scrollBytes, firstScroll) = try recorder.bytes(around: "Down", times: moves)
        try? pane.stopPiping()
        print("   bytes per Down, cursor moving inside the view: \(moveBytes.map(String.init).joined(separator: ", "))")
        print("   bytes per Down, the view scrolling one row:     \(scrollBytes.map(String.init).joined(separator: ", "))")
        print("   first move:   \(visible(firstMove))")
        print("   first scroll: \(visible(firstScroll))")
        let hwmAfter = memoryKB(pid: pid, field: "VmHWM") ?? hwm

        // The rendered rows for less: the list's first rows as the TUI drew them. PageDown moves
        // the cursor 10 rows; after 2k presses the view shows rows 20k-19...20k.
        try pane.keys("g")
        _ = waitForQuiet(out, quiet: 0.3)
        var rowLines: [String] = []
        for k in 0..<5 {
            if k > 0 {
                let before = try pane.screen()
                try pane.keys("NPage", "NPage")
                try pane.waitForScreen("the next rows", seconds: 5) { $0 != before }
                _ = waitForQuiet(out, quiet: 0.3)
            }
            let lines = try pane.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let view = Array(lines.dropFirst(2).prefix(viewRows))
            rowLines += k == 1 ? Array(view.suffix(1)) : view
        }
        let rowsFile = dir + "/list-rows.txt"
        try (rowLines.joined(separator: "\n") + "\n").write(toFile: rowsFile, atomically: true, encoding: .utf8)

        // Not one of the four figures, but what a recruiter does with a large list: mark every
        // candidate (`*`), open the bulk menu, preview a move to REJECTED, answer No.
        print("   then: * marks all \(loaded), s opens the bulk menu, REJECTED shows the preview, n declines")
        let markStart = Date()
        try pane.keys("*")
        try pane.waitForScreen("every candidate marked", seconds: 120, interval: 0.02) { $0.contains("\(loaded) marked") }
        let markMs = Date().timeIntervalSince(markStart) * 1000
        try pane.keys("s")
        try pane.waitForScreen("the bulk menu", seconds: 60, interval: 0.02) { $0.contains("Move \(loaded) marked to") }
        let menuKeyStart = Date()
        try pane.keys("Down")
        try pane.waitForScreen("the menu cursor on APPLIED", seconds: 60, interval: 0.01) { $0.contains("> APPLIED") }
        let menuKeyMs = Date().timeIntervalSince(menuKeyStart) * 1000
        try pane.keys("Down", "Down")
        try pane.waitForScreen("the menu cursor on REJECTED", seconds: 60, interval: 0.01) { $0.contains("> REJECTED") }
        let previewStart = Date()
        try pane.keys("Enter")
        try pane.waitForScreen("the preview", seconds: 120, interval: 0.02) { $0.contains("(y/N)") }
        let previewMs = Date().timeIntervalSince(previewStart) * 1000
        let scrollStart = Date()
        try pane.keys("NPage")
        try pane.waitForScreen("the preview scrolled", seconds: 60, interval: 0.01) { $0.contains("↑ 10 more") }
        let scrollMs = Date().timeIntervalSince(scrollStart) * 1000
        try pane.keys("n")
        try pane.waitForScreen("the preview closed", seconds: 60, interval: 0.02) { !$0.contains("(y/N)") }
        let hwmMarked = memoryKB(pid: pid, field: "VmHWM") ?? 0
        print(String(format: "   mark all: %.0f ms; a key in the bulk menu: %.0f ms; the preview: %.0f ms; PgDn in it: %.0f ms; VmHWM now %.1f MB (screen polled every 10–20 ms)",
                     markMs, menuKeyMs, previewMs, scrollMs, Double(hwmMarked) / 1024))
        try? pane.keys("q")
        usleep(300_000)
        return FullLoad(loadSeconds: loadSeconds, header: header, loaded: loaded, hwmKB: hwm, rssKB: rss, hwmAfterKB: hwmAfter,
                        moveBytes: moveBytes, scrollBytes: scrollBytes, firstMove: firstMove, firstScroll: firstScroll, rowsFile: rowsFile)
    }

    // MARK: 2. less

    struct LessResult {
        var bytes: [Int]
        var first: [UInt8]
        var lines: Int
    }

    /// `less FILE` at the same size, same TERM; bytes written for each `j`.
    func lessRun(rowsFile: String, dir: String, config: String) throws -> LessResult {
        let rowsText = (try? String(contentsOfFile: rowsFile, encoding: .utf8)) ?? ""
        let lines = rowsText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstLine = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        let env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "LESSHISTFILE": "-", "LESS": "", "LESSOPEN": "", "LESSCLOSE": ""]
        let pane = try TmuxPane(socket: "cbench-\(getpid())-less", config: config, script: "exec less \(shellQuote(rowsFile))",
                                environment: env, cols: Self.cols, rows: Self.rows)
        defer { pane.kill() }
        try pane.waitForScreen("less to show the file", seconds: 10) { $0.contains(String(firstLine.prefix(30))) }
        let recorder = try OutputRecorder(pane: pane, path: dir + "/less-output.bin", settle: 0.5)
        let (bytes, first) = try recorder.bytes(around: "j", times: moves)
        try? pane.stopPiping()
        try? pane.keys("q")
        print("   less on the same rendered rows (\(lines.count) lines), bytes per j: \(bytes.map(String.init).joined(separator: ", "))")
        print("   first j: \(visible(first))\n")
        return LessResult(bytes: bytes, first: first, lines: lines.count)
    }

    /// What a pane writes to its terminal, recorded with `pipe-pane` into a file: the same
    /// measurement for the TUI and for less.
    struct OutputRecorder {
        let pane: TmuxPane
        let path: String

        /// Starts recording after `settle` seconds and waits for a second of quiet.
        init(pane: TmuxPane, path: String, settle: Double) throws {
            self.pane = pane
            self.path = path
            try? FileManager.default.removeItem(atPath: path)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            Thread.sleep(forTimeInterval: settle)
            try pane.pipeOutput(to: path)
            Thread.sleep(forTimeInterval: 0.3)
            _ = waitForQuiet(path, quiet: 1)
        }

        /// Milliseconds from just before sending `key` to the first byte written after it; then
        /// waits for `quiet` seconds of quiet.
        func firstByteMilliseconds(after key: String, quiet: Double) throws -> Double {
            let before = fileSize(path)
            let start = ContinuousClock.now
            try pane.keys(key)
            let deadline = start + .seconds(10)
            while fileSize(path) == before {
                guard ContinuousClock.now < deadline else { throw BenchFailure(description: "no output 10 s after the key \(key)") }
                usleep(100)
            }
            let ms = seconds(ContinuousClock.now - start) * 1000
            _ = waitForQuiet(path, quiet: quiet)
            return ms
        }

        /// `key` pressed `times` times, each as `bytes(around:)`: the byte count of each, and the
        /// bytes of the first.
        func bytes(around key: String, times: Int) throws -> (counts: [Int], first: [UInt8]) {
            var counts: [Int] = [], first: [UInt8] = []
            for i in 0..<times {
                let (n, written) = try bytes(around: key)
                counts.append(n)
                if i == 0 { first = written }
            }
            return (counts, first)
        }

        /// The bytes written in answer to one key (until 0.4 s of quiet): how many, and which.
        func bytes(around key: String) throws -> (Int, [UInt8]) {
            let before = fileSize(path)
            try pane.keys(key)
            let after = waitForQuiet(path, quiet: 0.4)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            return (after - before, Array(data[min(before, data.count)..<min(after, data.count)]))
        }
    }

    // MARK: data

    /// The candidates of one company in the sandbox's database, through the sqlite3 command-line
    /// tool (ASCII mode: 0x1F between columns, 0x1E between rows), in the server's list order.
    static func loadCandidates(db: String, companyId: String, dir: String) throws -> [Candidate] {
        let out = dir + "/candidates.ascii", err = dir + "/sqlite3.err"
        let sql = """
            SELECT id, firstName, lastName, ifnull(email, ''), ifnull(phoneNumber, ''), status, ifnull(overallRating, ''),
                   ifnull(gdprExpiryDate, ''), createdAt, updatedAt,
                   ifnull((SELECT group_concat(jobId) FROM (SELECT jobId FROM candidateJob WHERE candidateId = candidate.id ORDER BY position)), '')
            FROM candidate WHERE companyId = '\(companyId)' ORDER BY createdAt, id
            """
        let status = try ChildProcess.start(["sqlite3", "-readonly", "-ascii", db, sql], stdout: .file(out), stderr: .file(err)).wait()
        guard status == 0 else { throw BenchFailure(description: "sqlite3 failed (\(status)), see \(err)") }
        let data = FileManager.default.contents(atPath: out) ?? Data()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var result: [Candidate] = []
        result.reserveCapacity(100_000)
        for record in data.split(separator: 0x1E) {
            let f = record.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == 11 else { continue }
            result.append(Candidate(id: f[0], firstName: f[1], lastName: f[2], email: f[3].isEmpty ? nil : f[3],
                                    phoneNumber: f[4].isEmpty ? nil : f[4], gdprExpiryDate: f[7].isEmpty ? nil : f[7],
                                    status: CandidateStatus(f[5]), jobIds: f[10].isEmpty ? [] : f[10].split(separator: ",").map(String.init),
                                    overallRating: Int(f[6]), createdAt: f[8], updatedAt: f[9]))
        }
        return result
    }

    static func companyCounts(db: String) throws -> [(id: String, count: Int)] {
        let r = try ChildProcess.run(["sqlite3", "-readonly", db, "SELECT companyId || ' ' || count(*) FROM candidate GROUP BY companyId ORDER BY companyId"])
        guard r.status == 0 else { throw BenchFailure(description: "sqlite3: \(r.output)") }
        return r.output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let n = Int(parts[1]) else { return nil }
            return (String(parts[0]), n)
        }
    }

    static func onPath(_ tool: String) -> Bool {
        (try? timedShell("command -v \(tool)", stdout: "/dev/null", stderr: "/dev/null", environment: ProcessInfo.processInfo.environment).status) == 0
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "?"
        let memKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
            .split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) CPUs (\(cpu)), \(memKB / 1024 / 1024) GB RAM, load average \(load)"
    }
}

/// `s` padded with spaces to `w` characters (never cut).
func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }

enum Stats {
    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Nearest-rank 99th percentile.
    static func p99(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        let rank = Int((0.99 * Double(s.count)).rounded(.up))
        return s[max(0, min(s.count - 1, rank - 1))]
    }

    static func median(_ xs: [Int]) -> Double { median(xs.map(Double.init)) }
}

/// The four figures, side by side with the references and targets.
struct Summary {
    var filter: ListBench.FilterResult?
    var fzf: ListBench.FzfResult?
    var firstRows: [Double] = []
    var full: ListBench.FullLoad?
    var less: ListBench.LessResult?

    func print(demoSize: Int, keyCompany: Int, queries: [String]) {
        func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "met" : "MISSED" } ?? "n/a" }
        var rows: [(String, String, String, String, String)] = []
        if let f = filter {
            let all = f.all
            let ours = String(format: "median %.2f ms, p99 %.2f ms", Stats.median(all), Stats.p99(all))
            var ref = "fzf not run"
            var ok: Bool? = Stats.p99(all) < 16
            if let z = fzf {
                ref = String(format: "fzf --filter: median %.1f ms, p99 %.1f ms", Stats.median(z.names), Stats.p99(z.names))
                ok = Stats.p99(all) < 16 && Stats.p99(all) <= Stats.p99(z.names) && Stats.median(all) <= Stats.median(z.names)
            }
            rows.append(("1. keystroke to screen, \(keyCompany) rows", ours, ref, "p99 < 16 ms, ≤ fzf", verdict(ok)))
        }
        if let full, let less {
            let move = Stats.median(full.moveBytes.map(Double.init)), scroll = Stats.median(full.scrollBytes.map(Double.init))
            let lessJ = Stats.median(less.bytes.map(Double.init))
            let ours = String(format: "median %.0f B (scrolling: %.0f B)", move, scroll)
            let ref = String(format: "less j: median %.0f B", lessJ)
            let ok = move <= lessJ
            rows.append(("2. bytes for one Down at 80×24", ours, ref, "≤ less", verdict(ok)))
        }
        if !firstRows.isEmpty {
            let m = Stats.median(firstRows)
            rows.append(("3. time to first rows", String(format: "median %.0f ms of %d", m, firstRows.count), "", "≤ 200 ms", verdict(m <= 200)))
        }
        if let full {
            let mb = Double(max(full.hwmKB, full.hwmAfterKB)) / 1024
            rows.append(("4. peak RSS, \(full.loaded) loaded", String(format: "%.1f MB VmHWM", mb), "", "≤ 80 MB", verdict(mb <= 80)))
        }
        let w0 = rows.map(\.0.count).max() ?? 0, w1 = rows.map(\.1.count).max() ?? 0, w2 = max(9, rows.map(\.2.count).max() ?? 0)
        let w3 = rows.map(\.3.count).max() ?? 0
        Swift.print("Summary (\(demoSize) candidates in the sandbox; the TUI's key sees company 1: \(keyCompany); queries: \(queries.joined(separator: ", ")))")
        Swift.print(pad("", w0) + "  " + pad("candidates", w1) + "  " + pad("reference", w2) + "  " + pad("target", w3) + "  result")
        for r in rows {
            Swift.print(pad(r.0, w0) + "  " + pad(r.1, w1) + "  " + pad(r.2, w2) + "  " + pad(r.3, w3) + "  " + r.4)
        }
    }
}
