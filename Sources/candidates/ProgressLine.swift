import Foundation
import NIOConcurrencyHelpers

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
