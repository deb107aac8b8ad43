import Foundation

/// What went wrong talking to the API, typed so callers can react (retry, re-auth, show
/// the message beside a field). Messages never contain the API key.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with a non-2xx status.
    case http(HTTPFailure)
    /// No answer in time. `seconds` is the deadline that passed.
    case timeout(seconds: Double)
    /// The connection failed (refused, reset, DNS, TLS). `detail` is the transport's text.
    case transport(detail: String)
    /// A 2xx answer whose body did not have any of the documented shapes.
    case decoding(detail: String)
    /// The client was configured wrongly (bad base URL, empty key, plain http to a remote host).
    case configuration(String)
    /// The answer's body is larger than the client reads (`limitBytes`, `CandidatesClient.maxBodyBytes`).
    case tooLarge(limitBytes: Int)

    /// The HTTP status, when the server answered.
    public var httpStatus: Int? { if case .http(let f) = self { return f.status }; return nil }

    /// Whether repeating the same request later may succeed (429, 5xx, timeouts, transport).
    public var isTransient: Bool {
        switch self {
        case .http(let f): return f.status == 429 || f.status >= 500
        case .timeout, .transport: return true
        case .decoding, .configuration, .tooLarge: return false
        }
    }

    /// One line a recruiter can act on, e.g. `403 Forbidden: missing scope write:candidates`.
    public var description: String {
        switch self {
        case .http(let f): return f.description
        case .timeout(let s): return "No answer from the server within \(Self.format(s)) s"
        case .transport(let d): return "Cannot reach the server: \(d)"
        case .decoding(let d): return "Unexpected answer from the server: \(d)"
        case .configuration(let m): return m
        case .tooLarge(let limit): return "The server's answer is larger than \(Self.format(Double(limit) / 1_048_576)) MB"
        }
    }

    /// The same error with `secret` (the API key) and any `Authorization` / `Bearer` credential
    /// removed from every text the server or the transport provided (`Redaction.scrub`).
    public func redacting(_ secret: String) -> APIError {
        func scrub(_ text: String) -> String { Redaction.scrub(text, secret: secret) }
        switch self {
        case .http(var f):
            f.code = f.code.map(scrub)
            f.messages = f.messages.map(scrub)
            return .http(f)
        case .transport(let d): return .transport(detail: scrub(d))
        case .decoding(let d): return .decoding(detail: scrub(d))
        case .configuration(let m): return .configuration(scrub(m))
        case .timeout, .tooLarge: return self
        }
    }

    static func format(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s) }
}

/// A non-2xx answer, read from whichever of the three documented error shapes the server used.
public struct HTTPFailure: Sendable, Equatable, CustomStringConvertible {
    /// HTTP status code, e.g. 400.
    public var status: Int
    /// The API's error code when sent (`INVALID_API_KEY`, `RESOURCE_NOT_FOUND`, …) or the
    /// framework's error name (`Forbidden`).
    public var code: String?
    /// The message(s); the framework shape may send one per failed validation rule.
    public var messages: [String]
    /// Candidate fields the server's answer names (a 400's `details` or messages that start with a field name).
    public var fields: [CandidateField]
    /// Seconds to wait before retrying (the larger of `Retry-After` and the body's `retryAfter`), for 429/503.
    public var retryAfter: Double?

    public init(status: Int, code: String? = nil, messages: [String] = [], fields: [CandidateField] = [], retryAfter: Double? = nil) {
        self.status = status; self.code = code; self.messages = messages; self.fields = fields; self.retryAfter = retryAfter
    }

    /// Messages joined, or a generic text for the status when the server sent none.
    public var message: String {
        messages.isEmpty ? Self.reason(status) : messages.joined(separator: "; ")
    }

    public var description: String {
        var s = "\(status) \(Self.reason(status))"
        if let code, code != Self.reason(status) { s += " (\(code))" }
        if !messages.isEmpty { s += ": " + messages.joined(separator: "; ") }
        if let retryAfter { s += " — retry in \(APIError.format(retryAfter)) s" }
        return s
    }

    /// Standard reason phrase.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 409: return "Conflict"
        case 413: return "Payload Too Large"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP \(status)"
        }
    }
}

/// Removes credentials from text that came from a server or a library before it is shown,
/// printed or logged.
public enum Redaction {
    /// What replaces a credential.
    public static let placeholder = "[redacted]"

    /// `text` with `secret` (as sent, percent-encoded in any common way, base64-encoded, or in
    /// any letter case, and any start of it of at least half its length and 8 characters, as a
    /// server that cuts a quoted key shows it), and the value of any `Authorization:` header or
    /// `Bearer` token it quotes, replaced by `[redacted]`. An empty `secret` only removes quoted
    /// credentials.
    public static func scrub(_ text: String, secret: String) -> String {
        var out = text
        if !secret.isEmpty {
            var forms = [secret]
            let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            for allowed in [CharacterSet.alphanumerics, unreserved, .urlPathAllowed, .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "+/=&?"))] {
                if let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed), !forms.contains(encoded) { forms.append(encoded) }
            }
            forms.append(Data(secret.utf8).base64EncodedString())
            for form in forms {
                // The longest start of this form the text holds, down to the shortest that counts.
                let shortest = min(form.count, max(8, (form.count + 1) / 2))
                for length in stride(from: form.count, through: shortest, by: -1) {
                    let piece = String(form.prefix(length))
                    guard out.range(of: piece, options: .caseInsensitive) != nil else { continue }
                    out = out.replacingOccurrences(of: piece, with: placeholder, options: .caseInsensitive)
                }
            }
        }
        guard out.range(of: "bearer", options: .caseInsensitive) != nil || out.range(of: "authorization", options: .caseInsensitive) != nil else {
            return out
        }
        // "Authorization: Basic abc", "authorization=…": the whole value up to a separator.
        out = replace(#"(?i)(authorization["']?\s*[:=]\s*["']?)[^\s"',;}]+(\s+[^\s"',;}]+)?"#, in: out, with: "$1" + placeholder)
        // "Bearer sk_…" anywhere.
        out = replace(#"(?i)(bearer\s+)(?!\[redacted\])[^\s"',;}]+"#, in: out, with: "$1" + placeholder)
        return out
    }

    private static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
