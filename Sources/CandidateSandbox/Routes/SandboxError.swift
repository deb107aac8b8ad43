import CandidateCore
import Hummingbird

/// An error answer the sandbox sends, independent of the response shape.
///
/// Handlers throw it; `SandboxMiddleware` renders it with `ResponseRenderer` in the configured
/// shape. `messages` holds one entry per failed rule (the framework shape sends them as an
/// array when there are several); `details` is the wrapped shape's `error.details` (and is
/// also sent as `details` in the bare shape); `extra` members go to the top level of a bare
/// error and into `details` of a wrapped one (used by 429: `retryAfter`, `limit`, `remaining`, `reset`).
struct SandboxError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var messages: [String]
    var details: JSONValue?
    var extra: [String: JSONValue]
    /// Extra response headers (e.g. `Retry-After`).
    var headers: [(String, String)]

    init(_ status: HTTPResponse.Status, _ code: String, _ messages: [String], details: JSONValue? = nil,
         extra: [String: JSONValue] = [:], headers: [(String, String)] = []) {
        self.status = status; self.code = code; self.messages = messages
        self.details = details; self.extra = extra; self.headers = headers
    }

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: JSONValue? = nil) {
        self.init(status, code, [message], details: details)
    }
}

/// The error codes the sandbox sends, in one place (API page, "Update (PATCH) rules" names the
/// documented ones; the others are ours).
enum SandboxErrorCode {
    static let invalidAPIKey = "INVALID_API_KEY"
    static let apiKeySuspended = "API_KEY_SUSPENDED"
    static let insufficientPermissions = "INSUFFICIENT_PERMISSIONS"
    static let resourceNotFound = "RESOURCE_NOT_FOUND"
    /// Not documented: the candidate or job belongs to a company the key may not see.
    static let forbidden = "FORBIDDEN"
    /// Not documented: invalid parameters or body.
    static let validation = "VALIDATION_ERROR"
    /// Not documented: the route does not exist.
    static let notFound = "NOT_FOUND"
    static let rateLimited = "RATE_LIMIT_EXCEEDED"
    static let internalError = "INTERNAL_SERVER_ERROR"
    static let unavailable = "SERVICE_UNAVAILABLE"
    static let payloadTooLarge = "PAYLOAD_TOO_LARGE"
}

extension SandboxError {
    static func badRequest(_ messages: [String], details: JSONValue? = nil) -> SandboxError {
        SandboxError(.badRequest, SandboxErrorCode.validation, messages, details: details)
    }
    static func badRequest(_ message: String) -> SandboxError { badRequest([message]) }

    static func notFound(_ what: String, _ id: String) -> SandboxError {
        SandboxError(.notFound, SandboxErrorCode.resourceNotFound, "\(what) \(id) not found")
    }

    static func forbidden(_ message: String) -> SandboxError {
        SandboxError(.forbidden, SandboxErrorCode.forbidden, message)
    }

    /// 403 naming the missing scope (API page: "missing scope (`INSUFFICIENT_PERMISSIONS`, message names the scope)").
    static func missingScope(_ scope: String, for action: String) -> SandboxError {
        SandboxError(.forbidden, SandboxErrorCode.insufficientPermissions,
                     "Missing scope \(scope): this API key may not \(action)")
    }

    /// The standard reason phrase, e.g. "Bad Request", as the framework shape's `error` member.
    var reasonPhrase: String { HTTPFailure.reason(Int(status.code)) }
}
