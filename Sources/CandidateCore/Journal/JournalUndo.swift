import Foundation

/// The inverse of journaled changes, ready to preview and send: every field they changed set
/// back to its value before, per candidate, as a guarded change (`BulkChange.guarded`). Right
/// before its PATCH each candidate is read again; one whose fields no longer hold what was
/// written (someone changed it since) is a conflict and is not overwritten; one already back is
/// skipped. Sent through `BulkChangeEngine`, so the undo is journaled (command `undo`) and can
/// itself be undone.
public struct JournalUndo: Sendable, Hashable {
    /// One candidate of the undo: what its fields hold now (as written) and what they go back to.
    public struct Item: Sendable, Hashable {
        public let candidateId: String
        /// The name as the journal recorded it.
        public let name: String
        /// The fields, as the journal last wrote them.
        public let now: [CandidateField: JSONValue]
        /// The same fields before the first of the undone changes.
        public let back: [CandidateField: JSONValue]
        /// Why it cannot be undone (nothing will be sent), when it cannot.
        public let notUndoable: String?
    }

    /// The change or batch id undone.
    public let id: String
    /// Whether `id` names a batch (else one change).
    public let isBatch: Bool
    /// What sent the undone changes (`bulk-status`, `form`, …; `several` when they differ).
    public let command: String
    /// When the newest of the undone changes was recorded.
    public let time: Date?
    /// One per candidate, in journal order.
    public let items: [Item]

    /// The undo of `changes` (one change, or every change of one batch), named `id`.
    /// Changes that failed changed nothing and are listed as not undoable; a change left pending
    /// (interrupted) is undone only if the server shows it was applied. Several changes of one
    /// candidate go back to the values before the first.
    public init(id: String, changes: [JournalChange]) {
        self.id = id
        isBatch = changes.contains { $0.batch == id }
        let commands = Set(changes.map(\.command))
        command = commands.count == 1 ? commands.first! : "several"
        time = changes.compactMap(\.date).max()
        var order: [String] = []
        var byCandidate: [String: [JournalChange]] = [:]
        for c in changes {
            if byCandidate[c.candidateId] == nil { order.append(c.candidateId) }
            byCandidate[c.candidateId, default: []].append(c)
        }
        items = order.map { id in
            let all = byCandidate[id] ?? []
            let applied = all.filter { $0.outcome != .failed }
            let name = all.last?.name ?? id
            guard !applied.isEmpty else {
                return Item(candidateId: id, name: name, now: [:], back: [:], notUndoable: "the change failed: nothing was changed")
            }
            var now: [CandidateField: JSONValue] = [:], back: [CandidateField: JSONValue] = [:]
            var unknown: [String] = []
            for change in applied {
                for f in change.fields {
                    guard let field = CandidateField(apiKey: f.field) else { unknown.append(f.field); continue }
                    if back[field] == nil { back[field] = f.before }
                    now[field] = f.after
                }
            }
            if !unknown.isEmpty {
                return Item(candidateId: id, name: name, now: now, back: back,
                            notUndoable: "the journal names fields this version does not know: " + unknown.joined(separator: ", "))
            }
            return Item(candidateId: id, name: name, now: now, back: back, notUndoable: nil)
        }
    }

    /// How many candidates a PATCH may be sent to.
    public var undoableCount: Int { items.filter { $0.notUndoable == nil && !$0.back.isEmpty }.count }

    /// The bulk plan: a guarded change per undoable candidate, the others skipped with the reason.
    public var plan: BulkChangePlan {
        BulkChangePlan(goal: .undo(of: id), items: items.map { item in
            let candidate = Candidate(id: item.candidateId, firstName: item.name, lastName: "")
            if let why = item.notUndoable { return .init(candidate: candidate, change: nil, skipReason: why) }
            if item.back.isEmpty { return .init(candidate: candidate, change: nil, skipReason: "no field was changed") }
            return .init(candidate: candidate, change: .guarded(CandidatePatch(changes: item.back), expecting: item.now))
        })
    }

    /// `Label: now → back to` for each field of `item`, in form order (job lists as `+added, −removed`).
    public static func lines(_ item: Item, jobTitle: (String) -> String? = { _ in nil }, maxLength: Int = 40,
                             shown: (CandidateField, String) -> String = { $1 }) -> [String] {
        // The candidate as written, so the shared change wording reads from "now" to "back".
        let written = CandidatePatch(changes: item.now).applied(to: Candidate(id: item.candidateId, firstName: "", lastName: ""))
        return FieldDisplay.changeLines(CandidatePatch(changes: item.back), original: written, jobTitle: jobTitle,
                                        maxLength: maxLength, shown: shown)
    }

    /// The header line: `Undo of 62 candidates' changes by bulk-status (batch 1a2b3c4d) at 2026-12-06 10:22`
    /// (local time).
    public var title: String {
        let n = items.count
        let what = (isBatch ? "batch " : "change ") + JournalChangeText.shortId(id)
        var s = "Undo of \(n) candidate\(n == 1 ? "" : "s")' changes by \(DisplayText.sanitize(command)) (\(what))"
        if n == 1 { s = "Undo of a change by \(DisplayText.sanitize(command)) (\(what))" }
        if let time { s += " at " + JournalChangeText.time(time) }
        return s
    }
}

extension JournalUndo {
    /// The undo of the newest change that was sent or interrupted, with every change of its
    /// batch; `nil` when every change in `changes` (a journal's) failed. See `JournalHistory.last()`.
    public static func last(in changes: [JournalChange]) -> JournalUndo? {
        JournalHistory(path: "", changes: changes).last().map { JournalUndo(id: $0.id, changes: $0.changes) }
    }

    /// The undo of the batch or change `id` names: the whole id, or a prefix of at least 4
    /// characters that names one batch or change only. See `JournalHistory.find(_:)`.
    /// - Throws: `JournalLookupError` when it names none, or several.
    public static func named(_ id: String, in changes: [JournalChange]) throws -> JournalUndo {
        let found = try JournalHistory(path: "", changes: changes).find(id)
        return JournalUndo(id: found.id, changes: found.changes)
    }
}
