import CandidateCore
import Foundation

/// Appends one JSON line per request to a file (`SandboxConfiguration.requestLogPath`).
///
/// Line shape: `{"time": ISO-8601, "method": "PATCH", "path": "/candidates/…", "query": {"companyId": "…"},
/// "body": <parsed JSON | raw string | null>, "status": 200, "ms": 3}` (compact, sorted keys).
/// Each line is written with one `write(2)`, so a reader sees it at once. The API key never
/// appears: the `Authorization` header is not logged; any occurrence of the presented token
/// (6 characters or more) or of any key the sandbox accepts, in a query value or a body, and
/// the values of credential-named query parameters (`api_key`, `token`, …) become `[redacted]`.
actor RequestLog {
    private let handle: FileHandle

    /// Opens `path` for appending, creating it (0600) and its missing parent folders (0700).
    /// - Throws: file-system errors.
    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        try PrivateFiles.makeFile(path)
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
    }

    /// Writes one line. Errors writing are ignored (the log must never break a request).
    func append(method: String, path: String, query: [(String, String)], body: Data, status: Int, ms: Int, token: String?) {
        let bodyValue: JSONValue
        if body.isEmpty {
            bodyValue = .null
        } else if let json = try? JSONValue.parse(body) {
            bodyValue = json
        } else {
            bodyValue = .string(String(decoding: body, as: UTF8.self))
        }
        var queryObject: [String: JSONValue] = [:]
        for (k, v) in query { queryObject[k] = .string(Self.secretNames.contains(k.lowercased()) ? "[redacted]" : v) }
        var line = JSONValue.object([
            "time": .string(Timestamps.isoNow()), "method": .string(method), "path": .string(path),
            "query": .object(queryObject), "body": bodyValue, "status": .int(status), "ms": .int(ms),
        ]).compactText()
        if let token, token.count >= 6 { line = line.replacingOccurrences(of: token, with: "[redacted]") }
        // Any key the sandbox accepts, wherever it appears (a key sent in a query or a body by mistake).
        for key in SandboxDemo.keys.map(\.key) where line.contains(key) {
            line = line.replacingOccurrences(of: key, with: "[redacted]")
        }
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Query parameter names whose values are credentials and never logged.
    static let secretNames: Set<String> = ["api_key", "apikey", "key", "token", "access_token", "authorization"]

    /// Closes the file.
    func close() { try? handle.close() }
}
