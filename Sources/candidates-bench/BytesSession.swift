import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One scripted editor session in a tmux pane of its own, everything the program writes to its
/// terminal recorded with `pipe-pane` from before it starts until it exits. Every step waits for
/// what it needs on the screen with a deadline; keys that scroll and mark are sent at a steady
/// rate (a held key), never waited out with a fixed sleep.
struct BytesSession {
    /// The editor's mode for the run.
    enum Mode: String, CaseIterable {
        case normal = "default"
        case low = "low-bandwidth"
    }

    /// What a run wrote: bytes per phase (`phases`), the total and the colour sequences in it.
    struct Result {
        var phaseBytes: [Int]
        var total: Int
        var colorSequences: Int
        var phaseLine: String {
            zip(BytesSession.phases, phaseBytes).map { "\($0) \($1)" }.joined(separator: " · ")
        }
    }

    /// The session's steps, in order; a phase's bytes are those written from the end of the
    /// one before until its own screen condition held.
    static let phases = ["open", "scroll", "form", "edit+save", "mark", "bulk", "quit"]

    let binary: String
    let baseURL: String
    let dir: String
    let config: String
    let name: String
    let mode: Mode
    /// Seconds between the keys of a held key.
    let keyInterval: Double
    let scrollRows: Int
    let markCount: Int
    /// The full name of row `scrollRows` in the server's order: the cursor's row after scrolling.
    let cursorRowName: String
    let cols: Int
    let rows: Int

    func run(lastName: String) throws -> Result {
        let home = dir + "/home-\(name)"
        let env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
                   "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
                   "INSTAVIEW_BASE_URL": baseURL, "INSTAVIEW_API_KEY": ListBench.key, "NO_PROXY": "127.0.0.1"]
        let flags = mode == .low ? " --low-bandwidth" : ""
        // The shell waits for a line, so the recording starts before the program's first byte.
        let pane = try TmuxPane(socket: "cbench-\(getpid())-\(name)", config: config,
                                script: "read _; exec \(shellQuote(binary))\(flags)", environment: env, cols: cols, rows: rows)
        defer { pane.kill() }
        let out = dir + "/\(name).bin"
        try? FileManager.default.removeItem(atPath: out)
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        try pane.pipeOutput(to: out)
        var marks: [Int] = []
        func phaseDone() { marks.append(fileSize(out)) }

        try pane.keys("Enter")
        try pane.waitForScreen("the first rows", seconds: 30) { ListBench.hasCandidateRow($0) && $0.contains(" candidates") }
        phaseDone()

        try held("Down", times: scrollRows, on: pane)
        // The cursor on row `scrollRows`: the default view scrolls row by row, so it is the last
        // row shown; the low-bandwidth view jumps, and its arrow marks the row.
        let lastListRow = rows - 3
        let shownName = String(cursorRowName.prefix(6))
        try pane.waitForScreen("the cursor on row \(scrollRows)", seconds: 60) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            if mode == .low { return lines.contains { $0.dropFirst().hasPrefix(">" + shownName) } }
            return lines.count > lastListRow && lines[lastListRow].contains(shownName)
        }
        phaseDone()

        try pane.keys("Enter")
        try pane.waitForScreen("the form", seconds: 30) { $0.contains("GDPR expiry") && $0.contains("Edit \(cursorRowName)") }
        phaseDone()

        try pane.keys("Tab", "C-u")
        try pane.tmux(["send-keys", "-t", pane.session, "-l", lastName])
        try pane.waitForScreen("the typed last name", seconds: 30) { $0.contains(lastName) }
        try pane.keys("F2")
        try pane.waitForScreen("the save question", seconds: 30) { $0.contains("Send these changes? (y/N)") }
        try pane.keys("y")
        try pane.waitForScreen("the list after saving", seconds: 30) { $0.contains("Saved Last name") && !$0.contains("GDPR expiry") }
        phaseDone()

        try held("Space", times: markCount, on: pane)
        try pane.waitForScreen("\(markCount) marked", seconds: 60) { $0.contains("\(markCount) marked") }
        phaseDone()

        try pane.keys("s")
        try pane.waitForScreen("the bulk menu", seconds: 30) { $0.contains("Move \(markCount) marked to") }
        // REJECTED is the fourth status in the bulk menu's order.
        try pane.keys("Down", "Down", "Down", "Enter")
        try pane.waitForScreen("the preview", seconds: 30) { $0.contains("Bulk status change") && $0.contains("(y/N)") }
        try pane.keys("y")
        try pane.waitForScreen("the bulk result", seconds: 120) { $0.contains("Bulk result") }
        try pane.keys("Escape")
        try pane.waitForScreen("the result closed", seconds: 30) { !$0.contains("Bulk result") }
        phaseDone()

        try pane.keys("q")
        let deadline = Date().addingTimeInterval(30)
        while (try? pane.display("#{pane_dead}")) != "1" {
            guard Date() < deadline else { throw BenchFailure(description: "the editor did not exit within 30 s of q") }
            usleep(20_000)
        }
        try? pane.stopPiping()
        let total = waitForQuiet(out, quiet: 0.3, limit: 5)
        marks.append(total)

        let bytes = [UInt8](FileManager.default.contents(atPath: out) ?? Data())
        var phaseBytes: [Int] = []
        var previous = 0
        for m in marks {
            phaseBytes.append(m - previous)
            previous = m
        }
        return Result(phaseBytes: phaseBytes, total: total, colorSequences: ColorSequences.count(in: bytes))
    }

    /// `key` sent `times` times, one every `keyInterval` seconds on a fixed schedule (a held
    /// key's repeat), whatever the program draws meanwhile.
    func held(_ key: String, times: Int, on pane: TmuxPane) throws {
        let start = Date()
        for i in 0..<times {
            let due = start.addingTimeInterval(Double(i) * keyInterval)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
            try pane.keys(key)
        }
    }
}
