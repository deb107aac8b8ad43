import CandidateCore
import Foundation
import Testing

/// `candidates bulk-jobs` and `candidates bulk-gdpr` as scripts use them: the real binary
/// against `candidates serve`; the request log shows every PATCH body exactly, the journal
/// what was recorded.
@Suite("bulk-jobs and bulk-gdpr (real binary)", .ownThread)
struct CLIBulkJobsAndGDPRTests {
    func all(_ sandbox: SandboxProcess) async throws -> [Candidate] {
        var out: [Candidate] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery()) { out += page.items }
        return out
    }

    /// PATCH bodies by candidate id, in the order sent.
    func patches(_ sandbox: SandboxProcess) throws -> [(id: String, body: JSONValue?)] {
        try sandbox.requests(method: "PATCH").map { (String(($0["path"]?.stringValue ?? "").dropFirst("/candidates/".count)), $0["body"]) }
    }

    func journal(_ state: String) throws -> [JournalChange] {
        let folder = state + "/candidates/journal"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        try #require(files.count == 1)
        return Journal(path: folder + "/" + files[0]).changes().changes
    }

    static func jobIds(_ ids: [String]) -> JSONValue { .object(["jobIds": .array(ids.map(JSONValue.string))]) }

    @Test("bulk-jobs --add: one PATCH of the whole new jobIds list per candidate; one already assigned is skipped; journaled as one batch")
    func addJob() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let job = try #require(try await client.allJobs().first)
        let people = try await all(sandbox)
        let without = Array(people.filter { !$0.jobIds.contains(job.id) }.prefix(2))
        let already = try #require(people.first { $0.jobIds.contains(job.id) && $0.jobIds.count < 50 })
        try #require(without.count == 2)
        let state = dir.file("state")
        let run = try CLI.run(["bulk-jobs", "--add", job.id, "--json"] + (without + [already]).map(\.id), dir: dir,
                              env: CLI.environment(sandbox, stateHome: state))
        #expect(run.status == 0, "\(run.stderr)")
        let sent = try patches(sandbox)
        #expect(sent.map(\.id) .sorted() == without.map(\.id).sorted(), "the one already assigned is never sent")
        for c in without {
            #expect(sent.first { $0.id == c.id }?.body == Self.jobIds(c.jobIds + [job.id]))
        }
        let lines = try run.jsonLines()
        #expect(lines.map { $0["outcome"]?.stringValue } == ["assigned", "assigned", "skipped"])
        #expect(lines[2]["message"] == .string("already assigned"))
        #expect(lines.allSatisfy { $0["job"] == .string(job.id) && $0["action"] == .string("add") })
        #expect(run.stderr.contains("assigned 2 · skipped 1 → +\(job.title)"), "\(run.stderr)")
        let changes = try journal(state)
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { $0.command == "bulk-jobs" && $0.outcome == .sent && $0.batch == changes[0].batch })
    }

    @Test("bulk-jobs --remove keeps every other job; one not assigned is skipped; --dry-run sends nothing")
    func removeJob() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let jobs = try await client.allJobs()
        try #require(jobs.count >= 2)
        let (job, other) = (jobs[0], jobs[1])
        let people = try await all(sandbox).filter { !$0.jobIds.contains(job.id) }
        var holder = people[0]
        holder.jobIds = [other.id, job.id]
        _ = try await client.updateCandidate(id: holder.id, patch: CandidatePatch(changes: [.jobIds: .array(holder.jobIds.map(JSONValue.string))]))
        let none = people[1]
        let before = try patches(sandbox).count

        let dry = try CLI.run(["bulk-jobs", "--remove", job.id, "--dry-run", holder.id, none.id], dir: dir, env: CLI.environment(sandbox))
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.lines.first == "Remove 1 candidate from \(job.title); 1 skipped (not assigned)")
        #expect(dry.lines.contains { $0.hasPrefix("would remove") && $0.contains(holder.id) })
        #expect(dry.lines.contains { $0.hasPrefix("skipped") && $0.contains(none.id) && $0.hasSuffix("not assigned") })
        #expect(try patches(sandbox).count == before)

        let run = try CLI.run(["bulk-jobs", "--remove", job.id, holder.id, none.id], dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        let sent = try patches(sandbox).dropFirst(before)
        #expect(sent.map(\.id) == [holder.id])
        #expect(sent.first?.body == Self.jobIds([other.id]))
        #expect(run.lines.contains { $0.hasPrefix("removed") && $0.contains(holder.id) })
        #expect(run.stdout.contains("removed 1 · skipped 1 → −\(job.title)"))
    }

    @Test("bulk-gdpr --until: exactly the day is sent; a later or equal expiry is skipped and listed with it")
    func gdprUntil() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let today = CalendarDay.today()
        let until = try #require(today.adding(months: 6))
        let people = Array(try await all(sandbox).prefix(3))
        let laterDay = try #require(until.adding(months: 1)), earlierDay = today.adding(days: 2)
        _ = try await client.updateCandidate(id: people[0].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(earlierDay.description)]))
        _ = try await client.updateCandidate(id: people[1].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(laterDay.description)]))
        _ = try await client.updateCandidate(id: people[2].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(until.description)]))
        let before = try patches(sandbox).count
        let state = dir.file("state")
        let run = try CLI.run(["bulk-gdpr", "--until", until.description] + people.map(\.id), dir: dir,
                              env: CLI.environment(sandbox, stateHome: state))
        #expect(run.status == 0, "\(run.stderr)")
        let sent = try patches(sandbox).dropFirst(before)
        #expect(sent.map(\.id) == [people[0].id])
        #expect(sent.first?.body == .object(["gdprExpiryDate": .string(until.description)]))
        #expect(run.lines.contains { $0.hasPrefix("extended") && $0.contains(people[0].id) && $0.hasSuffix("GDPR \(earlierDay) → \(until)") }, "\(run.stdout)")
        #expect(run.lines.contains { $0.hasPrefix("skipped") && $0.contains(people[1].id) && $0.hasSuffix("GDPR expiry already \(laterDay)") })
        #expect(run.lines.contains { $0.hasPrefix("skipped") && $0.contains(people[2].id) && $0.hasSuffix("GDPR expiry already \(until)") })
        #expect(run.stdout.contains("extended 1 · skipped 2 → GDPR \(until)"))
        let changes = try journal(state)
        #expect(changes.map(\.command) == ["bulk-gdpr"])
        #expect(changes.first?.fields == [JournalChange.Field(field: "gdprExpiryDate", before: .string(earlierDay.description),
                                                               after: .string(until.description))])
    }

    @Test("bulk-gdpr --extend 12m (and 12): today plus 12 months; --json lists the skipped with the reason")
    func gdprExtend() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let until = try #require(CalendarDay.today().adding(months: 12))
        let people = Array(try await all(sandbox).prefix(2))
        let later = try #require(until.adding(months: 3))
        _ = try await client.updateCandidate(id: people[0].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .null]))
        _ = try await client.updateCandidate(id: people[1].id, patch: CandidatePatch(changes: [.gdprExpiryDate: .string(later.description)]))
        let before = try patches(sandbox).count
        let run = try CLI.run(["bulk-gdpr", "--extend", "12m", "--json"] + people.map(\.id), dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 0, "\(run.stderr)")
        let sent = try patches(sandbox).dropFirst(before)
        #expect(sent.map(\.id) == [people[0].id])
        #expect(sent.first?.body == .object(["gdprExpiryDate": .string(until.description)]))
        let lines = try run.jsonLines()
        #expect(lines.map { $0["outcome"]?.stringValue } == ["extended", "skipped"])
        #expect(lines[1]["message"] == .string("GDPR expiry already \(later)"))
        #expect(lines.allSatisfy { $0["until"] == .string(until.description) })

        // A bare number is months too; everyone is already there now.
        let again = try CLI.run(["bulk-gdpr", "--extend", "12"] + people.map(\.id), dir: dir, env: CLI.environment(sandbox))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try patches(sandbox).count == before + 1)
        #expect(again.stdout.contains("extended 0 · skipped 2 → GDPR \(until)"))
    }

    @Test("bad usage exits 2 with a clear message and sends nothing", arguments: [
        (["bulk-jobs", "00000000-0000-4000-8000-000000000001"], "--add JOB-ID or --remove JOB-ID"),
        (["bulk-jobs", "--add", "00000000-0000-4000-8000-00000000000a", "--remove", "00000000-0000-4000-8000-00000000000a",
          "00000000-0000-4000-8000-000000000001"], "cannot be used together"),
        (["bulk-jobs", "--add", "backend", "00000000-0000-4000-8000-000000000001"], "is not a job id"),
        (["bulk-jobs", "--add", "00000000-0000-4000-8000-0000000000ff", "00000000-0000-4000-8000-000000000001"], "no job 00000000-0000-4000-8000-0000000000ff"),
        (["bulk-jobs", "--add", "00000000-0000-4000-8000-0000000000ff"], "no candidate ids"),
        (["bulk-gdpr", "00000000-0000-4000-8000-000000000001"], "--until YYYY-MM-DD or --extend 12m"),
        (["bulk-gdpr", "--until", "2020-01-01", "00000000-0000-4000-8000-000000000001"], "--until: 2020-01-01 is not in the future"),
        (["bulk-gdpr", "--until", "12m", "00000000-0000-4000-8000-000000000001"], "--until takes a day"),
        (["bulk-gdpr", "--extend", "2027-01-01", "00000000-0000-4000-8000-000000000001"], "--extend takes months"),
        (["bulk-gdpr", "--extend", "0", "00000000-0000-4000-8000-000000000001"], "use 1 to 1200 months"),
        (["bulk-gdpr", "--extend", "6", "--until", "2099-01-01", "00000000-0000-4000-8000-000000000001"], "cannot be used together"),
        (["bulk-gdpr", "--extend", "6", "not-a-uuid"], "not a UUID"),
        (["bulk-gdpr", "--no-such-flag"], "no-such-flag"),
    ])
    func badUsage(_ args: [String], _ message: String) async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let run = try CLI.run(args, dir: dir, env: CLI.environment(sandbox))
        #expect(run.status == 2, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try patches(sandbox).isEmpty)
    }
}
