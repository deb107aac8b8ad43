import ArgumentParser
import CandidateCore
import Foundation

/// `candidates list`: every candidate matching the filters, all pages, as a table or JSON lines.
struct ListCandidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print candidates (all pages) as a table or as JSON lines.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Reads every page (100 per request) of GET /candidates with the filters and prints an \
        aligned table, with the count on standard error. The header comes once the server has \
        answered, so a server that fails leaves standard output empty.

        With --json each line is one candidate object (every field this client reads), ready for jq:

          candidates list --status APPLIED --json | jq -r '.id' |
            candidates bulk-status --to REJECTED

        --search is done by the server. The InstaView API documents it as matching first and \
        last name (possibly email too). The embedded sandbox matches any part of "first last" \
        or of the email, ignoring case and accents: stastny finds Šťastný.

        Exit status: 0 listed, 1 the server failed, 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("Only candidates with this status (UNDEFINED, APPLIED, IN_PROCESS, REJECTED, ACCEPTED).", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Only candidates assigned to this job (UUID).", valueName: "id"))
    var job: String?

    @Option(help: ArgumentHelp("Server-side search: first and last name per the API docs; the sandbox also matches the email, ignoring case and accents.", valueName: "text"))
    var search: String?

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrap(toFile: ProcessInfo.processInfo.environment["CANDIDATES_LOG"])
        Console.prepareLocale()
        var query = CandidateQuery(limit: CandidateQuery.maxLimit)
        do {
            query.status = try status.map { try parseStatus($0, option: "--status") }
            if let job {
                let trimmed = job.trimmingCharacters(in: .whitespaces)
                guard PatchValidator.isUUID(trimmed) else { throw UsageProblem("--job: \"\(DisplayText.sanitize(job))\" is not a UUID") }
                query.jobId = trimmed
            }
            if let search, !search.trimmingCharacters(in: .whitespaces).isEmpty { query.search = search }
        } catch let problem as UsageProblem {
            Console.err("candidates list: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "list")
        var count = 0
        var total: Int?
        // The header only once the server answered: a failing server leaves standard output empty.
        var headerPrinted = json
        do {
            for try await page in open.client.allCandidates(query) {
                if !headerPrinted { Console.out(CandidateTable.header); headerPrinted = true }
                total = total ?? page.total
                for c in page.items {
                    Console.out(json ? CandidateTable.jsonLine(c) : CandidateTable.row(c))
                    count += 1
                }
                Console.flush()
            }
        } catch {
            Console.flush()
            Console.err("candidates list: \(DisplayText.sanitize(Scripting.describe(error)))")
            await open.sandbox?.stop()
            throw ExitCode(1)
        }
        if !headerPrinted { Console.out(CandidateTable.header) }
        if !json {
            Console.err("\(count) candidate\(count == 1 ? "" : "s")" + (total.map { $0 != count ? " (the server counted \($0))" : "" } ?? ""))
        }
        await open.sandbox?.stop()
    }
}

/// How `list` prints a candidate.
enum CandidateTable {
    static let widths = (id: 36, status: 10, name: 30, email: 32)

    static var header: String {
        [DisplayText.fit("ID", to: widths.id), DisplayText.fit("STATUS", to: widths.status),
         DisplayText.fit("NAME", to: widths.name), DisplayText.fit("EMAIL", to: widths.email), "UPDATED"].joined(separator: "  ")
    }

    /// Fixed-width columns (cut with `…`), sanitized; streaming-friendly (no look-ahead).
    static func row(_ c: Candidate) -> String {
        let updated = c.updatedAt.map { String($0.prefix(10)) } ?? ""
        return [DisplayText.fit(c.id, to: widths.id), DisplayText.fit(c.status.rawValue, to: widths.status),
                DisplayText.fit(c.fullName, to: widths.name), DisplayText.fit(c.email ?? "", to: widths.email),
                DisplayText.sanitize(updated)].joined(separator: "  ")
    }

    /// The candidate as one line of compact JSON (sorted keys), terminal-safe (`Scripting.jsonLine`).
    static func jsonLine(_ c: Candidate) -> String {
        Scripting.jsonLine((try? JSONValue.from(c)) ?? .object(["id": .string(c.id)]))
    }
}
