import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// (c) Reading the whole company under a rate limit of R requests a minute.
extension FetchBench.Run {
    struct Limited {
        var label: String
        var seconds: Double
        /// N/R: the pages needed over the rate, in seconds.
        var floor: Double
        var requests: Int
        var tooMany: Int
        var complete: Bool
    }

    /// For each of `which` (`list`, `tui`): a fresh sandbox on the same database limited to
    /// `perMinute` (a fresh budget), started just after a clock minute (the sandbox's windows are
    /// clock minutes), then the whole company read; the request log counts requests and 429s.
    func rateLimitedRuns(perMinute: Int, which: Set<String>) async throws -> [Limited] {
        let floor = Double(pages) / Double(perMinute) * 60
        print(String(format: "(c) rate limit %d/min: %d pages for %d candidates, floor N/R = %.1f s", perMinute, pages, size, floor))
        var results: [Limited] = []
        for part in ["list", "tui"] where which.contains(part) {
            let limited = try SandboxChild(binary: binary, directory: dir, name: "limited-\(part)-\(size)", database: "fetch-\(size)", keepDatabase: true,
                                           demoSize: CompanySize.demoSize(forCompanySize: size), perMinute: perMinute, perHour: 1_000_000_000,
                                           startupSeconds: 600)
            defer { limited.stop() }
            let wait = 60 - Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 60) + 0.2
            print("   \(part): waiting \(Int(wait)) s for the next clock minute…")
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            let start = Date().timeIntervalSince1970
            let elapsed: Double
            let complete: Bool
            if part == "list" {
                let out = dir + "/limited-list-\(size).jsonl"
                let r = try timedShell("exec \(shellQuote(binary)) list --json", stdout: out, stderr: dir + "/limited-list-\(size).err",
                                       environment: FetchBench.cliEnvironment(limited.baseURL, home: dir + "/home-limited"))
                let n = Self.count(in: out)
                try? FileManager.default.removeItem(atPath: out)
                elapsed = r.seconds
                complete = r.status == 0 && n == size
                print(String(format: "   list --json: %.1f s, exit %d, %d candidates", r.seconds, r.status, n))
            } else {
                let l = try tuiLoad(tag: "limited-tui-\(size)", baseURL: limited.baseURL, timeout: Double(bench.loadTimeout))
                elapsed = l.loadedSeconds
                complete = l.loaded == size
                print(String(format: "   TUI: first rows %.0f ms, all %d loaded after %.1f s", l.firstRowsMs, l.loaded, l.loadedSeconds))
            }
            let log = limited.requests()
            let tooMany = log.filter { $0["status"]?.intValue == 429 }.count
            let windowFloor = BulkBench.fixedWindowFloor(requests: log.count - tooMany, perWindow: perMinute, start: start)
            print(String(format: "   %d requests, %d answered 429; time/floor N/R = %.3f; fixed-window floor for these requests %.1f s",
                         log.count, tooMany, elapsed / floor, windowFloor))
            results.append(Limited(label: part == "list" ? "list --json" : "TUI load", seconds: elapsed, floor: floor,
                                   requests: log.count, tooMany: tooMany, complete: complete))
        }
        return results
    }
}
