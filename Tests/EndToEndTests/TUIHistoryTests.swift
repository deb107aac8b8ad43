import CandidateCore
import Foundation
import Testing

/// The editor in a real terminal (tmux): it prunes the journal when it starts, and `:history all`
/// shows what a real `bulk-status` run recorded.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIHistoryTests {
    @Test("the editor drops changes past the retention at start; :history all shows the bulk run's changes")
    func editorPrunesAndShowsHistory() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let state = dir.file("state")
        let (moved, journal) = try await CLIHistoryTests.bulkRun(sandbox, dir: dir, env: CLI.environment(sandbox, stateHome: state), count: 2)
        try journal.record(CLIHistoryTests.oldChange("old-40-days", candidate: moved[0], age: 40 * 86_400))
        #expect(journal.changes().changes.count == 3)

        let session = try TmuxSession(command: "\(TmuxSession.quote(Binary.path)); echo \"EXIT=$?\"; sleep 600",
                                      env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind",
                                            "NO_COLOR": "1", "XDG_STATE_HOME": state],
                                      cols: 140, rows: 32)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        #expect(journal.changes().changes.map(\.command) == ["bulk-status", "bulk-status"], "the 40-day-old change is gone")

        try session.keys(":")
        try session.type("history all")
        try session.keys("Enter")
        try session.waitFor("History: every change")
        try session.waitFor("2 changes, newest last")
        let screen = try session.screen()
        #expect(screen.components(separatedBy: "Status: APPLIED → REJECTED").count == 3, "\(screen)")
        #expect(!screen.contains("Last name: Old"), "\(screen)")
        try session.keys("Escape")
        try session.waitForAbsence("History: every change")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
