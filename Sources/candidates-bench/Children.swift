import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawnp` (the same way the end-to-end tests start the
/// binary): stdin from /dev/null, stdout and stderr to files.
struct Child {
    let pid: pid_t

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func start(_ argv: [String], stdin: String = "/dev/null", stdout: String = "/dev/null", stderr: String? = nil,
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        // A clean signal state: the calling thread (a Swift concurrency thread) blocks most
        // signals and a child would inherit that (a tmux server then never reaps its panes).
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attr, &noneBlocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in 1..<32 where sig != SIGKILL && sig != SIGSTOP { sigaddset(&defaults, Int32(sig)) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgs, &cEnv)
        guard rc == 0 else { throw Failure(description: "cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return Child(pid: pid)
    }

    /// Waits for the exit; the exit status (128+signal when killed).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    func terminate() {
        kill(pid, SIGTERM)
        wait()
    }

    /// Runs `sh -c script` to the end; returns the exit status and the wall time in seconds.
    static func timedShell(_ script: String, stdout: String, stderr: String, environment: [String: String]) throws -> (status: Int32, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let child = try Child.start(["sh", "-c", script], stdout: stdout, stderr: stderr, environment: environment)
        let status = child.wait()
        return (status, seconds(clock.now - start))
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Runs `argv` to the end with stdout and stderr in a temporary file; the exit status and the output.
func runCapturing(_ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (status: Int32, output: String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("candidates-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let child = try Child.start(argv, stdout: out, environment: environment)
    let status = child.wait()
    let text = FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return (status, text)
}

/// Single-quotes for sh.
func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
