import CandidateCore
import Foundation
import Testing

/// The real binary in a real terminal (tmux) against `candidates serve` over HTTP on
/// 127.0.0.1, with a real SQLite file and the sandbox's request log as evidence.
@Suite(.serialized)
struct TUIEndToEndTests {
    /// Runs the TUI against the sandbox; after it exits the shell prints its status and the tty settings.
    func startTUI(_ sandbox: SandboxProcess, key: String = "sk_test_northwind") throws -> TmuxSession {
        let bin = TmuxSession.quote(Binary.path)
        let session = try TmuxSession(
            command: "\(bin); echo \"EXIT=$?\"; stty -a; sleep 600",
            env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": key, "NO_COLOR": "1"])
        // The header shows the total once the first page is in.
        try session.waitForMatch(#"[0-9]+ candidates"#)
        return session
    }

    func firstCandidate(_ sandbox: SandboxProcess) async throws -> Candidate {
        let page = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value
        return try #require(page.items.first)
    }

    /// Quits with q and checks the exit status and that the terminal is back in cooked mode.
    func quitAndCheckTerminal(_ session: TmuxSession) throws {
        try session.keys("q")
        try session.waitFor("EXIT=0")
        try session.waitForMatch("[ -]icanon")  // stty -a has printed
        let screen = try session.screen()
        #expect(screen.contains(" icanon"), "terminal left in raw mode:\n\(screen)")
        #expect(screen.contains(" echo "), "echo left off:\n\(screen)")
        #expect(!screen.contains("-icanon"))
    }

    @Test func editLastNameSendsOnlyThatField() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.keys("Tab", "C-u")
        try session.type("Testová-Smith")
        try session.keys("F2")
        try session.waitFor("Send these changes? (y/N)")
        try session.waitFor("→ Testová-Smith")
        try session.keys("y")
        try session.waitFor("Saved Last name")

        #expect(try sandbox.column("lastName", candidate: first.id) == "Testová-Smith")
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 1)
        #expect(patches.first?["path"]?.stringValue == "/candidates/\(first.id)")
        #expect(patches.first?["body"] == .object(["lastName": .string("Testová-Smith")]))
        try quitAndCheckTerminal(session)
    }

    @Test func statusMenuMovesAlongThePipeline() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let target = Pipeline.nextSteps(from: first.status).first ?? Pipeline.overrides(from: first.status)[0]
        let session = try startTUI(sandbox)
        try session.keys("s")
        try session.waitFor("Status: \(first.status.rawValue)")
        try session.keys("Enter")
        try session.waitFor("to \(target.rawValue)? (y/N)")
        try session.keys("y")
        try session.waitFor("Moved ")

        #expect(try sandbox.column("status", candidate: first.id) == target.rawValue)
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 1)
        #expect(patches.first?["body"] == .object(["status": .string(target.rawValue)]))
        try quitAndCheckTerminal(session)
    }

    @Test func invalidPhoneShowsErrorAndSendsNothing() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.keys("Tab", "Tab", "Tab", "C-u")
        try session.type("0905 12")
        try session.keys("F2")
        try session.waitFor("Not saved")
        try session.waitFor("must be E.164")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)
        #expect(try sandbox.column("phoneNumber", candidate: first.id) == first.phoneNumber)
        // The typing is kept: the field still shows it.
        #expect(try session.screen().contains("0905 12"))
        try session.keys("Escape")
        try session.waitFor("Discard changes? (y/N)")
        try session.keys("y")
        try session.waitFor("Changes discarded")
        try quitAndCheckTerminal(session)
    }
}
