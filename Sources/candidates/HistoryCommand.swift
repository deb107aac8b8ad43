import ArgumentParser
import CandidateCore
import Foundation

/// `candidates history`: the journal of changes sent to this server and company, newest last,
/// for people or (`--json`) for scripts; `--purge` deletes every journal.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the changes sent to this server and company, from the local journal (or --json).",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Every change the editor, status moves and bulk commands send is recorded in a journal \
        on this machine first (per server and company, under $XDG_STATE_HOME/candidates/journal/, \
        files readable by you only). It holds candidate data: names and each field's value before \
        and after. Changes older than the profile's journal-retention-days (default 30) are \
        dropped at the start of every command.

        Each line is one change, newest last: local time, command, the batch's short id (or the \
        change's own), outcome (sent, failed, or interrupted when the program ended before the \
        answer came), candidate, and Label: before → after per field. With --json each line is the \
        journal's object for one change.

        --purge deletes the journals of every server and company; it asks first on a terminal, \
        and needs --yes otherwise.

        Exit status: 0 shown (an empty journal too), 1 the journals could not be deleted, 2 bad usage.
        """
    )

    @Option(help: ArgumentHelp("Only the changes of this candidate (UUID).", valueName: "id"))
    var candidate: String?

    @Option(help: ArgumentHelp("Only changes of the last DURATION: 30m, 12h, 7d or 2w.", valueName: "duration"))
    var since: String?

    @Flag(help: "Print one JSON object per change (the journal's fields) instead of text.")
    var json = false

    @Flag(help: "Mask email and phone values (with --json too).")
    var privacy = false

    @Flag(help: "Delete the journals of every server and company (asks first; see --yes).")
    var purge = false

    @Flag(help: "With --purge: do not ask (needed when standard input is not a terminal).")
    var yes = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        let charset = Console.prepareLocale()
        let mask: ContactMaskChoice = privacy ? .masked(charset) : .plain
        let cutoff: Date?, candidateId: String?
        do {
            if purge {
                if candidate != nil || since != nil || json || privacy {
                    throw UsageProblem("--purge deletes every journal; it takes no --candidate, --since, --json or --privacy")
                }
                return try purgeJournals()
            }
            if yes { throw UsageProblem("--yes only goes with --purge") }
            cutoff = try since.map { text -> Date in
                do { return Date(timeIntervalSinceNow: -(try DurationText.seconds(text))) } catch let e as DurationTextError {
                    throw UsageProblem("--since: \(e.description)")
                }
            }
            candidateId = try candidate.map { text -> String in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard PatchValidator.isUUID(trimmed) else { throw UsageProblem("--candidate: \"\(DisplayText.sanitize(text))\" is not a candidate id (a UUID)") }
                return trimmed
            }
        } catch let problem as UsageProblem {
            Console.err("candidates history: \(problem)")
            throw ExitCode(2)
        }

        // Opening prunes the journal to its retention first; nothing here asks the server.
        let open = try await Scripting.open(connection, command: "history")
        let journal = open.journal
        await open.sandbox?.stop()
        let history = JournalHistory(journal)
        if history.unreadable > 0 {
            Console.err("candidates history: warning: skipped \(history.unreadable) unreadable line\(history.unreadable == 1 ? "" : "s") in \(DisplayText.sanitize(journal.path))")
        }
        let shown = history.changes(candidate: candidateId, since: cutoff)
        if shown.isEmpty {
            let what = history.changes.isEmpty ? "No changes recorded for this server and company"
                : "No change matches (\(history.changes.count) in the journal)"
            // Standard output stays pure JSON lines with --json.
            let line = "\(what); the journal is \(DisplayText.sanitize(journal.path))"
            json ? Console.err(line) : Console.out(line)
        } else if json {
            for change in shown { Console.out(Self.jsonLine(change, mask: mask)) }
        } else {
            Console.out(Self.header)
            for change in shown { Console.out(Self.row(change, mask: mask)) }
        }
        Console.flush()
    }

    /// `--purge`: deletes the journal folder after a yes on a terminal, or with `--yes`.
    func purgeJournals() throws {
        let root = XDGPaths().journal
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasSuffix(".jsonl") }
        guard FileManager.default.fileExists(atPath: root) else {
            Console.out("There is no journal to delete (\(DisplayText.sanitize(root)))")
            return
        }
        if !yes {
            guard Console.stdinIsTerminal else {
                throw UsageProblem("--purge deletes every journal in \(DisplayText.sanitize(root)); pass --yes when standard input is not a terminal")
            }
            Console.errRaw("Delete \(files.count) journal\(files.count == 1 ? "" : "s") of changes in \(DisplayText.sanitize(root))? Undo will have nothing to go on. (y/N) ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                Console.out("Nothing deleted")
                return
            }
        }
        do {
            try Journal.purge(root: root)
        } catch {
            Console.err("candidates history: cannot delete \(DisplayText.sanitize(root)): \(DisplayText.sanitize("\(error)"))")
            throw ExitCode(1)
        }
        Console.out("Deleted \(files.count) journal\(files.count == 1 ? "" : "s") (\(DisplayText.sanitize(root)))")
    }

    /// Column widths of the table: time, command, id, outcome, candidate; the change takes the rest.
    static let widths = (time: 16, command: 11, id: JournalChangeText.shortIdLength, outcome: 11, name: 24)

    static let header = [DisplayText.fit("TIME", to: widths.time), DisplayText.fit("COMMAND", to: widths.command),
                         DisplayText.fit("ID", to: widths.id), DisplayText.fit("OUTCOME", to: widths.outcome),
                         DisplayText.fit("CANDIDATE", to: widths.name), "CHANGE"].joined(separator: "  ")

    /// `2026-12-06 14:05  bulk-status  1a2b3c4d  sent         Jana Nováková             Status: APPLIED → REJECTED`
    static func row(_ c: JournalChange, mask: ContactMaskChoice) -> String {
        var change = JournalChangeText.fields(c, shown: mask.apply)
        if let error = c.error { change += " (\(error))" }
        return [DisplayText.fit(JournalChangeText.time(c), to: widths.time), DisplayText.fit(c.command, to: widths.command),
                DisplayText.fit(JournalChangeText.listedId(c), to: widths.id), DisplayText.fit(JournalChangeText.outcome(c), to: widths.outcome),
                DisplayText.fit(c.name, to: widths.name), DisplayText.sanitize(change)].joined(separator: "  ")
    }

    /// The journal's object for `c`, on one line (email and phone values masked with `--privacy`).
    static func jsonLine(_ c: JournalChange, mask: ContactMaskChoice) -> String {
        var masked = c
        masked.fields = c.fields.map { f in
            guard let field = CandidateField(apiKey: f.field) else { return f }
            return JournalChange.Field(field: f.field, before: FieldDisplay.shownValue(field, f.before, shown: mask.apply),
                                       after: FieldDisplay.shownValue(field, f.after, shown: mask.apply))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(masked), let value = try? JSONValue.parse(data) else {
            return "{}"
        }
        return Scripting.jsonLine(value)
    }
}
