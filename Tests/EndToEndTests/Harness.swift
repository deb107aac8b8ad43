import CandidateCore
import ChildProcess
import Foundation
import GRDB
import Testing

/// Where the package's built `candidates` binary is (`swift test` builds it beside the tests).
enum Binary {
    static var path: String {
        if let p = ProcessInfo.processInfo.environment["CANDIDATES_BINARY"] { return p }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in [".build/debug", ".build/release"] {
            let p = root.appendingPathComponent(folder).appendingPathComponent("candidates").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/candidates").path
    }
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("candidates-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

struct TimedOut: Error, CustomStringConvertible {
    var description: String
}

/// Polls `condition` every 50 ms until it is true or `seconds` pass.
func waitUntil(_ what: String, seconds: Double = 20, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    if try condition() { return }
    throw TimedOut(description: "timed out after \(seconds) s waiting for \(what)")
}

/// `candidates serve` on a free port with its own database and request log.
final class SandboxProcess {
    let process: ChildProcess
    let baseURL: String
    let databasePath: String
    let requestLogPath: String
    let outputPath: String

    init(dir: TempDir, extraArguments: [String] = []) throws {
        databasePath = dir.file("sandbox.sqlite")
        requestLogPath = dir.file("requests.jsonl")
        outputPath = dir.file("serve.out")
        process = try ChildProcess.start([Binary.path, "serve", "--port", "0", "--db", databasePath, "--request-log", requestLogPath] + extraArguments,
                                         stdout: .file(outputPath, append: true))
        var url: String?
        let outputPath = self.outputPath
        let process = self.process
        try? waitUntil("the sandbox to listen", seconds: 60) {
            let text = FileManager.default.contents(atPath: outputPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let r = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) { url = String(text[r]) }
            return url != nil || !process.isRunning
        }
        guard let url else {
            process.signal(SIGKILL)
            process.wait()
            let text = FileManager.default.contents(atPath: outputPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw TimedOut(description: "candidates serve did not start: \(text)")
        }
        baseURL = url
    }

    deinit {
        process.signal(SIGTERM)
        process.wait()
    }

    /// The request log, one decoded JSON object per line.
    func requests() throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: requestLogPath) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    /// Logged requests with this method.
    func requests(method: String) throws -> [JSONValue] {
        try requests().filter { $0["method"]?.stringValue == method }
    }

    /// One column of a candidate row, read from the SQLite file directly.
    func column(_ column: String, candidate id: String) throws -> String? {
        let queue = try DatabaseQueue(path: databasePath)
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT \(column) FROM candidate WHERE id = ?", arguments: [id]) }
    }

    func client(key: String = "sk_test_northwind") throws -> CandidatesClient {
        CandidatesClient(configuration: try APIConfiguration(baseURL: baseURL, apiKey: key, timeout: 5))
    }
}

/// A tmux server of its own running one program in a W×H pane: keys in, screen text out.
final class TmuxSession {
    let socket = "candidates-e2e-\(UUID().uuidString.prefix(8))"
    let name = "e2e"

    /// Starts `command` (run by sh) with `env` in a detached session of `cols`×`rows`.
    init(command: String, env: [String: String], cols: Int = 110, rows: Int = 32) throws {
        // Drafts and the embedded sandbox's data go to a folder of this session, never the user's.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("candidates-e2e-home-\(UUID().uuidString)").path
        stateFolder = home
        var environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
                           "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
                           // Never the user's config file (its profile, keys and sort would apply).
                           "XDG_CONFIG_HOME": home + "/config", "CANDIDATES_PROFILE": ""]
        environment.merge(env) { $1 }
        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value));" }.joined(separator: " ")
        // The server this starts outlives the call: give it no pipe to hold open.
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", String(cols), "-y", String(rows), "sh", "-c", exports + " " + command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// The session's own XDG folders (state and data).
    let stateFolder: String

    deinit {
        // tmux leaves its socket file behind after kill-server: ask for the path first, then
        // remove that one file (and only a socket of this session's own name).
        let reported = (try? tmux(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? tmux(["kill-server"])
        // Not a path (e.g. "no server running on …" when the server had already ended): the known directory.
        let path = reported.flatMap { $0.hasPrefix("/") && !$0.contains("\n") ? $0 : nil } ?? socketPath
        Self.removeSocketFile(path, named: socket)
        try? FileManager.default.removeItem(atPath: stateFolder)
    }

    /// Where tmux puts the socket of `-L socket`: `$TMUX_TMPDIR` (default /tmp), `tmux-<uid>/`.
    var socketPath: String {
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return base + "/tmux-\(getuid())/" + socket
    }

    /// Removes `path` when it is a socket whose file name is `name`; anything else is left alone.
    static func removeSocketFile(_ path: String, named name: String) {
        guard (path as NSString).lastPathComponent == name else { return }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK else { return }
        unlink(path)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        // A new server outlives the call, so it must not hold an output pipe: use files.
        return try ChildProcess.run(["tmux", "-L", socket] + args, environment: env).output
    }

    /// The real binary against a sandbox with a company key and no colour; after it exits the
    /// shell prints `EXIT=<status>` and waits.
    static func tui(_ sandbox: SandboxProcess, key: String = "sk_test_northwind", extraEnv: [String: String] = [:],
                    cols: Int = 110, rows: Int = 32) throws -> TmuxSession {
        var env = ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": key, "NO_COLOR": "1"]
        env.merge(extraEnv) { $1 }
        return try TmuxSession(command: quote(Binary.path) + "; echo \"EXIT=$?\"; sleep 600", env: env, cols: cols, rows: rows)
    }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Sends tmux key names (`Enter`, `Tab`, `C-u`, `F2`, `Escape`, `Down`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Waits until the screen contains `text`; the error shows the last screen.
    func waitFor(_ text: String, seconds: Double = 20) throws {
        var last = ""
        do {
            try waitUntil("\"\(text)\" on screen", seconds: seconds) {
                last = try screen()
                return last.contains(text)
            }
        } catch {
            throw TimedOut(description: "\(error)\n--- screen ---\n\(last)")
        }
    }

    /// Waits until the screen matches a regular expression.
    func waitForMatch(_ pattern: String, seconds: Double = 20) throws {
        var last = ""
        do {
            try waitUntil("/\(pattern)/ on screen", seconds: seconds) {
                last = try screen()
                return last.range(of: pattern, options: .regularExpression) != nil
            }
        } catch {
            throw TimedOut(description: "\(error)\n--- screen ---\n\(last)")
        }
    }

    /// Waits until the screen no longer contains `text`.
    func waitForAbsence(_ text: String, seconds: Double = 20) throws {
        try waitUntil("\"\(text)\" gone", seconds: seconds) { !(try screen().contains(text)) }
    }
}

extension SandboxProcess {
    /// Every candidate of the Northwind company (at `status`), read page by page over HTTP.
    func allCandidates(status: CandidateStatus? = nil) async throws -> [Candidate] {
        var out: [Candidate] = []
        for try await page in try client().allCandidates(CandidateQuery(status: status)) { out += page.items }
        return out
    }
}
