import CandidateCore
import Foundation

/// One `update` run once the flags are valid: read the candidate, make the edit as the form
/// does (`CandidateDraft` → `makePatch`), show `Label: old → new`, confirm, check the server's
/// copy again (`FieldMerge`), send through the journal.
struct UpdateRun {
    /// Whether to send, ask first, or only show.
    enum Mode {
        /// Show the changes, send nothing.
        case dryRun
        /// Ask `Send? [y/N]` on the terminal, then read the candidate again before sending.
        case ask
        /// Send at once (`--yes`), over the copy just read.
        case send
    }

    let client: CandidatesClient
    let id: String
    let edits: UpdateEdits
    /// Where the change is recorded before it is sent.
    let journal: JournalScope
    let mode: Mode
    /// Print the updated candidate as JSON on standard output; the changes go to standard error.
    let json: Bool
    /// Asks a yes/no question; `true` for yes.
    var confirm: (String) -> Bool = Confirmation.ask

    /// Runs and returns the exit status: 0 sent, nothing to change or a dry run; 1 the server
    /// failed, a conflict, the journal cannot be written or not confirmed; 2 a value is not valid.
    func run() async -> Int32 {
        let candidate: Candidate
        do { candidate = try await read() } catch {
            Console.err("candidates update: \(DisplayText.sanitize(Scripting.describe(error)))")
            return 1
        }
        let name = DisplayText.sanitize(candidate.fullName)
        let draft = edits.draft(of: candidate)
        let patch: CandidatePatch
        do { patch = try draft.makePatch() } catch {
            report(error)
            return 2
        }
        guard !patch.isEmpty else {
            show("Nothing to change: \(name) already has these values; nothing was sent")
            if json { Console.out(CandidateTable.jsonLine(candidate)) }
            return 0
        }

        // The same lines as the editor's save preview; job titles are a nicety.
        let titles = patch[.jobIds] == nil ? [:] : await jobTitles()
        let lines = FieldDisplay.changeLines(patch, original: candidate, jobTitle: { titles[$0] })
        show("Save \(lines.count) change\(lines.count == 1 ? "" : "s") for \(name):")
        for line in lines { show("  " + DisplayText.sanitize(line)) }

        var over = candidate
        var sending = patch
        switch mode {
        case .dryRun:
            show("Dry run: nothing was sent")
            if json { Console.out(CandidateTable.jsonLine(patch.applied(to: candidate))) }
            return 0
        case .send:
            break
        case .ask:
            Console.flush()
            guard confirm("Send? [y/N] ") else {
                Console.err("candidates update: not sent")
                return 1
            }
            // The answer may have come long after the read: read again, and refuse to overwrite
            // a field someone else changed meanwhile (the API has no ETag).
            let theirs: Candidate
            do { theirs = try await read() } catch {
                Console.err("candidates update: cannot read the candidate again before sending: \(DisplayText.sanitize(Scripting.describe(error))); nothing was sent")
                return 1
            }
            let merge = FieldMerge(mine: draft, theirs: theirs)
            guard !merge.hasConflicts else {
                reportConflicts(merge, titles: titles)
                return 1
            }
            // Sent over the server's current copy: only what still differs from it.
            do { sending = try merge.merged().makePatch() } catch {
                report(error)
                return 2
            }
            over = theirs
            guard !sending.isEmpty else {
                show("Nothing to change: the server already has these values; nothing was sent")
                if json { Console.out(CandidateTable.jsonLine(theirs)) }
                return 0
            }
        }

        let updated: Candidate
        do {
            updated = try await journal.send(sending, over: over, client: client)
        } catch let e as JournalError {
            Console.err("candidates update: \(DisplayText.sanitize(e.description))")
            return 1
        } catch {
            Console.err("candidates update: not saved: \(DisplayText.sanitize(Scripting.describe(error)))")
            return 1
        }
        if json {
            Console.out(CandidateTable.jsonLine(updated))
        } else {
            Console.out("Saved \(sending.fields.map(\.label).joined(separator: ", ")) for \(DisplayText.sanitize(updated.fullName))")
        }
        Console.flush()
        return 0
    }

    /// GET the candidate, paced and retried like every request.
    private func read() async throws -> Candidate {
        let client = client, id = id
        return try await client.paced(.standard) { try await client.getCandidate(id: id).value }
    }

    /// Job titles by id (empty when the job list cannot be read: ids are shown instead).
    private func jobTitles() async -> [String: String] {
        let jobs = (try? await client.allJobs()) ?? []
        return Dictionary(jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    /// A line of the change preview: standard output, or standard error with `--json`.
    private func show(_ line: String) {
        json ? Console.err(line) : Console.out(line)
    }

    /// Validation errors, each named by its flag, then that nothing was sent.
    private func report(_ error: Error) {
        if let failure = error as? ValidationFailure {
            for message in edits.messages(failure) { Console.err("candidates update: \(DisplayText.sanitize(message))") }
        } else {
            Console.err("candidates update: \(DisplayText.sanitize("\(error)"))")
        }
        Console.err("candidates update: nothing was sent")
    }

    /// `Email: the server has b@example.com, ours is c@example.com` per field changed on both sides.
    private func reportConflicts(_ merge: FieldMerge, titles: [String: String]) {
        Console.err("candidates update: \(DisplayText.sanitize(merge.theirs.fullName)) was changed on the server since it was read; nothing was sent")
        for field in merge.conflicts {
            guard case .conflict(_, let mine, let theirs) = merge.outcome(field) else { continue }
            let text = { (v: JSONValue) in DisplayText.sanitize(FieldDisplay.text(field, v, jobTitle: { titles[$0] })) }
            Console.err("  \(field.label) (\(edits.flag(for: field))): the server has \(text(theirs)), ours is \(text(mine))")
        }
        Console.err("candidates update: run it again to change the server's current values")
    }
}
