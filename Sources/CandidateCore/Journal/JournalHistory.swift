import Foundation

/// A journal read once, and the questions asked of it: the changes of a candidate or since a
/// time, a change or a batch by its id (or a unique prefix of it), and the last change sent.
///
/// Every change is in its last state (`Journal.changes()`); lines that could not be read are
/// counted in `unreadable`, for the caller to warn about ("skipped N unreadable lines in FILE").
public struct JournalHistory: Sendable, Equatable {
    /// The journal file read.
    public let path: String
    /// Every change in its last state, oldest first (by `time`; the order recorded when two share one).
    public let changes: [JournalChange]
    /// Lines of the file that could not be read (skipped).
    public let unreadable: Int

    /// The shortest id prefix `find` accepts.
    public static let minimumPrefix = 4

    /// Reads `journal` whole. A missing file is an empty history; never throws.
    public init(_ journal: Journal) {
        let read = journal.changes()
        self.init(path: journal.path, changes: read.changes, unreadable: read.unreadable)
    }

    /// A history of `changes` (put in time order) read from `path`.
    public init(path: String, changes: [JournalChange], unreadable: Int = 0) {
        self.path = path
        self.unreadable = unreadable
        // Stable: changes recorded in the same instant keep the journal's order. A time that
        // cannot be read sorts first (it is the oldest we can say anything about).
        let dates = changes.map { $0.date ?? .distantPast }
        self.changes = changes.indices.sorted { a, b in
            dates[a] != dates[b] ? dates[a] < dates[b] : a < b
        }.map { changes[$0] }
    }

    /// The changes of the candidate `candidateId` (any case), when given, recorded at or
    /// after `since`, when given (a change whose time cannot be read is then left out);
    /// newest last.
    public func changes(candidate candidateId: String? = nil, since: Date? = nil) -> [JournalChange] {
        changes.filter { c in
            if let candidateId, c.candidateId.lowercased() != candidateId.lowercased() { return false }
            if let since { guard let date = c.date, date >= since else { return false } }
            return true
        }
    }

    /// The change or the batch whose id is `text`, or begins with it (at least
    /// `minimumPrefix` characters, any case; an exact id wins over longer ones it begins).
    /// - Throws: `JournalLookupError`: the text is too short, nothing matches, or it begins
    ///   several ids (the error names them, in time order).
    public func find(_ text: String) throws -> JournalSelection {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard wanted.count >= Self.minimumPrefix else { throw JournalLookupError.tooShort(text) }
        var selections: [JournalSelection] = []
        var seenBatches = Set<String>()
        for c in changes {
            if let batch = c.batch?.lowercased(), batch.hasPrefix(wanted), seenBatches.insert(batch).inserted {
                selections.append(batchSelection(batch))
            }
            if c.id.lowercased().hasPrefix(wanted) { selections.append(JournalSelection(kind: .change, id: c.id, changes: [c])) }
        }
        if let exact = selections.first(where: { $0.id.lowercased() == wanted }) { return exact }
        guard let only = selections.first else { throw JournalLookupError.notFound(text) }
        guard selections.count == 1 else { throw JournalLookupError.ambiguous(text, matches: selections.map(\.id)) }
        return only
    }

    /// The last change or batch: the newest change that was sent — or interrupted before its
    /// answer came (the server may have applied it; an undo checks) — and, when it belongs to
    /// a batch, every change of that batch. `nil` when none was.
    public func last() -> JournalSelection? {
        guard let newest = changes.last(where: { $0.outcome != .failed }) else { return nil }
        guard let batch = newest.batch else { return JournalSelection(kind: .change, id: newest.id, changes: [newest]) }
        return batchSelection(batch.lowercased())
    }

    /// Every change of the batch `batch` (lower case), in time order.
    private func batchSelection(_ batch: String) -> JournalSelection {
        let members = changes.filter { $0.batch?.lowercased() == batch }
        return JournalSelection(kind: .batch, id: members.first?.batch ?? batch, changes: members)
    }
}

/// What an id names in the journal: one change, or a batch (a bulk change or an `apply` run)
/// and every change of it, whatever its outcome (sent, failed, pending).
public struct JournalSelection: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case change, batch
    }

    public var kind: Kind
    /// The change's or the batch's full id.
    public var id: String
    /// The one change, or the batch's changes in time order (at least one).
    public var changes: [JournalChange]

    public init(kind: Kind, id: String, changes: [JournalChange]) {
        self.kind = kind; self.id = id; self.changes = changes
    }
}

/// A change or batch id that names nothing in the journal, or more than one thing.
public enum JournalLookupError: Error, Equatable, CustomStringConvertible {
    /// Fewer than `JournalHistory.minimumPrefix` characters.
    case tooShort(String)
    /// No change or batch id begins with it.
    case notFound(String)
    /// Several do: their full ids.
    case ambiguous(String, matches: [String])

    public var description: String {
        switch self {
        case .tooShort(let id): "'\(DisplayText.sanitize(id))' is too short: give at least \(JournalHistory.minimumPrefix) characters of a change or batch id"
        case .notFound(let id): "No change or batch '\(DisplayText.sanitize(id))' in the journal (candidates history lists them)"
        case .ambiguous(let id, let matches):
            "'\(DisplayText.sanitize(id))' names \(matches.count) changes or batches (" + matches.prefix(5).map { String($0.prefix(12)) }.joined(separator: ", ")
                + (matches.count > 5 ? ", …" : "") + "): give more of the id"
        }
    }
}
