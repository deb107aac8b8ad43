import ArgumentParser
import CandidateCore
import Foundation

/// `candidates bulk-gdpr`: extends many candidates' GDPR expiry to one day.
struct BulkGDPR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk-gdpr",
        abstract: "Extend many candidates' GDPR expiry to a day (--until) or by months from today (--extend).",
        discussion: """
        Ids are taken as bulk-status takes them: arguments, --ids-file FILE (- is standard \
        input), --csv FILE, or standard input when it is not a terminal.

        --until 2027-12-31 sets that day; --extend 12m (or 12, or +12) sets today (UTC) plus 12 \
        months, on the last day of the month when that month is shorter. The day must be after \
        today (API rule). Each candidate is read, and read again right before its PATCH \
        {"gdprExpiryDate": DAY}: one whose expiry is already that day or later is skipped with \
        the reason, never shortened. Every change is journaled, one batch per run.

        --json prints one object per candidate: id, name, outcome (extended, skipped, conflict, \
        failed, not_attempted; with --dry-run would_extend), status (the HTTP status of a \
        failure, else null), message, attempts (requests sent for it: the read right before its \
        PATCH and the PATCH, retries included), and until.

        Exit status: 0 every candidate extended or skipped, 1 any failed or not attempted, 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("The new expiry day, YYYY-MM-DD (after today).", valueName: "day"))
    var until: String?

    @Option(help: ArgumentHelp("Months from today (UTC): 12m, 12 or +12.", valueName: "months"))
    var extend: String?

    @OptionGroup var input: BulkIdOptions

    @OptionGroup var sending: BulkSendOptions

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let day: CalendarDay
        let entries: [IdInput.Entry]
        do {
            day = try Self.day(until: until, extend: extend, today: .today())
            _ = try sending.checked()
            entries = try input.gather()
        } catch let problem as UsageProblem {
            Console.err("candidates bulk-gdpr: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "bulk-gdpr")
        let code = await BulkChangeRun(
            command: "bulk-gdpr", client: open.client, entries: entries, options: BulkOptions(concurrency: sending.concurrency),
            dryRun: sending.dryRun, json: output.json,
            journal: JournalScope(journal: open.journal, command: "bulk-gdpr", batch: JournalScope.newBatch()),
            jsonFields: ["until": .string(day.description)],
            makePlan: { .gdprExpiry(until: day, candidates: $0) }).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    /// The day of `--until` (a day only) or `--extend` (months only); exactly one of them.
    /// - Throws: `UsageProblem` naming the option and what is wrong.
    static func day(until: String?, extend: String?, today: CalendarDay) throws -> CalendarDay {
        let option: String, text: String
        switch (until, extend) {
        case (let u?, nil):
            guard GDPRExpiryInput.months(u) == nil else {
                throw UsageProblem("--until takes a day as YYYY-MM-DD (for months from today use --extend \(u))")
            }
            (option, text) = ("--until", u)
        case (nil, let e?):
            guard GDPRExpiryInput.months(e) != nil else {
                throw UsageProblem("--extend takes months from today, e.g. 12m (for a day use --until \(DisplayText.sanitize(String(e.prefix(40)))))")
            }
            (option, text) = ("--extend", e)
        case (nil, nil): throw UsageProblem("say the new expiry: --until YYYY-MM-DD or --extend 12m")
        default: throw UsageProblem("--until and --extend cannot be used together")
        }
        switch GDPRExpiryInput.day(text, today: today) {
        case .success(let day): return day
        case .failure(let problem): throw UsageProblem("\(option): \(problem)")
        }
    }
}
