import Foundation
import SwiftCSV

/// A CSV file with a header row, as text cells: what `apply` and `bulk-status --csv` read.
///
/// RFC 4180 as spreadsheets write it, parsed by SwiftCSV: comma-separated; a field may be
/// double-quoted and then hold commas, line breaks and `""` for a quote; CRLF, LF or CR line
/// ends; a UTF-8 byte order mark at the start is dropped. White space before a field is
/// dropped (SwiftCSV's rule); header names are trimmed. Blank lines are left out, but every
/// row keeps the file line it starts on, so messages can name it.
public struct CSVTable: Sendable, Equatable {
    /// One data row: its cells (as many as the header has, missing ones empty) and the 1-based
    /// file line it starts on.
    public struct Row: Sendable, Equatable {
        public let cells: [String]
        public let line: Int

        public init(cells: [String], line: Int) { self.cells = cells; self.line = line }
    }

    /// The header's names, trimmed, in file order.
    public let header: [String]
    /// The data rows in file order, blank ones left out.
    public let rows: [Row]

    /// Parses `text`; `source` names the file in errors (`ids.csv`, `standard input`).
    /// - Throws: `CSVTableError`: no header row, a quote that is not closed, text after a
    ///   closing quote, or a row with more cells than the header.
    public init(parsing text: String, source: String) throws(CSVTableError) {
        var raw: [[String]] = []
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { raw.append($0) }
            // Every complete parse has an even number of quote characters; an odd one means
            // the last field opened a quote and the file ended inside it.
            if csv.text.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }) % 2 == 1 {
                throw CSVTableError.unclosedQuote(source: source, line: Self.lines(before: raw.count - 1, in: raw))
            }
        } catch let error as CSVTableError {
            throw error
        } catch {
            // SwiftCSV stops at the bad character; the rows before it are complete.
            throw CSVTableError.badQuote(source: source, line: Self.lines(before: raw.count, in: raw))
        }
        var rows: [Row] = []
        var line = 1
        var header: [String]?
        for cells in raw {
            defer { line += 1 + cells.reduce(0) { $0 + $1.filter(\.isNewline).count } }
            if cells.allSatisfy(\.isEmpty) { continue }
            guard let names = header else {
                header = cells.map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            if cells.count > names.count, cells[names.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw CSVTableError.tooManyCells(source: source, line: line, cells: cells.count, columns: names.count)
            }
            let fitted = Array(cells.prefix(names.count)) + Array(repeating: "", count: max(0, names.count - cells.count))
            rows.append(Row(cells: fitted, line: line))
        }
        guard let header else { throw CSVTableError.empty(source: source) }
        self.header = header
        self.rows = rows
    }

    /// The index of the column named `name` (case-insensitive), if there is one.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The file line that row `index` of `raw` starts on (1-based).
    private static func lines(before index: Int, in raw: [[String]]) -> Int {
        1 + raw.prefix(max(0, index)).reduce(0) { sum, cells in sum + 1 + cells.reduce(0) { $0 + $1.filter(\.isNewline).count } }
    }
}

/// Why a CSV file cannot be read; the message names the file and line.
public enum CSVTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No header row (the file is empty or blank).
    case empty(source: String)
    /// A quoted field starting on `line` is still open at the end of the file.
    case unclosedQuote(source: String, line: Int)
    /// Text after a closing quote, or a lone quote inside an unquoted field, in the row starting on `line`.
    case badQuote(source: String, line: Int)
    /// A row with non-empty cells past the header's columns.
    case tooManyCells(source: String, line: Int, cells: Int, columns: Int)

    public var description: String {
        switch self {
        case .empty(let s): "\(s) is empty: expected a header row"
        case .unclosedQuote(let s, let l): "\(s):\(l): a quoted field is not closed"
        case .badQuote(let s, let l): "\(s):\(l): bad quoting: a quote inside a field must be doubled (\"\") and a quoted field must end at a comma or line end"
        case .tooManyCells(let s, let l, let n, let c): "\(s):\(l): \(n) cells, but the header has \(c) columns"
        }
    }
}
