import CandidateCore
import Dispatch
import Foundation
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
        if fputs(line + "\n", stdout) < 0 { exit(0) }
    }

    /// Flushes standard output (after each page of a stream, so pipes see lines early).
    static func flush() {
        if fflush(stdout) != 0 { exit(0) }
    }

    /// One line on standard error.
    static func err(_ line: String) {
        fputs(line + "\n", stderr)
    }

    /// Text on standard error without a newline (progress lines).
    static func errRaw(_ text: String) {
        fputs(text, stderr)
        fflush(stderr)
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

/// A status named on the command line: the API's enum, case-insensitive, `-` or `_` alike
/// (`rejected`, `in-process`). Anything else is a usage problem (only the enum may be sent).
func parseStatus(_ raw: String, option: String) throws -> CandidateStatus {
    let normalized = raw.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "-", with: "_")
    let status = CandidateStatus(normalized)
    guard status.isKnown else {
        throw UsageProblem("\(option): unknown status \"\(DisplayText.sanitize(raw))\"; use one of "
                           + CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", "))
    }
    return status
}

/// Turns Ctrl-C (SIGINT) and SIGTERM into a graceful cancel; a second one ends the program at once (status 130).
final class InterruptWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0

    /// Starts watching; `onFirst` runs on a background queue at the first signal.
    init(onFirst: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let n = self.lock.withLock { () -> Int in self.count += 1; return self.count }
                if n == 1 {
                    onFirst()
                } else {
                    Console.err("candidates: interrupted again, stopping now")
                    exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default handlers.
    func stop() {
        for s in sources { s.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// A one-line progress display on standard error (only when it is a terminal), redrawn at most
/// ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw: Double = 0
    private var visible = false

    init(enabled: Bool = Console.stderrIsTerminal) { self.enabled = enabled }

    /// Shows `text` (already safe for the terminal); `force` draws even if drawn very recently.
    func show(_ text: String, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = Date().timeIntervalSince1970
            guard force || now - lastDraw >= 0.1 else { return }
            lastDraw = now
            visible = true
            Console.errRaw("\r\u{1B}[K" + text)
        }
    }

    /// Removes the line.
    func clear() {
        guard enabled else { return }
        lock.withLock {
            if visible { Console.errRaw("\r\u{1B}[K") }
            visible = false
        }
    }
}
