/// The two kinds of API key (API page, "Connection").
public enum SandboxKeyKind: String, Sendable {
    /// Sees exactly one company; a `companyId` query parameter is ignored.
    case company
    /// Manages several companies; must send `companyId=<uuid>` on every resource request.
    case ats
}

/// A fixed demo API key the sandbox accepts (see `SandboxDemo.keys`).
public struct SandboxKey: Sendable, Hashable {
    /// The bearer token, e.g. `sk_test_northwind` (sent as `Authorization: Bearer <key>`).
    public let key: String
    /// Company key or ATS key.
    public let kind: SandboxKeyKind
    /// For a company key its one company; for an ATS key the companies it manages.
    public let companyIds: [String]
    /// Granted scopes, e.g. `read:candidates` (see `SandboxScope`).
    public let scopes: [String]
    /// One line for people, e.g. "company key, Northwind Recruiting, all scopes".
    public let note: String
    /// A suspended key is refused with 401 `API_KEY_SUSPENDED`.
    public let suspended: Bool

    /// A key as listed in `SandboxDemo.keys`; `suspended` defaults to `false`.
    public init(key: String, kind: SandboxKeyKind, companyIds: [String], scopes: [String], note: String, suspended: Bool = false) {
        self.key = key; self.kind = kind; self.companyIds = companyIds; self.scopes = scopes
        self.note = note; self.suspended = suspended
    }
}

/// The scopes the API documents (API page, "Connection").
public enum SandboxScope {
    /// `GET /candidates`, `GET /candidates/{id}`.
    public static let readCandidates = "read:candidates"
    /// `PATCH /candidates/{id}`.
    public static let writeCandidates = "write:candidates"
    /// `DELETE /candidates/{id}` (not served by the sandbox; granted for completeness).
    public static let deleteCandidates = "delete:candidates"
    /// `GET /jobs`, `GET /jobs/{id}`.
    /// Also needed to filter candidates by job and to send `jobIds` in a PATCH.
    public static let readJobs = "read:jobs"
    /// Every scope, in the order the docs list them.
    public static let all = [readCandidates, writeCandidates, deleteCandidates, readJobs]
}
