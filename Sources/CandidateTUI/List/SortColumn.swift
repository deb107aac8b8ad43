/// Sort orders the list offers (`o` cycles, `O` reverses). Sorting is client-side and stable.
enum SortColumn: String, CaseIterable, Equatable {
    case server, name, status, updated, rating

    var label: String {
        switch self {
        case .server: return "server order"
        case .name: return "name"
        case .status: return "status"
        case .updated: return "updated"
        case .rating: return "rating"
        }
    }

    /// Whether `o` starts this sort descending: the newest update and the highest rating are
    /// what a recruiter looks for first (`O` reverses).
    var startsDescending: Bool { self == .updated || self == .rating }

    var next: SortColumn {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
