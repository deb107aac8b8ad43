import Foundation

/// What an `apply` file would do to the candidates as the server has them, before anything is
/// sent: per row the validated partial update, or what is wrong with the row.
///
/// Each row's values are typed into a `CandidateDraft` of the server's copy, and the patch is
/// the draft's (`CandidateDraft.makePatch`): the same normalization and `PatchValidator` rules
/// as the form, and a field whose new value equals the server's is left out. Pure, so a dry run
/// shows exactly what the run sends.
public struct ApplyPlan: Sendable {
    /// One thing wrong with a row, with the file line and column, e.g.
    /// `people.csv:4: email: is not a valid email address (name@example.com)`.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line of the row in the file.
        public let line: Int
        /// The column (or columns, comma-separated) it is about: `id`, `email`, `metadata.source`.
        public let column: String
        public let message: String

        public init(line: Int, column: String, message: String) { self.line = line; self.column = column; self.message = message }

        /// `line 4: email: …` (callers put the file name in front).
        public var description: String { "line \(line): \(column): \(message)" }
    }

    /// One row of the file against the server's copy.
    public struct Row: Sendable {
        /// The row as read from the file.
        public let row: ApplyFile.Row
        /// The candidate as read from the server; `nil` when it was not read (a bad id, or the read failed).
        public let candidate: Candidate?
        /// The validated fields to send; empty when nothing changes or the row has issues.
        public let patch: CandidatePatch
        /// What is wrong with the row; when not empty nothing is sent for it.
        public let issues: [Issue]

        public var isValid: Bool { issues.isEmpty }

        /// `Label: old → new` per field the patch changes, in form order; metadata as one line
        /// per key that changes (`metadata.source: "agency" → "fair"`), since the object is long.
        public func changeLines(maxLength: Int = 40) -> [String] {
            guard let candidate else { return [] }
            var fields = patch
            fields[.metadata] = nil
            var lines = FieldDisplay.changeLines(fields, original: candidate, maxLength: maxLength)
            if let after = patch[.metadata] {
                let old = candidate.metadata?.objectValue ?? [:], new = after.objectValue ?? [:]
                for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
                    let shown = { (v: JSONValue?) in v.map { FieldDisplay.oneLine($0.compactText(), maxLength: maxLength) } ?? "(none)" }
                    lines.append("\(ApplyFile.metadataPrefix)\(key): \(shown(old[key])) → \(shown(new[key]))")
                }
            }
            return lines
        }
    }

    /// The file's name.
    public let source: String
    /// One per file row, in file order.
    public let rows: [Row]

    /// Plans `file` against `candidates` (keyed by lower-case id; ids missing from it were not
    /// read, and their rows get no patch and no issue unless the id is not a UUID or repeats).
    /// - Parameter today: the day a new `gdprExpiryDate` must be after (UTC, as the server).
    public init(file: ApplyFile, candidates: [String: Candidate], today: CalendarDay = .today()) {
        source = file.source
        var firstLine: [String: Int] = [:]
        rows = file.rows.map { row in
            let key = row.id.lowercased()
            if UUID(uuidString: row.id) == nil {
                let shown = row.id.isEmpty ? "is empty" : "\"\(String(row.id.prefix(60)))\" is not a candidate UUID"
                return Row(row: row, candidate: nil, patch: CandidatePatch(), issues: [Issue(line: row.line, column: "id", message: shown)])
            }
            if let first = firstLine[key] {
                return Row(row: row, candidate: candidates[key], patch: CandidatePatch(),
                           issues: [Issue(line: row.line, column: "id", message: "the same candidate is on line \(first) too: one row per candidate")])
            }
            firstLine[key] = row.line
            guard let candidate = candidates[key] else { return Row(row: row, candidate: nil, patch: CandidatePatch(), issues: []) }
            let (patch, issues) = Self.plan(row, over: candidate, today: today)
            return Row(row: row, candidate: candidate, patch: patch, issues: issues)
        }
    }

    /// Every issue, in file order.
    public var issues: [Issue] { rows.flatMap(\.issues) }

    /// The ids of the rows whose candidates must be read (UUIDs, each once, in file order).
    public static func idsToRead(_ file: ApplyFile) -> [String] {
        var seen = Set<String>()
        return file.rows.map(\.id).filter { UUID(uuidString: $0) != nil && seen.insert($0.lowercased()).inserted }
    }

    /// The run for `BulkChangeEngine`: every valid row whose candidate was read, with its patch
    /// (`change == nil`, "no change", when nothing differs). Rows with issues are left out.
    public var bulkPlan: BulkChangePlan { bulkPlan(guarded: false) }

    /// The run, each patch `guarded` when asked: the candidate is read again right before its
    /// PATCH, and one whose changed fields no longer hold what the plan read (someone changed
    /// them meanwhile, e.g. while a question waited) is a conflict, not overwritten.
    public func bulkPlan(guarded: Bool) -> BulkChangePlan {
        BulkChangePlan(goal: .apply(source: source), items: rows.compactMap { r in
            guard r.isValid, let c = r.candidate else { return nil }
            if r.patch.isEmpty { return .init(candidate: c, change: nil, skipReason: "no change") }
            guard guarded else { return .init(candidate: c, change: .patch(r.patch)) }
            let seen = Dictionary(uniqueKeysWithValues: r.patch.fields.map { ($0, CandidateDraft.originalWireValue($0, of: c)) })
            return .init(candidate: c, change: .guarded(r.patch, expecting: seen))
        })
    }

    /// The row's values typed into a draft of `candidate`, and the draft's validated patch.
    static func plan(_ row: ApplyFile.Row, over candidate: Candidate, today: CalendarDay) -> (CandidatePatch, [Issue]) {
        var draft = CandidateDraft(candidate)
        var issues: [Issue] = []
        var metadata = candidate.metadata?.objectValue ?? [:]
        var metadataColumns: [String] = []
        func issue(_ column: ApplyFile.Column, _ message: String) { issues.append(Issue(line: row.line, column: column.name, message: message)) }

        for (column, value) in row.values.sorted(by: { $0.key < $1.key }) {
            if case .metadataKey(let key) = column {
                metadataColumns.append(column.name)
                switch value {
                case .clear: metadata[key] = nil
                case .json(let v): metadata[key] = v
                case .text(let s): metadata[key] = (try? JSONValue.parse(s)) ?? .string(s)
                }
                continue
            }
            let field = column.field
            switch value {
            case .clear:
                if let message = PatchValidator.check(field, .null) { issue(column, message + " (NULL)"); continue }
                draft.setText("", for: field)
            case .json(let v):
                guard field == .jobIds, let items = v.arrayValue else { issue(column, "must be text"); continue }
                let ids = items.compactMap(\.stringValue)
                guard ids.count == items.count else { issue(column, "must be a list of job ids (strings)"); continue }
                draft.jobIds = ids.map { $0.trimmingCharacters(in: .whitespaces) }
            case .text(let s):
                switch field {
                case .status: draft.status = CandidateStatus(s.trimmingCharacters(in: .whitespaces).uppercased())
                case .gender: draft.setText(s.lowercased(), for: .gender)
                case .jobIds:
                    draft.jobIds = s.split(separator: ApplyFile.jobIdSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                default: draft.setText(s, for: field)
                }
            }
        }
        if !metadataColumns.isEmpty, !(candidate.metadata == nil && metadata.isEmpty) {
            draft.metadataText = JSONValue.object(metadata).compactText()
        }
        guard issues.isEmpty else { return (CandidatePatch(), issues) }
        do {
            return (try draft.makePatch(today: today), [])
        } catch let failure as ValidationFailure {
            let columns = { (f: CandidateField) in
                f == .metadata ? metadataColumns.joined(separator: ", ") : f.rawValue
            }
            return (CandidatePatch(), failure.errors.map { Issue(line: row.line, column: columns($0.field), message: $0.message) })
        } catch {
            return (CandidatePatch(), [Issue(line: row.line, column: "id", message: "\(error)")])
        }
    }
}
