import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawnp` and reaped with `waitpid`. Foundation's
/// `Process` can miss the exit of a child that forks a daemon (tmux does), so the harness
/// starts programs itself.
struct Spawned {
    let pid: pid_t

    /// Starts `argv` (searched in PATH) with stdout and stderr appended to `outputPath`
    /// (or /dev/null) and stdin from /dev/null.
    static func start(_ argv: [String], outputPath: String? = nil, environment: [String: String]? = nil) throws -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        // A clean signal state: the calling thread (a Swift concurrency thread) blocks most
        // signals, and a child would inherit that — a tmux server then never reaps its panes
        // and ignores kill-server.
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
        guard rc == 0 else { throw TimedOut(description: "cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return Spawned(pid: pid)
    }

    /// Waits for the exit and returns the status (128+signal when killed).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Whether it still runs (reaps it when it ended).
    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    func signal(_ sig: Int32) { kill(pid, sig) }

    /// Runs to completion and returns the combined output.
    static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = try start(argv, outputPath: out, environment: environment)
        let status = p.wait()
        let text = FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (status, text)
    }
}
