import CandidateCore
import Foundation

/// The list screen's columns, computed from the width in cells. Pure, so tests check
/// alignment without a terminal.
struct ListLayout: Equatable {
    struct Column: Equatable {
        var column: ListColumn
        var width: Int
        var title: String { column.title }
        var alignRight: Bool { column.alignRight }
    }
    var columns: [Column]

    /// The narrowest email column shown at all; a whole address (`ListColumn.email.width`)
    /// comes before any lower column.
    static let minEmailWidth = 16
    /// The email column grows to this with room to spare; the name takes the rest.
    static let maxEmailWidth = 40

    /// Columns by priority (`ListColumn.priority`): name and status always; the email gets its
    /// whole 30 cells before anything lower is added (on a narrow list it shows cut, and
    /// nothing lower); then phone, updated, rating and jobs while they fit. The sorted column
    /// comes right after the email, so the order the rows are in stays visible. Name and email
    /// share what is left over (the email up to `maxEmailWidth`). `columns` is the configured
    /// set (in its order), `nil` for all; a configured set that does not fit loses its lowest
    /// priorities the same way. `statusWidth` is the widest status on the list
    /// (`ListModel.statusColumnWidth`), so a status outside the API's enum shows whole.
    init(width: Int, statusWidth: Int = 10, columns wanted: [ListColumn]? = nil, sortedBy sort: SortColumn = .server) {
        let set = (wanted ?? ListColumn.allCases).filter { !$0.isRequired }
        let sorted = ListColumn(sortedBy: sort)
        func rank(_ c: ListColumn) -> Int { c == sorted ? 2 * ListColumn.email.priority + 1 : 2 * c.priority }
        var room = width - 2 /* mark */ - statusWidth - 1 - ListColumn.name.width
        var widths: [ListColumn: Int] = [.name: ListColumn.name.width, .status: statusWidth]
        for c in set.sorted(by: { rank($0) < rank($1) }) {
            if c == .email, room < c.width + 1 {
                // Not whole: a cut address still beats nothing, and nothing lower is added.
                if room >= Self.minEmailWidth + 1 { widths[.email] = room - 1; room = 0 }
                break
            }
            guard room >= c.width + 1 else { break }
            widths[c] = c.width
            room -= c.width + 1
        }
        if let email = widths[.email] {
            // Half each, but an email column wider than `maxEmailWidth` only adds blanks.
            let toEmail = min(room - room / 2, max(0, Self.maxEmailWidth - email))
            widths[.email] = email + toEmail
            widths[.name, default: 0] += room - toEmail
        } else {
            widths[.name] = max(6, ListColumn.name.width + room)
        }
        let order = ([.name, .status] + (wanted ?? ListColumn.allCases).filter { !$0.isRequired })
        columns = order.compactMap { c in widths[c].map { Column(column: c, width: $0) } }
    }

    /// Cells the cursor's reverse video covers: the mark column and the name.
    var cursorWidth: Int { 2 + (columns.first?.width ?? 0) }

    /// The header row; the sorted column's title carries `↑` or `↓` (`^`/`v` when not UTF-8).
    func headerLine(sortedBy sort: SortColumn = .server, descending: Bool = false, utf8: Bool = true) -> String {
        let sortedColumn = ListColumn(sortedBy: sort)
        let arrow = utf8 ? (descending ? "↓" : "↑") : (descending ? "v" : "^")
        return "  " + columns.map { col in
            guard col.column == sortedColumn else { return DisplayText.fit(col.title, to: col.width, alignRight: col.alignRight) }
            // The arrow always shows: a title too long for both loses its last letters instead.
            let title = String(col.title.prefix(max(0, col.width - 1))) + arrow
            return DisplayText.fit(title, to: col.width, alignRight: col.alignRight)
        }.joined(separator: " ")
    }

    /// One candidate's row; every server string sanitized and cut to its column in cells.
    /// `shown` turns a field's text into what shows (privacy mode masks the email and phone).
    func rowLine(_ c: Candidate, marked: Bool = false, shown: (CandidateField, String) -> String = { $1 }) -> String {
        let cells = columns.map { col in
            let value: String = switch col.column {
            case .name: c.fullName
            case .status: c.status.rawValue
            case .email: shown(.email, c.email ?? "")
            case .phone: shown(.phoneNumber, c.phoneNumber ?? "")
            case .jobs: String(c.jobIds.count)
            case .rating: c.overallRating.map(String.init) ?? "–"
            case .updated: c.updatedAt.map { String($0.prefix(10)) } ?? ""
            }
            return DisplayText.fit(value, to: col.width, alignRight: col.alignRight)
        }
        return (marked ? "* " : "  ") + cells.joined(separator: " ")
    }
}
