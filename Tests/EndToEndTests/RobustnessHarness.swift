import CandidateCore
import Foundation
import GRDB
import Testing

/// Every robustness end-to-end suite, nested here so they run one after another (they
/// measure deadlines; running them side by side on two cores would make those flaky).
@Suite(.serialized, .requires(.tmux), .ownThread)
struct Robustness {}

/// One run of the TUI in its own tmux pane, with the evidence the robustness tests need:
/// the raw bytes the program wrote (tmux `pipe-pane`), `stty -g` before and after, the exit
/// status, and the program's pid.
///
/// The pane runs `sh -c`: wait for a go file (so `pipe-pane` is attached before the first
/// byte), save `stty -g`, run the program, print `EXIT=<status>`, save `stty -g` again.
final class TUIRun {
    let session: TmuxSession
    let dir: TempDir
    let rawPath: String
    let beforePath: String
    let afterPath: String
    let pidPath: String
    let goPath: String

    /// - Parameters:
    ///   - env: environment for the program (on top of the harness's LANG/TERM defaults).
    ///   - program: the shell words that start the program; `$BIN` is the binary. `exec` it
    ///     from a subshell that first writes its pid: `(echo $$ > pidfile; exec $BIN)`.
    ///   - shell: run the whole thing in an interactive bash instead (job control, for Ctrl-Z).
    init(env: [String: String], program: String = "\"$BIN\"", cols: Int = 110, rows: Int = 32) throws {
        dir = try TempDir()
        rawPath = dir.file("raw.out")
        beforePath = dir.file("stty.before")
        afterPath = dir.file("stty.after")
        pidPath = dir.file("program.pid")
        goPath = dir.file("go")
        var environment = env
        environment["BIN"] = Binary.path
        let q = TmuxSession.quote
        let script = [
            "ulimit -c 0",
            "while [ ! -e \(q(goPath)) ]; do sleep 0.02; done",
            "stty -g > \(q(beforePath))",
            "sh -c 'echo $$ > \"$1\"; exec \(program.replacingOccurrences(of: "'", with: "'\\''"))' pidsh \(q(pidPath))",
            "echo \"EXIT=$?\"",
            "stty -g > \(q(afterPath))",
            "sleep 600",
        ].joined(separator: "; ")
        session = try TmuxSession(command: script, env: environment, cols: cols, rows: rows)
        // A second window keeps the tmux server (the pane's reaper) alive if the pane is killed.
        try session.tmux(["new-window", "-d", "-t", session.name, "sleep 600"])
        try session.tmux(["pipe-pane", "-o", "-t", session.name + ":0", "cat >> " + q(rawPath)])
        _ = FileManager.default.createFile(atPath: goPath, contents: nil)
    }

    /// The program's pid once it started.
    func pid() throws -> pid_t {
        var pid: pid_t = 0
        try waitUntil("the program's pid file") {
            let text = (try? String(contentsOfFile: pidPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            pid = pid_t(text) ?? 0
            return pid > 0
        }
        return pid
    }

    /// Waits for the exit line and returns the status the shell saw.
    func exitStatus(seconds: Double = 10) throws -> Int32 {
        var status: Int32?
        var last = ""
        do {
            try waitUntil("EXIT= on screen", seconds: seconds) {
                last = try session.screen()
                guard let r = last.range(of: #"EXIT=[0-9]+"#, options: .regularExpression) else { return false }
                status = Int32(last[r].dropFirst(5))
                return true
            }
        } catch {
            throw TimedOut(description: "\(error)\n--- screen ---\n\(last)")
        }
        return status ?? -1
    }

    /// `stty -g` from before the program started and after it ended (waits for the second).
    func sttyBeforeAfter() throws -> (before: String, after: String) {
        try waitUntil("stty -g after the program", seconds: 10) {
            !(((try? String(contentsOfFile: afterPath, encoding: .utf8)) ?? "").isEmpty)
        }
        let before = try String(contentsOfFile: beforePath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let after = try String(contentsOfFile: afterPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return (before, after)
    }

    /// Every byte the program wrote to the terminal so far. tmux hands the pane's output to
    /// `pipe-pane`'s `cat` asynchronously, so the last bytes can reach the file after the
    /// screen shows them: the file is read once it has not grown for 0.2 s (at most 3 s).
    func raw() -> RawOutput {
        var size = -1
        var stableSince = Date()
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            let now = (try? FileManager.default.attributesOfItem(atPath: rawPath)[.size] as? Int) ?? 0
            if now != size {
                size = now
                stableSince = Date()
            } else if Date().timeIntervalSince(stableSince) >= 0.2 {
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return RawOutput(bytes: FileManager.default.contents(atPath: rawPath).map { [UInt8]($0) } ?? [])
    }

    /// The pane's tty device (for `stty -a -F` while the program runs).
    func paneTTY() throws -> String {
        try session.tmux(["display-message", "-p", "-t", session.name + ":0", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Bytes written to a terminal; describes itself by size so a failed expectation does not
/// print tens of kilobytes.
struct RawOutput: CustomStringConvertible {
    let bytes: [UInt8]
    func contains(_ text: String) -> Bool { bytes.contains(text) }
    func contains(bytes needle: [UInt8]) -> Bool { bytes.contains(bytes: needle) }
    var description: String { "\(bytes.count) bytes of terminal output" }
}

/// Whether a process (not necessarily our child) has ended: gone, or a zombie.
func processEnded(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    // "pid (comm) S …": the state follows the last ')'.
    guard let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state == "Z" || state == "X"
}

/// Seconds until `pid` ends, or `nil` when it still runs after `limit` seconds.
func secondsUntilEnded(_ pid: pid_t, limit: Double) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < limit {
        if processEnded(pid) { return Date().timeIntervalSince(start) }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return processEnded(pid) ? Date().timeIntervalSince(start) : nil
}

extension [UInt8] {
    /// Whether `needle` occurs in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        while i + needle.count <= count {
            if self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    func contains(_ text: String) -> Bool { contains(bytes: Array(text.utf8)) }

    /// The last position of `text`, or nil.
    func lastIndex(of text: String) -> Int? {
        let needle = Array(text.utf8)
        guard needle.count <= count else { return nil }
        var i = count - needle.count
        while i >= 0 {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// SGR (`ESC [ … m`) parameter lists in the bytes.
    func sgrParameters() -> [[Int]] {
        var out: [[Int]] = []
        var i = 0
        while i + 2 < count {
            if self[i] == 0x1B && self[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < count, (self[j] >= 0x30 && self[j] <= 0x3F) { j += 1 }
                if j < count && self[j] == UInt8(ascii: "m") {
                    let params = String(decoding: self[(i + 2)..<j], as: UTF8.self)
                    out.append(params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
                }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}

/// Writes candidates straight into the sandbox's SQLite file.
enum SandboxRows {
    /// The company the default sandbox key (`sk_test_northwind`) sees.
    static func companyId(_ sandbox: SandboxProcess, candidateId: String) throws -> String {
        try #require(try sandbox.column("companyId", candidate: candidateId))
    }

    /// Inserts a candidate created in the future, so it is listed first (newest first).
    /// `order` 0 is the newest.
    static func insert(_ sandbox: SandboxProcess, company: String, id: String = UUID().uuidString.lowercased(),
                       firstName: String, lastName: String, email: String? = nil, phone: String? = nil,
                       status: String = "APPLIED", metadata: String? = nil, cvText: String? = nil, order: Int = 0) throws -> String {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        let created = String(format: "2099-01-01T00:%02d:%02d.000Z", 59 - order / 60, 59 - order % 60)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO candidate (id, companyId, firstName, lastName, email, phoneNumber, status, metadata,
                                       cvText, createdAt, updatedAt, searchText)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, company, firstName, lastName, email, phone, status, metadata, cvText, created, created,
                                 (firstName + " " + lastName).lowercased()])
        }
        return id
    }
}

extension TmuxSession {
    /// Sends raw bytes to the pane (e.g. an escape sequence), as a terminal would.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", name + ":0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func sendBytes(_ text: String) throws { try sendBytes(Array(text.utf8)) }

    /// Pastes text the way a terminal does: bracketed when the program turned bracketed paste on.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "e2e-paste", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", name + ":0"])
    }

    /// The screen's lines.
    func lines() throws -> [String] { try screen().components(separatedBy: "\n") }
}

/// Starts the sandbox and returns it with the northwind company id and the first candidate.
func startSandbox(_ dir: TempDir) async throws -> (SandboxProcess, company: String, first: Candidate) {
    let sandbox = try SandboxProcess(dir: dir)
    let page = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value
    let first = try #require(page.items.first)
    return (sandbox, try SandboxRows.companyId(sandbox, candidateId: first.id), first)
}
