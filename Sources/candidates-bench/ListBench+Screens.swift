import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The screen measurements: first rows, full load with peak RSS, bytes per cursor move, and `less`.
extension ListBench {
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
        let t = try pane.openBulkPreview(loaded: loaded)
        let (markMs, menuKeyMs, previewMs) = (t.markMs, t.menuKeyMs, t.previewMs)
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
}
