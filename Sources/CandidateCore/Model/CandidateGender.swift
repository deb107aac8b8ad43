/// The gender override of a candidate. `nil` on a candidate means "auto-detected from the name".
///
/// Wire values are `"male"` and `"female"`; sending `null` clears the override (API page,
/// "Update (PATCH) rules"). Unknown values from the server are kept as they came.
public struct CandidateGender: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let male = CandidateGender(rawValue: "male")
    public static let female = CandidateGender(rawValue: "female")
    /// The values the API accepts.
    public static let allKnown: [CandidateGender] = [.male, .female]
    public var isKnown: Bool { Self.allKnown.contains(self) }
    public var description: String { rawValue }
}
