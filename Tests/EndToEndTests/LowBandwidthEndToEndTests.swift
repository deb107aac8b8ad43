import CandidateCore
import Foundation
import Testing

/// `--low-bandwidth` in a real terminal against `candidates serve`: the pages the sandbox's
/// request log shows, and the colour sequences in the bytes the program wrote.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct LowBandwidthEndToEndTests {
    /// The page numbers of the list's `GET /candidates` requests (pages of 100; the test's own
    /// look-up asks for one), in order.
    func pagesAsked(_ sandbox: SandboxProcess) throws -> [Int] {
        try sandbox.requests(method: "GET")
            .filter { $0["path"]?.stringValue == "/candidates" && $0["query"]?["limit"]?.stringValue == "100" }
            .compactMap { request -> Int? in
                guard let page = request["query"]?["page"]?.stringValue else { return nil }
                return Int(page)
            }
    }

    func run(_ sandbox: SandboxProcess, flags: String) throws -> TUIRun {
        try TUIRun(env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind"],
                   program: "\"$BIN\" \(flags)", cols: 110, rows: 32)
    }

    @Test func startLoadsOnlyTheViewAndOnePageAheadAndSendsNoColour() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--demo-size", "1000"])
        let total = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value.total
        #expect(total > 400)
        let tui = try run(sandbox, flags: "--low-bandwidth")
        // 28 list rows at 110×32 plus a page: 128 rows, so pages 1 and 2.
        try tui.session.waitFor("loaded 200 / \(total) candidates")
        // A round trip after page 2 arrived (the form fetches its candidate): the default mode
        // would have asked for page 3 the moment page 2 was in.
        try tui.session.keys("Enter")
        try tui.session.waitFor("GDPR expiry")
        try tui.session.keys("Escape")
        try tui.session.waitForAbsence("GDPR expiry")
        #expect(try pagesAsked(sandbox) == [1, 2])
        // Moving down brings the next page when the view and a page beyond it need it.
        for _ in 0..<10 { try tui.session.keys("NPage") }
        try tui.session.waitFor("loaded 300 / \(total) candidates")
        #expect(try pagesAsked(sandbox) == [1, 2, 3])
        try tui.session.keys("q")
        #expect(try tui.exitStatus() == 0)
        let raw = tui.raw()
        #expect(raw.bytes.count > 1_000, "\(raw)")
        #expect(ColorSequences.count(in: raw.bytes) == 0, "no colour without --color")
    }

    @Test func colorFlagBringsColourBackAndStarMarksEveryCandidate() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--demo-size", "1000"])
        let total = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value.total
        let tui = try run(sandbox, flags: "--low-bandwidth --color")
        try tui.session.waitFor("loaded 200 / \(total) candidates")
        // `*` marks every matching candidate: it loads the pages it needs.
        try tui.session.keys("*")
        try tui.session.waitFor("\(total) marked")
        #expect(try pagesAsked(sandbox) == Array(1...((total + 99) / 100)))
        try tui.session.keys("q")
        #expect(try tui.exitStatus() == 0)
        #expect(ColorSequences.count(in: tui.raw().bytes) > 0, "--color brings the key hints' colour back")
    }
}
