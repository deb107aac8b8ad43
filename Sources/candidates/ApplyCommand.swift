import ArgumentParser
import CandidateCore
import Foundation

/// `candidates apply FILE`: changes many candidates, each as its row of a CSV or JSON lines file says.
struct Apply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Change many candidates from a CSV or JSON lines file (one partial PATCH per row, paced by the rate limit).",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        CSV: a header row with id and any of status, email, phoneNumber, gdprExpiryDate, \
        firstName, lastName, gender, jobIds (the whole list, ids separated by ;) and metadata.KEY \
        (a JSON value, else the text; the object is sent whole with that key changed). An empty \
        cell changes nothing; NULL clears an optional field or removes the metadata key.

        JSON lines (.jsonl, .ndjson, or a file starting with {): one {"id": …, "fields": {…}} \
        per line with the same names; a missing key changes nothing, null clears.

        Each candidate is read first; each row is checked with the editor's rules, and a field \
        already equal to the server's is not sent. Rows with problems are listed with their line \
        and column and nothing is sent (exit 2), unless --skip-invalid sends the others. The plan \
        is shown as Label: old → new per field; on a terminal it asks before sending (--yes does \
        not ask; without a terminal --yes is required). Every change is recorded in the journal \
        as one batch.

        --json prints one object per row: line, id, name, outcome (changed, skipped, failed, \
        not_attempted, invalid, conflict; would_change in a dry run), status (the HTTP status of \
        a failure, else null), message, attempts, changes ({field: {from, to}}) and errors \
        ([{column, message}]).

        Exit status: 0 every row changed or had nothing to change, 1 any failed, was not \
        attempted or was invalid (with --skip-invalid), or the question was declined, 2 bad usage \
        (a bad file, invalid rows without --skip-invalid, no terminal without --yes).
        """
    )

    @Argument(help: ArgumentHelp("The CSV or JSON lines file (- for standard input).", valueName: "file"), completion: .file())
    var file: String

    @OptionGroup var sending: BulkSendOptions

    @Flag(help: "Send without asking.")
    var yes = false

    @Flag(help: "Send the valid rows even when others have problems (those are reported, not sent).")
    var skipInvalid = false

    @Option(help: ArgumentHelp("Read and send rows that failed with a transient error (5xx, timeout, connection) again, up to n more rounds.",
                               valueName: "n"))
    var retryFailed: Int = 0

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let applyFile: ApplyFile
        do {
            _ = try sending.checked()
            guard (0...10).contains(retryFailed) else { throw UsageProblem("--retry-failed must be 0...10 (got \(retryFailed))") }
            if !sending.dryRun && !yes && !Console.stdinIsTerminal {
                throw UsageProblem("standard input is not a terminal, so there is no one to ask: pass --yes to send, or --dry-run")
            }
            let (text, name) = try BulkIdOptions.read(file)
            do { applyFile = try ApplyFile(text: text, source: name) } catch { throw UsageProblem(DisplayText.sanitize(error.description)) }
            guard !applyFile.rows.isEmpty else { throw UsageProblem("\(name) has no rows") }
        } catch let problem as UsageProblem {
            Console.err("candidates apply: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "apply")
        let code = await ApplyRun(client: open.client, file: applyFile, options: BulkOptions(concurrency: sending.concurrency),
                                  dryRun: sending.dryRun, confirm: !yes && !sending.dryRun, skipInvalid: skipInvalid, retryRounds: retryFailed,
                                  json: output.json, journal: JournalScope(journal: open.journal, command: "apply").inNewBatch()).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}

/// One `apply` run once the file is read: read the candidates, plan, check, ask, send, report.
struct ApplyRun {
    let client: CandidatesClient
    let file: ApplyFile
    let options: BulkOptions
    let dryRun: Bool
    /// Ask on the terminal before sending.
    let confirm: Bool
    let skipInvalid: Bool
    /// Further rounds for rows that failed with a transient error.
    let retryRounds: Int
    let json: Bool
    /// Where every change is recorded before it is sent (`nil`: not recorded — benches only).
    var journal: JournalScope?

    /// One output line per file row.
    struct Line {
        var line: Int
        var id: String
        var name: String?
        /// `changed`, `skipped`, `failed`, `not_attempted`, `invalid`, `conflict`, or in a dry run `would_change`.
        var outcome: String
        var httpStatus: Int?
        var message: String?
        var attempts = 0
        /// What the row changes (wire values): field → (from, to).
        var changes: [(field: CandidateField, from: JSONValue, to: JSONValue)] = []
        var errors: [ApplyPlan.Issue] = []

        var succeeded: Bool { ["changed", "skipped", "would_change"].contains(outcome) }
    }

    /// Runs and returns the exit status (0, 1 or 2).
    func run() async -> Int32 {
        let session = BulkCommandSession(command: "apply")
        defer { session.stop() }
        let goal = BulkGoal.apply(source: file.source)
        var looked = await session.read(ApplyPlan.idsToRead(file).map { IdInput.Entry(id: $0, origin: file.source) },
                                        client: client, options: options)
        // --retry-failed reads again, too, the candidates whose read failed for a passing reason.
        for round in 0..<retryRounds where !session.control.isCancelled {
            let again = looked.indices.filter { i in
                if case .failure(let e)? = looked[i].result { return e.isTransient }
                return false
            }
            guard !again.isEmpty else { break }
            Console.err("candidates apply: reading \(again.count) candidate\(again.count == 1 ? "" : "s") again (round \(round + 1) of \(retryRounds))")
            let reread = await session.read(again.map { IdInput.Entry(id: looked[$0].id, origin: file.source) }, client: client, options: options)
            let byId = Dictionary(reread.map { ($0.id.lowercased(), $0.result) }, uniquingKeysWith: { a, _ in a })
            for i in again { if let r = byId[looked[i].id.lowercased()] { looked[i].result = r } }
        }
        var candidates: [String: Candidate] = [:]
        var unread: [String: Line] = [:]
        for (id, result) in looked {
            switch result {
            case nil: unread[id.lowercased()] = Line(line: 0, id: id, outcome: "not_attempted", message: "cancelled before it was read")
            case .failure(let e)?: unread[id.lowercased()] = Line(line: 0, id: id, outcome: "failed", httpStatus: e.httpStatus,
                                                                  message: "cannot read it: \(e.description)")
            case .success(let c)?: candidates[id.lowercased()] = c
            }
        }
        let plan = ApplyPlan(file: file, candidates: candidates)
        var lines = plan.rows.map { row -> Line in
            if !row.isValid {
                return Line(line: row.row.line, id: row.row.id, name: row.candidate?.fullName, outcome: "invalid",
                            message: row.issues.map { "\($0.column): \($0.message)" }.joined(separator: "; "), errors: row.issues)
            }
            guard let c = row.candidate else {
                var l = unread[row.row.id.lowercased()] ?? Line(line: 0, id: row.row.id, outcome: "failed", message: "not read")
                l.line = row.row.line
                return l
            }
            let changes = row.patch.fields.map { (field: $0, from: CandidateDraft.originalWireValue($0, of: c), to: row.patch[$0] ?? .null) }
            return Line(line: row.row.line, id: c.id, name: c.fullName, outcome: row.patch.isEmpty ? "skipped" : "would_change",
                        message: row.patch.isEmpty ? "no change" : row.patch.fields.map(\.label).joined(separator: ", "), changes: changes)
        }

        let issues = plan.issues
        for issue in issues { Console.err("candidates apply: \(DisplayText.sanitize(file.source)):\(issue.line): \(issue.column): \(DisplayText.sanitize(issue.message))") }
        if !issues.isEmpty && !skipInvalid {
            Console.err("candidates apply: \(issues.count) problem\(issues.count == 1 ? "" : "s") in \(DisplayText.sanitize(file.source)); nothing was sent (fix the rows, or pass --skip-invalid to send the others)")
            return 2
        }
        // After a question the copies read may be old: each is read again before its PATCH.
        let bulk = plan.bulkPlan(guarded: confirm)
        if !json { printPlan(plan) }
        if dryRun || session.control.isCancelled {
            if !dryRun { for i in lines.indices where lines[i].outcome == "would_change" { lines[i].outcome = "not_attempted"; lines[i].message = "cancelled before it was sent" } }
            return finish(lines, seconds: dryRun ? nil : session.elapsed, cancelled: true, goal: goal)
        }
        if confirm && bulk.sendCount > 0 {
            guard Confirmation.ask("Send \(bulk.sendCount) change\(bulk.sendCount == 1 ? "" : "s")? [y/N] ") else {
                Console.err("candidates apply: nothing was sent")
                return 1
            }
        }

        var report = await session.send(bulk, client: client, options: options, journal: journal)
        var results = Dictionary(report.results.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var round = 0
        while round < retryRounds && !report.cancelled {
            let again = bulk.items.filter { item in
                guard case .failed(let e, _)? = results[item.candidate.id.lowercased()]?.outcome else { return false }
                return e.isTransient
            }
            guard !again.isEmpty else { break }
            round += 1
            Console.err("candidates apply: sending \(again.count) failed row\(again.count == 1 ? "" : "s") again (round \(round) of \(retryRounds))")
            report = await session.send(BulkChangePlan(goal: goal, items: again), client: client, options: options, journal: journal)
            for r in report.results {
                let before = results[r.id.lowercased()]?.attempts ?? 0
                results[r.id.lowercased()] = BulkItemResult(id: r.id, name: r.name, from: r.from, outcome: r.outcome,
                                                            attempts: r.attempts + before, note: r.note)
            }
        }
        for i in lines.indices {
            guard let r = results[lines[i].id.lowercased()], lines[i].outcome != "invalid" else { continue }
            Self.settle(&lines[i], r)
        }
        return finish(lines, seconds: session.elapsed, cancelled: report.cancelled, goal: goal)
    }

    /// The line's outcome after the run.
    static func settle(_ line: inout Line, _ r: BulkItemResult) {
        line.attempts = r.attempts
        switch r.outcome {
        case .moved: line.outcome = "changed"
        case .skipped: line.outcome = "skipped"; line.message = r.note ?? "no change"
        default: if let words = BulkResultWords.unchanged(r.outcome) { (line.outcome, line.httpStatus, line.message) = words }
        }
    }

    /// The plan as a table: `Apply people.csv: change 3 candidates …`, then per candidate to change
    /// its id and name and one `Label: old → new` line per field.
    func printPlan(_ plan: ApplyPlan) {
        let change = plan.rows.filter { $0.isValid && $0.candidate != nil && !$0.patch.isEmpty }
        let same = plan.rows.filter { $0.isValid && $0.candidate != nil && $0.patch.isEmpty }.count
        let invalid = plan.rows.filter { !$0.isValid }.count
        var head = "Apply \(file.source): change \(change.count) candidate\(change.count == 1 ? "" : "s")"
        if same > 0 { head += "; \(same) unchanged" }
        if invalid > 0 { head += "; \(invalid) invalid row\(invalid == 1 ? "" : "s") left out" }
        Console.out(DisplayText.sanitize(head))
        for row in change {
            guard let c = row.candidate else { continue }
            let lead = c.id + "  " + DisplayText.fit(c.fullName, to: 30) + "  "
            for (i, text) in row.changeLines().enumerated() {
                Console.out((i == 0 ? lead : String(repeating: " ", count: DisplayText.width(lead))) + DisplayText.sanitize(text))
            }
        }
    }

    /// Prints the lines and, after a run, the summary (on standard error with `--json`); returns
    /// the exit status: 0 when every row changed or had nothing to change (or would, in a dry run), else 1.
    private func finish(_ out: [Line], seconds: Double?, cancelled: Bool, goal: BulkGoal) -> Int32 {
        for line in out { Console.out(json ? jsonText(line) : text(line)) }
        Console.flush()
        if let seconds {
            func count(_ outcome: String) -> Int { out.filter { $0.outcome == outcome }.count }
            var tally = BulkTally(moved: count(goal.done), skipped: count("skipped"), failed: count("failed"),
                                  notAttempted: count("not_attempted"))
            tally.conflicts = count("conflict")
            tally.invalid = count("invalid")
            let summary = BulkSummaryText.summary(tally, goal: goal, cancelled: cancelled, seconds: seconds)
            json ? Console.err(summary) : Console.out(summary)
        }
        return out.allSatisfy(\.succeeded) ? 0 : 1
    }

    /// `{"line","id","name","outcome","status","message","attempts","changes","errors"}`, one line.
    func jsonText(_ l: Line) -> String {
        Scripting.jsonLine(.object([
            "line": .int(l.line), "id": .string(l.id), "name": l.name.map(JSONValue.string) ?? .null, "outcome": .string(l.outcome),
            "status": l.httpStatus.map(JSONValue.int) ?? .null, "message": l.message.map(JSONValue.string) ?? .null,
            "attempts": .int(l.attempts),
            "changes": .object(Dictionary(uniqueKeysWithValues: l.changes.map { ($0.field.rawValue, JSONValue.object(["from": $0.from, "to": $0.to])) })),
            "errors": .array(l.errors.map { .object(["column": .string($0.column), "message": .string($0.message)]) }),
        ]))
    }

    /// `changed        <id>  Name                          Email, Status`
    func text(_ l: Line) -> String {
        let label = l.outcome == "failed" ? "FAILED" : l.outcome.replacingOccurrences(of: "_", with: " ")
        var message = l.message ?? ""
        if l.attempts > 1 { message += " (\(l.attempts) attempts)" }
        return [DisplayText.fit(label, to: 13), DisplayText.sanitize(l.id), DisplayText.fit(l.name ?? "", to: 30), DisplayText.sanitize(message)]
            .joined(separator: "  ")
    }
}
