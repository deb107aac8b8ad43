import CandidateCore
import Foundation
import TestHTTPServer
import Testing

/// `candidates apply FILE` as scripts use it: the real binary against `candidates serve`, with
/// the request log (exact PATCH bodies), the SQLite file and the journal as evidence.
@Suite("apply (real binary)", .ownThread)
struct CLIApplyTests {
    func candidates(_ sandbox: SandboxProcess, status: CandidateStatus) async throws -> [Candidate] {
        var out: [Candidate] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery(status: status)) { out += page.items }
        return out
    }

    /// PATCH bodies by candidate id, from the request log.
    func patches(_ sandbox: SandboxProcess) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for p in try sandbox.requests(method: "PATCH") {
            out[String((p["path"]?.stringValue ?? "").dropFirst("/candidates/".count))] = p["body"]
        }
        return out
    }

    /// The journal's changes under the harness's state home.
    func journal(_ dir: TempDir) throws -> [JournalChange] {
        let folder = dir.file("state/candidates/journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        try #require(files.count == 1)
        return Journal(path: folder + "/" + files[0]).changes().changes
    }

    /// The journal file's lines, as JSON.
    func journalLines(_ dir: TempDir) throws -> [JSONValue] {
        let folder = dir.file("state/candidates/journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: folder + "/" + files[0])), as: UTF8.self)
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    @Test("CSV: exact partial PATCH bodies (unchanged fields and equal values left out), one journal batch, exit 0")
    func csv() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = Array(try await candidates(sandbox, status: .applied).prefix(3))
        let csv = "\u{FEFF}id,status,email,lastName,metadata.source\r\n"
            + "\(c[0].id),IN_PROCESS,new.one@example.com,,\r\n"
            + "\(c[1].id),,NULL,\"Doe, Jr.\",\"{\"\"via\"\": \"\"fair\"\"}\"\r\n"
            + "\(c[2].id),APPLIED,,\(c[2].lastName),\r\n"
        try csv.write(toFile: dir.file("people.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["apply", dir.file("people.csv"), "--yes"], dir: dir, env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let sent = try patches(sandbox)
        #expect(sent.count == 2, "the third row changes nothing: \(sent)")
        #expect(sent[c[0].id] == .object(["status": .string("IN_PROCESS"), "email": .string("new.one@example.com")]))
        var metadata = c[1].metadata?.objectValue ?? [:]
        metadata["source"] = .object(["via": .string("fair")])
        #expect(sent[c[1].id] == .object(["email": .null, "lastName": .string("Doe, Jr."), "metadata": .object(metadata)]))
        #expect(try sandbox.column("status", candidate: c[0].id) == "IN_PROCESS")
        #expect(try sandbox.column("lastName", candidate: c[1].id) == "Doe, Jr.")
        #expect(run.stdout.contains("Status: APPLIED → IN_PROCESS"), "\(run.stdout)")
        #expect(run.lines.filter { $0.hasPrefix("changed") }.count == 2)
        #expect(run.lines.contains { $0.hasPrefix("skipped") && $0.contains(c[2].id) })
        let changes = try journal(dir)
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { $0.outcome == .sent && $0.command == "apply" })
        // Every line of the file (pending and settled records) is of one batch.
        let lines = try journalLines(dir)
        #expect(lines.count == 4)
        #expect(Set(lines.map { $0["batch"] }).count == 1 && lines[0]["batch"]?.stringValue != nil)
    }

    @Test("JSON lines with --json: one result object per row; null clears")
    func jsonLines() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = Array(try await candidates(sandbox, status: .applied).prefix(2))
        let text = """
        {"id": "\(c[0].id)", "fields": {"status": "REJECTED", "phoneNumber": "+421 900 111 222"}}
        {"id": "\(c[1].id)", "fields": {"gender": null, "metadata.score": 9}}
        """
        try text.write(toFile: dir.file("changes.jsonl"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["apply", dir.file("changes.jsonl"), "--yes", "--json"], dir: dir,
                              env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let sent = try patches(sandbox)
        #expect(sent[c[0].id] == .object(["status": .string("REJECTED"), "phoneNumber": .string("+421900111222")]))
        var metadata = c[1].metadata?.objectValue ?? [:]
        metadata["score"] = .int(9)
        let genderKey = CandidateField.gender.apiKey
        let expected: JSONValue = c[1].gender == nil ? .object(["metadata": .object(metadata)])
                                                     : .object([genderKey: .null, "metadata": .object(metadata)])
        #expect(sent[c[1].id] == expected)
        let lines = try run.jsonLines()
        #expect(lines.map { $0["outcome"]?.stringValue } == ["changed", "changed"])
        #expect(lines.map { $0["line"]?.intValue } == [1, 2])
        #expect(lines[0]["changes"]?["status"] == .object(["from": .string("APPLIED"), "to": .string("REJECTED")]))
        #expect(lines[0]["attempts"] == .int(1))
        #expect(!run.stdout.contains("Done in"), "the summary goes to standard error with --json")
    }

    @Test("--dry-run prints the diff and sends nothing")
    func dryRun() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await candidates(sandbox, status: .applied).first)
        try "id,status\n\(c.id),ACCEPTED\n".write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["apply", dir.file("p.csv"), "--dry-run"], dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Apply \(dir.file("p.csv")): change 1 candidate"))
        #expect(run.stdout.contains("Status: APPLIED → ACCEPTED"))
        #expect(run.stdout.contains("would change"))
        #expect(try sandbox.requests(method: "PATCH").isEmpty)
    }

    @Test("an invalid row: its line and column on standard error, exit 2, nothing sent; --skip-invalid sends the rest, exit 1")
    func invalidRows() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = Array(try await candidates(sandbox, status: .applied).prefix(2))
        try "id,email\n\(c[0].id),ok@example.com\n\(c[1].id),not-an-email\n".write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let run = try CLI.run(["apply", dir.file("p.csv"), "--yes"], dir: dir, env: env)
        #expect(run.status == 2)
        #expect(run.stderr.contains("p.csv:3: email: is not a valid email address"), "\(run.stderr)")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)

        let skip = try CLI.run(["apply", dir.file("p.csv"), "--yes", "--skip-invalid"], dir: dir, env: env)
        #expect(skip.status == 1, "\(skip.stderr)")
        #expect(try patches(sandbox) == [c[0].id: .object(["email": .string("ok@example.com")])])
        #expect(skip.lines.contains { $0.hasPrefix("invalid") && $0.contains(c[1].id) })
        #expect(skip.stdout.contains("changed 1 · invalid 1"), "\(skip.stdout)")
    }

    @Test("bad usage exits 2 with a clear message and sends nothing", arguments: [
        ("id,phone\nX,Y\n", ["--yes"], "unknown column \"phone\""),
        ("id,name\n\"unclosed,x\n", ["--yes"], "p.csv:2: a quoted field is not closed"),
        ("id,status\n00000000-0000-4000-8000-000000000001,ACCEPTED\n", [], "pass --yes"),
    ])
    func badUsage(text: String, flags: [String], message: String) throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        try text.write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["apply", dir.file("p.csv")] + flags, dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try sandbox.requests().isEmpty)
    }

    @Test("on a terminal it asks first: n sends nothing (exit 1), y sends")
    func asksOnATerminal() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await candidates(sandbox, status: .applied).first)
        try "id,status\n\(c.id),IN_PROCESS\n".write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let command = TmuxSession.quote(Binary.path) + " apply " + TmuxSession.quote(dir.file("p.csv")) + "; echo \"EXIT=$?\"; sleep 600"
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))

        let declined = try TmuxSession(command: command, env: env)
        try declined.waitFor("Send 1 change? [y/N]")
        #expect(try declined.screen().contains("Status: APPLIED → IN_PROCESS"))
        try declined.type("n")
        try declined.keys("Enter")
        try declined.waitFor("EXIT=1")
        #expect(try declined.screen().contains("nothing was sent"))
        #expect(try sandbox.requests(method: "PATCH").isEmpty)

        let accepted = try TmuxSession(command: command, env: env)
        try accepted.waitFor("Send 1 change? [y/N]")
        try accepted.type("y")
        try accepted.keys("Enter")
        try accepted.waitFor("EXIT=0")
        #expect(try patches(sandbox) == [c.id: .object(["status": .string("IN_PROCESS")])])
    }

    @Test("a candidate changed on the server while the question waits is a conflict, not overwritten (exit 1)")
    func changedWhileAsking() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await candidates(sandbox, status: .applied).first)
        try "id,lastName\n\(c.id),Ours\n".write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let command = TmuxSession.quote(Binary.path) + " apply " + TmuxSession.quote(dir.file("p.csv")) + "; echo \"EXIT=$?\"; sleep 600"
        let session = try TmuxSession(command: command, env: CLI.environment(sandbox, stateHome: dir.file("state")))
        try session.waitFor("Send 1 change? [y/N]")
        _ = try await sandbox.client().updateCandidate(id: c.id, patch: CandidatePatch(changes: [.lastName: .string("Theirs")]))
        try session.type("y")
        try session.keys("Enter")
        try session.waitFor("EXIT=1")
        let screen = try session.screen()
        #expect(screen.contains("conflict"), "\(screen)")
        #expect(try sandbox.column("lastName", candidate: c.id) == "Theirs")
        #expect(try sandbox.requests(method: "PATCH").count == 1, "only the other client's PATCH")
    }

    /// `apply --yes --json --retry-failed 1` of one row against a server whose first 8 answers to
    /// `failing` requests (one round's attempts) are 503, the rest succeed. Returns the run and
    /// how many `failing` requests it got.
    static func applyAgainstFlakyServer(failing method: String, dir: TempDir) throws -> (CLIRun, Int) {
        let id = "00000000-0000-4000-8000-000000000001"
        let candidate = #"{"id":"\#(id)","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","status":"APPLIED"}"#
        let count = Counter()
        let server = try TestHTTPServer { r in
            guard r.method == method else { return .json(candidate) }
            return count.next() <= 8 ? .json(#"{"statusCode":503,"error":"Service Unavailable","message":"down"}"#, status: 503) : .json(candidate)
        }
        defer { server.stop() }
        var env = CLI.environment(nil, stateHome: dir.file("state"))
        env["INSTAVIEW_BASE_URL"] = server.baseURL
        env["INSTAVIEW_API_KEY"] = "sk_test_retry"
        try "id,email\n\(id),new@example.com\n".write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["apply", dir.file("p.csv"), "--yes", "--json", "--retry-failed", "1"], dir: dir, env: env)
        return (run, count.value)
    }

    @Test("--retry-failed: a candidate whose read failed with 503 every time is read again in a further round, then changed")
    func retryFailedRead() throws {
        let (run, _) = try Self.applyAgainstFlakyServer(failing: "GET", dir: try TempDir())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try run.jsonLines().map { $0["outcome"]?.stringValue } == ["changed"])
        #expect(run.stderr.contains("reading 1 candidate again (round 1 of 1)"), "\(run.stderr)")
    }

    @Test("--retry-failed: a row whose PATCHes all failed with 503 is sent again in a further round and changes")
    func retryFailed() throws {
        let dir = try TempDir()
        let (run, patches) = try Self.applyAgainstFlakyServer(failing: "PATCH", dir: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try run.jsonLines()
        #expect(lines.map { $0["outcome"]?.stringValue } == ["changed"])
        #expect(lines.first?["attempts"] == .int(9))
        #expect(patches == 9)
        #expect(run.stderr.contains("sending 1 failed row again (round 1 of 1)"), "\(run.stderr)")
        // Both rounds are one batch in the journal.
        let lines2 = try journalLines(dir)
        #expect(Set(lines2.map { $0["batch"] }).count == 1)
    }
}

/// A count shared with a server's handler thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// Adds one and returns the new count.
    func next() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}
