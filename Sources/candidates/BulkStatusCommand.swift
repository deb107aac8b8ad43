import ArgumentParser
import CandidateCore
import Foundation

/// `candidates bulk-status`: moves many candidates to one status with the bulk engine.
struct BulkStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk-status",
        abstract: "Move many candidates to one status (PATCH {\"status\": X} each, paced by the rate limit).",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Ids come from the arguments, from --ids-file FILE (one per line; blank lines and # \
        comments ignored; - is standard input), from --csv FILE (the id column of a CSV file \
        with a header row), or, when none of these is given, from standard input if it is not \
        a terminal.

        Each candidate is read first: those already at the target are skipped (never sent), \
        --only-from leaves out those not at that status, and one that cannot be read fails \
        with the server's answer. The rest get PATCH {"status": X}, --concurrency at a time, \
        paced by the server's rate-limit headers; 429 and 5xx answers are retried.

        --json prints one object per candidate: id, name, from, to, outcome (moved, skipped, \
        failed, not_attempted), status (the HTTP status of a failure, else null), message, \
        and attempts (the PATCH requests sent: 1 or more when moved, 0 when none was sent).

        Ctrl-C stops starting requests; those in flight finish and the rest are reported as \
        not attempted. A second Ctrl-C quits at once.

        Exit status: 0 every candidate moved or skipped, 1 any failed or not attempted, 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("The status to move to.", valueName: "status"))
    var to: CandidateStatus

    @Option(help: ArgumentHelp("Only move candidates currently at this status; leave the others out.", valueName: "status"))
    var onlyFrom: CandidateStatus?

    @OptionGroup var input: BulkIdOptions

    @OptionGroup var sending: BulkSendOptions

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let target: CandidateStatus
        let onlyFromStatus: CandidateStatus?
        let entries: [IdInput.Entry]
        do {
            target = try to.known(option: "--to")
            onlyFromStatus = try onlyFrom?.known(option: "--only-from")
            _ = try sending.checked()
            entries = try input.gather()
        } catch let problem as UsageProblem {
            Console.err("candidates bulk-status: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "bulk-status")
        let code = await BulkStatusRun(client: open.client, target: target, onlyFrom: onlyFromStatus, entries: entries,
                                       options: BulkOptions(concurrency: sending.concurrency), dryRun: sending.dryRun, json: output.json,
                                       journal: JournalScope(journal: open.journal, command: "bulk-status", batch: JournalScope.newBatch())).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}

/// One `bulk-status` run once the input is valid: read, plan, send (unless a dry run), report.
struct BulkStatusRun {
    let client: CandidatesClient
    let target: CandidateStatus
    let onlyFrom: CandidateStatus?
    let entries: [IdInput.Entry]
    let options: BulkOptions
    let dryRun: Bool
    let json: Bool
    /// Where every change is recorded before it is sent (`nil`: not recorded — benches only).
    var journal: JournalScope? = nil

    /// One output line per distinct candidate id.
    struct Line {
        var id: String
        var name: String?
        var from: CandidateStatus?
        /// `moved`, `skipped`, `failed`, `not_attempted`, or in a dry run `would_move`.
        var outcome: String
        var httpStatus: Int?
        var message: String?
        /// PATCH requests sent for it: 1 or more when moved, the count when a PATCH failed, 0 when
        /// none was sent (skipped, not attempted, a dry run, or it could not be read).
        var attempts = 0
        var move: Pipeline.Move?

        var succeeded: Bool { outcome == "moved" || outcome == "skipped" || outcome == "would_move" }
    }

    /// Runs and returns the exit status (0 or 1).
    func run() async -> Int32 {
        let session = BulkCommandSession(command: "bulk-status")
        defer { session.stop() }
        let control = session.control, progress = session.progress
        let looked = await session.read(entries, client: client, options: options)

        var lines: [String: Line] = [:]
        var order: [String] = []
        var candidates: [Candidate] = []
        for (id, result) in looked {
            let key = id.lowercased()
            order.append(key)
            switch result {
            case nil:
                lines[key] = Line(id: id, outcome: "not_attempted", message: "cancelled before it was read")
            case .failure(let e)?:
                lines[key] = Line(id: id, outcome: "failed", httpStatus: e.httpStatus, message: "cannot read it: \(e.description)")
            case .success(let c)?:
                if let onlyFrom, c.status != onlyFrom {
                    lines[key] = Line(id: c.id, name: c.fullName, from: c.status, outcome: "skipped",
                                      message: "left out: \(c.status), not \(onlyFrom) (--only-from)")
                } else {
                    candidates.append(c)
                }
            }
        }
        let plan = BulkStatusPlan(candidates: candidates, target: target)

        if dryRun || control.isCancelled {
            for item in plan.items {
                let c = item.candidate
                lines[c.id.lowercased()] = item.move == .alreadyThere
                    ? Line(id: c.id, name: c.fullName, from: c.status, outcome: "skipped", message: "already \(target)")
                    : Line(id: c.id, name: c.fullName, from: c.status, outcome: dryRun ? "would_move" : "not_attempted",
                           message: dryRun ? "\(c.status) → \(target)" : "cancelled before it was sent", move: item.move)
            }
            if dryRun && !json { Console.out(DisplayText.sanitize(plan.summary())) }
            return finish(order.compactMap { lines[$0] }, seconds: dryRun ? nil : session.elapsed, cancelled: true)
        }

        let report = await BulkStatusEngine(client: client, options: options, journal: journal).run(plan, control: control) { event in
            if case .progress(let p) = event { progress.show(Self.progressText(p, target: target, cancelling: control.isCancelled)) }
        }
        progress.clear()
        for r in report.results {
            lines[r.id.lowercased()] = Self.line(r, target: target)
        }
        return finish(order.compactMap { lines[$0] }, seconds: session.elapsed, cancelled: report.cancelled)
    }

    /// Prints the lines and, after a run, the summary; returns the exit status.
    private func finish(_ out: [Line], seconds: Double?, cancelled: Bool = false) -> Int32 {
        for line in out { Console.out(json ? jsonText(line) : text(line)) }
        Console.flush()
        if let seconds {
            let summary = Self.summary(out, target: target, seconds: seconds, cancelled: cancelled)
            json ? Console.err(summary) : Console.out(summary)
        }
        return out.allSatisfy(\.succeeded) ? 0 : 1
    }

    static func line(_ r: BulkItemResult, target: CandidateStatus) -> Line {
        var line = Line(id: r.id, name: r.name, from: r.from, outcome: "", message: nil, attempts: r.attempts)
        switch r.outcome {
        case .moved(let c):
            line.outcome = "moved"
            line.message = "\(r.from) → \(c.status)"
        case .skipped:
            line.outcome = "skipped"
            line.message = "already \(target)"
        default:
            if let words = BulkResultWords.unchanged(r.outcome) { (line.outcome, line.httpStatus, line.message) = words }
        }
        return line
    }

    /// `{"id","name","from","to","outcome","status","message","attempts"[,"move"]}`, one line.
    func jsonText(_ l: Line) -> String {
        var o: [String: JSONValue] = [
            "id": .string(l.id), "name": l.name.map(JSONValue.string) ?? .null, "from": l.from.map { .string($0.rawValue) } ?? .null,
            "to": .string(target.rawValue), "outcome": .string(l.outcome), "status": l.httpStatus.map(JSONValue.int) ?? .null,
            "message": l.message.map(JSONValue.string) ?? .null, "attempts": .int(l.attempts),
        ]
        if let move = l.move, l.outcome == "would_move" { o["move"] = .string(move == .natural ? "natural" : "override") }
        return Scripting.jsonLine(.object(o))
    }

    /// `moved          <id>  Name                          APPLIED → REJECTED`
    func text(_ l: Line) -> String {
        let label = l.outcome == "failed" ? "FAILED" : l.outcome.replacingOccurrences(of: "_", with: " ")
        var message = l.message ?? ""
        if l.outcome == "would_move", l.move == .override { message += " (override)" }
        if l.attempts > 1 { message += " (\(l.attempts) attempts)" }
        return [DisplayText.fit(label, to: 13), l.id, DisplayText.fit(l.name ?? "", to: 30), DisplayText.sanitize(message)]
            .joined(separator: "  ")
    }

    /// `Done in 3.2 s: moved 30 · skipped 3 · failed 1 → REJECTED` (every candidate given, those
    /// that could not be read included).
    static func summary(_ lines: [Line], target: CandidateStatus, seconds: Double, cancelled: Bool) -> String {
        func count(_ outcome: String) -> Int { lines.filter { $0.outcome == outcome }.count }
        let tally = BulkTally(moved: count("moved"), skipped: count("skipped"), failed: count("failed"),
                              notAttempted: count("not_attempted"))
        return BulkSummaryText.summary(tally, target: target, cancelled: cancelled, seconds: seconds)
    }

    /// `Moving to REJECTED [#######.............] 12/37 · 2 failed · waiting 42s for rate limit · Ctrl-C cancels`
    static func progressText(_ p: BulkProgress, target: CandidateStatus, cancelling: Bool) -> String {
        BulkSummaryText.progress(p, target: target, note: cancelling ? "cancelling" : "Ctrl-C cancels")
    }
}
