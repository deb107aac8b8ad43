import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The filter measurement: keystroke to screen in the real binary, and `fzf --filter` on the same rows.
extension ListBench {
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
}
