import CandidateCore
import Dispatch
import Foundation
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error for the scripted commands (`list`, `bulk-status`).
///
/// Writes go through C stdio, so a closed pipe (`candidates list | head`) ends the program
/// quietly instead of trapping; server text must be sanitized (`DisplayText`) by the caller.
enum Console {
    /// One line on standard output. Exits quietly (status 0) when the reader has gone away.
    static func out(_ line: String) {
        if fputs(line + "\n", StandardStreams.output) < 0 { exit(0) }
    }

    /// Flushes standard output (after each page of a stream, so pipes see lines early).
    static func flush() {
        if fflush(StandardStreams.output) != 0 { exit(0) }
    }

    /// One line on standard error.
    static func err(_ line: String) {
        fputs(line + "\n", StandardStreams.error)
    }

    /// Text on standard error without a newline (progress lines).
    static func errRaw(_ text: String) {
        fputs(text, StandardStreams.error)
        fflush(StandardStreams.error)
    }

    /// Character classification from the environment, falling back to C.UTF-8 when its codeset is
    /// not UTF-8, so `DisplayText` measures wide characters right (only `LC_CTYPE`: numbers stay POSIX).
    static func prepareLocale() {
        setlocale(LC_CTYPE, "")
        if let cs = nl_langinfo(nl_item(CODESET)), String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Turns Ctrl-C (SIGINT) and SIGTERM into a graceful cancel; a second one ends the program at once (status 130).
///
/// A class because it owns the signal sources; the signals seen so far are counted in a lock box.
final class InterruptWatcher {
    private let sources: [DispatchSourceSignal]

    /// Starts watching; `onFirst` runs on a background queue at the first signal.
    init(onFirst: @escaping @Sendable () -> Void) {
        let seen = NIOLockedValueBox(0)
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let n = seen.withLockedValue { count -> Int in count += 1; return count }
                if n == 1 {
                    onFirst()
                } else {
                    Console.err("candidates: interrupted again, stopping now")
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default handlers.
    func stop() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// A one-line progress display on standard error (only when it is a terminal), redrawn at most
/// ten times a second. Copies share the line.
struct ProgressLine: Sendable {
    private let enabled: Bool
    /// When it was last drawn (seconds since 1970) and whether it is on screen.
    private let state = NIOLockedValueBox((lastDraw: 0.0, visible: false))

    init(enabled: Bool = Console.stderrIsTerminal) { self.enabled = enabled }

    /// Shows `text` (already safe for the terminal); `force` draws even if drawn very recently.
    func show(_ text: String, force: Bool = false) {
        guard enabled else { return }
        state.withLockedValue { state in
            let now = Date().timeIntervalSince1970
            guard force || now - state.lastDraw >= 0.1 else { return }
            state.lastDraw = now
            state.visible = true
            Console.errRaw("\r\u{1B}[K" + text)
        }
    }

    /// Removes the line.
    func clear() {
        guard enabled else { return }
        state.withLockedValue { state in
            if state.visible { Console.errRaw("\r\u{1B}[K") }
            state.visible = false
        }
    }
}
