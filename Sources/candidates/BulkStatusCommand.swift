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

    @Option(help: ArgumentHelp("Read ids from this file, one per line (- for standard input).", valueName: "file"), completion: .file())
    var idsFile: String?

    @Option(help: ArgumentHelp("Read ids from the id column of this CSV file (header row required).", valueName: "file"), completion: .file())
    var csv: String?

    @Flag(help: "Print the plan and send nothing (candidates are still read).")
    var dryRun = false

    @Option(help: ArgumentHelp("Requests in flight at most (1...32).", valueName: "n"))
    var concurrency: Int = 4

    @OptionGroup var output: JSONOutputOption

    @Argument(help: ArgumentHelp("Candidate ids (UUIDs).", valueName: "id"))
    var ids: [String] = []

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
            guard (1...32).contains(concurrency) else { throw UsageProblem("--concurrency must be 1...32 (got \(concurrency))") }
            entries = try gatherIds()
        } catch let problem as UsageProblem {
            Console.err("candidates bulk-status: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "bulk-status")
        let code = await BulkStatusRun(client: open.client, target: target, onlyFrom: onlyFromStatus, entries: entries,
                                       options: BulkOptions(concurrency: concurrency), dryRun: dryRun, json: output.json,
                                       journal: JournalScope(journal: open.journal, command: "bulk-status", batch: JournalScope.newBatch())).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    /// Ids from every source given, validated as UUIDs.
    func gatherIds() throws -> [IdInput.Entry] {
        var entries = ids.enumerated().map { IdInput.Entry(id: $0.element.trimmingCharacters(in: .whitespaces), origin: "argument \($0.offset + 1)") }
        if let idsFile {
            let (text, name) = try Self.read(idsFile)
            entries += IdInput.lines(text, source: name)
        }
        if let csv {
            let (text, name) = try Self.read(csv)
            entries += try IdInput.csv(text, source: name)
        }
        if ids.isEmpty && idsFile == nil && csv == nil && !Console.stdinIsTerminal {
            entries += IdInput.lines(try Self.read("-").text, source: "standard input")
        }
        let explicitSource = !ids.isEmpty || idsFile != nil || csv != nil
        guard !entries.isEmpty else {
            throw UsageProblem(explicitSource
                ? "no candidate ids found in the input given"
                : "no candidate ids: pass them as arguments, with --ids-file FILE or --csv FILE, or on standard input")
        }
        let bad = entries.filter { UUID(uuidString: $0.id) == nil }
        guard bad.isEmpty else {
            let shown = bad.prefix(5).map { "\($0.origin): \"\(DisplayText.sanitize(String($0.id.prefix(60))))\"" }
            throw UsageProblem("\(bad.count) id\(bad.count == 1 ? " is" : "s are") not a UUID: " + shown.joined(separator: ", ")
                               + (bad.count > 5 ? ", …" : ""))
        }
        return entries
    }

    /// A file's text (`-`: standard input) and its name for messages.
    static func read(_ path: String) throws -> (text: String, name: String) { try InputFile.read(path) }
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
        let session = BulkSession(command: "bulk-status", client: client, options: options)
        defer { session.stop() }
        let looked = await session.read(entries.map(\.id))

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

        if dryRun || session.control.isCancelled {
            for item in plan.items {
                let c = item.candidate
                lines[c.id.lowercased()] = item.move == .alreadyThere
                    ? Line(id: c.id, name: c.fullName, from: c.status, outcome: "skipped", message: "already \(target)")
                    : Line(id: c.id, name: c.fullName, from: c.status, outcome: dryRun ? "would_move" : "not_attempted",
                           message: dryRun ? "\(c.status) → \(target)" : "cancelled before it was sent", move: item.move)
            }
            if dryRun && !json { Console.out(DisplayText.sanitize(plan.summary())) }
            return finish(session, order.compactMap { lines[$0] }, seconds: dryRun ? nil : session.seconds, cancelled: true)
        }

        let report = await session.run(BulkChangePlan(plan), journal: journal)
        for r in report.results {
            lines[r.id.lowercased()] = Self.line(r, target: target)
        }
        return finish(session, order.compactMap { lines[$0] }, seconds: session.seconds, cancelled: report.cancelled)
    }

    /// Prints the lines and, after a run, the summary; returns the exit status.
    private func finish(_ session: BulkSession, _ out: [Line], seconds: Double?, cancelled: Bool = false) -> Int32 {
        session.finish(out.map { json ? jsonText($0) : text($0) }, json: json,
                       summary: seconds.map { Self.summary(out, target: target, seconds: $0, cancelled: cancelled) },
                       succeeded: out.allSatisfy(\.succeeded))
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
        case .failed(let e, _):
            line.outcome = "failed"
            line.httpStatus = e.httpStatus
            line.message = e.description
        case .notAttempted:
            line.outcome = "not_attempted"
            line.message = "cancelled before it was sent"
        case .conflict(let why):
            line.outcome = "conflict"
            line.message = why
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
        BulkSession.summary(lines.map(\.outcome), goal: .status(target), seconds: seconds, cancelled: cancelled)
    }
}
