import CandidateCore
import Foundation
import Hummingbird

/// Who is calling and which company a request acts for.
struct Caller: Sendable {
    var key: SandboxKey
    /// The company the request acts for: a company key's own company, or an ATS key's `companyId`.
    var companyId: String

    func has(_ scope: String) -> Bool { key.scopes.contains(scope) }
}

/// Authentication and authorization, in the order the API applies them
/// (API page, "Connection" and "Update (PATCH) rules"):
/// 1. `Authorization: Bearer <key>`: missing or unknown → 401 `INVALID_API_KEY`; suspended → 401 `API_KEY_SUSPENDED`.
/// 2. Scope: missing → 403 `INSUFFICIENT_PERMISSIONS` naming the scope.
/// 3. Company: a company key acts for its company (`companyId` ignored); an ATS key must send
///    `companyId` (missing or not a UUID → 400) for a company it manages (else 403).
enum Access {
    /// The bearer token of a request, if any (scheme case-insensitive, surrounding spaces trimmed).
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Steps 1–3 for a request that needs `scope` to `action` (e.g. "read candidates").
    /// - Throws: `SandboxError` (401, 403, 400).
    static func authorize(_ request: Request, scope: String, action: String) throws -> Caller {
        guard let token = bearerToken(request) else {
            throw SandboxError(.unauthorized, SandboxErrorCode.invalidAPIKey,
                               "Missing API key: send the header Authorization: Bearer <key>")
        }
        guard let key = SandboxDemo.key(token) else {
            throw SandboxError(.unauthorized, SandboxErrorCode.invalidAPIKey, "Invalid API key")
        }
        guard !key.suspended else {
            throw SandboxError(.unauthorized, SandboxErrorCode.apiKeySuspended, "This API key is suspended")
        }
        guard key.scopes.contains(scope) else { throw SandboxError.missingScope(scope, for: action) }
        switch key.kind {
        case .company:
            return Caller(key: key, companyId: key.companyIds.first ?? "")
        case .ats:
            guard let raw = QueryParameters(request)["companyId"],
                  !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SandboxError.badRequest("companyId is required: an ATS key must send the query parameter companyId=<company uuid>")
            }
            let companyId = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard UUID(uuidString: companyId) != nil else { throw SandboxError.badRequest("companyId must be a UUID") }
            guard key.companyIds.contains(companyId) else {
                throw SandboxError.forbidden("This ATS key does not manage company \(companyId)")
            }
            return Caller(key: key, companyId: companyId)
        }
    }
}
