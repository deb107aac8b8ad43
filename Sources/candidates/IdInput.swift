import CandidateCore
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

    /// The `id` column of a CSV file with a header row (`CSVTable`: quoted fields, CRLF, a byte
    /// order mark). Rows whose id cell is empty are ignored.
    /// - Throws: `UsageProblem` when there is no header, no `id` column (case-insensitive), or
    ///   the quoting is broken (the message names the line).
    static func csv(_ text: String, source: String) throws -> [Entry] {
        let table: CSVTable
        do { table = try CSVTable(parsing: text, source: source) } catch { throw UsageProblem(error.description) }
        guard let column = table.column("id") else {
            throw UsageProblem("\(source) has no id column (header: \(table.header.joined(separator: ",")))")
        }
        return table.rows.compactMap { row in
            let id = row.cells[column].trimmingCharacters(in: .whitespaces)
            return id.isEmpty ? nil : Entry(id: id, origin: "\(source):\(row.line)")
        }
    }
}

/// Bad usage of a scripted command: the message goes to standard error and the exit status is 2.
struct UsageProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
