import ArgumentParser
import CandidateCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `candidates-bench memory`: the TUI's peak resident memory (`VmHWM` from /proc) at 80×24 in
/// tmux, first with every candidate loaded, all marked and the bulk preview open, then at the end
/// of that bulk change (every one moved to REJECTED) — VmHWM only grows, so the second is the
/// peak during the change. `VmRSS` is sampled every second meanwhile to show the curve.
struct MemoryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Peak RSS of the TUI: N loaded, all marked, bulk preview open; then during the bulk change of all."
    )

    @Option(help: "Candidates in the key's company.") var size = 100_000
    @Option(help: "Seconds to wait for the TUI to load every page, and for the bulk change.") var timeout = 1_800
    @Flag(help: "A small smoke run: 2,000 candidates.") var quick = false
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder, kept (default: a temporary one, removed at the end).", valueName: "path")) var workDir: String?

    static let previewTargetMB = 80.0, bulkTargetMB = 120.0, targetSize = 100_000

    func validate() throws {
        guard size >= 10 else { throw ValidationError("--size must be at least 10") }
    }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        guard ListBench.onPath("tmux") else { throw ValidationError("tmux is needed on PATH") }
        let n = quick ? 2_000 : size
        let (dir, temporary) = try benchFolder(workDir, name: "memory")
        defer { if temporary { try? FileManager.default.removeItem(atPath: dir) } }
        let config = try TmuxPane.writeConfig(in: dir)
        BenchHeader.print(title: "candidates-bench memory: the TUI at \(ListBench.cols)×\(ListBench.rows) with \(n) candidates\(quick ? " (--quick)" : "")",
                          binary: candidatesBinary, workDir: dir + (temporary ? " (removed at the end)" : ""))

        let demoSize = CompanySize.demoSize(forCompanySize: n)
        let seedStart = ContinuousClock.now
        let server = try SandboxChild(binary: candidatesBinary, directory: dir, name: "memory-\(n)", demoSize: demoSize,
                                      perMinute: 1_000_000_000, perHour: 1_000_000_000, startupSeconds: 1_800)
        defer { server.stop() }
        print(String(format: "sandbox with %d in the key's company (demo size %d) listening in %.1f s at %@",
                     n, demoSize, seconds(ContinuousClock.now - seedStart), server.baseURL))

        let started = Date()
        let pane = try TmuxPane(socket: "cbench-\(getpid())-memory", config: config, script: "exec \(shellQuote(candidatesBinary))",
                                environment: FetchBench.tuiEnvironment(server.baseURL, home: dir + "/home-memory"), cols: ListBench.cols, rows: ListBench.rows)
        defer { pane.kill() }
        let screen = try pane.waitForScreen("every page to load", seconds: Double(timeout), interval: 0.25) { ListBench.everyPageLoaded($0) }
        guard let pid = Int32(try pane.display("#{pane_pid}")) else { throw BenchFailure(description: "no pane pid") }
        let loaded = FetchBench.Run.total(screen)
        let mb = { (field: String) in Double(memoryKB(pid: pid, field: field) ?? 0) / 1024 }
        print(String(format: "every page loaded after %.1f s (%d candidates): VmHWM %.1f MB, VmRSS %.1f MB",
                     Date().timeIntervalSince(started), loaded, mb("VmHWM"), mb("VmRSS")) + (loaded == n ? "" : " (expected \(n)!)"))
        let hwmLoaded = mb("VmHWM")

        let t = try pane.openBulkPreview(loaded: loaded)
        let hwmPreview = mb("VmHWM")
        print(String(format: "all %d marked (%.0f ms), bulk menu key %.0f ms, preview open (%.0f ms): VmHWM %.1f MB, VmRSS %.1f MB",
                     loaded, t.markMs, t.menuKeyMs, t.previewMs, hwmPreview, mb("VmRSS")))

        let bulkStart = Date()
        try pane.keys("y")
        var lastSample = Date.distantPast
        var rssSamples: [Double] = []
        let result = try pane.waitForScreen("the bulk result", seconds: Double(timeout), interval: 0.1) { screen in
            if Date().timeIntervalSince(lastSample) >= 1 {
                lastSample = Date()
                rssSamples.append(mb("VmRSS"))
            }
            return screen.contains("Bulk result")
        }
        let hwmBulk = mb("VmHWM")
        let line = result.split(separator: "\n").first { $0.contains("Done") || $0.contains("moved") }.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        print(String(format: "bulk change of %d done after %.1f s: VmHWM %.1f MB, VmRSS %.1f MB; VmRSS every second: %@",
                     loaded, Date().timeIntervalSince(bulkStart), hwmBulk, mb("VmRSS"),
                     Self.curve(rssSamples)) + (line.isEmpty ? "" : "\n  \"\(line)\""))
        try? pane.keys("Escape", "q")

        var table = VerdictTable()
        let judged = n == Self.targetSize
        table.add("peak RSS: \(loaded) loaded", ours: String(format: "%.1f MB", hwmLoaded), target: "", verdict: "")
        table.add("peak RSS: + all marked, preview open", ours: String(format: "%.1f MB", hwmPreview), target: "≤ 80 MB at 100,000",
                  verdict: VerdictTable.verdict(judged ? hwmPreview <= Self.previewTargetMB : nil))
        table.add("peak RSS: + bulk change of all", ours: String(format: "%.1f MB", hwmBulk), target: "≤ 120 MB at 100,000",
                  verdict: VerdictTable.verdict(judged ? hwmBulk <= Self.bulkTargetMB : nil))
        print("")
        table.print(title: "Summary (VmHWM of the TUI process\(judged ? "" : "; the targets are for 100,000, so no verdict at \(n)"))")
        print("machine at the end: \(ListBench.machine())")
    }

    /// At most 12 samples of a curve, evenly picked, as `61 80 95 … MB`.
    static func curve(_ xs: [Double]) -> String {
        guard !xs.isEmpty else { return "none" }
        let step = max(1, xs.count / 12)
        return stride(from: 0, to: xs.count, by: step).map { String(format: "%.0f", xs[$0]) }.joined(separator: " ") + " MB"
    }
}
