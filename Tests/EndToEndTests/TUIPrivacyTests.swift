import CandidateCore
import Foundation
import Testing

/// Privacy mode in a real terminal: `--privacy` starts with email and phone masked, `p`
/// shows them and hides them again, and an edit sends the exact text.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIPrivacyTests {
    @Test func privacyFlagMasksRowsAndPToggles() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let page = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 20)).value
        let first = try #require(page.items.first { $0.email != nil && $0.phoneNumber != nil })
        let email = try #require(first.email), phone = try #require(first.phoneNumber)
        let bin = TmuxSession.quote(Binary.path)
        let session = try TmuxSession(command: "\(bin) --privacy; echo \"EXIT=$?\"; sleep 600",
                                      env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"],
                                      cols: 160, rows: 32)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.waitFor("•••••@")
        var screen = try session.screen()
        #expect(screen.contains("candidates · privacy"), "\(screen)")
        #expect(!screen.contains(email) && !screen.contains(phone), "\(screen)")
        #expect(screen.contains(ContactMask.phone(phone, charset: .unicode)), "\(screen)")

        try session.keys("p")
        try session.waitFor("Privacy off")
        try session.waitFor(email)
        screen = try session.screen()
        #expect(screen.contains(phone) && !screen.contains("•••••@") && !screen.contains("candidates · privacy"), "\(screen)")

        try session.keys("p")
        try session.waitFor("Privacy on")
        try session.waitFor("•••••@")
        #expect(!(try session.screen()).contains(email))

        try session.keys("q")
        try session.waitFor("EXIT=0")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)
    }
}
