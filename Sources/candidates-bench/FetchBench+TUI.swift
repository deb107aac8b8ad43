import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// (b) The TUI's load: from process start to the first rows and to every page loaded; and how
/// fast it answers a key while pages load.
extension FetchBench.Run {
    struct TuiLoad {
        var firstRowsMs: Double
        var loadedSeconds: Double
        var loaded: Int
    }

    /// `runs` starts of the TUI, each in a fresh tmux server at 80×24.
    func tuiLoads() throws -> [TuiLoad] {
        print("(b) TUI start → first rows → every page loaded (the header shows `N candidates` without `loaded`); the screen read every 10 ms through an attached tmux control client")
        var loads: [TuiLoad] = []
        for run in 1...runs {
            let l = try tuiLoad(tag: "load-\(size)-\(run)", baseURL: server.baseURL, timeout: Double(bench.loadTimeout))
            print(String(format: "   run %d: first rows %.0f ms, all %d loaded after %.2f s", run, l.firstRowsMs, l.loaded, l.loadedSeconds)
                  + (l.loaded == size ? "" : " (expected \(size)!)"))
            loads.append(l)
        }
        return loads
    }

    /// One start: the pane's shell writes the time just before `exec candidates`; the screen is
    /// read every 10 ms through an attached tmux control client (no process per read) until a
    /// candidate row shows, then until the header says every page is loaded.
    func tuiLoad(tag: String, baseURL: String, timeout: Double) throws -> TuiLoad {
        let (pane, t0File) = try startTUI(tag: tag, baseURL: baseURL)
        defer { pane.kill() }
        let control = try TmuxControl(socket: pane.socket, session: pane.session)
        defer { control.close() }
        let first = try waitForFirstRows(control, session: pane.session)
        let loaded = try control.waitForScreen(session: pane.session, "every page to load", seconds: timeout) { ListBench.everyPageLoaded($0) }
        let t0 = try startTime(t0File)
        try? control.command("send-keys -t \(pane.session) q")
        return TuiLoad(firstRowsMs: Double(first &- t0) / 1e6, loadedSeconds: Double(loaded.at &- t0) / 1e9, loaded: Self.total(loaded.screen))
    }

    func startTUI(tag: String, baseURL: String) throws -> (TmuxPane, String) {
        let t0File = dir + "/\(tag).t0"
        try? FileManager.default.removeItem(atPath: t0File)
        let pane = try TmuxPane(socket: "cbench-\(getpid())-\(tag)", config: tmuxConfig,
                                script: "date +%s%N > \(shellQuote(t0File)); exec \(shellQuote(binary))",
                                environment: FetchBench.tuiEnvironment(baseURL, home: dir + "/home-\(tag)"), cols: ListBench.cols, rows: ListBench.rows)
        return (pane, t0File)
    }

    /// The wall time (ns since the epoch) the first candidate row was seen.
    func waitForFirstRows(_ control: TmuxControl, session: String) throws -> UInt64 {
        try control.waitForScreen(session: session, "the first rows", seconds: 60) { ListBench.hasCandidateRow($0) }.at
    }

    func startTime(_ t0File: String) throws -> UInt64 {
        guard let text = try? String(contentsOfFile: t0File, encoding: .utf8), let t0 = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure(description: "the pane did not record its start time")
        }
        return t0
    }

    /// The total in the header (`… / 100000 candidates`, `100000 candidates`), 0 when absent.
    static func total(_ screen: String) -> Int {
        let header = ListBench.header(screen)
        return header.range(of: #"\d+(?= candidates)"#, options: .regularExpression).flatMap { Int(header[$0]) } ?? 0
    }

    // MARK: Key latency while loading

    struct KeyLatency {
        var samples: [Double] = []
        var floor: [Double] = []
    }

    /// One more start of the TUI: at the first rows `:` opens the command line; then, until every
    /// page is loaded, `~` is typed and erased again and again. Keys go in through one tmux
    /// control-mode client kept attached to the pane (`TmuxControl`), and each sample is the
    /// time from just before `send-keys '~'` to the first `~` in the pane's output it reports
    /// (nothing else on this screen draws a `~`): the key went through tmux into the terminal,
    /// the update loop read it and drew the frame, and tmux passed the frame back. The same probe
    /// on `cat` in a pane (the tty echoes at once) is the harness's own floor, printed beside it;
    /// the verdict is on the raw figure, floor included.
    func keyLatencyWhileLoading() throws -> KeyLatency {
        print("(b) key latency while loading: `:` opens the command line, then `~` typed and erased every 50–90 ms until all \(size) are loaded (keys through one attached tmux control client)")
        var result = KeyLatency()
        result.floor = try harnessFloor()
        print(String(format: "   harness floor (cat echoing in a pane), %d keys: median %.2f ms, p99 %.2f ms",
                     result.floor.count, Stats.median(result.floor), Stats.p99(result.floor)))
        let tag = "keys-\(size)"
        let (pane, _) = try startTUI(tag: tag, baseURL: server.baseURL)
        defer { pane.kill() }
        let control = try TmuxControl(socket: pane.socket, session: pane.session)
        defer { control.close() }
        _ = try waitForFirstRows(control, session: pane.session)
        try control.command("send-keys -t \(pane.session) :")
        usleep(100_000)
        let deadline = Date().addingTimeInterval(Double(bench.loadTimeout))
        var loadedAt = 0
        var probes = 0
        while Date() < deadline {
            if probes % 10 == 0 {
                let screen = try control.screen(session: pane.session)
                if ListBench.everyPageLoaded(screen) { loadedAt = Self.total(screen); break }
            }
            probes += 1
            guard let ms = try control.probe(session: pane.session, key: "~", byte: 0x7E) else {
                print("   no `~` drawn within 5 s of the key (is the command line open?)")
                break
            }
            result.samples.append(ms)
            try control.command("send-keys -t \(pane.session) BSpace")
            usleep(UInt32(50_000 + Int.random(in: 0..<40_000)))
        }
        try? control.command("send-keys -t \(pane.session) Escape q")
        let s = result.samples
        print(String(format: "   %d keys while loading (%d loaded at the end): median %.2f ms, p99 %.2f ms, max %.2f ms",
                     s.count, loadedAt, Stats.median(s), Stats.p99(s), s.max() ?? .nan))
        return result
    }

    /// The probe on `cat` in a pane: 60 keys.
    func harnessFloor() throws -> [Double] {
        let pane = try TmuxPane(socket: "cbench-\(getpid())-floor-\(size)", config: tmuxConfig, script: "exec cat > /dev/null",
                                environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"], cols: ListBench.cols, rows: ListBench.rows)
        defer { pane.kill() }
        usleep(200_000)
        let control = try TmuxControl(socket: pane.socket, session: pane.session)
        defer { control.close() }
        usleep(200_000)
        var samples: [Double] = []
        for _ in 0..<60 {
            guard let ms = try control.probe(session: pane.session, key: "~", byte: 0x7E) else { break }
            samples.append(ms)
            try control.command("send-keys -t \(pane.session) BSpace")
            usleep(UInt32(30_000 + Int.random(in: 0..<20_000)))
        }
        return samples
    }
}
