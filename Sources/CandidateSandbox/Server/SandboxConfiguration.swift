/// Which of the API's documented response shapes the sandbox answers in
/// (API page, "Three response shapes — a client must accept all of them").
public enum ResponseShape: String, CaseIterable, Sendable {
    /// Objects at top level; lists as `{"data": [...], "total", "page", "limit", "totalPages"}`;
    /// errors in the framework shape `{"statusCode", "message": "…" | ["…"], "error", "code"}`.
    case bare
    /// `{"success": true, "data": …, "error": null, "timestamp"}`; lists as `data.items` +
    /// `data.pagination`; errors as `{"success": false, "data": null, "error": {"code", "message", "details"}, "timestamp"}`.
    case wrapped
}

/// How a `SandboxServer` runs: where it listens, what it stores, how it misbehaves.
public struct SandboxConfiguration: Sendable {
    /// Address to bind; default `127.0.0.1` (loopback only).
    public var host: String
    /// TCP port; `0` picks a free port (read the real one from `SandboxServer.port`).
    public var port: Int
    /// SQLite file. Created, with its parent folders, when missing; seeded when it holds no candidates.
    public var databasePath: String
    /// Candidates to seed into an empty database (default 300; 100_000 seeds in seconds).
    public var demoSize: Int
    /// Response shape for every answer, success or error (default `.bare`).
    public var shape: ResponseShape
    /// When set, one JSON line per request is appended here (`time`, `method`, `path`, `query`, `body`, `status`).
    /// The API key and the `Authorization` header are never written.
    public var requestLogPath: String?
    /// Requests per key per clock minute before 429 (default 600).
    public var rateLimitPerMinute: Int
    /// Requests per key per clock hour before 429 (default 20_000).
    public var rateLimitPerHour: Int
    /// Fraction 0...1 of resource requests (`/candidates…`, `/jobs…`) answered with an injected 500 or 503 (default 0).
    public var failRate: Double
    /// Delay added to every request, in milliseconds (default 0).
    public var latencyMs: Int
    /// Length of the "minute" rate-limit window in seconds (default 60). Shorter windows let
    /// tests cross several resets quickly; the headers keep their documented names.
    public var rateLimitWindowSeconds: Int
    /// When above 0, every answer's body is sent one byte at a time, this many milliseconds
    /// apart, after the head (default 0: at once). Simulates a server that stalls mid-answer.
    public var slowBodyMs: Int
    /// A path every endpoint sits under, e.g. `/v1/public` (the API's docs show such
    /// prefixes); empty for none. Normalized to start with `/` and not end with one.
    public var pathPrefix: String

    /// - Parameters: see the properties. Out-of-range numbers are clamped (`failRate` to 0...1,
    ///   limits to at least 1, the window to 1...3600, `demoSize`, `latencyMs` and `slowBodyMs` to at least 0).
    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 0, demoSize: Int = 300,
                shape: ResponseShape = .bare, requestLogPath: String? = nil, rateLimitPerMinute: Int = 600,
                rateLimitPerHour: Int = 20_000, failRate: Double = 0, latencyMs: Int = 0,
                rateLimitWindowSeconds: Int = 60, slowBodyMs: Int = 0, pathPrefix: String = "") {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.demoSize = max(0, demoSize)
        self.shape = shape
        self.requestLogPath = requestLogPath
        self.rateLimitPerMinute = max(1, rateLimitPerMinute)
        self.rateLimitPerHour = max(1, rateLimitPerHour)
        self.failRate = failRate.isNaN ? 0 : min(max(failRate, 0), 1)
        self.latencyMs = max(0, latencyMs)
        self.rateLimitWindowSeconds = min(max(1, rateLimitWindowSeconds), 3600)
        self.slowBodyMs = max(0, slowBodyMs)
        let trimmed = pathPrefix.split(separator: "/").joined(separator: "/")
        self.pathPrefix = trimmed.isEmpty ? "" : "/" + trimmed
    }
}
