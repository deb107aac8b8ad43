import AsyncHTTPClient
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// A successful answer plus what the response said about the rate limit.
public struct APIResponse<Value: Sendable>: Sendable {
    public var value: Value
    /// From the `X-RateLimit-*` headers; `nil` when the server sent none.
    public var rateLimit: RateLimitInfo?
    /// The HTTP status (2xx).
    public var status: Int
}

/// The InstaView candidates API over HTTP (API page, "Endpoints used").
///
/// Sends `Authorization: Bearer <key>` and, when configured, `companyId=` on every request;
/// accepts all three documented response shapes; turns every failure into a typed `APIError`.
/// Each method is one attempt bounded as a whole by `configuration.timeout`; wrap it in
/// `paced` for pacing and retries. The key is never logged and never part of an error's text,
/// even when the server quotes it. Safe to share between tasks.
public final class CandidatesClient: Sendable {
    public let configuration: APIConfiguration
    private let http: HTTPClient
    private let logger: Logger
    /// What the server last announced about the rate limit; every response updates it, and
    /// every request sent through `paced` reserves its place through it.
    let pacer = RateLimitPacer()

    /// Largest response body read, in bytes.
    public static let maxBodyBytes = 32 * 1024 * 1024

    /// The process-wide HTTP client (never shut down, like `HTTPClient.shared`), configured so a
    /// refused connection fails at once instead of being retried until the request deadline,
    /// a connection attempt gives up after 5 s, up to 64 connections per host are opened
    /// (requests never queue for a connection: that wait would count as the connect timeout),
    /// and requests make no tracing spans.
    public static let defaultHTTPClient: HTTPClient = {
        var config = HTTPClient.Configuration()
        config.timeout.connect = .seconds(5)
        config.connectionPool.retryConnectionEstablishment = false
        // A request waiting for a free connection counts against the connect timeout, so with
        // the default 8 connections per host, 32 requests in flight (bulk-status --concurrency 32)
        // on a slow server failed with getConnectionFromPoolTimeout. Allow as many as the most
        // requests this tool keeps in flight.
        config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        // No tracing: the product bootstraps no tracer, and the global no-op one still costs
        // each request a span (about 3 % of bulk-status's CPU).
        config.tracing.tracer = nil
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }()

    /// - Parameter httpClient: defaults to `defaultHTTPClient`.
    public init(configuration: APIConfiguration, httpClient: HTTPClient = CandidatesClient.defaultHTTPClient,
                logger: Logger = Logger(label: "candidates.api")) {
        self.configuration = configuration
        self.http = httpClient
        self.logger = logger
    }

    /// `GET /candidates` — one page.
    public func listCandidates(_ query: CandidateQuery = CandidateQuery()) async throws -> APIResponse<Page<Candidate>> {
        try await call(.GET, "/candidates", query: query.queryItems) { try ResponseShapes.page(Candidate.self, from: $0.body, status: $0.status) }
    }

    /// `GET /candidates/{id}`.
    public func getCandidate(id: String) async throws -> APIResponse<Candidate> {
        try await call(.GET, "/candidates/\(Self.pathComponent(id))") { try ResponseShapes.object(Candidate.self, from: $0.body, status: $0.status) }
    }

    /// `PATCH /candidates/{id}` with exactly the patch's keys; returns the updated candidate.
    /// Callers must not send an empty patch (it would be a no-op request).
    public func updateCandidate(id: String, patch: CandidatePatch) async throws -> APIResponse<Candidate> {
        try await call(.PATCH, "/candidates/\(Self.pathComponent(id))", body: patch.body()) {
            try ResponseShapes.object(Candidate.self, from: $0.body, status: $0.status)
        }
    }

    /// `GET /jobs` — one page (needs scope `read:jobs`).
    public func listJobs(page: Int = 1, limit: Int = 100) async throws -> APIResponse<Page<Job>> {
        let q = CandidateQuery(page: page, limit: limit)
        return try await call(.GET, "/jobs", query: [("page", String(q.page)), ("limit", String(q.limit))]) {
            try ResponseShapes.page(Job.self, from: $0.body, status: $0.status)
        }
    }

    /// Every job, following pages (at most `maxPages`), each page through the shared paced,
    /// retrying path (`paced`).
    public func allJobs(maxPages: Int = 50, policy: RetryPolicy = .standard) async throws -> [Job] {
        var jobs: [Job] = []
        var page = 1
        while page <= maxPages {
            let number = page
            let p = try await paced(policy) { try await self.listJobs(page: number, limit: 100).value }
            jobs += p.items
            guard p.hasNextPage, !p.items.isEmpty else { break }
            page += 1
        }
        return jobs
    }

    /// `GET /jobs/{id}`.
    public func getJob(id: String) async throws -> APIResponse<Job> {
        try await call(.GET, "/jobs/\(Self.pathComponent(id))") { try ResponseShapes.object(Job.self, from: $0.body, status: $0.status) }
    }

    struct RawResponse { var status: Int; var body: Data; var rateLimit: RateLimitInfo? }

    /// The full URL for a path and query, with `companyId` appended when configured.
    public func url(_ path: String, query: [(String, String)] = []) -> String {
        var items = query
        if let company = configuration.companyId { items.append(("companyId", company)) }
        guard !items.isEmpty else { return configuration.baseURL + path }
        var comps = URLComponents()
        comps.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves "+" alone; the server would read it as a space.
        let q = (comps.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return configuration.baseURL + path + "?" + q
    }

    /// One exchange decoded by `decode`; every error leaves with the key redacted (`APIError.redacting`).
    private func call<T: Sendable>(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil,
                                   decode: (RawResponse) throws -> T) async throws -> APIResponse<T> {
        do {
            let r = try await send(method, path, query: query, body: body)
            return APIResponse(value: try decode(r), rateLimit: r.rateLimit, status: r.status)
        } catch let error as APIError {
            throw error.redacting(configuration.apiKey)
        }
    }

    /// One exchange, bounded as a whole by `configuration.timeout`: connecting, sending, the
    /// answer's head and its whole body. A body over `maxBodyBytes` is `APIError.tooLarge`.
    private func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil) async throws -> RawResponse {
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "candidates/\(CandidatesVersion.current)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        let exchange: Exchange
        do {
            exchange = try await Self.exchange(request, http: http, timeout: configuration.timeout)
        } catch let error as HTTPClientError {
            logger.warning("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(redacted("\(error)"))"])
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw APIError.timeout(seconds: configuration.timeout)
            default:
                throw APIError.transport(detail: redacted("\(error)"))
            }
        } catch is NIOTooManyBytesError {
            logger.warning("answer too large", metadata: ["method": "\(method.rawValue)", "path": "\(path)"])
            throw APIError.tooLarge(limitBytes: Self.maxBodyBytes)
        } catch let error as APIError {
            logger.warning("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(error)"])
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(redacted("\(error)"))"])
            throw APIError.transport(detail: redacted(Self.describe(error)))
        }
        let status = Int(exchange.status.code)
        let data = Data(exchange.body.readableBytesView)
        let rate = RateLimitInfo(header: { exchange.headers.first(name: $0) })
        let elapsedMs = Int((ContinuousClock.now - started) / .milliseconds(1))
        // Every answer at info; an error status at warning, so a quieter log keeps the failures.
        logger.log(level: status < 400 ? .info : .warning, "\(method.rawValue) \(path) → \(status)", metadata: ["ms": "\(elapsedMs)"])
        guard (200..<300).contains(status) else {
            let failure = ResponseShapes.failure(status: status, body: data, header: { exchange.headers.first(name: $0) })
            await pacer.observe(rate, status: status, retryAfter: failure.retryAfter)
            throw APIError.http(failure)
        }
        await pacer.observe(rate, status: status, retryAfter: nil)
        return RawResponse(status: status, body: data, rateLimit: rate)
    }

    /// A whole answer: status, headers and the complete body.
    private struct Exchange: Sendable { var status: HTTPResponseStatus; var headers: HTTPHeaders; var body: ByteBuffer }

    /// Runs the request and reads its whole body within `timeout` seconds: the client's own
    /// deadline ends when the head arrives, so a body sent one byte a second would otherwise
    /// hold the request forever. A timer on the client's event loop cancels the exchange when
    /// it runs out (AsyncHTTPClient then closes the connection) and `APIError.timeout` is thrown.
    /// One task and one event-loop timer per request: no task group, no timer thread.
    private static func exchange(_ request: HTTPClientRequest, http: HTTPClient, timeout: Double) async throws -> Exchange {
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        let work = Task {
            let response = try await http.execute(request, timeout: limit)
            let body = try await response.body.collect(upTo: maxBodyBytes)
            return Exchange(status: response.status, headers: response.headers, body: body)
        }
        let timedOut = NIOLockedValueBox(false)
        let timer = http.eventLoopGroup.any().scheduleTask(in: limit) {
            timedOut.withLockedValue { $0 = true }
            work.cancel()
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            do {
                return try await work.value
            } catch {
                if timedOut.withLockedValue({ $0 }) { throw APIError.timeout(seconds: timeout) }
                throw error
            }
        } onCancel: {
            work.cancel()
        }
    }

    /// The text with the API key (should a library quote it) replaced by `[redacted]`.
    private func redacted(_ text: String) -> String {
        Redaction.scrub(text, secret: configuration.apiKey)
    }

    private static func describe(_ error: Error) -> String {
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text
    }

    /// Percent-encodes one path segment (ids come from servers and users). A plain id (letters,
    /// digits, `-`, as UUIDs are) is used as it is, without building a character set per request.
    static func pathComponent(_ s: String) -> String {
        if !s.isEmpty, s.utf8.allSatisfy({ b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
        }) { return s }
        return s.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? s
    }

    /// What a path segment may hold unencoded.
    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
}

/// The product version, sent as `User-Agent` and printed by `--version`.
public enum CandidatesVersion {
    public static let current = "0.1.0"
}
