import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server of its own (`tmux -L <socket>`) running one program in a W×H pane: keys in,
/// screen text and pane output out. Like the end-to-end tests' harness; `kill()` ends the server.
final class TmuxPane {
    let socket: String
    let session = "bench"
    private var killed = false

    /// Starts `script` (run by `sh -c`) with `environment` exported in a detached `cols`×`rows`
    /// session. The server reads `config` (written by `writeConfig`): no status line, so the
    /// pane is the whole `cols`×`rows` from the start, and no user configuration.
    init(socket: String, config: String, script: String, environment: [String: String], cols: Int = 80, rows: Int = 24) throws {
        self.socket = socket
        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuote($0.value));" }.joined(separator: " ")
        try tmux(["-f", config, "-u", "new-session", "-d", "-s", session, "-x", String(cols), "-y", String(rows), "sh", "-c", exports + " " + script])
    }

    /// A tmux configuration for the bench's servers.
    static func writeConfig(in dir: String) throws -> String {
        let path = dir + "/tmux.conf"
        // remain-on-exit keeps a crashed program's last screen visible.
        try "set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    deinit { kill() }

    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file behind after kill-server.
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(base)/tmux-\(getuid())/\(socket)")
    }

    static var clientEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        // The panes inherit the server's environment: nothing of the caller's API settings or pagers.
        for k in env.keys where k.hasPrefix("INSTAVIEW_") || k.hasPrefix("LESS") || k.hasPrefix("FZF_") || k == "CANDIDATES_LOG" || k.lowercased().hasSuffix("_proxy") {
            env.removeValue(forKey: k)
        }
        return env
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        // A new server outlives the call, so it must not hold an output pipe: runCapturing uses a file.
        let r = try ChildProcess.run(["tmux", "-L", socket] + args, environment: Self.clientEnvironment)
        guard r.status == 0 else { throw BenchFailure(description: "tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.output)") }
        return r.output
    }

    /// The visible screen as text (no attributes).
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Sends tmux key names (`Down`, `Enter`, `q`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", session] + names) }

    /// A pane format value, e.g. `#{pane_pid}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends everything the program writes to its terminal to `file` (`pipe-pane -o`).
    func pipeOutput(to file: String) throws {
        try tmux(["pipe-pane", "-o", "-t", session, "cat >> \(shellQuote(file))"])
    }

    func stopPiping() throws { try tmux(["pipe-pane", "-t", session]) }

    /// Polls `condition` on the screen every `interval` seconds until it holds or `seconds` pass;
    /// returns the last screen, or throws with it.
    @discardableResult
    func waitForScreen(_ what: String, seconds: Double, interval: Double = 0.05, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: interval)
        } while Date() < deadline
        throw BenchFailure(description: "timed out after \(Int(seconds)) s waiting for \(what)\n--- screen ---\n\(last)")
    }
}

/// A file's size in bytes (0 when missing).
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

/// Waits until `path` stops growing: its size unchanged for `quiet` seconds (at most `limit`
/// seconds). Returns the final size.
func waitForQuiet(_ path: String, quiet: Double = 0.5, limit: Double = 10) -> Int {
    let deadline = Date().addingTimeInterval(limit)
    var size = fileSize(path)
    var stableSince = Date()
    while Date() < deadline {
        Thread.sleep(forTimeInterval: 0.02)
        let now = fileSize(path)
        if now != size {
            size = now
            stableSince = Date()
        } else if Date().timeIntervalSince(stableSince) >= quiet {
            break
        }
    }
    return size
}

/// Wall-clock time in nanoseconds since the epoch (comparable with `date +%s%N`).
func realtimeNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// `VmHWM` / `VmRSS` of a process from /proc, in kB.
func memoryKB(pid: Int32, field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
    return nil
}

/// Bytes shown readably: printable ASCII as is, ESC as `\e`, other bytes as `\xNN`.
func visible(_ bytes: [UInt8]) -> String {
    var s = ""
    for b in bytes {
        switch b {
        case 0x1B: s += "\\e"
        case 0x0D: s += "\\r"
        case 0x0A: s += "\\n"
        case 0x08: s += "\\b"
        case 0x20...0x7E: s.append(Character(UnicodeScalar(b)))
        default: s += String(format: "\\x%02X", b)
        }
    }
    return s
}
