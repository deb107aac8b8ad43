import NIOCore
import NIOPosix

/// The scripted commands run Swift concurrency's tasks on the HTTP client's own event-loop
/// threads (SwiftNIO's singleton group) instead of a separate thread pool: every request's
/// answer then resumes its task on the thread that read it, not after a hand-over to another
/// thread, which costs `bulk-status` less CPU per request (docs/performance.md). The editor
/// keeps the default pool: its loop thread, the embedded sandbox and the page decoding are
/// better apart from the network threads.
enum ConcurrencyOnEventLoops {
    /// Installs the event loops as the global executor when `command` is a scripted command.
    /// Must run first in `main`, before any task is started, and once.
    static func install(for command: String?) {
        guard let command, Scripting.commandNames.contains(command) else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
