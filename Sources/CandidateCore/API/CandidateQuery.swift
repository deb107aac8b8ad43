import Foundation

/// Filters for listing candidates (API page, `GET /candidates`).
public struct CandidateQuery: Sendable, Equatable, Hashable {
    /// 1-based, 1..10000.
    public var page: Int
    /// 1..100.
    public var limit: Int
    public var status: CandidateStatus?
    public var jobId: String?
    /// Server-side search. The API documents it as matching first and last name (possibly email
    /// too); the sandbox matches any part of "first last" or of the email, ignoring case and accents.
    public var search: String?

    public static let maxLimit = 100

    public init(page: Int = 1, limit: Int = 50, status: CandidateStatus? = nil, jobId: String? = nil, search: String? = nil) {
        self.page = min(max(page, 1), 10_000)
        self.limit = min(max(limit, 1), Self.maxLimit)
        self.status = status
        self.jobId = jobId
        self.search = search
    }

    /// Query items in a stable order (`companyId` is added by the client).
    public var queryItems: [(String, String)] {
        var items = [("page", String(page)), ("limit", String(limit))]
        if let status { items.append(("status", status.rawValue)) }
        if let jobId, !jobId.isEmpty { items.append(("jobId", jobId)) }
        if let search, !search.isEmpty { items.append(("search", search)) }
        return items
    }
}
