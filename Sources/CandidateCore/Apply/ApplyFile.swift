import Foundation

/// The rows of an `apply` file: per candidate id, the fields to change. Read from CSV or JSON lines.
///
/// CSV: a header row with an `id` column and any of the columns in `fieldColumns`, plus
/// `metadata.KEY` columns. An empty cell changes nothing; the cell `NULL` clears an optional
/// field (sent as JSON `null`) or removes the metadata key. `jobIds` holds the whole list,
/// job ids separated by `;` (`jobIdSeparator`). A `metadata.KEY` cell is a JSON value when it
/// parses as one (`42`, `true`, `{"a":1}`, `"text"`), else the plain text.
///
/// JSON lines: one object per line, `{"id": "…", "fields": {"status": "ACCEPTED", "email": null,
/// "jobIds": ["…"], "metadata.source": "referral"}}` with the same names as the CSV columns. A
/// missing key and the empty string change nothing, as an empty CSV cell does (so a stray `""`
/// never wipes a field); `null` clears; any other string is read as a CSV cell is (except that
/// `NULL` is text, not a token); `jobIds` may be an array;
/// a `metadata.KEY` value is used as it is. Blank lines are skipped.
///
/// Which format: `.jsonl`/`.ndjson` names are JSON lines, `.csv` names CSV, otherwise JSON lines
/// when the first non-blank character is `{`.
public struct ApplyFile: Sendable, Equatable {
    /// A column (or JSON lines key) that changes something.
    public enum Column: Hashable, Sendable, Comparable {
        /// One editable field.
        case field(CandidateField)
        /// One key of the `metadata` object (the object is sent whole, with this key changed).
        case metadataKey(String)

        /// The name in the file: `email`, `metadata.source`.
        public var name: String {
            switch self {
            case .field(let f): f.rawValue
            case .metadataKey(let k): ApplyFile.metadataPrefix + k
            }
        }

        /// The field this column changes.
        public var field: CandidateField {
            switch self {
            case .field(let f): f
            case .metadataKey: .metadata
            }
        }

        /// The column for a name, or `nil` when unknown (field names are case-sensitive, as on the wire).
        public init?(name: String) {
            if name.hasPrefix(ApplyFile.metadataPrefix) {
                let key = String(name.dropFirst(ApplyFile.metadataPrefix.count))
                guard !key.isEmpty else { return nil }
                self = .metadataKey(key)
            } else if let f = ApplyFile.fieldColumns.first(where: { $0.rawValue == name }) {
                self = .field(f)
            } else {
                return nil
            }
        }

        public static func < (a: Column, b: Column) -> Bool {
            let order = { (c: Column) in CandidateField.allCases.firstIndex(of: c.field) ?? 0 }
            return order(a) != order(b) ? order(a) < order(b) : a.name < b.name
        }
    }

    /// What a row says about one column.
    public enum Value: Hashable, Sendable {
        /// Text as written in a CSV cell or a JSON string.
        case text(String)
        /// A JSON lines value that is not a string (a `jobIds` array, a metadata value).
        case json(JSONValue)
        /// `NULL` in CSV, `null` in JSON lines: clear the field, remove the metadata key.
        case clear
    }

    /// One row: the candidate id, the file line it starts on, and what changes.
    public struct Row: Sendable, Equatable {
        /// As written (trimmed); not yet checked to be a UUID.
        public let id: String
        /// 1-based line in the file.
        public let line: Int
        /// Only the columns the row changes (empty CSV cells are left out).
        public let values: [Column: Value]

        public init(id: String, line: Int, values: [Column: Value]) { self.id = id; self.line = line; self.values = values }
    }

    /// The fields a file may change, by column name. `cvText` is left out (too long for a cell).
    public static let fieldColumns: [CandidateField] = [.status, .email, .phoneNumber, .gdprExpiryDate, .firstName, .lastName, .gender, .jobIds]
    /// The prefix of a metadata key's column.
    public static let metadataPrefix = "metadata."
    /// The CSV cell that clears a field.
    public static let nullToken = "NULL"
    /// Between the job ids of a `jobIds` cell.
    public static let jobIdSeparator: Character = ";"
    /// Every column name a file may use, for messages.
    public static var knownColumns: String { (["id"] + fieldColumns.map(\.rawValue) + [metadataPrefix + "KEY"]).joined(separator: ", ") }

    /// The file's name, for messages and the journal.
    public let source: String
    /// The rows in file order (blank ones left out; rows that change nothing kept).
    public let rows: [Row]

    public init(source: String, rows: [Row]) { self.source = source; self.rows = rows }

    /// Reads a file's text, choosing the format by the name's extension, else by the content.
    /// - Throws: `ApplyFileError` (nothing may be sent).
    public init(text: String, source: String) throws(ApplyFileError) {
        let ext = (source as NSString).pathExtension.lowercased()
        let looksJSON = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{"
        if ["jsonl", "ndjson"].contains(ext) || (ext != "csv" && looksJSON) {
            self = try Self.jsonLines(text, source: source)
        } else {
            self = try Self.csv(text, source: source)
        }
    }

    /// Reads CSV text (see the type's description).
    public static func csv(_ text: String, source: String) throws(ApplyFileError) -> ApplyFile {
        let table: CSVTable
        do { table = try CSVTable(parsing: text, source: source) } catch { throw .csv(error) }
        var columns: [Int: Column] = [:]
        var idColumn: Int?
        var unknown: [String] = []
        var seen: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            if let first = seen[name] { throw .duplicateColumn(source: source, name: name, columns: [first + 1, i + 1]) }
            seen[name] = i
            if name == "id" { idColumn = i } else if let c = Column(name: name) { columns[i] = c } else { unknown.append(name) }
        }
        guard unknown.isEmpty else { throw .unknownColumns(source: source, names: unknown) }
        guard let idColumn else { throw .noIdColumn(source: source) }
        let rows = table.rows.map { row in
            var values: [Column: Value] = [:]
            for (i, column) in columns where !row.cells[i].isEmpty {
                values[column] = row.cells[i] == nullToken ? .clear : .text(row.cells[i])
            }
            return Row(id: row.cells[idColumn].trimmingCharacters(in: .whitespaces), line: row.line, values: values)
        }
        return ApplyFile(source: source, rows: rows)
    }

    /// Reads JSON lines (see the type's description).
    public static func jsonLines(_ text: String, source: String) throws(ApplyFileError) -> ApplyFile {
        var rows: [Row] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (n, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = n + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let object: [String: JSONValue]
            do {
                guard let o = try JSONValue.parse(trimmed).objectValue else { throw ApplyFileError.badLine(source: source, line: line, message: "not a JSON object") }
                object = o
            } catch let e as ApplyFileError {
                throw e
            } catch {
                throw .badLine(source: source, line: line, message: "not valid JSON: \(CandidateDraft.jsonErrorSummary(error))")
            }
            let extra = object.keys.filter { $0 != "id" && $0 != "fields" }.sorted()
            guard extra.isEmpty else {
                throw .badLine(source: source, line: line, message: "unknown key \(extra.joined(separator: ", ")): a line is {\"id\": …, \"fields\": {…}}")
            }
            guard let id = object["id"]?.stringValue else { throw .badLine(source: source, line: line, message: "no \"id\" string") }
            guard let fields = (object["fields"] ?? .object([:])).objectValue else {
                throw .badLine(source: source, line: line, message: "\"fields\" must be an object")
            }
            let unknown = fields.keys.filter { Column(name: $0) == nil }.sorted()
            guard unknown.isEmpty else { throw .unknownColumns(source: "\(source):\(line)", names: unknown) }
            var values: [Column: Value] = [:]
            for (name, value) in fields {
                guard let column = Column(name: name) else { continue }
                switch value {
                case .null: values[column] = .clear
                case .string(let s) where s.isEmpty: continue
                case .string(let s): values[column] = .text(s)
                default: values[column] = .json(value)
                }
            }
            rows.append(Row(id: id.trimmingCharacters(in: .whitespaces), line: line, values: values))
        }
        return ApplyFile(source: source, rows: rows)
    }
}

/// Why an `apply` file cannot be used at all; nothing is sent.
public enum ApplyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The CSV itself is broken.
    case csv(CSVTableError)
    /// Columns (or JSON lines keys) that are not known.
    case unknownColumns(source: String, names: [String])
    /// The same column twice (1-based column numbers).
    case duplicateColumn(source: String, name: String, columns: [Int])
    /// A CSV header without `id`.
    case noIdColumn(source: String)
    /// A JSON lines line that is not `{"id": …, "fields": {…}}`.
    case badLine(source: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .csv(let e): e.description
        case .unknownColumns(let s, let names):
            "\(s): unknown column\(names.count == 1 ? "" : "s") \(names.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(ApplyFile.knownColumns)"
        case .duplicateColumn(let s, let name, let cols): "\(s): column \"\(name)\" appears twice (columns \(cols.map(String.init).joined(separator: " and ")))"
        case .noIdColumn(let s): "\(s) has no id column; known columns: \(ApplyFile.knownColumns)"
        case .badLine(let s, let l, let m): "\(s):\(l): \(m)"
        }
    }
}
