import CandidateCore
import Foundation
import Testing

/// `candidates update ID`: the real binary against `candidates serve`, with the request log (the
/// exact PATCH bodies), the SQLite file and the journal as evidence.
@Suite("update (real binary)", .ownThread)
struct CLIUpdateTests {
    /// The bodies of every PATCH the sandbox received, in order.
    func patches(_ sandbox: SandboxProcess) throws -> [JSONValue] {
        try sandbox.requests(method: "PATCH").compactMap { $0["body"] }
    }

    /// A day `days` from now, `YYYY-MM-DD` (UTC).
    static func day(in days: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    @Test("each flag family sends exactly its fields; clears send null")
    func flagFamilies() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox)
        let candidates = try await sandbox.allCandidates()
        let jobs = try await sandbox.client().allJobs()
        try #require(candidates.count > 10 && jobs.count >= 3)
        var sent = 0
        /// Runs `update ID ARGS --yes` and expects exactly one new PATCH with `body`.
        func expectPatch(_ c: Candidate, _ args: [String], _ body: JSONValue, stdin: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try CLI.run(["update", c.id] + args + ["--yes"], stdin: stdin, dir: dir, env: env)
            #expect(run.status == 0, "\(args): \(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stdout.contains("Saved "), "\(run.stdout)", sourceLocation: sourceLocation)
            let bodies = try patches(sandbox)
            #expect(bodies.count == sent + 1, "\(args): one PATCH", sourceLocation: sourceLocation)
            #expect(bodies.last == body, "\(args)", sourceLocation: sourceLocation)
            sent = bodies.count
        }

        let names = candidates[0]
        try expectPatch(names, ["--first-name", "Ann", "--last-name", "Lee-Smith"],
                        .object(["firstName": .string("Ann"), "lastName": .string("Lee-Smith")]))
        #expect(try sandbox.column("firstName", candidate: names.id) == "Ann")

        let contact = try #require(candidates.first { $0.phoneNumber != nil && $0.email != nil })
        try expectPatch(contact, ["--email", "ann.lee@example.com", "--phone", "+421 905-123 456"],
                        .object(["email": .string("ann.lee@example.com"), "phoneNumber": .string("+421905123456")]))
        try expectPatch(contact, ["--clear-phone", "--clear-email"], .object(["email": .null, "phoneNumber": .null]))

        let moving = try #require(candidates.first { $0.status != .rejected })
        let expiry = Self.day(in: 400)
        try expectPatch(moving, ["--gdpr-expiry", expiry, "--status", "rejected"],
                        .object(["gdprExpiryDate": .string(expiry), "status": .string("REJECTED")]))
        try expectPatch(moving, ["--clear-gdpr-expiry"], .object(["gdprExpiryDate": .null]))

        let gender = CandidateField.gender.apiKey
        let auto = try #require(candidates.first { $0.gender == nil })
        try expectPatch(auto, ["--gender", "female"], .object([gender: .string("female")]))
        try expectPatch(auto, ["--gender", "auto"], .object([gender: .null]))
        try expectPatch(auto, ["--gender", "male"], .object([gender: .string("male")]))
        try expectPatch(auto, ["--clear-gender"], .object([gender: .null]))

        let assigned = try #require(candidates.first { $0.jobIds.count == 1 })
        let other = try #require(jobs.first { !assigned.jobIds.contains($0.id) }).id
        let another = try #require(jobs.first { !assigned.jobIds.contains($0.id) && $0.id != other }).id
        try expectPatch(assigned, ["--add-job", other, "--add-job", another, "--remove-job", assigned.jobIds[0]],
                        .object(["jobIds": .array([.string(other), .string(another)])]))
        try expectPatch(assigned, ["--jobs", "\(another),\(assigned.jobIds[0])"],
                        .object(["jobIds": .array([.string(another), .string(assigned.jobIds[0])])]))
        try expectPatch(assigned, ["--jobs", ""], .object(["jobIds": .array([])]))

        let meta = candidates[1]
        var object = meta.metadata?.objectValue ?? [:]
        object["source"] = .string("referral")
        object["score"] = .int(7)
        object["tags"] = .array([.string("a"), .object(["b": .bool(true)])])
        try expectPatch(meta, ["--set-meta", #"source="referral""#, "--set-meta", "score=7", "--set-meta", #"tags=["a",{"b":true}]"#],
                        .object(["metadata": .object(object)]))
        object["score"] = nil
        try expectPatch(meta, ["--unset-meta", "score"], .object(["metadata": .object(object)]))
        let file = dir.file("meta.json")
        try #"{"owner": "hr", "level": {"n": 2}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        try expectPatch(meta, ["--metadata-file", file, "--set-meta", "extra=null"],
                        .object(["metadata": .object(["owner": .string("hr"), "level": .object(["n": .int(2)]), "extra": .null])]))
        try expectPatch(meta, ["--clear-metadata"], .object(["metadata": .null]))

        let cv = CandidateField.cvText.apiKey
        let text = "Ten years of Swift.\nLikes: terminals — and ü.\n"
        try expectPatch(candidates[2], ["--cv-file", "-"], .object([cv: .string(text)]), stdin: text)
        try expectPatch(candidates[2], ["--clear-cv"], .object([cv: .null]))
    }

    @Test("bad values and bad usage exit 2 naming the flag, and send nothing", arguments: [
        (["--email", "not-an-email"], "--email: is not a valid email address"),
        (["--phone", "0905 123"], "--phone: must be E.164"),
        (["--gdpr-expiry", "2001-01-01"], "--gdpr-expiry: must be in the future"),
        (["--gdpr-expiry", "31.12.2040"], "--gdpr-expiry: must be a date as YYYY-MM-DD"),
        (["--first-name", " "], "--first-name: is required"),
        (["--status", "HIRED"], "--status: unknown status"),
        (["--gender", "other"], "--gender"),
        (["--set-meta", "source=referral"], "--set-meta source: the value is not JSON"),
        (["--set-meta", "nokey"], "--set-meta: \"nokey\" is not KEY=JSON"),
        (["--add-job", "job-1"], "--add-job: \"job-1\" is not a job id"),
        (["--jobs", "00000000-0000-4000-8000-000000000001", "--add-job", "00000000-0000-4000-8000-000000000002"], "--jobs replaces the whole list"),
        (["--email", "a@example.com", "--clear-email"], "--email and --clear-email cannot be used together"),
        (["--email", ""], "--email: the value is empty; --clear-email clears the field"),
        (["--clear-metadata", "--unset-meta", "x"], "--clear-metadata cannot be used with"),
        ([], "nothing to change"),
    ])
    func badUsage(args: [String], message: String) async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first)
        let run = try CLI.run(["update", c.id] + args + ["--yes"], dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try patches(sandbox).isEmpty)
    }

    @Test("a bad id exits 2, an unknown one 1; no terminal and no --yes exits 2; nothing changed exits 0 unsent")
    func usageAndNothingToChange() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox)
        let c = try #require(try await sandbox.allCandidates().first { $0.email != nil })
        let bad = try CLI.run(["update", "not-a-uuid", "--first-name", "A", "--yes"], dir: dir, env: env)
        #expect(bad.status == 2 && bad.stderr.contains("is not a candidate id"), "\(bad.stderr)")
        let missing = try CLI.run(["update", "00000000-0000-4000-8000-000000000000", "--first-name", "A", "--yes"], dir: dir, env: env)
        #expect(missing.status == 1 && !missing.stderr.isEmpty && missing.stdout.isEmpty, "\(missing.stderr)")
        let noTerminal = try CLI.run(["update", c.id, "--first-name", "A"], dir: dir, env: env)
        #expect(noTerminal.status == 2 && noTerminal.stderr.contains("pass --yes"), "\(noTerminal.stderr)")
        let same = try CLI.run(["update", c.id, "--email", " \(c.email!) ", "--first-name", c.firstName, "--yes"], dir: dir, env: env)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Nothing to change"), "\(same.stdout)")
        #expect(try patches(sandbox).isEmpty)
    }

    @Test("--dry-run prints the save preview's lines and sends nothing")
    func dryRun() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first { $0.email != nil && $0.phoneNumber == nil })
        let run = try CLI.run(["update", c.id, "--email", "new.one@example.com", "--phone", "+421905000111", "--dry-run"],
                              dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines == ["Save 2 changes for \(c.fullName):",
                              "  Email: \(c.email!) → new.one@example.com",
                              "  Phone: (empty) → +421905000111",
                              "Dry run: nothing was sent"], "\(run.stdout)")
        #expect(try patches(sandbox).isEmpty)
        #expect(try sandbox.column("email", candidate: c.id) == c.email)
    }

    @Test("--json prints the updated candidate (as show --json does); the changes go to standard error")
    func json() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox)
        let c = try #require(try await sandbox.allCandidates().first)
        let run = try CLI.run(["update", c.id, "--last-name", "Nováková-Test", "--json", "--yes"], dir: dir, env: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 1, "\(run.stdout)")
        let object = try JSONValue.parse(run.stdout)
        #expect(object["id"]?.stringValue == c.id && object["lastName"]?.stringValue == "Nováková-Test")
        #expect(run.stderr.contains("  Last name: \(c.lastName) → Nováková-Test"), "\(run.stderr)")
        let shown = try CLI.run(["show", c.id, "--json"], dir: dir, env: env)
        #expect(try JSONValue.parse(shown.stdout) == object)
    }

    @Test("the change is journaled with command update; an unwritable journal sends nothing and exits 1")
    func journal() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first { $0.status != .accepted })
        let run = try CLI.run(["update", c.id, "--status", "ACCEPTED", "--yes"], dir: dir,
                              env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 0, "\(run.stderr)")
        let journals = try FileManager.default.contentsOfDirectory(atPath: dir.file("state/candidates/journal"))
        try #require(journals.count == 1)
        let changes = Journal(path: dir.file("state/candidates/journal/" + journals[0])).changes().changes
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.command == "update" && change.outcome == .sent && change.candidateId == c.id && change.batch == nil)
        #expect(change.fields == [JournalChange.Field(field: "status", before: .string(c.status.rawValue), after: .string("ACCEPTED"))])
        #expect(change.updatedAtAfter != nil && change.updatedAtAfter != c.updatedAt)

        // The journal folder is a file: no record can be written, so nothing is sent.
        try FileManager.default.createDirectory(atPath: dir.file("blocked/candidates"), withIntermediateDirectories: true)
        try "not a folder".write(toFile: dir.file("blocked/candidates/journal"), atomically: true, encoding: .utf8)
        let blocked = try CLI.run(["update", c.id, "--status", "REJECTED", "--yes"], dir: dir,
                                  env: CLI.environment(sandbox, stateHome: dir.file("blocked")))
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("Cannot write the journal") && blocked.stderr.contains("nothing was sent"), "\(blocked.stderr)")
        #expect(try patches(sandbox).count == 1)
        #expect(try sandbox.column("status", candidate: c.id) == "ACCEPTED")
    }

    @Test("a PATCH the server refuses exits 1 with its answer and is journaled as failed")
    func refused() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first)
        let unknownJob = "00000000-0000-4000-8000-00000000abcd"
        let run = try CLI.run(["update", c.id, "--add-job", unknownJob, "--yes"], dir: dir,
                              env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("candidates update: not saved:"), "\(run.stderr)")
        #expect(try patches(sandbox).count == 1)
        let journals = try FileManager.default.contentsOfDirectory(atPath: dir.file("state/candidates/journal"))
        let change = try #require(Journal(path: dir.file("state/candidates/journal/" + journals[0])).changes().changes.first)
        #expect(change.command == "update" && change.outcome == .failed && change.error != nil)
    }

    /// `update` on a terminal: the binary in tmux, answering the question by keys.
    func terminal(_ sandbox: SandboxProcess, _ args: [String]) throws -> TmuxSession {
        let command = ([Binary.path, "update"] + args).map(TmuxSession.quote).joined(separator: " ")
        return try TmuxSession(command: command + "; echo \"EXIT=$?\"; sleep 600",
                               env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind"], cols: 200)
    }

    @Test("on a terminal it asks Send? [y/N]: y sends, anything else does not")
    func asks() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first { $0.email != nil })
        let no = try terminal(sandbox, [c.id, "--email", "no@example.com"])
        try no.waitFor("Send? [y/N]")
        #expect(try no.screen().contains("  Email: \(c.email!) → no@example.com"))
        try no.type("n")
        try no.keys("Enter")
        try no.waitFor("EXIT=1")
        #expect(try no.screen().contains("not sent"))
        #expect(try patches(sandbox).isEmpty)

        let yes = try terminal(sandbox, [c.id, "--email", "yes@example.com"])
        try yes.waitFor("Send? [y/N]")
        try yes.type("y")
        try yes.keys("Enter")
        try yes.waitFor("EXIT=0")
        #expect(try yes.screen().contains("Saved Email for"))
        #expect(try patches(sandbox) == [.object(["email": .string("yes@example.com")])])
    }

    @Test("a field changed on the server while the question waits is not overwritten: reported, exit 1, nothing sent")
    func conflict() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let c = try #require(try await sandbox.allCandidates().first { $0.email != nil && $0.phoneNumber != nil })
        let session = try terminal(sandbox, [c.id, "--email", "ours@example.com", "--phone", "+421905777888"])
        try session.waitFor("Send? [y/N]")
        // Someone else changes the email meanwhile.
        _ = try await sandbox.client().updateCandidate(id: c.id, patch: CandidatePatch(changes: [.email: .string("theirs@example.com")]))
        try session.type("y")
        try session.keys("Enter")
        try session.waitFor("EXIT=1")
        let screen = try session.screen()
        #expect(screen.contains("was changed on the server since it was read; nothing was sent"), "\(screen)")
        #expect(screen.contains("Email (--email): the server has theirs@example.com, ours is ours@example.com"), "\(screen)")
        #expect(try patches(sandbox).count == 1, "only the other client's PATCH")
        #expect(try sandbox.column("email", candidate: c.id) == "theirs@example.com")
        #expect(try sandbox.column("phoneNumber", candidate: c.id) == c.phoneNumber)

        // A change on the server to another field is kept, and ours is sent over it.
        let again = try terminal(sandbox, [c.id, "--email", "ours@example.com"])
        try again.waitFor("Send? [y/N]")
        _ = try await sandbox.client().updateCandidate(id: c.id, patch: CandidatePatch(changes: [.firstName: .string("Renamed")]))
        try again.type("y")
        try again.keys("Enter")
        try again.waitFor("EXIT=0")
        #expect(try patches(sandbox).last == .object(["email": .string("ours@example.com")]))
        #expect(try sandbox.column("firstName", candidate: c.id) == "Renamed")
    }
}
