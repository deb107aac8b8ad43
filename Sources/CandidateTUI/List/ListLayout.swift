import CandidateCore
import Foundation

/// The list screen's columns, computed from the width in cells. Pure, so tests check
/// alignment without a terminal.
struct ListLayout: Equatable {
    struct Column: Equatable {
        var title: String
        var width: Int
        var alignRight = false
    }
    var columns: [Column]

    /// Name and Email share what the fixed columns leave; narrow terminals drop Phone, then Email.
    /// `statusWidth` is the widest status on the list (`ListModel.statusColumnWidth`), so a
    /// status outside the API's enum shows whole.
    init(width: Int, statusWidth: Int = 10) {
        let status = statusWidth, phone = 16, jobs = 4, rating = 6, updated = 10
        var fixed = [Column(title: "Status", width: status)]
        var flexTotal = width - 2 /* mark */ - status - jobs - rating - updated - 6 /* gaps */
        let showPhone = flexTotal - phone - 1 >= 24
        if showPhone { flexTotal -= phone + 1 }
        let showEmail = flexTotal >= 24
        let nameWidth = showEmail ? max(10, flexTotal * 55 / 100) : max(6, flexTotal)
        let emailWidth = showEmail ? max(8, flexTotal - nameWidth - 1) : 0
        var cols = [Column(title: "Name", width: nameWidth)]
        cols += fixed
        fixed = []
        if showEmail { cols.append(Column(title: "Email", width: emailWidth)) }
        if showPhone { cols.append(Column(title: "Phone", width: phone)) }
        cols.append(Column(title: "Jobs", width: jobs, alignRight: true))
        cols.append(Column(title: "Rating", width: rating, alignRight: true))
        cols.append(Column(title: "Updated", width: updated))
        columns = cols
    }

    /// Cells the cursor's reverse video covers: the mark column and the name.
    var cursorWidth: Int { 2 + (columns.first?.width ?? 0) }

    /// The header row; the sorted column's title carries `↑` or `↓` (`^`/`v` when not UTF-8).
    func headerLine(sortedBy sort: SortColumn = .server, descending: Bool = false, utf8: Bool = true) -> String {
        let sortedTitle: String? = switch sort {
        case .server: nil
        case .name: "Name"
        case .status: "Status"
        case .updated: "Updated"
        case .rating: "Rating"
        }
        let arrow = utf8 ? (descending ? "↓" : "↑") : (descending ? "v" : "^")
        return "  " + columns.map { col in
            guard col.title == sortedTitle else { return DisplayText.fit(col.title, to: col.width, alignRight: col.alignRight) }
            // The arrow always shows: a title too long for both loses its last letters instead.
            let title = String(col.title.prefix(max(0, col.width - 1))) + arrow
            return DisplayText.fit(title, to: col.width, alignRight: col.alignRight)
        }.joined(separator: " ")
    }

    /// One candidate's row; every server string sanitized and cut to its column in cells.
    /// `shown` turns a field's text into what shows (privacy mode masks the email and phone).
    func rowLine(_ c: Candidate, marked: Bool = false, shown: (CandidateField, String) -> String = { $1 }) -> String {
        let values: [String] = columns.map { col in
            switch col.title {
            case "Name": return c.fullName
            case "Status": return c.status.rawValue
            case "Email": return shown(.email, c.email ?? "")
            case "Phone": return shown(.phoneNumber, c.phoneNumber ?? "")
            case "Jobs": return String(c.jobIds.count)
            case "Rating": return c.overallRating.map(String.init) ?? "–"
            case "Updated": return c.updatedAt.map { String($0.prefix(10)) } ?? ""
            default: return ""
            }
        }
        let cells = zip(columns, values).map { DisplayText.fit($1, to: $0.width, alignRight: $0.alignRight) }
        return (marked ? "* " : "  ") + cells.joined(separator: " ")
    }
}
