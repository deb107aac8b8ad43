import ArgumentParser
import CandidateCore
import Foundation

/// `candidates undo [ID]`: sends back the last change or batch (or the one named), guarded.
struct Undo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the last change or batch sent from this machine (or the one ID names), after a preview.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Reads the journal of the server and company in use (see: candidates history) and \
        previews the inverse of the change or batch: `Label: now → back to` per candidate. \
        With no ID, the last change that was sent, with every change of its batch (a \
        bulk-status run, an apply run). ID is a change or batch id as candidates history \
        shows it, or its first characters (at least 4).

        Right before each PATCH the candidate is read again. If the server's copy no longer \
        holds what was written (someone changed it since), that candidate is not overwritten: \
        it is reported as a conflict. One already back is skipped. The undo is itself \
        journaled, so it can be undone.

        Asks for confirmation on a terminal; --yes skips the question (needed when standard \
        input is not a terminal). --dry-run reads each candidate and prints what the undo would \
        do (would_undo, skipped when already back, conflict), sending nothing; exit 1 if any \
        would be a conflict.

        --json prints one object per candidate: id, name, fields (field, now, back), outcome \
        (undone, skipped, conflict, failed, not_attempted, not_undoable, or in a dry run \
        would_undo), message.

        Exit status: 0 every candidate undone or skipped, 1 any conflict, failure or nothing \
        to undo, 2 bad usage (an id that names nothing or several).
        """
    )

    @Argument(help: ArgumentHelp("A change or batch id (or its first 4+ characters); default: the last.", valueName: "change-or-batch-id"))
    var id: String?

    @Flag(help: "Read each candidate and print what the undo would do; send nothing.")
    var dryRun = false

    @Flag(help: "Send without asking (required when standard input is not a terminal).")
    var yes = false

    @Option(help: ArgumentHelp("Requests in flight at most (1...32).", valueName: "n"))
    var concurrency: Int = 4

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        guard (1...32).contains(concurrency) else {
            Console.err("candidates undo: --concurrency must be 1...32 (got \(concurrency))")
            throw ExitCode(2)
        }
        let open = try await Scripting.open(connection, command: "undo")
        let (changes, unreadable) = open.journal.changes()
        if unreadable > 0 {
            Console.err("candidates undo: warning: skipped \(unreadable) unreadable line\(unreadable == 1 ? "" : "s") in \(open.journal.path)")
        }
        let undo: JournalUndo
        do {
            guard let found = try id.map({ try JournalUndo.named($0, in: changes) }) ?? JournalUndo.last(in: changes) else {
                Console.err("candidates undo: nothing to undo: no change was sent to this server and company from this machine (journal: \(open.journal.path))")
                await open.sandbox?.stop()
                throw ExitCode(1)
            }
            undo = found
        } catch let e as JournalLookupError {
            Console.err("candidates undo: \(e)")
            await open.sandbox?.stop()
            throw ExitCode(2)
        }
        let code = await UndoRun(client: open.client, undo: undo, options: BulkOptions(concurrency: concurrency),
                                 journal: JournalScope(journal: open.journal, command: "undo"),
                                 dryRun: dryRun, yes: yes, json: output.json).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}

/// One undo once it is found: preview, confirm, send, report.
struct UndoRun {
    let client: CandidatesClient
    let undo: JournalUndo
    let options: BulkOptions
    /// The undo's own record; a batch when it undoes a batch.
    let journal: JournalScope
    let dryRun: Bool
    let yes: Bool
    let json: Bool

    /// Runs and returns the exit status (0, 1 or 2).
    func run() async -> Int32 {
        let plan = undo.plan
        if dryRun { return await rehearse(plan) }
        if !json { preview(plan) }
        guard undo.undoableCount > 0 else {
            Console.err("candidates undo: nothing to undo in \(undo.id.prefix(8)): " + (undo.items.compactMap(\.notUndoable).first ?? "nothing was changed"))
            return 1
        }
        if !yes {
            guard Console.stdinIsTerminal else {
                Console.err("candidates undo: standard input is not a terminal: pass --yes to send (or --dry-run to preview only)")
                return 2
            }
            let n = undo.undoableCount
            guard Confirmation.ask("Send \(n) change\(n == 1 ? "" : "s") back? [y/N] ") else {
                Console.err("Nothing sent.")
                return 1
            }
        }
        let session = BulkCommandSession(command: "undo")
        defer { session.stop() }
        let report = await session.send(plan, client: client, options: options, journal: undo.isBatch ? journal.inNewBatch() : journal)
        let items = Dictionary(undo.items.map { ($0.candidateId, $0) }, uniquingKeysWith: { a, _ in a })
        for r in report.results {
            let (outcome, message) = Self.words(r, item: items[r.id])
            if json {
                Console.out(Self.jsonText(id: r.id, name: r.name, item: items[r.id], outcome: outcome, message: message))
            } else {
                Console.out(Self.text(outcome: outcome, id: r.id, name: r.name, message: message))
            }
        }
        Console.flush()
        let summary = BulkSummaryText.summary(BulkTally(report), goal: plan.goal, cancelled: report.cancelled, seconds: session.elapsed)
        json ? Console.err(summary) : Console.out(summary)
        if !report.conflicts.isEmpty {
            Console.err("candidates undo: \(report.conflicts.count) candidate\(report.conflicts.count == 1 ? " was" : "s were") changed on the server since and left as they are")
        }
        return report.allSucceeded ? 0 : 1
    }

    /// A dry run: each candidate is read (nothing is sent) and decided as the real run would:
    /// `would_undo`, `skipped` (already back), `conflict` (changed since), `not_undoable`.
    /// Exit 0, or 1 when any would be a conflict or could not be read.
    private func rehearse(_ plan: BulkChangePlan) async -> Int32 {
        let session = BulkCommandSession(command: "undo")
        defer { session.stop() }
        let entries = plan.items.filter { $0.change != nil }.map { IdInput.Entry(id: $0.candidate.id, origin: "journal") }
        let looked = await session.read(entries, client: client, options: options)
        let fresh = Dictionary(looked.map { ($0.id.lowercased(), $0.result) }, uniquingKeysWith: { a, _ in a })
        if !json { Console.out(DisplayText.sanitize(undo.title)) }
        var clean = true
        for (item, planned) in zip(undo.items, plan.items) {
            var outcome = "not_undoable", message = item.notUndoable ?? planned.skipReason
            if let change = planned.change {
                switch fresh[item.candidateId.lowercased()] ?? nil {
                case .success(let c)?:
                    switch change.decide(c) {
                    case .send: (outcome, message) = ("would_undo", JournalUndo.lines(item).joined(separator: " · "))
                    case .skip(let why): (outcome, message) = ("skipped", why)
                    case .conflict(let why): (outcome, message) = ("conflict", why + " (would not be overwritten)"); clean = false
                    }
                case .failure(let e)?: (outcome, message) = ("failed", "cannot read it: \(e.description)"); clean = false
                case nil: (outcome, message) = ("not_attempted", "not read"); clean = false
                }
            }
            Console.out(json ? Self.jsonText(id: item.candidateId, name: item.name, item: item, outcome: outcome, message: message)
                             : Self.text(outcome: outcome, id: item.candidateId, name: item.name, message: message))
        }
        Console.flush()
        return clean ? 0 : 1
    }

    /// The title and a line per candidate: `Name  <id>  Status: REJECTED → APPLIED · …`.
    private func preview(_ plan: BulkChangePlan) {
        Console.out(DisplayText.sanitize(undo.title))
        for item in undo.items {
            let what = item.notUndoable.map { "not undone: " + $0 } ?? JournalUndo.lines(item).joined(separator: " · ")
            Console.out("  " + [DisplayText.fit(item.name, to: 30), item.candidateId, DisplayText.sanitize(what)].joined(separator: "  "))
        }
        Console.flush()
    }

    /// The outcome word and message of one result.
    static func words(_ r: BulkItemResult, item: JournalUndo.Item?) -> (String, String?) {
        switch r.outcome {
        case .moved: return ("undone", item.map { JournalUndo.lines($0).joined(separator: " · ") })
        case .skipped: return (item?.notUndoable == nil ? "skipped" : "not_undoable", r.note)
        default:
            guard let (outcome, _, message) = BulkResultWords.unchanged(r.outcome) else { return ("", nil) }
            return (outcome, outcome == "conflict" ? message + " (not overwritten)" : message)
        }
    }

    /// `undone         <id>  Name                          Status: REJECTED → APPLIED`
    static func text(outcome: String, id: String, name: String, message: String?) -> String {
        let label = outcome == "failed" || outcome == "conflict" ? outcome.uppercased() : outcome.replacingOccurrences(of: "_", with: " ")
        return [DisplayText.fit(label, to: 13), id, DisplayText.fit(name, to: 30), DisplayText.sanitize(message ?? "")].joined(separator: "  ")
    }

    /// `{"id","name","fields":[{"field","now","back"}],"outcome","message"}`, one line.
    static func jsonText(id: String, name: String, item: JournalUndo.Item?, outcome: String, message: String?) -> String {
        let fields: [JSONValue] = CandidateField.allCases.filter { item?.back[$0] != nil }.map { f in
            .object(["field": .string(f.apiKey), "now": item?.now[f] ?? .null, "back": item?.back[f] ?? .null])
        }
        return Scripting.jsonLine(.object([
            "id": .string(id), "name": .string(name), "fields": .array(fields),
            "outcome": .string(outcome), "message": message.map(JSONValue.string) ?? .null,
        ]))
    }
}
