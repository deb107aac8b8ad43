import CandidateCore
import Foundation
import Testing

/// Nothing typed is lost: drafts survive SIGKILL, and a change on the server meanwhile is shown
/// before anything is sent.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct DraftsAndConflictsTests {
    /// Opens the first candidate, types `text` at the end of the last name, and kills the TUI
    /// with SIGKILL, so its draft is all that is left. Returns that candidate and the environment
    /// (same state folder) for the next start.
    func leaveDraft(_ sandbox: SandboxProcess, dir: TempDir, typing text: String) async throws -> (Candidate, [String: String]) {
        let first = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value.items[0]
        let env = ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1",
                   "XDG_STATE_HOME": dir.file("state")]
        let run = try TUIRun(env: env)
        try run.session.waitForMatch(#"[0-9]+ candidates"#)
        try run.session.keys("Enter")
        try run.session.waitFor("GDPR expiry")
        try run.session.keys("Tab")
        try run.session.type(text)
        try run.session.waitFor(text)
        kill(try run.pid(), SIGKILL)
        try run.session.waitFor("EXIT=137")
        return (first, env)
    }

    @Test func draftSurvivesSIGKILLAndIsOfferedOnTheNextStart() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let (first, env) = try await leaveDraft(sandbox, dir: dir, typing: "Draftpart")

        let run2 = try TUIRun(env: env)
        try run2.session.waitFor("1 unsent draft")
        try run2.session.keys("r")
        try run2.session.waitFor("\(first.lastName)Draftpart")
        try run2.session.keys("F2")
        try run2.session.waitFor("Send these changes? (y/N)")
        try run2.session.keys("y")
        try run2.session.waitFor("Saved Last name")
        #expect(try sandbox.column("lastName", candidate: first.id) == first.lastName + "Draftpart")
        try run2.session.keys("q")
        #expect(try run2.exitStatus() == 0)
        // Sent: no draft is left for a third start.
        let run3 = try TUIRun(env: env)
        try run3.session.waitForMatch(#"[0-9]+ candidates"#)
        #expect(!(try run3.session.screen().contains("unsent draft")))
        try run3.session.keys("q")
        #expect(try run3.exitStatus() == 0)
    }

    /// A draft kept "for later" comes back when its candidate is opened from the list, instead of
    /// a clean form (which used to delete it).
    @Test func aDraftKeptForLaterOpensWithItsCandidate() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let (first, env) = try await leaveDraft(sandbox, dir: dir, typing: "Later")

        let run2 = try TUIRun(env: env)
        try run2.session.waitFor("1 unsent draft")
        try run2.session.keys("l")
        try run2.session.waitFor("Drafts kept for later")
        // Enter opens the row under the cursor: wait for the first page.
        try run2.session.waitForMatch(#"[0-9]+ candidates"#)
        try run2.session.keys("Enter")
        try run2.session.waitFor("Your unsent draft of")
        try run2.session.waitFor("\(first.lastName)Later")
        // Esc asks before dropping it; No keeps the form and the draft.
        try run2.session.keys("Escape")
        try run2.session.waitFor("Discard changes? (y/N)")
        try run2.session.keys("n")
        try run2.session.waitFor("\(first.lastName)Later")
        kill(try run2.pid(), SIGKILL)
        try run2.session.waitFor("EXIT=137")
        #expect(try sandbox.column("lastName", candidate: first.id) == first.lastName, "nothing was sent")
        // Still kept: the next start offers it again.
        let run3 = try TUIRun(env: env)
        try run3.session.waitFor("1 unsent draft")
        try run3.session.keys("r")
        try run3.session.waitFor("\(first.lastName)Later")
        kill(try run3.pid(), SIGKILL)
    }

    @Test func serverChangeMeanwhileShowsTheConflictViewAndSendsOnlyAfterConfirming() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let first = try await client.listCandidates(CandidateQuery(page: 1, limit: 1)).value.items[0]
        let session = try TmuxSession.tui(sandbox, cols: 120, rows: 36)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.keys("Tab", "C-u")
        try session.type("Mine")
        // A colleague changes the same candidate behind the editor's back.
        var theirs = CandidatePatch()
        theirs[.lastName] = .string("Theirs")
        theirs[.email] = .string("theirs@example.com")
        _ = try await client.updateCandidate(id: first.id, patch: theirs)

        try session.keys("F2")
        try session.waitFor("Send these changes? (y/N)")
        try session.keys("y")
        try session.waitFor("Changed on the server meanwhile")
        try session.waitFor("theirs: Theirs")
        try session.waitFor("Taken from the server: Email")
        #expect(try sandbox.requests(method: "PATCH").count == 1, "only the colleague's change so far")
        try session.keys("m", "Enter")
        try session.waitFor("Last name: Theirs → Mine")
        try session.keys("y")
        try session.waitFor("Saved Last name")
        #expect(try sandbox.column("lastName", candidate: first.id) == "Mine")
        #expect(try sandbox.column("email", candidate: first.id) == "theirs@example.com")
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 2)
        #expect(patches.last?["body"] == .object(["lastName": .string("Mine")]))
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
