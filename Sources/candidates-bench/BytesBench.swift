import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `candidates-bench bytes`: the bytes the editor writes to its terminal in one scripted session,
/// in the default mode and with `--low-bandwidth`. The session (`BytesSession`): open, scroll
/// 200 rows, open a form, edit a field, save, mark 50, a bulk status change through the
/// preview. Several runs of each mode, alternating, each on a fresh copy of one seeded
/// database; medians, the ratio and the verdict (low-bandwidth at most half).
struct BytesBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bytes",
        abstract: "Bytes written to the terminal in a scripted session, default mode vs --low-bandwidth."
    )

    @Option(help: "Candidates in the sandbox; the TUI's key's company gets about 70% (14,286 gives it 10,000).") var demoSize = 14_286
    @Option(help: "Runs of each mode.") var runs = 3
    @Option(help: "Milliseconds between keys while scrolling and marking (33: a key repeat of 30 a second).") var keyIntervalMs = 33
    @Option(help: "Rows scrolled with Down.") var scrollRows = 200
    @Option(help: "Candidates marked with Space.") var markCount = 50
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder, kept (default: a temporary one, removed at the end).", valueName: "path")) var workDir: String?

    static let cols = 80, rows = 24

    func validate() throws {
        guard demoSize >= 1_000 else { throw ValidationError("--demo-size must be at least 1000") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be 1...20") }
        guard (5...1_000).contains(keyIntervalMs) else { throw ValidationError("--key-interval-ms must be 5...1000") }
        guard (20...2_000).contains(scrollRows), (1...500).contains(markCount) else { throw ValidationError("--scroll-rows 20...2000, --mark-count 1...500") }
    }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        guard ListBench.onPath("tmux") else { throw ValidationError("tmux is needed on PATH") }
        let (dir, temporary) = try benchFolder(workDir, name: "bytes")
        defer { if temporary { try? FileManager.default.removeItem(atPath: dir) } }
        let tmuxConfig = try TmuxPane.writeConfig(in: dir)

        print("candidates-bench bytes: one scripted session at \(Self.cols)×\(Self.rows) in tmux, default mode vs --low-bandwidth, \(runs) runs each")
        print("session: open · \(scrollRows)× Down · Enter (form) · edit Last name · F2, y (save) · \(markCount)× Space · s, REJECTED, y (bulk) · Esc · q")
        print("keys while scrolling and marking: one every \(keyIntervalMs) ms")
        print("binary: \(candidatesBinary)")
        print("machine: \(ListBench.machine())")
        print("work folder: \(dir)\(temporary ? " (removed at the end)" : "")\n")

        // One seeded database; every run gets a fresh copy, so each makes the same changes.
        let seedStart = ContinuousClock.now
        let seeding = try SandboxChild(binary: candidatesBinary, directory: dir, name: "seed", demoSize: demoSize,
                                       perMinute: 1_000_000_000, perHour: 1_000_000_000, startupSeconds: 600)
        let rowsInOrder = try await Self.names(baseURL: seeding.baseURL, through: scrollRows)
        seeding.stop()
        print(String(format: "sandbox seeded in %.1f s; row %d is %@\n", seconds(ContinuousClock.now - seedStart), scrollRows, rowsInOrder[scrollRows]))

        var results: [String: [BytesSession.Result]] = [:]
        for run in 1...runs {
            for mode in BytesSession.Mode.allCases {
                let name = "\(mode.rawValue)-\(run)"
                let db = dir + "/\(name).sqlite"
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: db + suffix)
                    if FileManager.default.fileExists(atPath: dir + "/seed.sqlite" + suffix) {
                        try FileManager.default.copyItem(atPath: dir + "/seed.sqlite" + suffix, toPath: db + suffix)
                    }
                }
                let server = try SandboxChild(binary: candidatesBinary, directory: dir, name: name, keepDatabase: true, demoSize: demoSize,
                                              perMinute: 1_000_000_000, perHour: 1_000_000_000)
                defer { server.stop() }
                let session = BytesSession(binary: candidatesBinary, baseURL: server.baseURL, dir: dir, config: tmuxConfig, name: name,
                                           mode: mode, keyInterval: Double(keyIntervalMs) / 1000, scrollRows: scrollRows,
                                           markCount: markCount, cursorRowName: rowsInOrder[scrollRows], cols: Self.cols, rows: Self.rows)
                let r = try session.run(lastName: "Bytes\(run)")
                let pages = server.requests().filter {
                    $0["method"]?.stringValue == "GET" && $0["path"]?.stringValue == "/candidates" && $0["query"]?["page"] != nil
                }.count
                print("   \(pad(name, 14)) \(r.total) B  (\(r.phaseLine))  colour SGR: \(r.colorSequences)  list pages asked: \(pages)")
                results[mode.rawValue, default: []].append(r)
            }
        }

        let normal = results[BytesSession.Mode.normal.rawValue] ?? []
        let low = results[BytesSession.Mode.low.rawValue] ?? []
        let mNormal = Stats.median(normal.map(\.total)), mLow = Stats.median(low.map(\.total))
        let ratio = mLow / mNormal
        print("\nmedians of \(runs) runs, bytes written to the terminal:")
        print("   phase            " + pad("default", 10) + " low-bandwidth")
        for (i, phase) in BytesSession.phases.enumerated() {
            let a = Stats.median(normal.map { $0.phaseBytes[i] }), b = Stats.median(low.map { $0.phaseBytes[i] })
            print("   " + pad(phase, 16) + " " + pad(String(format: "%.0f", a), 10) + " " + String(format: "%.0f", b))
        }
        print("   " + pad("total", 16) + " " + pad(String(format: "%.0f", mNormal), 10) + " " + String(format: "%.0f", mLow))
        print(String(format: "ratio low-bandwidth / default: %.2f — target ≤ 0.50: %@", ratio, ratio <= 0.5 ? "met" : "NOT met"))
        print("machine at the end: \(ListBench.machine())")
    }

    /// The full names of the key's candidates in the server's order, rows 0…`through`.
    static func names(baseURL: String, through row: Int) async throws -> [String] {
        let setup = try Setup(baseURL: baseURL)
        var names: [String] = []
        var page = 1
        while names.count <= row {
            let items = try await setup.client.listCandidates(CandidateQuery(page: page, limit: 100)).value.items
            guard !items.isEmpty else { throw ValidationError("the key's company has only \(names.count) candidates; raise --demo-size") }
            names += items.map(\.fullName)
            page += 1
        }
        return names
    }
}
