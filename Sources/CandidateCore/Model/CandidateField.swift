/// The editable fields of a candidate, in the order the form shows them.
///
/// `apiKey` is the JSON key a PATCH uses; the two UNCONFIRMED names come from
/// `UnconfirmedAPINames`.
public enum CandidateField: String, CaseIterable, Hashable, Sendable, Codable {
    case firstName, lastName, email, phoneNumber, gdprExpiryDate, status, gender, jobIds, metadata, cvText

    /// The JSON key in requests and responses.
    public var apiKey: String {
        switch self {
        case .gender: return UnconfirmedAPINames.gender
        case .cvText: return UnconfirmedAPINames.cvText
        default: return rawValue
        }
    }

    /// The field for a JSON key, e.g. from a server's 400 that names a field.
    public init?(apiKey: String) {
        guard let f = Self.allCases.first(where: { $0.apiKey == apiKey }) else { return nil }
        self = f
    }

    /// The label a recruiter sees, e.g. "GDPR expiry".
    public var label: String {
        switch self {
        case .firstName: return "First name"
        case .lastName: return "Last name"
        case .email: return "Email"
        case .phoneNumber: return "Phone"
        case .gdprExpiryDate: return "GDPR expiry"
        case .status: return "Status"
        case .gender: return "Gender"
        case .jobIds: return "Jobs"
        case .metadata: return "Metadata"
        case .cvText: return "CV"
        }
    }

    /// Whether the field may be cleared (sent as JSON `null`).
    public var isClearable: Bool {
        switch self {
        case .firstName, .lastName, .status, .jobIds: return false
        default: return true
        }
    }
}
