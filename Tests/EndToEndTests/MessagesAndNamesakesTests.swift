import CandidateCore
import Foundation
import Testing

/// Long messages wrap in a real terminal and `Ctrl-G` shows one that is still cut; two
/// candidates given the same name on the server are told apart in the bulk preview.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct MessagesAndNamesakesTests {
    static let phoneMessage = "Phone: must be E.164: + country code and digits, e.g. +421905123456"

    /// Opens the first candidate and saves a phone number the API refuses.
    func refusePhone(_ session: TmuxSession) throws {
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.refusePhoneNumber()
    }

    @Test func aLongMessageWrapsInsteadOfBeingCutAtTheEdge() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let session = try TmuxSession.tui(sandbox, cols: 80, rows: 24)
        try refusePhone(session)
        // The message line takes two rows: its end is on the row above the key hints.
        try session.waitFor("digits, e.g. +421905123456")
        let rows = try session.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let flashRow = try #require(rows.firstIndex { $0.contains("Not saved — 1 field needs fixing") })
        #expect(rows[flashRow + 1].contains("digits, e.g. +421905123456"), "\(rows.joined(separator: "\n"))")
        #expect(rows[flashRow + 2].contains("F2/^S save"), "the key hints follow the message")
        // The field's message, cut beside the field, is whole below the fields.
        #expect(rows.contains { $0.contains("! " + Self.phoneMessage) })
        #expect(!rows.contains { $0.contains("^G whole message") }, "nothing is left cut")
        try session.discardForm()
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }

    @Test func ctrlGShowsAMessageTheScreenStillCuts() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let session = try TmuxSession.tui(sandbox, cols: 50, rows: 16)
        try refusePhone(session)
        try session.waitFor("^G whole message")
        try session.keys("C-g")
        try session.waitFor("Messages")
        try session.waitFor("q/Esc close")
        // The panel wraps at its width; the whole message is there, across its lines.
        let panel = try session.screen().split(separator: "\n").map { line in
            line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }.joined(separator: " ")
        #expect(panel.contains("Not saved — 1 field needs fixing"))
        #expect(panel.contains("+421905123456"))
        // q closes the panel, as its hint says; it does not quit or type.
        try session.keys("q")
        try session.waitForAbsence("q/Esc close")
        try session.waitFor("GDPR expiry")
        #expect(!(try session.screen().contains("EXIT=")))
        try session.discardForm()
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }

    @Test func sameNameCandidatesAreToldApartInTheBulkPreview() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let firstTwo = try await client.listCandidates(CandidateQuery(page: 1, limit: 2)).value.items
        try #require(firstTwo.count == 2)
        // A namesake: the second candidate gets the first one's name on the server.
        var rename = CandidatePatch()
        rename[.firstName] = .string(firstTwo[0].firstName)
        rename[.lastName] = .string(firstTwo[0].lastName)
        let renamed = try await client.updateCandidate(id: firstTwo[1].id, patch: rename).value
        let labels = NameLabels.labels([firstTwo[0], renamed])
        #expect(labels[0] != labels[1] && labels.allSatisfy { $0.hasPrefix(firstTwo[0].fullName + " (") })

        let session = try TmuxSession.tui(sandbox, cols: 120, rows: 32)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.keys("Space", "Space")
        try session.waitFor("2 marked")
        try session.keys("s")
        try session.waitFor("Move 2 marked to")
        // A status the first is not in, so the preview has something to send.
        let target = try #require(CandidateStatus.allKnown.firstIndex { $0 != firstTwo[0].status && $0 != renamed.status })
        for _ in 0..<target { try session.keys("Down") }
        try session.keys("Enter")
        try session.waitFor("Bulk status change")
        for label in labels { try session.waitFor(label + " — ") }
        try session.keys("q")
        try session.waitFor("Nothing sent")
        #expect(try sandbox.requests(method: "PATCH").count == 1, "only the rename")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
