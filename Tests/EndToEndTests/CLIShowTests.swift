import CandidateCore
import Foundation
import Testing

/// `candidates show ID`: every field for people, the object for scripts, clear failures.
@Suite("show (real binary)", .ownThread)
struct CLIShowTests {
    @Test("every field with job titles; --json the object; a bad id exits 2, an unknown one 1")
    func show() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        var withJobs: Candidate?
        for try await page in try sandbox.client().allCandidates(CandidateQuery()) {
            withJobs = withJobs ?? page.items.first { !$0.jobIds.isEmpty && $0.email != nil }
        }
        let c = try #require(withJobs)
        let jobs = try await sandbox.client().allJobs()
        let title = try #require(jobs.first { $0.id == c.jobIds[0] }?.title)
        let env = CLI.environment(sandbox)
        let people = try CLI.run(["show", c.id], dir: dir, env: env)
        #expect(people.status == 0, "\(people.stderr)")
        #expect(people.stdout.contains("Name "), "\(people.stdout)")
        #expect(people.lines.contains { $0.hasPrefix("Email") && $0.hasSuffix(c.email!) })
        #expect(people.lines.contains { $0.hasPrefix("Status") && $0.contains(c.status.rawValue) })
        #expect(people.stdout.contains("\(title) (\(c.jobIds[0]))"))
        let json = try CLI.run(["show", c.id, "--json"], dir: dir, env: env)
        #expect(json.status == 0)
        let object = try JSONValue.parse(json.stdout)
        #expect(object["id"]?.stringValue == c.id && object["email"]?.stringValue == c.email)
        let masked = try CLI.run(["show", c.id, "--privacy"], dir: dir, env: env)
        #expect(masked.status == 0 && !masked.stdout.contains(c.email!) && masked.stdout.contains("@"), "\(masked.stdout)")
        let maskedJSON = try JSONValue.parse(try CLI.run(["show", c.id, "--json", "--privacy"], dir: dir, env: env).stdout)
        #expect(maskedJSON["email"]?.stringValue != c.email && maskedJSON["id"]?.stringValue == c.id)
        let bad = try CLI.run(["show", "not-a-uuid"], dir: dir, env: env)
        #expect(bad.status == 2 && bad.stderr.contains("is not a candidate id"), "\(bad.stderr)")
        let missing = try CLI.run(["show", "00000000-0000-4000-8000-000000000000"], dir: dir, env: env)
        #expect(missing.status == 1 && !missing.stderr.isEmpty && missing.stdout.isEmpty, "\(missing.stderr)")
    }
}
