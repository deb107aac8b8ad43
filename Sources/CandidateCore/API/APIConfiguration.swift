import Foundation

/// Where and as whom the client talks to the API (API page, "Connection").
public struct APIConfiguration: Sendable, Equatable {
    /// The documented default: resources sit directly under it (`/candidates`, `/jobs`).
    public static let defaultBaseURL = "https://api.instaview.sk"

    /// Base URL including any path prefix (`https://host/v1/public`), without a trailing slash.
    public var baseURL: String
    /// A company key or an ATS key (`sk_…`); any non-empty value is accepted, its length never checked.
    public var apiKey: String
    /// Sent as `companyId=` on every request. Required with an ATS key, ignored with a company key.
    public var companyId: String?
    /// Deadline per request in seconds.
    public var timeout: Double

    /// Validates and normalizes.
    /// - Throws: `APIError.configuration` for an empty key, a URL that is not http(s),
    ///   or plain `http://` to a host other than a loopback address.
    public init(baseURL: String, apiKey: String, companyId: String? = nil, timeout: Double = 15) throws {
        var base = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw APIError.configuration("The base URL \"\(baseURL)\" is not a URL like https://api.instaview.sk")
        }
        guard scheme == "https" || scheme == "http" else {
            throw APIError.configuration("The base URL must start with https:// (got \(scheme)://)")
        }
        if scheme == "http" && !Self.isLoopback(host) {
            throw APIError.configuration("Refusing plain http:// to \(host): the API key would travel unencrypted. Use https://, or http:// only for 127.0.0.1/localhost.")
        }
        let key = apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw APIError.configuration("The API key is empty") }
        let company = companyId?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let company, !company.isEmpty, UUID(uuidString: company) == nil {
            throw APIError.configuration("The company id \"\(company)\" is not a UUID")
        }
        guard timeout.isFinite, timeout > 0, timeout <= 3600 else {
            throw APIError.configuration("The timeout must be between 0 and 3600 seconds")
        }
        // A key with a line break or space inside (a key file with two lines) cannot be a header value.
        guard !key.contains(where: { $0.isWhitespace || $0.isNewline || $0.unicodeScalars.contains { DisplayText.isControl($0) } }) else {
            throw APIError.configuration("The API key contains a space, line break or control character; check the key file (one key on one line)")
        }
        self.baseURL = base
        self.apiKey = key
        self.companyId = (company?.isEmpty ?? true) ? nil : company
        self.timeout = timeout
    }

    /// Whether `host` is a loopback name or address (127.0.0.0/8, `localhost`, `::1`).
    /// Only a dotted-quad IPv4 address counts for 127.0.0.0/8: a name such as
    /// `127.example.com` is a remote host.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { ("0"..."9").contains($0) } && (Int(octet) ?? 256) <= 255
        }
    }

    /// The host (and port) of the base URL, for headers and messages.
    public var displayHost: String {
        guard let url = URL(string: baseURL), let host = url.host else { return baseURL }
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
