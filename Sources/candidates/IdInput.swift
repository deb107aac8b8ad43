import Foundation

/// Candidate ids for a scripted command, read from arguments, a file of lines, standard input
/// or a CSV file. Every problem is a `UsageProblem` (exit status 2).
enum IdInput {
    /// One id and where it came from, for error messages (`ids.txt:3`, `argument 2`).
    struct Entry: Equatable {
        var id: String
        var origin: String
    }

    /// One id per line; surrounding whitespace trimmed; blank lines and lines starting with `#`
    /// ignored. A trailing `# comment` after an id is ignored too.
    static func lines(_ text: String, source: String) -> [Entry] {
        var out: [Entry] = []
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let id = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !id.isEmpty { out.append(Entry(id: id, origin: "\(source):\(n + 1)")) }
        }
        return out
    }

    /// The `id` column of a CSV file with a header row (RFC 4180: comma-separated, fields may be
    /// double-quoted, `""` is a quote inside a quoted field, quoted fields may hold commas and
    /// newlines; CRLF or LF line ends). Rows whose id cell is empty are ignored.
    /// - Throws: `UsageProblem` when there is no header, no `id` column (case-insensitive, trimmed;
    ///   a UTF-8 byte order mark is ignored), or a quote is left open.
    static func csv(_ text: String, source: String) throws -> [Entry] {
        let rows = try parseCSV(text, source: source)
        guard let header = rows.first else { throw UsageProblem("\(source) is empty: expected a header row with an id column") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let column = names.firstIndex(of: "id") else {
            throw UsageProblem("\(source) has no id column (header: \(header.fields.joined(separator: ",")))")
        }
        var out: [Entry] = []
        for row in rows.dropFirst() {
            guard column < row.fields.count else {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                throw UsageProblem("\(source):\(row.line) has \(row.fields.count) fields, no id column \(column + 1)")
            }
            let id = row.fields[column].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { out.append(Entry(id: id, origin: "\(source):\(row.line)")) }
        }
        return out
    }

    struct Row { var fields: [String]; var line: Int }

    /// Splits CSV text into rows of fields (line = the row's first line, 1-based).
    static func parseCSV(_ text: String, source: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowLine = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
        var i = 0
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty:
                    inQuotes = true
                    fieldWasQuoted = true
                case ",":
                    fields.append(field)
                    field = ""
                    fieldWasQuoted = false
                case "\n", "\r\n", "\r":
                    endRow()
                    line += 1
                    rowLine = line
                default:
                    field.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw UsageProblem("\(source):\(rowLine): a quoted field is not closed") }
        return rows
    }
}

/// Bad usage of a scripted command: the message goes to standard error and the exit status is 2.
struct UsageProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
