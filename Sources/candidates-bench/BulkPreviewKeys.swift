import Foundation

/// The keys a recruiter presses to move every loaded candidate: `*` marks all, `s` opens the bulk
/// menu, the cursor goes down to REJECTED, Enter opens the preview (which asks `(y/N)`).
extension TmuxPane {
    struct PreviewTimings {
        var markMs: Double
        var menuKeyMs: Double
        var previewMs: Double
    }

    /// Presses them on the list with `loaded` candidates, waiting for each screen (polled every
    /// 10–20 ms); returns how long marking, one key in the menu and opening the preview took.
    func openBulkPreview(loaded: Int) throws -> PreviewTimings {
        let markStart = Date()
        try keys("*")
        try waitForScreen("every candidate marked", seconds: 120, interval: 0.02) { $0.contains("\(loaded) marked") }
        let markMs = Date().timeIntervalSince(markStart) * 1000
        try keys("s")
        try waitForScreen("the bulk menu", seconds: 60, interval: 0.02) { $0.contains("Move \(loaded) marked to") }
        let menuKeyStart = Date()
        try keys("Down")
        try waitForScreen("the menu cursor on APPLIED", seconds: 60, interval: 0.01) { $0.contains("> APPLIED") }
        let menuKeyMs = Date().timeIntervalSince(menuKeyStart) * 1000
        try keys("Down", "Down")
        try waitForScreen("the menu cursor on REJECTED", seconds: 60, interval: 0.01) { $0.contains("> REJECTED") }
        let previewStart = Date()
        try keys("Enter")
        try waitForScreen("the preview", seconds: 120, interval: 0.02) { $0.contains("(y/N)") }
        return PreviewTimings(markMs: markMs, menuKeyMs: menuKeyMs, previewMs: Date().timeIntervalSince(previewStart) * 1000)
    }
}
