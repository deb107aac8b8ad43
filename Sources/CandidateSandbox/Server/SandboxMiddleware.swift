import CandidateCore
import Foundation
import Hummingbird
import Logging

/// Wraps every request, matched or not, in the order the API's gateway would:
/// 1. count it against the key's rate limit,
/// 2. read the body (kept for the handler and the request log; over 1 MB → 413),
/// 3. wait `latencyMs`; if the key was over its limit answer 429 with `Retry-After` and a body
///    with `retryAfter`, `limit`, `remaining: 0`, `reset`,
/// 4. inject a 500/503 on `failRate` of resource requests,
/// 5. run the route, rendering any thrown error in the configured shape (unknown route → 404),
/// 6. add the six `X-RateLimit-*` headers to whatever the answer is, and `Server-Timing`
///    (`ServerTiming`: steps 4–5, after the latency),
/// 7. append the request-log line,
/// 8. with `slowBodyMs`, send the body one byte at a time that many milliseconds apart.
/// No error escapes: anything unexpected becomes a 500 in the configured shape.
struct SandboxMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let renderer: ResponseRenderer
    let limiter: RateLimiter
    let log: RequestLog?
    let failRate: Double
    let latencyMs: Int
    let slowBodyMs: Int
    let logger: Logger

    /// Unknown or missing keys share one bucket, so junk keys cannot mint fresh limits.
    static let anonymousBucket = "(no valid key)"

    func handle(_ input: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var request = input
        let token = Access.bearerToken(request)
        var body = Data()
        let bucket = token.flatMap { SandboxDemo.key($0)?.key } ?? Self.anonymousBucket
        let decision = await limiter.take(bucket)
        var response: Response
        var appStarted = ContinuousClock.now
        do {
            do {
                body = Data(try await request.collectBody(upTo: SandboxRoutes.maxBodyBytes).readableBytesView)
            } catch {
                throw SandboxError(.contentTooLarge, SandboxErrorCode.payloadTooLarge,
                                   "The request body is larger than \(SandboxRoutes.maxBodyBytes / 1024) KB")
            }
            if latencyMs > 0 { try await Task.sleep(for: .milliseconds(latencyMs)) }
            appStarted = ContinuousClock.now
            try check(decision)
            try injectFailure(path: request.uri.path)
            response = try await next(request, context)
        } catch {
            response = render(error, path: request.uri.path)
        }
        if let field = HTTPFields.Element.Name(ServerTiming.header) {
            response.headers[field] = ServerTiming.value(ContinuousClock.now - appStarted)
        }
        for (name, value) in decision.headers {
            if let field = HTTPFields.Element.Name(name) { response.headers[field] = value }
        }
        if let log {
            let query = QueryParameters(request).pairs.map { ($0.name, $0.value) }
            let ms = Int((ContinuousClock.now - started) / .milliseconds(1))
            await log.append(method: request.method.rawValue, path: request.uri.path, query: query, body: body,
                             status: Int(response.status.code), ms: ms, token: token)
        }
        if slowBodyMs > 0 { response.body = Self.trickle(response.body, everyMs: slowBodyMs) }
        return response
    }

    /// The same body, written one byte at a time `everyMs` milliseconds apart (length unchanged).
    static func trickle(_ body: ResponseBody, everyMs: Int) -> ResponseBody {
        ResponseBody(contentLength: body.contentLength) { writer in
            try await body.write(TricklingWriter(base: writer, everyMs: everyMs))
        }
    }

    /// 429 when the limiter refused.
    private func check(_ d: RateLimiter.Decision) throws {
        guard let retryAfter = d.retryAfter, let exceeded = d.exceeded else { return }
        throw SandboxError(.tooManyRequests, SandboxErrorCode.rateLimited,
                           ["Rate limit of \(exceeded.limit) requests exceeded; retry in \(retryAfter) s"],
                           extra: ["retryAfter": .int(retryAfter), "limit": .int(exceeded.limit), "remaining": .int(0),
                                   "reset": .int(exceeded.reset)],
                           headers: [(RateLimitInfo.Header.retryAfter, String(retryAfter))])
    }

    /// An injected 500 or 503 on `failRate` of `/candidates…` and `/jobs…` requests.
    private func injectFailure(path: String) throws {
        guard failRate > 0, path.contains("/candidates") || path.contains("/jobs"),
              Double.random(in: 0..<1) < failRate else { return }
        if Bool.random() {
            throw SandboxError(.serviceUnavailable, SandboxErrorCode.unavailable, ["Service temporarily unavailable (injected)"],
                               headers: [(RateLimitInfo.Header.retryAfter, "1")])
        }
        throw SandboxError(.internalServerError, SandboxErrorCode.internalError, "Internal server error (injected)")
    }

    private func render(_ error: Error, path: String) -> Response {
        switch error {
        case let e as SandboxError:
            return renderer.error(e)
        case let e as HTTPError where e.status == .notFound:
            return renderer.error(SandboxError(.notFound, SandboxErrorCode.notFound, "Cannot route \(path): no such endpoint"))
        case let e as HTTPError:
            return renderer.error(SandboxError(e.status, SandboxErrorCode.validation, e.body ?? e.status.reasonPhrase))
        case is CancellationError:
            return renderer.error(SandboxError(.serviceUnavailable, SandboxErrorCode.unavailable, "The server is shutting down"))
        default:
            logger.error("unexpected error", metadata: ["path": "\(path)", "error": "\(error)"])
            return renderer.error(SandboxError(.internalServerError, SandboxErrorCode.internalError, "Internal server error"))
        }
    }
}

/// Passes every buffer on one byte at a time, pausing before each.
private struct TricklingWriter: ResponseBodyWriter {
    var base: any ResponseBodyWriter
    let everyMs: Int

    mutating func write(_ buffer: ByteBuffer) async throws {
        for byte in buffer.readableBytesView {
            try await Task.sleep(for: .milliseconds(everyMs))
            try await base.write(ByteBuffer(bytes: [byte]))
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await base.finish(trailingHeaders)
    }
}
