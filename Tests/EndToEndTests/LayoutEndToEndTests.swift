import CandidateCore
import Foundation
import Testing

/// The layout in a real terminal against `candidates serve`: the detail pane following the
/// cursor at 160 columns without flooding the server, and the CV pager with its search.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct LayoutEndToEndTests {
    func startTUI(_ sandbox: SandboxProcess, cols: Int, rows: Int, arguments: String = "") throws -> TmuxSession {
        let session = try TmuxSession(command: "\(TmuxSession.quote(Binary.path)) \(arguments); echo \"EXIT=$?\"; sleep 600",
                                      env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"],
                                      cols: cols, rows: rows)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        return session
    }

    /// The first `count` candidates in the list's order, each given the CV `cv(i)` on the server.
    func candidatesWithCV(_ sandbox: SandboxProcess, count: Int, cv: (Int) -> String) async throws -> [Candidate] {
        let client = try sandbox.client()
        let page = try await client.listCandidates(CandidateQuery(page: 1, limit: count)).value
        var updated: [Candidate] = []
        for (i, c) in page.items.enumerated() {
            updated.append(try await client.updateCandidate(id: c.id, patch: CandidatePatch(changes: [.cvText: .string(cv(i))])).value)
        }
        return updated
    }

    /// GETs of single candidates in the sandbox's request log, by id.
    func detailReads(_ sandbox: SandboxProcess) throws -> [String] {
        try sandbox.requests(method: "GET").compactMap { $0["path"]?.stringValue }
            .filter { $0.hasPrefix("/candidates/") }.map { String($0.dropFirst("/candidates/".count)) }
    }

    @Test func detailPaneFollowsTheCursorAt160Columns() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let people = try await candidatesWithCV(sandbox, count: 8) { "CV-MARKER-\($0) first line\nsecond line" }
        let session = try startTUI(sandbox, cols: 160, rows: 50)
        try session.waitFor("CV-MARKER-0 first line")
        try session.waitFor("CV (c reads it all)")
        try session.keys("j")
        try session.waitFor("CV-MARKER-1 first line")
        try session.waitForAbsence("CV-MARKER-0")
        // Six rows in one burst: only where the cursor rests is read.
        try session.keys("j", "j", "j", "j", "j", "j")
        try session.waitFor("CV-MARKER-7 first line")
        let reads = try detailReads(sandbox)
        #expect(reads == [people[0].id, people[1].id, people[7].id], "one read per rest: \(reads)")
        // Back to a row read before: shown from the cache, no request.
        try session.keys("g")
        try session.waitFor("CV-MARKER-0 first line")
        #expect(try detailReads(sandbox).count == 3)
        // i hides the pane; the list takes the width back.
        try session.keys("i")
        try session.waitForAbsence("CV-MARKER-0")
        try session.waitFor("Jobs Rating Updated")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }

    @Test func cOpensTheCVAndSlashFindsAWord() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let cv = (1...80).map { $0 == 57 ? "Line 57: Kubernetes operators in production" : "Line \($0): nothing to see" }.joined(separator: "\n")
        let people = try await candidatesWithCV(sandbox, count: 1) { _ in cv }
        let session = try startTUI(sandbox, cols: 110, rows: 32)
        try session.keys("c")
        try session.waitFor("CV — \(people[0].fullName)")
        try session.waitFor("Line 1: nothing to see")
        try session.keys("/")
        try session.type("kubernetes")
        try session.keys("Enter")
        try session.waitFor("match 1 of 1 for /kubernetes")
        try session.waitFor("Line 57: Kubernetes operators in production")
        try session.waitForAbsence("Line 1: nothing")
        try session.keys("q")
        try session.waitFor("Enter edit")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }

    @Test func columnsAndPaneFromFlags() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let session = try startTUI(sandbox, cols: 160, rows: 40, arguments: "edit --columns rating,name --no-detail-pane")
        try session.waitForMatch(#"Name +Status +Rating\s*\n"#)
        #expect(try !session.screen().contains("Email"))
        #expect(try !session.screen().contains("Interviews"), "the pane is off until i")
        try session.keys("i")
        try session.waitFor("Interviews")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
