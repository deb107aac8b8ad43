import CandidateCore
import Foundation

/// A column the list can show. The list keeps columns by priority: name and status always,
/// then a whole email address, phone, updated, rating and jobs as the width allows.
public enum ListColumn: String, CaseIterable, Equatable, Hashable, Sendable {
    case name, status, email, phone, jobs, rating, updated

    /// The order columns are given room in: lower goes first, the highest is dropped first
    /// when the list is narrow.
    var priority: Int {
        switch self {
        case .name: 0
        case .status: 1
        case .email: 2
        case .phone: 3
        case .updated: 4
        case .rating: 5
        case .jobs: 6
        }
    }

    /// Always shown, whatever the width or the configured set.
    var isRequired: Bool { self == .name || self == .status }

    /// The column's title on the header row.
    var title: String {
        switch self {
        case .name: "Name"
        case .status: "Status"
        case .email: "Email"
        case .phone: "Phone"
        case .jobs: "Jobs"
        case .rating: "Rating"
        case .updated: "Updated"
        }
    }

    /// Numbers are aligned right.
    var alignRight: Bool { self == .jobs || self == .rating }

    /// Cells the column takes when shown (name and email also share what is left over; the
    /// status column takes the widest status instead). Phone fits any E.164 number (16),
    /// email a typical address of 25–30 characters whole.
    var width: Int {
        switch self {
        case .name: 16
        case .status: 10
        case .email: 30
        case .phone: 16
        case .jobs: 4
        case .rating: 6
        case .updated: 10
        }
    }

    /// The column the list is sorted by, when it is one of these.
    init?(sortedBy sort: SortColumn) {
        switch sort {
        case .server: return nil
        case .name: self = .name
        case .status: self = .status
        case .updated: self = .updated
        case .rating: self = .rating
        }
    }

    /// A configured column name that is not one of `ListColumn`'s.
    public struct UnknownName: Error, Equatable, CustomStringConvertible {
        /// The name as configured.
        public var name: String
        public var description: String {
            "unknown column \"\(name)\" (known: \(ListColumn.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    /// The columns named in a configuration (e.g. the profile's `columns = ["name", "email"]`),
    /// in the order given, each once. Names are the titles in lower case: `name`, `status`,
    /// `email`, `phone`, `jobs`, `rating`, `updated`; case and surrounding blanks do not
    /// matter. Name and status always come first (the cursor covers the name), whether named
    /// or not. Throws `UnknownName` for the first name that is none of these.
    public static func parse(_ names: [String]) throws -> [ListColumn] {
        var columns: [ListColumn] = []
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = ListColumn(rawValue: name) else { throw UnknownName(name: raw) }
            if !columns.contains(column) { columns.append(column) }
        }
        return [.name, .status] + columns.filter { !$0.isRequired }
    }
}
