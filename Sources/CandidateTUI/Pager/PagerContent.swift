import CandidateCore

/// What a pager shows of a candidate: the CV or the metadata.
enum PagerContent: Equatable, Sendable {
    case cv, metadata

    /// How messages name it: "CV", "metadata".
    var label: String { self == .cv ? "CV" : "metadata" }

    /// The candidate's text for it: the CV as sent, the metadata pretty-printed (sorted keys).
    func text(of c: Candidate) -> String {
        switch self {
        case .cv: c.cvText ?? ""
        case .metadata: c.metadata?.prettyText() ?? ""
        }
    }
}
