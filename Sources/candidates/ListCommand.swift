import ArgumentParser
import CandidateCore
import Foundation
import NIOConcurrencyHelpers

/// `candidates list`: every candidate matching the filters, all pages, as a table or JSON lines.
struct ListCandidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print candidates (all pages) as a table or as JSON lines.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Reads every page (100 per request) of GET /candidates with the filters and prints an \
        aligned table, with the count on standard error. The header comes once the server has \
        answered, so a server that fails leaves standard output empty. Each candidate is printed \
        once, even when it shifts between pages while listing.

        Requests are paced by the server's rate-limit headers; a 429 waits for its Retry-After, \
        and a 5xx, timeout or connection error is asked again up to 8 times with a growing \
        pause. When a page still fails, or the server's pages contradict themselves (a page \
        repeated, a next page claimed forever), list stops, says on standard error how many \
        of how many candidates it printed, and exits 1. Progress goes to standard error when \
        it is a terminal.

        With --json each line is one candidate object (every field this client reads), ready for \
        jq. Save the list first, so bulk-status never acts on a list that stopped half-way:

          candidates list --status APPLIED --json > applied.jsonl &&
            jq -r '.id' applied.jsonl | candidates bulk-status --to REJECTED

        --search is done by the server. The InstaView API documents it as matching first and \
        last name (possibly email too). The embedded sandbox matches any part of "first last" \
        or of the email, ignoring case and accents: stastny finds Šťastný.

        Exit status: 0 every candidate listed, 1 the list is incomplete (the server failed), 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("Only candidates with this status.", valueName: "status"))
    var status: CandidateStatus?

    @Option(help: ArgumentHelp("Only candidates assigned to this job (UUID).", valueName: "id"))
    var job: String?

    @Option(help: ArgumentHelp("Server-side search: first and last name per the API docs; the sandbox also matches the email, ignoring case and accents.", valueName: "text"))
    var search: String?

    @OptionGroup var output: JSONOutputOption

    @Flag(help: "Mask email and phone (l•••••@example.org, +34 •••••9708), in the table and, with --json, in the JSON too.")
    var privacy = false

    @OptionGroup var connection: ConnectionOptions

    /// Bytes of output gathered before they are written.
    static let outputChunk = 64 * 1024

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        let charset = Console.prepareLocale()
        let mask: ContactMaskChoice = privacy ? .masked(charset) : .plain
        var query = CandidateQuery(limit: CandidateQuery.maxLimit)
        do {
            query.status = try status?.known(option: "--status")
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
        let count = NIOLockedValueBox(ListCount())
        let progress = ProgressLine()
        let pages = open.client.allCandidates(query, onWait: { wait in
            let note = wait.map { "waiting \(Int($0.rounded(.up)))s for the rate limit" }
            progress.show(count.withLockedValue { $0.text(note) }, force: true)
        }, onRetry: { error, attempts, seconds in
            let note = "\(DisplayText.sanitize(Scripting.describe(error))); request \(attempts + 1) in \(Int(seconds.rounded(.up)))s"
            progress.show(count.withLockedValue { $0.text(note) }, force: true)
        })
        // The header only once the server answered: a failing server leaves standard output empty.
        var headerPrinted = output.json
        // Candidates the server sent that could not be read: listed on stderr, and the list is incomplete.
        var leftOut = 0
        var lines = CompactJSONWriter(escapingTerminalControls: true, capacity: Self.outputChunk + 4096)
        do {
            progress.show(count.withLockedValue { $0.text(nil) }, force: true)
            for try await page in pages {
                progress.clear()
                if !headerPrinted { Console.out(CandidateTable.header); headerPrinted = true }
                // Lines are gathered in one bounded buffer and written in large pieces.
                for c in page.items {
                    if output.json {
                        CandidateTable.write(c, mask: mask, to: &lines)
                    } else {
                        lines.bytes.append(contentsOf: CandidateTable.row(c, mask: mask).utf8)
                    }
                    lines.bytes.append(UInt8(ascii: "\n"))
                    if lines.bytes.count >= Self.outputChunk {
                        Console.write(lines.bytes)
                        lines.bytes.removeAll(keepingCapacity: true)
                    }
                }
                Console.write(lines.bytes)
                lines.bytes.removeAll(keepingCapacity: true)
                Console.flush()
                leftOut += page.skipped.count
                for problem in page.skipped {
                    progress.clear()
                    Console.err("candidates list: left out a candidate the server sent unreadable (page \(page.page), \(DisplayText.sanitize(problem)))")
                }
                let line = count.withLockedValue { count in
                    count.add(page.items.count, total: page.total)
                    return count.text(nil)
                }
                progress.show(line)
            }
        } catch {
            progress.clear()
            Console.flush()
            Console.err("candidates list: incomplete: printed \(count.withLockedValue { $0.countText }) candidates; stopped because: "
                        + DisplayText.sanitize(Scripting.describe(error)))
            await open.sandbox?.stop()
            throw ExitCode(1)
        }
        progress.clear()
        if !headerPrinted { Console.out(CandidateTable.header) }
        if !output.json {
            let (printed, total) = count.withLockedValue { ($0.printed, $0.total) }
            Console.err("\(printed) candidate\(printed == 1 ? "" : "s")" + (total.map { $0 != printed ? " (the server counted \($0))" : "" } ?? ""))
        }
        await open.sandbox?.stop()
        if leftOut > 0 {
            // Every readable candidate is printed, but a script must not take this for the whole list.
            Console.err("candidates list: incomplete: printed \(count.withLockedValue { $0.countText }) candidates; left out \(leftOut) the server sent unreadable")
            throw ExitCode(1)
        }
    }
}

/// What `list` has printed so far; the progress callbacks (any thread) read it from a lock box.
struct ListCount: Sendable {
    var printed = 0
    /// The server's latest count, once it answered.
    var total: Int?

    /// `page` more candidates printed; `total` is the server's latest count.
    mutating func add(_ page: Int, total: Int) {
        printed += page
        self.total = total
    }

    /// `400 of 2100`, or `0` before the server counted.
    var countText: String { total.map { "\(printed) of \($0)" } ?? "\(printed)" }

    /// `Listing candidates… 400 of 2100 · <note>`.
    func text(_ note: String?) -> String {
        "Listing candidates… \(countText)" + (note.map { " · " + $0 } ?? "")
    }
}

/// How `list` prints a candidate.
enum CandidateTable {
    static let widths = (id: 36, status: 10, name: 30, email: 32)

    static var header: String {
        [DisplayText.fit("ID", to: widths.id), DisplayText.fit("STATUS", to: widths.status),
         DisplayText.fit("NAME", to: widths.name), DisplayText.fit("EMAIL", to: widths.email), "UPDATED"].joined(separator: "  ")
    }

    /// Fixed-width columns (cut with `…`), sanitized, the email masked when `mask` says so;
    /// streaming-friendly (no look-ahead).
    static func row(_ c: Candidate, mask: ContactMaskChoice = .plain) -> String {
        let updated = c.updatedAt.map { String($0.prefix(10)) } ?? ""
        return [DisplayText.fit(c.id, to: widths.id), DisplayText.fit(c.status.rawValue, to: widths.status),
                DisplayText.fit(c.fullName, to: widths.name), DisplayText.fit(mask.apply(.email, c.email ?? ""), to: widths.email),
                DisplayText.sanitize(updated)].joined(separator: "  ")
    }

    /// The candidate as one line of compact JSON (sorted keys), terminal-safe (as `Scripting.jsonLine`);
    /// `email` and `phoneNumber` masked only when `mask` says so.
    static func jsonLine(_ c: Candidate, mask: ContactMaskChoice = .plain) -> String {
        var writer = CompactJSONWriter(escapingTerminalControls: true)
        write(c, mask: mask, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends `jsonLine(c, mask:)`'s bytes (without a newline), written once, straight from the candidate.
    static func write(_ c: Candidate, mask: ContactMaskChoice, to writer: inout CompactJSONWriter) {
        guard case .masked = mask else { return c.writeCompactJSON(to: &writer) }
        var shown = c
        shown.email = c.email.map { mask.apply(.email, $0) }
        shown.phoneNumber = c.phoneNumber.map { mask.apply(.phoneNumber, $0) }
        shown.writeCompactJSON(to: &writer)
    }
}
