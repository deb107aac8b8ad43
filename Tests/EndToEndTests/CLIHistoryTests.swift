import CandidateCore
import Foundation
import Testing

/// `candidates history` on a journal written by a real `bulk-status` run; retention pruning at
/// the start of every command; `--purge`.
@Suite("history (real binary)", .ownThread)
struct CLIHistoryTests {
    /// Moves `count` APPLIED candidates to REJECTED with the real binary; returns them and the
    /// journal file the run wrote.
    static func bulkRun(_ sandbox: SandboxProcess, dir: TempDir, env: [String: String], count: Int) async throws -> (moved: [Candidate], journal: Journal) {
        var applied: [Candidate] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery(status: .applied)) { applied += page.items }
        let moved = Array(applied.prefix(count))
        let run = try CLI.run(["bulk-status", "--to", "REJECTED"] + moved.map(\.id), dir: dir, env: env)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = try #require(env["XDG_STATE_HOME"]) + "/candidates/journal"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        try #require(files.count == 1)
        return (moved, Journal(path: folder + "/" + files[0]))
    }

    /// A sent change of `candidate`'s last name, `age` seconds ago.
    static func oldChange(_ id: String, candidate: Candidate, age: TimeInterval) -> JournalChange {
        JournalChange(id: id, time: Date(timeIntervalSinceNow: -age), command: "form", candidateId: candidate.id, name: candidate.fullName,
                      fields: [JournalChange.Field(field: "lastName", before: .string("Old"), after: .string("New"))], outcome: .sent)
    }

    static func append(_ text: String, to journal: Journal) throws {
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        defer { handle.closeFile() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }

    @Test("after bulk-status: a table newest last; --candidate, --since and --json; bad options exit 2")
    func table() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let (moved, journal) = try await Self.bulkRun(sandbox, dir: dir, env: env, count: 3)
        try journal.record(Self.oldChange("0ld0c4a6-0000-4000-8000-000000000001", candidate: moved[0], age: 2 * 86_400))
        let batch = try #require(journal.changes().changes.first?.batch)

        let all = try CLI.run(["history"], dir: dir, env: env)
        #expect(all.status == 0 && all.stderr.isEmpty, "\(all.stderr)")
        #expect(all.lines.count == 5, "\(all.stdout)")
        #expect(all.lines.first?.hasPrefix("TIME ") == true && all.lines.first?.hasSuffix("CHANGE") == true)
        // The change from two days ago first, newest last.
        #expect(all.lines[1].contains("form") && all.lines[1].contains("0ld0c4a6") && all.lines[1].hasSuffix("Last name: Old → New"), "\(all.lines[1])")
        for line in all.lines.dropFirst(2) {
            #expect(line.contains("bulk-status") && line.contains(String(batch.prefix(8))) && line.contains("sent"), "\(line)")
            #expect(line.hasSuffix("Status: APPLIED → REJECTED"), "\(line)")
        }
        for c in moved { #expect(all.lines.dropFirst(2).contains { $0.contains(c.fullName.prefix(10)) }, "\(c.fullName)") }

        let one = try CLI.run(["history", "--candidate", moved[0].id.uppercased()], dir: dir, env: env)
        #expect(one.status == 0 && one.lines.count == 3, "\(one.stdout)")
        #expect(try CLI.run(["history", "--candidate", moved[1].id], dir: dir, env: env).lines.count == 2)
        #expect(try CLI.run(["history", "--since", "1d"], dir: dir, env: env).lines.count == 4)
        #expect(try CLI.run(["history", "--since", "3d"], dir: dir, env: env).lines.count == 5)
        let none = try CLI.run(["history", "--candidate", "00000000-0000-4000-8000-000000000000"], dir: dir, env: env)
        #expect(none.status == 0 && none.stdout.hasPrefix("No change matches (4 in the journal); the journal is \(journal.path)"), "\(none.stdout)")

        let json = try CLI.run(["history", "--json", "--since", "1h"], dir: dir, env: env)
        #expect(json.status == 0, "\(json.stderr)")
        let objects = try json.jsonLines()
        #expect(objects.count == 3)
        #expect(objects.allSatisfy { $0["command"]?.stringValue == "bulk-status" && $0["outcome"]?.stringValue == "sent" && $0["batch"]?.stringValue == batch })
        #expect(Set(objects.compactMap { $0["candidateId"]?.stringValue }) == Set(moved.map(\.id)))
        #expect(objects.first?["fields"] == .array([.object(["field": .string("status"), "before": .string("APPLIED"), "after": .string("REJECTED")])]))

        let badSince = try CLI.run(["history", "--since", "5x"], dir: dir, env: env)
        #expect(badSince.status == 2 && badSince.stderr.contains("--since: '5x' is not a duration"), "\(badSince.stderr)")
        let badId = try CLI.run(["history", "--candidate", "nope"], dir: dir, env: env)
        #expect(badId.status == 2 && badId.stderr.contains("is not a candidate id"), "\(badId.stderr)")
        let unknownFlag = try CLI.run(["history", "--colour"], dir: dir, env: env)
        #expect(unknownFlag.status == 2, "\(unknownFlag.stderr)")
    }

    @Test("an empty journal says so and where it is; a corrupt line is a warning, never fatal")
    func emptyAndCorrupt() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let empty = try CLI.run(["history"], dir: dir, env: env)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.hasPrefix("No changes recorded for this server and company; the journal is \(dir.file("state"))/candidates/journal/"), "\(empty.stdout)")
        let emptyJSON = try CLI.run(["history", "--json"], dir: dir, env: env)
        #expect(emptyJSON.status == 0 && emptyJSON.stdout.isEmpty && emptyJSON.stderr.contains("No changes recorded"), "\(emptyJSON.stderr)")

        let (_, journal) = try await Self.bulkRun(sandbox, dir: dir, env: env, count: 1)
        try Self.append("{this is not json\n", to: journal)
        let corrupt = try CLI.run(["history"], dir: dir, env: env)
        #expect(corrupt.status == 0)
        #expect(corrupt.stderr.contains("candidates history: warning: skipped 1 unreadable line in \(journal.path)"), "\(corrupt.stderr)")
        #expect(corrupt.lines.count == 2 && corrupt.lines[1].contains("Status: APPLIED → REJECTED"), "\(corrupt.stdout)")
    }

    @Test("--purge deletes every journal with --yes; without a terminal or --yes it refuses (exit 2)")
    func purge() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let (_, journal) = try await Self.bulkRun(sandbox, dir: dir, env: env, count: 1)
        let refused = try CLI.run(["history", "--purge"], dir: dir, env: env)
        #expect(refused.status == 2 && refused.stderr.contains("pass --yes"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: journal.path))
        #expect(try CLI.run(["history", "--purge", "--candidate", "00000000-0000-4000-8000-000000000000", "--yes"], dir: dir, env: env).status == 2)
        #expect(try CLI.run(["history", "--yes"], dir: dir, env: env).status == 2)
        let purged = try CLI.run(["history", "--purge", "--yes"], dir: dir, env: env)
        #expect(purged.status == 0 && purged.stdout.hasPrefix("Deleted 1 journal ("), "\(purged.stdout) \(purged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("state/candidates/journal")))
        let again = try CLI.run(["history", "--purge", "--yes"], dir: dir, env: env)
        #expect(again.status == 0 && again.stdout.hasPrefix("There is no journal to delete"), "\(again.stdout)")
    }

    @Test("every command first drops changes older than the retention (30 days, or the profile's journal-retention-days); unreadable lines stay")
    func retention() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        var env = CLI.environment(sandbox, stateHome: dir.file("state"))
        let (moved, journal) = try await Self.bulkRun(sandbox, dir: dir, env: env, count: 1)
        try journal.record(Self.oldChange("old-40-days", candidate: moved[0], age: 40 * 86_400))
        try journal.record(Self.oldChange("old-2-days", candidate: moved[0], age: 2 * 86_400))
        try Self.append("{unreadable\n", to: journal)
        func ids() -> [String] { journal.changes().changes.map(\.id) }
        #expect(ids().contains("old-40-days"))

        let list = try CLI.run(["list", "--json"], dir: dir, env: env)
        #expect(list.status == 0 && !list.stderr.contains("warning"), "\(list.stderr)")
        #expect(!ids().contains("old-40-days") && ids().contains("old-2-days") && ids().count == 2)
        #expect(journal.changes().unreadable == 1, "a line without a date is kept")

        let config = dir.file("config")
        try FileManager.default.createDirectory(atPath: config + "/candidates", withIntermediateDirectories: true)
        try "default-profile = \"p\"\n[profiles.p]\napi-key-env = \"INSTAVIEW_API_KEY\"\njournal-retention-days = 1\n"
            .write(toFile: config + "/candidates/config.toml", atomically: true, encoding: .utf8)
        env["XDG_CONFIG_HOME"] = config
        let show = try CLI.run(["show", moved[0].id], dir: dir, env: env)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(ids() == [journal.changes().changes.first { $0.command == "bulk-status" }?.id], "only today's change is left: \(ids())")
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
