import CandidateCore
import Foundation
import Hummingbird
import Logging

/// An embedded HTTP server that imitates the InstaView candidates REST API
/// (`../shared/api/instaview-candidates.md`): same routes, auth, scopes, company isolation,
/// validation, response shapes and rate-limit headers, backed by a SQLite file.
///
/// ```swift
/// let server = try await SandboxServer.start(SandboxConfiguration(databasePath: "/tmp/sandbox.sqlite"))
/// // point a CandidatesClient at server.baseURL with key "sk_test_northwind"
/// await server.stop()
/// ```
public final class SandboxServer: Sendable {
    /// The bound TCP port (the real one when the configuration asked for port 0).
    public let port: Int
    /// `http://HOST:PORT`, without a trailing slash; resources sit directly under it.
    public let baseURL: String
    /// The configuration the server runs with.
    public let configuration: SandboxConfiguration

    private let runTask: Task<Void, Never>
    private let store: SandboxStore
    private let log: RequestLog?

    private init(port: Int, configuration: SandboxConfiguration, runTask: Task<Void, Never>, store: SandboxStore, log: RequestLog?) {
        self.port = port
        self.configuration = configuration
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        self.baseURL = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)" + configuration.pathPrefix
        self.runTask = runTask
        self.store = store
        self.log = log
    }

    /// Opens/seeds the database, binds, and returns once the server accepts connections.
    ///
    /// Seeding happens only when the database holds no data yet, so a restart on the same file
    /// keeps every change.
    /// - Throws: file-system and SQLite errors opening the database or the request log; the
    ///   bind error when the address is taken or invalid.
    public static func start(_ configuration: SandboxConfiguration,
                             logger: Logger = Logger(label: "candidates.sandbox")) async throws -> SandboxServer {
        let store = try SandboxStore(path: configuration.databasePath)
        do {
            try await store.seedIfEmpty(demoSize: max(0, configuration.demoSize))
            let log = try configuration.requestLogPath.map { try RequestLog(path: $0) }
            let renderer = ResponseRenderer(shape: configuration.shape)
            let router = Router()
            router.add(middleware: SandboxMiddleware(
                renderer: renderer,
                limiter: RateLimiter(perMinute: configuration.rateLimitPerMinute, perHour: configuration.rateLimitPerHour,
                                     minuteSeconds: configuration.rateLimitWindowSeconds),
                log: log, failRate: min(max(configuration.failRate, 0), 1), latencyMs: max(0, configuration.latencyMs),
                slowBodyMs: configuration.slowBodyMs, logger: logger))
            let routes = SandboxRoutes(store: store, renderer: renderer)
            if configuration.pathPrefix.isEmpty {
                routes.register(on: router)
            } else {
                routes.register(on: router.group(RouterPath(String(configuration.pathPrefix.dropFirst()))))
            }

            // stop() cancels the server task, which Hummingbird reports at error level
            // ("Waiting on child channel: CancellationError()"); keep its own logging quiet
            // unless the caller is debugging.
            var frameworkLogger = logger
            if logger.logLevel > .debug { frameworkLogger.logLevel = .critical }

            let (ports, portSink) = AsyncThrowingStream.makeStream(of: Int.self)
            let app = Application(
                router: router,
                configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                     serverName: "candidates-sandbox"),
                onServerRunning: { channel in
                    portSink.yield(channel.localAddress?.port ?? configuration.port)
                },
                logger: frameworkLogger)
            let runTask = Task {
                do {
                    try await app.run()
                    portSink.finish()
                } catch {
                    portSink.finish(throwing: error)
                }
            }
            var iterator = ports.makeAsyncIterator()
            do {
                guard let port = try await iterator.next() else { throw SandboxStartError.endedBeforeRunning }
                logger.info("sandbox listening", metadata: ["port": "\(port)", "shape": "\(configuration.shape.rawValue)"])
                return SandboxServer(port: port, configuration: configuration, runTask: runTask, store: store, log: log)
            } catch {
                runTask.cancel()
                await runTask.value
                await log?.close()
                throw error
            }
        } catch {
            store.close()
            throw error
        }
    }

    /// Stops accepting connections, ends the server and closes the database and the request
    /// log. Safe to call more than once and from several tasks.
    public func stop() async {
        runTask.cancel()
        await runTask.value
        await log?.close()
        store.close()
    }

    /// Returns when the server has ended (after `stop()`, or if it fails). For `candidates serve`.
    public func waitUntilStopped() async {
        await runTask.value
    }
}

/// Why `SandboxServer.start` failed without an underlying error.
public enum SandboxStartError: Error, Sendable, CustomStringConvertible {
    /// The HTTP server returned before it started listening.
    case endedBeforeRunning

    /// One line for people.
    public var description: String { "The sandbox server stopped before it started listening" }
}
