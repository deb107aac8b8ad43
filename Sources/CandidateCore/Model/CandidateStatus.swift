/// A candidate's status in the hiring pipeline, as the API spells it.
///
/// The API's enum is `UNDEFINED`, `APPLIED`, `IN_PROCESS`, `REJECTED`, `ACCEPTED`
/// (API page, "Status"). A value outside the enum is kept as it came and shown as it
/// came, never rejected on read; only the enum may be *sent*.
///
/// Coded as its raw string (the standard library's `Codable` for `RawRepresentable`).
public struct CandidateStatus: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The wire spelling, e.g. `"IN_PROCESS"`.
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let undefined = CandidateStatus("UNDEFINED")
    public static let applied = CandidateStatus("APPLIED")
    public static let inProcess = CandidateStatus("IN_PROCESS")
    public static let rejected = CandidateStatus("REJECTED")
    public static let accepted = CandidateStatus("ACCEPTED")

    /// The statuses the API accepts, in pipeline order.
    public static let allKnown: [CandidateStatus] = [.undefined, .applied, .inProcess, .rejected, .accepted]

    /// Whether the API's enum contains this value (only these may be sent in a PATCH).
    public var isKnown: Bool { Self.allKnown.contains(self) }

    public var description: String { rawValue }
}
