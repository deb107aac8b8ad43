import CandidateCore
import Foundation

/// One run of a bulk command whose plan is one change for everyone (`bulk-jobs`, `bulk-gdpr`),
/// once the input is valid: read every candidate, plan (`makePlan`), then print the plan
/// (`--dry-run`) or send it with the bulk engine, journaled as one batch; report per candidate.
struct BulkChangeRun {
    let command: String
    let client: CandidatesClient
    let entries: [IdInput.Entry]
    let options: BulkOptions
    let dryRun: Bool
    let json: Bool
    /// Where every change is recorded before it is sent.
    let journal: JournalScope?
    /// Fields added to every JSON line (`job`, `until`).
    let jsonFields: [String: JSONValue]
    /// The plan for the candidates read (in input order, each once).
    let makePlan: @Sendable ([Candidate]) -> BulkChangePlan

    /// One output line per distinct candidate id.
    struct Line {
        var id: String
        var name: String?
        /// `goal.done` (`assigned`, `removed`, `extended`), `skipped`, `conflict`, `failed`,
        /// `not_attempted`, or in a dry run `would_` + the verb (`would_assign`).
        var outcome: String
        var httpStatus: Int?
        var message: String?
        /// Requests sent for it by the run: the read right before its PATCH and the PATCH, retries
        /// included (2 at the first try; 0 when no PATCH was due: skipped, a dry run, not read).
        var attempts = 0
    }

    /// Runs and returns the exit status: 0 when every candidate changed or was skipped, else 1.
    func run() async -> Int32 {
        let session = BulkCommandSession(command: command)
        defer { session.stop() }
        let control = session.control
        let looked = await session.read(entries, client: client, options: options)

        var lines: [String: Line] = [:]
        var order: [String] = []
        var candidates: [Candidate] = []
        for (id, result) in looked {
            order.append(id.lowercased())
            switch result {
            case nil: lines[id.lowercased()] = Line(id: id, outcome: "not_attempted", message: "cancelled before it was read")
            case .failure(let e)?:
                lines[id.lowercased()] = Line(id: id, outcome: "failed", httpStatus: e.httpStatus, message: "cannot read it: \(e.description)")
            case .success(let c)?: candidates.append(c)
            }
        }
        let plan = makePlan(candidates)

        if dryRun || control.isCancelled {
            for item in plan.items {
                let c = item.candidate
                lines[c.id.lowercased()] = item.change == nil
                    ? Line(id: c.id, name: c.fullName, outcome: "skipped", message: item.skipReason)
                    : Line(id: c.id, name: c.fullName, outcome: dryRun ? "would_" + Self.verb(plan.goal) : "not_attempted",
                           message: dryRun ? Self.change(plan.goal, c) : "cancelled before it was sent")
            }
            if dryRun && !json { Console.out(DisplayText.sanitize(plan.summary())) }
            return finish(order.compactMap { lines[$0] }, goal: plan.goal, seconds: dryRun ? nil : session.elapsed, cancelled: true)
        }

        let goal = plan.goal
        let report = await session.send(plan, client: client, options: options, journal: journal)
        let before = Dictionary(plan.items.map { ($0.candidate.id, $0.candidate) }, uniquingKeysWith: { a, _ in a })
        for r in report.results {
            lines[r.id.lowercased()] = Self.line(r, goal: goal, before: before[r.id])
        }
        return finish(order.compactMap { lines[$0] }, goal: goal, seconds: session.elapsed, cancelled: report.cancelled)
    }

    /// `assign`, `remove`, `extend`: the verb of a dry run's `would_…`.
    static func verb(_ goal: BulkGoal) -> String {
        switch goal {
        case .addJob: "assign"
        case .removeJob: "remove"
        case .gdprExpiry: "extend"
        default: "change"
        }
    }

    /// What the change does to `c`: `+Backend`, `−Backend`, `GDPR 2027-01-01 → 2027-12-31`.
    static func change(_ goal: BulkGoal, _ c: Candidate?) -> String {
        if case .gdprExpiry(let day) = goal {
            return "GDPR \(c?.gdprExpiryDay?.description ?? "none") → \(day)"
        }
        return goal.destination
    }

    static func line(_ r: BulkItemResult, goal: BulkGoal, before: Candidate?) -> Line {
        var line = Line(id: r.id, name: r.name, outcome: "", attempts: r.attempts)
        switch r.outcome {
        case .moved:
            line.outcome = goal.done
            line.message = change(goal, before)
        case .skipped:
            line.outcome = "skipped"
            line.message = r.note
        default:
            if let words = BulkResultWords.unchanged(r.outcome) { (line.outcome, line.httpStatus, line.message) = words }
        }
        return line
    }

    /// Prints the lines and, after a run, the summary; returns the exit status.
    private func finish(_ out: [Line], goal: BulkGoal, seconds: Double?, cancelled: Bool) -> Int32 {
        for line in out { Console.out(json ? jsonText(line) : Self.text(line)) }
        Console.flush()
        if let seconds {
            func count(_ outcome: String) -> Int { out.filter { $0.outcome == outcome }.count }
            var tally = BulkTally(moved: count(goal.done), skipped: count("skipped"), failed: count("failed"),
                                  notAttempted: count("not_attempted"))
            tally.conflicts = count("conflict")
            let summary = BulkSummaryText.summary(tally, goal: goal, cancelled: cancelled, seconds: seconds)
            json ? Console.err(summary) : Console.out(summary)
        }
        let succeeded: Set<String> = [goal.done, "skipped", "would_" + Self.verb(goal)]
        return out.allSatisfy { succeeded.contains($0.outcome) } ? 0 : 1
    }

    /// `{"id","name","outcome","status","message","attempts", …jsonFields}`, one line
    /// (`attempts`: see `Line.attempts`).
    func jsonText(_ l: Line) -> String {
        var o: [String: JSONValue] = [
            "id": .string(l.id), "name": l.name.map(JSONValue.string) ?? .null, "outcome": .string(l.outcome),
            "status": l.httpStatus.map(JSONValue.int) ?? .null, "message": l.message.map(JSONValue.string) ?? .null,
            "attempts": .int(l.attempts),
        ]
        o.merge(jsonFields) { a, _ in a }
        return Scripting.jsonLine(.object(o))
    }

    /// `assigned       <id>  Name                            +Backend`; `(5 requests)` after a
    /// candidate that took retries (more than the read and the PATCH).
    static func text(_ l: Line) -> String {
        let label = l.outcome == "failed" ? "FAILED" : l.outcome == "conflict" ? "CONFLICT" : l.outcome.replacingOccurrences(of: "_", with: " ")
        var message = l.message ?? ""
        if l.attempts > 2 { message += " (\(l.attempts) requests)" }
        return [DisplayText.fit(label, to: 13), l.id, DisplayText.fit(l.name ?? "", to: 30), DisplayText.sanitize(message)]
            .joined(separator: "  ")
    }
}
