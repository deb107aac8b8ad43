import CandidateCore
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
        if fputs(line + "\n", StandardStreams.output) < 0 { exit(0) }
    }

    /// Bytes on standard output, as they are (whole lines, already sanitized). Exits quietly
    /// (status 0) when the reader has gone away.
    static func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, StandardStreams.output) }
        if written < bytes.count { exit(0) }
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
    /// Returns what the environment's own codeset shows: `.ascii` when it is not UTF-8 (privacy
    /// masks then use `*`).
    @discardableResult
    static func prepareLocale() -> DisplayText.Charset {
        setlocale(LC_CTYPE, "")
        if let cs = nl_langinfo(nl_item(CODESET)), String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
            return .ascii
        }
        return .unicode
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
