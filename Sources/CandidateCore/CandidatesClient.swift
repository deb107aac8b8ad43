import AsyncHTTPClient
import Foundation
import Logging
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
/// The key is never logged and never part of an error's text. Safe to share between tasks.
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
    /// a connection attempt gives up after 5 s, and up to 64 connections per host are opened
    /// (requests never queue for a connection: that wait would count as the connect timeout).
    public static let defaultHTTPClient: HTTPClient = {
        var config = HTTPClient.Configuration()
        config.timeout.connect = .seconds(5)
        config.connectionPool.retryConnectionEstablishment = false
        // A request waiting for a free connection counts against the connect timeout, so with
        // the default 8 connections per host, 32 requests in flight (bulk-status --concurrency 32)
        // on a slow server failed with getConnectionFromPoolTimeout. Allow as many as the most
        // requests this tool keeps in flight.
        config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
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
        let r = try await send(.GET, "/candidates", query: query.queryItems)
        return APIResponse(value: try ResponseShapes.page(Candidate.self, from: r.body, status: r.status),
                           rateLimit: r.rateLimit, status: r.status)
    }

    /// `GET /candidates/{id}`.
    public func getCandidate(id: String) async throws -> APIResponse<Candidate> {
        let r = try await send(.GET, "/candidates/\(Self.pathComponent(id))")
        return APIResponse(value: try ResponseShapes.object(Candidate.self, from: r.body, status: r.status),
                           rateLimit: r.rateLimit, status: r.status)
    }

    /// `PATCH /candidates/{id}` with exactly the patch's keys; returns the updated candidate.
    /// Callers must not send an empty patch (it would be a no-op request).
    public func updateCandidate(id: String, patch: CandidatePatch) async throws -> APIResponse<Candidate> {
        let r = try await send(.PATCH, "/candidates/\(Self.pathComponent(id))", body: patch.body())
        return APIResponse(value: try ResponseShapes.object(Candidate.self, from: r.body, status: r.status),
                           rateLimit: r.rateLimit, status: r.status)
    }

    /// `GET /jobs` — one page (needs scope `read:jobs`).
    public func listJobs(page: Int = 1, limit: Int = 100) async throws -> APIResponse<Page<Job>> {
        let q = CandidateQuery(page: page, limit: limit)
        let r = try await send(.GET, "/jobs", query: [("page", String(q.page)), ("limit", String(q.limit))])
        return APIResponse(value: try ResponseShapes.page(Job.self, from: r.body, status: r.status),
                           rateLimit: r.rateLimit, status: r.status)
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
        let r = try await send(.GET, "/jobs/\(Self.pathComponent(id))")
        return APIResponse(value: try ResponseShapes.object(Job.self, from: r.body, status: r.status),
                           rateLimit: r.rateLimit, status: r.status)
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
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .milliseconds(Int64(configuration.timeout * 1000)))
            bytes = try await response.body.collect(upTo: Self.maxBodyBytes)
        } catch let error as HTTPClientError {
            logger.debug("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(error)"])
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw APIError.timeout(seconds: configuration.timeout)
            default:
                throw APIError.transport(detail: redacted("\(error)"))
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.debug("request failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(error)"])
            throw APIError.transport(detail: redacted(Self.describe(error)))
        }
        let status = Int(response.status.code)
        let data = Data(bytes.readableBytesView)
        let rate = RateLimitInfo(header: { response.headers.first(name: $0) })
        let elapsedMs = Int((ContinuousClock.now - started) / .milliseconds(1))
        logger.debug("\(method.rawValue) \(path) → \(status)", metadata: ["ms": "\(elapsedMs)"])
        guard (200..<300).contains(status) else {
            let failure = ResponseShapes.failure(status: status, body: data, header: { response.headers.first(name: $0) })
            await pacer.observe(rate, status: status, retryAfter: failure.retryAfter)
            throw APIError.http(failure)
        }
        await pacer.observe(rate, status: status, retryAfter: nil)
        return RawResponse(status: status, body: data, rateLimit: rate)
    }

    /// The text with the API key (should a library quote it) replaced by `[redacted]`.
    private func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: configuration.apiKey, with: "[redacted]")
    }

    private static func describe(_ error: Error) -> String {
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text
    }

    /// Percent-encodes one path segment (ids come from servers and users).
    static func pathComponent(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? s
    }
}

/// The product version, sent as `User-Agent` and printed by `--version`.
public enum CandidatesVersion {
    public static let current = "0.1.0"
}
