import CandidateCore
import ChildProcess
import Foundation
import GRDB
import Testing

/// `candidates list` and `candidates bulk-status` as scripts use them: the real binary against
/// `candidates serve`, with the SQLite file and the request log as evidence.
@Suite("Scripting commands (real binary)", .ownThread)
struct CLIEndToEndTests {
    func candidates(_ sandbox: SandboxProcess, status: CandidateStatus? = nil) async throws -> [Candidate] {
        try await sandbox.allCandidates(status: status)
    }

    func statusPatches(_ sandbox: SandboxProcess) throws -> [JSONValue] { try sandbox.requests(method: "PATCH") }

    @Test("--dry-run prints the plan and sends no PATCH")
    func dryRun() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let applied = Array(try await candidates(sandbox, status: .applied).prefix(4))
        let rejected = Array(try await candidates(sandbox, status: .rejected).prefix(1))
        let run = try CLI.run(["bulk-status", "--to", "REJECTED", "--dry-run"] + (applied + rejected).map(\.id), dir: dir,
                              env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "Move 4 candidates to REJECTED: 4 from APPLIED; 1 already REJECTED is skipped")
        for c in applied + rejected { #expect(run.stdout.contains(c.id)) }
        #expect(run.stdout.contains("would move"))
        #expect(try statusPatches(sandbox).isEmpty)
        for c in applied { #expect(try sandbox.column("status", candidate: c.id) == "APPLIED") }
    }

    @Test("ids from standard input (comments and blank lines ignored): moved, one status-only PATCH each")
    func fromStdin() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let chosen = Array(try await candidates(sandbox, status: .inProcess).prefix(3))
        let input = "# candidates to reject\n\n" + chosen.map { "  \($0.id)  # \($0.lastName)\n" }.joined() + "\n"
        let run = try CLI.run(["bulk-status", "--to", "rejected"], stdin: input, dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        for c in chosen { #expect(try sandbox.column("status", candidate: c.id) == "REJECTED") }
        let patches = try statusPatches(sandbox)
        #expect(patches.count == 3)
        #expect(patches.allSatisfy { $0["body"] == .object(["status": .string("REJECTED")]) })
        #expect(run.lines.filter { $0.hasPrefix("moved") }.count == 3)
        #expect(run.stdout.contains("Done in"))
    }

    @Test("ids from --ids-file and from a CSV file with quoted fields")
    func fromFiles() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let chosen = Array(try await candidates(sandbox, status: .applied).prefix(4))
        let idsFile = dir.file("ids.txt")
        try (chosen[0].id + "\n" + chosen[1].id.uppercased() + "\n").write(toFile: idsFile, atomically: true, encoding: .utf8)
        let csvFile = dir.file("export.csv")
        let csv = "\"Name\",\"ID\",note\r\n"
            + "\"\(chosen[2].lastName), \(chosen[2].firstName)\",\"\(chosen[2].id)\",\"said \"\"hi\"\"\"\r\n"
            + "\"Multi\nline\",\(chosen[3].id),\r\n"
        try csv.write(toFile: csvFile, atomically: true, encoding: .utf8)
        let run = try CLI.run(["bulk-status", "--to", "IN_PROCESS", "--ids-file", idsFile, "--csv", csvFile], dir: dir,
                              env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        for c in chosen { #expect(try sandbox.column("status", candidate: c.id) == "IN_PROCESS") }
        #expect(try statusPatches(sandbox).count == 4)
    }

    @Test("--only-from leaves the others out; --json prints one result object per candidate; a failure exits 1")
    func onlyFromAndJSON() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let applied = Array(try await candidates(sandbox, status: .applied).prefix(2))
        let accepted = Array(try await candidates(sandbox, status: .accepted).prefix(1))
        let missing = UUID().uuidString.lowercased()
        let ids = applied.map(\.id) + accepted.map(\.id) + [missing]
        let run = try CLI.run(["bulk-status", "--to", "IN_PROCESS", "--only-from", "APPLIED", "--json"] + ids, dir: dir,
                              env: CLI.environment(sandbox))
        #expect(run.status == 1, "a candidate that cannot be read fails the run")
        let lines = try run.jsonLines()
        #expect(lines.map { $0["id"]?.stringValue ?? "" } == ids)
        #expect(lines.map { $0["outcome"]?.stringValue ?? "" } == ["moved", "moved", "skipped", "failed"])
        for line in lines {
            #expect(Set((line.objectValue ?? [:]).keys).isSuperset(of: ["id", "name", "from", "to", "outcome", "status", "message", "attempts"]))
            #expect(line["to"] == .string("IN_PROCESS"))
        }
        #expect(lines.map { $0["attempts"] } == [.int(1), .int(1), .int(0), .int(0)], "PATCHes sent: none for skipped or unreadable")
        #expect(lines[0]["from"] == .string("APPLIED"))
        #expect(lines[2]["message"]?.stringValue?.contains("--only-from") == true)
        #expect(lines[3]["status"] == .int(404))
        #expect(lines[3]["from"] == .null)
        #expect(try sandbox.column("status", candidate: accepted[0].id) == "ACCEPTED")
        let patched = try statusPatches(sandbox).map { $0["path"]?.stringValue ?? "" }
        #expect(patched.sorted() == applied.map { "/candidates/\($0.id)" }.sorted())
        #expect(!run.stdout.contains("Done in"), "the summary goes to standard error with --json")
    }

    @Test("--json attempts: the PATCHes sent for each candidate, retries included (the request log agrees)")
    func attemptsAfterRetries() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--fail-rate", "0.3"])
        // The ids straight from the SQLite file (a request could fail): Northwind's, as its key sees them.
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        let northwind = try await queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.status FROM candidate c JOIN company co ON co.id = c.companyId
                WHERE co.name = 'Northwind Recruiting' ORDER BY c.id
                """).map { (id: $0["id"] as String, status: $0["status"] as String) }
        }
        let chosen = Array(northwind.filter { $0.status != "ACCEPTED" }.prefix(20))
        let already = try #require(northwind.first { $0.status == "ACCEPTED" })
        try #require(chosen.count == 20)
        let run = try CLI.run(["bulk-status", "--to", "ACCEPTED", "--json"] + chosen.map(\.id) + [already.id], dir: dir,
                              env: CLI.environment(sandbox))
        let lines = try run.jsonLines()
        #expect(lines.count == chosen.count + 1, "\(run.stderr)")
        var sent: [String: Int] = [:]
        for p in try statusPatches(sandbox) { sent[String((p["path"]?.stringValue ?? "").dropFirst("/candidates/".count)), default: 0] += 1 }
        for line in lines {
            let id = line["id"]?.stringValue ?? ""
            #expect(line["attempts"] == .int(sent[id] ?? 0), "\(line)")
            if line["outcome"] == .string("moved") { #expect((line["attempts"]?.intValue ?? 0) >= 1) }
        }
        #expect(sent[already.id] == nil, "never sent to the one already there")
        #expect(sent.values.contains { $0 > 1 }, "with 30% of requests failing some candidate needed a retry")
    }

    @Test("exit status 2 for bad usage, with a clear message on standard error",
          arguments: [
            (["bulk-status", "--to", "HIRED", "00000000-0000-4000-8000-000000000001"], "unknown status"),
            (["bulk-status", "--to", "REJECTED"], "no candidate ids"),
            (["bulk-status", "--to", "REJECTED", "not-a-uuid", "00000000-0000-4000-8000-000000000001"], "not a UUID"),
            (["bulk-status", "--to", "REJECTED", "--only-from", "nope", "00000000-0000-4000-8000-000000000001"], "--only-from"),
            (["bulk-status", "--to", "REJECTED", "--concurrency", "0", "00000000-0000-4000-8000-000000000001"], "--concurrency"),
            (["bulk-status", "00000000-0000-4000-8000-000000000001"], "--to"),
            (["bulk-status", "--to", "REJECTED", "--no-such-flag"], "no-such-flag"),
            (["list", "--status", "HIRED"], "unknown status"),
            (["list", "--job", "12"], "not a UUID"),
          ])
    func badUsage(args: [String], message: String) throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let run = try CLI.run(args, dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 2, "\(args): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try sandbox.requests().isEmpty, "nothing is sent on bad usage")
    }

    @Test("bad CSV files exit 2", arguments: [
        ("name,email\nA,a@example.com\n", "no id column"),
        ("id,name\n\"00000000-0000-4000-8000-000000000001,A\n", "not closed"),
        ("", "empty"),
    ])
    func badCSV(text: String, message: String) throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        try text.write(toFile: dir.file("bad.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["bulk-status", "--to", "REJECTED", "--csv", dir.file("bad.csv")], dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("list --json | (extract ids) | bulk-status: the scripting pipeline")
    func pipeline() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let applied = try await candidates(sandbox, status: .applied)
        try #require(applied.count > 20)
        // jq when installed (the README's pipeline), else sed on the JSON lines.
        let extract = (try? ChildProcess.run(["sh", "-c", "command -v jq"]).status) == 0
            ? "jq -r '.id'" : #"sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/'"#
        let run = try CLI.run(pipeline: "\"$CANDIDATES\" list --status APPLIED --json | \(extract) | \"$CANDIDATES\" bulk-status --to REJECTED",
                              dir: dir, env: CLI.environment(sandbox, stateHome: dir.file("state")))
        #expect(run.status == 0, "\(run.stderr)")
        // Every change is in the journal, as one batch.
        let journals = try FileManager.default.contentsOfDirectory(atPath: dir.file("state/candidates/journal"))
        try #require(journals.count == 1)
        let changes = Journal(path: dir.file("state/candidates/journal/" + journals[0])).changes().changes
        #expect(changes.count == applied.count)
        #expect(changes.allSatisfy { $0.outcome == .sent && $0.command == "bulk-status" && $0.batch == changes.first?.batch })
        for c in applied { #expect(try sandbox.column("status", candidate: c.id) == "REJECTED") }
        let patches = try statusPatches(sandbox)
        #expect(patches.count == applied.count)
        #expect(patches.allSatisfy { $0["body"] == .object(["status": .string("REJECTED")]) })
        #expect(try await candidates(sandbox, status: .applied).isEmpty)
    }

    @Test("list prints an aligned table of every page; --json one object per line")
    func list() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--demo-size", "400"])
        let all = try await candidates(sandbox)
        let table = try CLI.run(["list"], dir: dir, env: CLI.environment(sandbox))
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.lines.count == all.count + 1)
        #expect(table.lines.first?.hasPrefix("ID ") == true)
        #expect(table.stderr.contains("\(all.count) candidates"))
        let statusColumn = table.lines.map { $0.dropFirst(38).prefix(10) }
        #expect(Set(statusColumn.dropFirst()).isSubset(of: Set(CandidateStatus.allKnown.map { DisplayText.fit($0.rawValue, to: 10)[...] })))
        let json = try CLI.run(["list", "--json", "--search", all[0].lastName], dir: dir, env: CLI.environment(sandbox))
        let objects = try json.jsonLines()
        #expect(!objects.isEmpty)
        #expect(objects.contains { $0["id"] == .string(all[0].id) })
        #expect(objects.allSatisfy { $0["lastName"] != nil && $0["status"] != nil })
    }

    @Test("list: a server that fails before the first page leaves standard output empty; an empty result keeps its header")
    func listHeaderAfterFirstPage() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let failed = try CLI.run(["list"], dir: dir, env: CLI.environment(sandbox, key: "sk_test_suspended"))
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty, "no header without an answer: \(failed.stdout)")
        #expect(failed.stderr.contains("candidates list:"), "\(failed.stderr)")

        let empty = try CLI.run(["list", "--search", "no such candidate zzz"], dir: dir, env: CLI.environment(sandbox))
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.lines.count == 1)
        #expect(empty.lines.first?.hasPrefix("ID ") == true)
        #expect(empty.stderr.contains("0 candidates"), "\(empty.stderr)")
    }

    @Test("--help discussions are paragraphs that ArgumentParser wraps: at 80 columns no line is cut short mid-paragraph",
          arguments: [[], ["list"], ["bulk-status"], ["apply"], ["serve"]])
    func helpParagraphs(command: [String]) throws {
        let dir = try TempDir()
        var env = CLI.environment(nil, dataHome: dir.file("data"))
        env["COLUMNS"] = "80"
        let help = try CLI.run(command + ["--help"], dir: dir, env: env)
        #expect(help.status == 0)
        // The discussion: after the OVERVIEW paragraph, before USAGE.
        let text = help.stdout.components(separatedBy: "\nUSAGE:")[0].components(separatedBy: "\n\n").dropFirst()
        #expect(!text.isEmpty, "\(command) has a discussion")
        for paragraph in text {
            let lines = paragraph.split(separator: "\n").map(String.init)
            guard let first = lines.first, !first.hasPrefix("  ") else { continue }  // an indented example
            for line in lines { #expect(line.count <= 80, "\(command): \(line)") }
            for line in lines.dropLast() { #expect(line.count >= 60, "\(command): a hand-wrapped line: \(line)") }
        }
    }

    @Test("with nothing configured the scripting commands use the embedded sandbox")
    func embeddedSandbox() throws {
        let dir = try TempDir()
        let run = try CLI.run(["list", "--status", "ACCEPTED", "--json"], dir: dir, env: CLI.environment(nil, dataHome: dir.file("data")))
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try run.jsonLines()
        #expect(!objects.isEmpty && objects.allSatisfy { $0["status"] == .string("ACCEPTED") })
        #expect(FileManager.default.fileExists(atPath: dir.file("data/candidates/sandbox.sqlite")))
    }

    @Test("with only HOME set, the embedded sandbox lives under that HOME, the file 0600 in 0700 folders")
    func sandboxUnderHome() throws {
        let dir = try TempDir()
        var env = CLI.environment(nil)
        for name in ["XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] { env.removeValue(forKey: name) }
        env["HOME"] = dir.file("home")
        let run = try CLI.run(["list", "--status", "ACCEPTED", "--json"], dir: dir, env: env)
        #expect(run.status == 0, "\(run.stderr)")
        let data = dir.file("home/.local/share/candidates")
        func mode(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(mode(data + "/sandbox.sqlite") == 0o600)
        #expect(mode(data) == 0o700)
        for sidecar in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: data + "/sandbox.sqlite" + sidecar) {
            #expect(mode(data + "/sandbox.sqlite" + sidecar) == 0o600, "sandbox.sqlite\(sidecar)")
        }
    }

    @Test("the editor without a terminal says so, exits 2 and creates no sandbox file")
    func editorWithoutATerminal() throws {
        let dir = try TempDir()
        let run = try CLI.run([], dir: dir, env: CLI.environment(nil, dataHome: dir.file("data")))
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs an interactive terminal"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("data/candidates/sandbox.sqlite")))
    }

    @Test("Ctrl-C: no new requests, in-flight ones finish, the rest are reported not attempted, exit 1")
    func interrupt() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--latency-ms", "60"])
        let chosen = try await candidates(sandbox).filter { $0.status != .accepted }
        try #require(chosen.count > 100)
        try chosen.map(\.id).joined(separator: "\n").write(toFile: dir.file("ids.txt"), atomically: true, encoding: .utf8)
        let outPath = dir.file("bulk.out")
        let process = try ChildProcess.start([Binary.path, "bulk-status", "--to", "ACCEPTED", "--json", "--ids-file", dir.file("ids.txt")],
                                             stdout: .file(outPath, append: true), environment: CLI.environment(sandbox))
        try waitUntil("some PATCHes", seconds: 30) { try sandbox.requests(method: "PATCH").count >= 10 }
        process.signal(SIGINT)
        let status = process.wait()
        #expect(status == 1)
        let text = FileManager.default.contents(atPath: outPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let objects = text.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
        let moved = objects.filter { $0["outcome"] == .string("moved") }
        let notAttempted = objects.filter { $0["outcome"] == .string("not_attempted") }
        #expect(objects.count == chosen.count)
        #expect(moved.count >= 10)
        #expect(notAttempted.count == chosen.count - moved.count)
        try await Task.sleep(for: .milliseconds(300))
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == moved.count, "only the moved ones were sent")
        #expect(text.contains("cancelling"))
    }
}
