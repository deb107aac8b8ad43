import CandidateCore
import Foundation
import Testing

/// `list --privacy`: the table's emails masked; `--json --privacy` masks the JSON's email and
/// phone; `--json` alone prints them exactly.
@Suite("Privacy in list (real binary)", .ownThread)
struct CLIPrivacyTests {
    /// The sandbox's candidates with an email and a phone, as the API has them.
    func withContacts(_ sandbox: SandboxProcess) async throws -> [Candidate] {
        var out: [Candidate] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery()) { out += page.items }
        return out.filter { $0.email != nil && $0.phoneNumber != nil }
    }

    @Test("the table masks every email when asked and shows them exactly when not")
    func table() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let people = try await withContacts(sandbox)
        let plain = try CLI.run(["list"], dir: dir, env: CLI.environment(sandbox))
        let masked = try CLI.run(["list", "--privacy"], dir: dir, env: CLI.environment(sandbox))
        #expect(plain.status == 0 && masked.status == 0, "\(plain.stderr)\(masked.stderr)")
        #expect(plain.lines.count == masked.lines.count)
        #expect(masked.lines.first == plain.lines.first, "the header is the same")
        let sample = Array(people.prefix(20))
        for c in sample {
            let row = try #require(masked.lines.first { $0.hasPrefix(c.id) })
            let email = try #require(c.email)
            #expect(!row.contains(email), "\(row)")
            #expect(row.contains(String(email.prefix(1)) + "•••••@"), "\(row)")
            #expect(plain.lines.contains { $0.hasPrefix(c.id) && $0.contains(String(email.prefix(20))) })
        }
        #expect(masked.lines.dropFirst().allSatisfy { !$0.contains(".") || $0.contains("•••••@") || !$0.contains("@") })
    }

    @Test("--json alone is exact; --json --privacy masks only email and phoneNumber")
    func json() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let people = try await withContacts(sandbox)
        let exact = try CLI.run(["list", "--json"], dir: dir, env: CLI.environment(sandbox))
        let masked = try CLI.run(["list", "--json", "--privacy"], dir: dir, env: CLI.environment(sandbox))
        #expect(exact.status == 0 && masked.status == 0, "\(exact.stderr)\(masked.stderr)")
        let exactById = Dictionary(try exact.jsonLines().map { ($0["id"]?.stringValue ?? "", $0) }) { a, _ in a }
        let maskedById = Dictionary(try masked.jsonLines().map { ($0["id"]?.stringValue ?? "", $0) }) { a, _ in a }
        #expect(exactById.count == maskedById.count)
        for c in people.prefix(20) {
            let e = try #require(exactById[c.id]), m = try #require(maskedById[c.id])
            #expect(e["email"]?.stringValue == c.email)
            #expect(e["phoneNumber"]?.stringValue == c.phoneNumber)
            #expect(m["email"]?.stringValue == ContactMask.email(c.email ?? "", charset: .unicode))
            #expect(m["phoneNumber"]?.stringValue == ContactMask.phone(c.phoneNumber ?? "", charset: .unicode))
            // Every other field is the same.
            guard case .object(var eo) = e, case .object(var mo) = m else { Issue.record("not objects"); continue }
            for key in ["email", "phoneNumber"] { eo[key] = nil; mo[key] = nil }
            #expect(eo == mo)
        }
    }

    @Test("a locale that is not UTF-8 gets * in the mask")
    func asciiLocale() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        var env = CLI.environment(sandbox)
        env["LANG"] = "C"
        env["LC_ALL"] = "C"
        let run = try CLI.run(["list", "--json", "--privacy"], dir: dir, env: env)
        #expect(run.status == 0, "\(run.stderr)")
        let emails = try run.jsonLines().compactMap { $0["email"]?.stringValue }
        #expect(!emails.isEmpty)
        #expect(emails.allSatisfy { $0.contains("*****@") && !$0.contains("•") })
    }
}
