/// A plan item's candidate, kept in as few bytes as it needs.
///
/// The editor plans from its marks, which know only id, names and status: those four are kept
/// inline (the id as a `CompactID`: a UUID in 16 bytes, no heap block). A command plans from
/// candidates it read whole: each is kept in a heap box of its own. Either way an item stays a
/// few dozen bytes, so a plan of 100,000 candidates costs a few MB instead of a `Candidate`
/// (over 300 bytes inline) per item. Reads back as the
/// `Candidate` it was made from (`==` to it).
enum BulkPlanCandidate: Sendable, Hashable {
    /// A candidate with nothing but these fields set.
    case named(id: CompactID, firstName: String, lastName: String, status: CandidateStatus)
    /// Any other candidate.
    indirect case whole(Candidate)

    init(_ c: Candidate) {
        if c == Candidate(id: c.id, firstName: c.firstName, lastName: c.lastName, status: c.status) {
            self = .named(id: CompactID(c.id), firstName: c.firstName, lastName: c.lastName, status: c.status)
        } else {
            self = .whole(c)
        }
    }

    /// The candidate as given.
    var candidate: Candidate {
        switch self {
        case .named(let id, let first, let last, let status): Candidate(id: id.string, firstName: first, lastName: last, status: status)
        case .whole(let c): c
        }
    }

    var id: String {
        switch self {
        case .named(let id, _, _, _): id.string
        case .whole(let c): c.id
        }
    }

    var status: CandidateStatus {
        switch self {
        case .named(_, _, _, let status): status
        case .whole(let c): c.status
        }
    }

    /// "First Last" (`Candidate.fullName`).
    var fullName: String {
        switch self {
        case .named(_, let first, let last, _): Candidate.fullName(firstName: first, lastName: last)
        case .whole(let c): c.fullName
        }
    }

    /// The id and names with `status`: what a moved result keeps of the candidate (`BulkResults`).
    func named(status: CandidateStatus) -> Candidate {
        switch self {
        case .named(let id, let first, let last, _): Candidate(id: id.string, firstName: first, lastName: last, status: status)
        case .whole(let c): Candidate(id: c.id, firstName: c.firstName, lastName: c.lastName, status: status)
        }
    }
}
