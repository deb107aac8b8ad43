#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
/// glibc 2.34+: close every descriptor from `fd` up in the spawned child (the Glibc module
/// does not export it).
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ fd: Int32) -> Int32
#endif

/// A program started with `posix_spawnp` and reaped with `waitpid`.
///
/// The child starts in the caller's process group (so it may be the terminal's foreground
/// group: an editor handed the terminal reads it and changes its modes without SIGTTIN or
/// SIGTTOU), with no signal blocked and every signal at its default action (a Swift
/// concurrency thread blocks most signals, and a child that inherited that — a tmux server —
/// would never reap its panes), and with no descriptor of the caller's beyond 0–2.
/// Foundation's `Process` starts a new process group and can miss the exit of a child that
/// forks a daemon (tmux does); this type does neither.
public struct ChildProcess: Sendable {
    /// The child's process id.
    public let pid: Int32

    /// Where one of the child's standard descriptors (0, 1, 2) points.
    public enum Stream: Sendable, Equatable {
        /// The caller's own descriptor (the terminal, for an editor).
        case inherit
        /// `/dev/null`.
        case null
        /// A file: read for standard input; for output created (mode 0644) and emptied, or
        /// appended to when `append`.
        case file(String, append: Bool = false)
        /// Standard error only: wherever standard output goes.
        case standardOutput
    }

    /// A program that could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `argv` (`argv[0]` searched in `PATH` when it has no `/`).
    /// - Parameters:
    ///   - environment: the child's environment; `nil` passes the caller's as it is.
    /// - Throws: `SpawnError` when `posix_spawnp` fails (no such program, not executable).
    public static func start(_ argv: [String], stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .standardOutput,
                             environment: [String: String]? = nil) throws -> ChildProcess {
        precondition(!argv.isEmpty, "a program to run")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit: break
            case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path, let append):
                let flags = fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
                posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0o644)
            case .standardOutput: posix_spawn_file_actions_adddup2(&actions, 1, fd)
            }
        }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attr, &noneBlocked)
        var allDefault = sigset_t()
        sigfillset(&allDefault)
        posix_spawnattr_setsigdefault(&attr, &allDefault)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Glibc)
        _ = addCloseFrom(&actions, 3)
        #elseif canImport(Darwin)
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addinherit_np(&actions, fd) }
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attr, Int16(flags))

        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc: Int32
        if let environment {
            var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { cEnv.forEach { free($0) } }
            rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgs, &cEnv)
        } else {
            rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgs, environ)
        }
        guard rc == 0 else { throw SpawnError(description: "cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return ChildProcess(pid: pid)
    }

    /// Waits for the exit; the exit status, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Self.exitStatus(status)
    }

    /// Whether it still runs (reaps it when it has ended).
    public var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Sends `sig` (e.g. `SIGTERM`).
    public func signal(_ sig: Int32) { kill(pid, sig) }

    /// SIGTERM, then waits for the exit.
    public func terminate() {
        signal(SIGTERM)
        wait()
    }

    /// `waitpid`'s status as a shell reports it: the exit code, or 128 + the signal.
    static func exitStatus(_ status: Int32) -> Int32 {
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}
