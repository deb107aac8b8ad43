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
        --only-from leaves out those not at that status (or statuses), and one that cannot be \
        read fails with the server's answer. The rest get PATCH {"status": X}, --concurrency \
        at a time, paced by the server's rate-limit headers; 429 and 5xx answers are retried.

        How they are read is chosen per run from the first list page's total and the rate-limit \
        headers: list pages (filtered by status on the server with --only-from) when the rate \
        limit binds and pages take fewer requests, or when pages take less time; else one read \
        per id, --concurrency at a time. Ids no page held are read one by one. --dry-run says \
        which was chosen and why (read: …). PATCHes start as soon as their candidates are read.

        --json prints one object per candidate: id, name, from, to, outcome (moved, skipped, \
        failed, not_attempted), status (the HTTP status of a failure, else null), message, \
        attempts (the PATCH requests sent: 1 or more when moved, 0 when none was sent), read \
        (list_pages or single_reads) and read_reason.

        Ctrl-C stops starting requests; those in flight finish and the rest are reported as \
        not attempted. A second Ctrl-C quits at once.

        Exit status: 0 every candidate moved or skipped, 1 any failed or not attempted, 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("The status to move to.", valueName: "status"))
    var to: CandidateStatus

    @Option(help: ArgumentHelp("Only move candidates currently at this status; leave the others out. Repeat it (or separate with commas) for several.",
                               valueName: "status"))
    var onlyFrom: [CandidateStatus] = []

    @OptionGroup var input: BulkIdOptions

    @OptionGroup var sending: BulkSendOptions

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let target: CandidateStatus
        var onlyFromStatuses: [CandidateStatus] = []
        let entries: [IdInput.Entry]
        do {
            target = try to.known(option: "--to")
            for given in onlyFrom {
                for part in given.rawValue.split(separator: ",") {
                    let status = try CandidateStatus(String(part)).known(option: "--only-from")
                    if !onlyFromStatuses.contains(status) { onlyFromStatuses.append(status) }
                }
            }
            _ = try sending.checked()
            entries = try input.gather()
        } catch let problem as UsageProblem {
            Console.err("candidates bulk-status: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "bulk-status")
        let code = await BulkStatusRun(client: open.client, target: target, onlyFrom: onlyFromStatuses, entries: entries,
                                       options: BulkOptions(concurrency: sending.concurrency), dryRun: sending.dryRun, json: output.json,
                                       journal: JournalScope(journal: open.journal, command: "bulk-status", batch: JournalScope.newBatch())).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}

/// One `bulk-status` run once the input is valid: read, plan, send (unless a dry run; batches are
/// sent as they are read), report.
struct BulkStatusRun {
    let client: CandidatesClient
    let target: CandidateStatus
    /// `--only-from`: only candidates at one of these are moved (empty: all).
    let onlyFrom: [CandidateStatus]
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
        return dryRun ? await preview(session) : await change(session)
    }

    /// `--dry-run`: reads everyone, prints the plan, how it read and a line per candidate; sends nothing.
    private func preview(_ session: BulkCommandSession) async -> Int32 {
        let reads = await session.readCandidates(entries, onlyFrom: onlyFrom, client: client, options: options)
        var lines: [String: Line] = [:]
        var candidates: [Candidate] = []
        for (id, result) in reads.entries {
            switch settle(id, result) {
            case .settled(let line): lines[id.lowercased()] = line
            case .toPlan(let c): candidates.append(c)
            }
        }
        let plan = BulkStatusPlan(candidates: candidates, target: target)
        for item in plan.items { lines[item.candidate.id.lowercased()] = unsent(item, dryRun: true) }
        if !json {
            Console.out(DisplayText.sanitize(plan.summary()))
            Console.out("read: " + DisplayText.sanitize(reads.plan.description))
        }
        return finish(reads.entries.compactMap { lines[$0.id.lowercased()] }, read: reads.plan, seconds: nil, cancelled: true)
    }

    /// Reads and sends at once: each batch of candidates read so far is planned and sent with the
    /// bulk engine while the reading goes on (one journal batch for the whole run).
    private func change(_ session: BulkCommandSession) async -> Int32 {
        let control = session.control, progress = session.progress
        let arrivals = ReadArrivals()
        let total = Set(entries.map { $0.id.lowercased() }).count
        let sending = Task { await self.send(arrivals, control: control, progress: progress, total: total) }
        let reads = await session.readCandidates(entries, onlyFrom: onlyFrom, client: client, options: options) { id, result in
            arrivals.push(id, result)
        }
        arrivals.close()
        var (lines, cancelled) = await sending.value
        for (id, result) in reads.entries where result == nil {
            lines[id.lowercased()] = Line(id: id, outcome: "not_attempted", message: "cancelled before it was read")
            cancelled = true
        }
        return finish(reads.entries.compactMap { lines[$0.id.lowercased()] }, read: reads.plan, seconds: session.elapsed,
                      cancelled: cancelled || control.isCancelled)
    }

    /// Sends every batch of `arrivals` as it comes; returns a line per candidate read and whether it was cancelled.
    private func send(_ arrivals: ReadArrivals, control: BulkControl, progress: ProgressLine, total: Int) async
        -> (lines: [String: Line], cancelled: Bool) {
        let engine = BulkStatusEngine(client: client, options: options, journal: journal)
        var lines: [String: Line] = [:]
        var cancelled = false
        var settled = BulkProgress(total: total)
        while let batch = await arrivals.next() {
            var candidates: [Candidate] = []
            for (id, result) in batch {
                switch settle(id, result) {
                case .settled(let line):
                    lines[id.lowercased()] = line
                    settled.done += 1
                    if line.outcome == "failed" { settled.failed += 1 } else { settled.skipped += 1 }
                case .toPlan(let c): candidates.append(c)
                }
            }
            guard !candidates.isEmpty else { continue }
            let plan = BulkStatusPlan(candidates: candidates, target: target)
            if control.isCancelled {
                for item in plan.items { lines[item.candidate.id.lowercased()] = unsent(item, dryRun: false) }
                cancelled = true
                continue
            }
            let base = settled, target = self.target
            let report = await engine.run(plan, control: control) { event in
                if case .progress(let p) = event {
                    progress.show(Self.progressText(Self.adding(p, to: base), target: target, cancelling: control.isCancelled))
                }
            }
            for r in report.results { lines[r.id.lowercased()] = Self.line(r, target: target) }
            settled = Self.adding(BulkProgress(total: 0, done: report.results.count, moved: report.moved.count,
                                               skipped: report.skipped.count, failed: report.failed.count), to: settled)
            cancelled = cancelled || report.cancelled
        }
        progress.clear()
        return (lines, cancelled)
    }

    /// What reading one id settles: its line when no PATCH is due (not read, cannot be read, left
    /// out by `--only-from`), else the candidate for the plan.
    private enum Settled {
        case settled(Line)
        case toPlan(Candidate)
    }

    private func settle(_ id: String, _ result: Result<Candidate, APIError>?) -> Settled {
        switch result {
        case nil:
            return .settled(Line(id: id, outcome: "not_attempted", message: "cancelled before it was read"))
        case .failure(let e)?:
            return .settled(Line(id: id, outcome: "failed", httpStatus: e.httpStatus, message: "cannot read it: \(e.description)"))
        case .success(let c)?:
            if !onlyFrom.isEmpty, !onlyFrom.contains(c.status) {
                let wanted = onlyFrom.map(\.rawValue).joined(separator: " or ")
                return .settled(Line(id: c.id, name: c.fullName, from: c.status, outcome: "skipped",
                                     message: "left out: \(c.status), not \(wanted) (--only-from)"))
            }
            return .toPlan(c)
        }
    }

    /// The line of a plan item that is not sent: already at the target, a dry run's `would_move`,
    /// or not attempted (cancelled before it was sent).
    private func unsent(_ item: BulkStatusPlan.Item, dryRun: Bool) -> Line {
        let c = item.candidate
        return item.move == .alreadyThere
            ? Line(id: c.id, name: c.fullName, from: c.status, outcome: "skipped", message: "already \(target)")
            : Line(id: c.id, name: c.fullName, from: c.status, outcome: dryRun ? "would_move" : "not_attempted",
                   message: dryRun ? "\(c.status) → \(target)" : "cancelled before it was sent", move: item.move)
    }

    /// `base` plus the counts of one engine run (the total stays `base`'s).
    static func adding(_ p: BulkProgress, to base: BulkProgress) -> BulkProgress {
        var sum = base
        sum.done += p.done
        sum.moved += p.moved
        sum.skipped += p.skipped
        sum.failed += p.failed
        sum.conflicts += p.conflicts
        sum.waitingSeconds = p.waitingSeconds
        return sum
    }

    /// Prints the lines and, after a run, the summary; returns the exit status.
    private func finish(_ out: [Line], read: CandidateReadPlan, seconds: Double?, cancelled: Bool = false) -> Int32 {
        for line in out { Console.out(json ? jsonText(line, read: read) : text(line)) }
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

    /// `{"id","name","from","to","outcome","status","message","attempts","read","read_reason"[,"move"]}`, one
    /// line; `read` is how the candidates were read (`list_pages` or `single_reads`), `read_reason` why.
    func jsonText(_ l: Line, read: CandidateReadPlan) -> String {
        var o: [String: JSONValue] = [
            "id": .string(l.id), "name": l.name.map(JSONValue.string) ?? .null, "from": l.from.map { .string($0.rawValue) } ?? .null,
            "to": .string(target.rawValue), "outcome": .string(l.outcome), "status": l.httpStatus.map(JSONValue.int) ?? .null,
            "message": l.message.map(JSONValue.string) ?? .null, "attempts": .int(l.attempts),
            "read": .string(read.way.rawValue), "read_reason": .string(read.reason),
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
