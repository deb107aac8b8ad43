import ArgumentParser
import CandidateCore
import CandidateSandbox
import Foundation
import Logging

/// `candidates serve`: the sandbox server on its own.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the sandbox API server (same HTTP contract as InstaView) and print the demo keys.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Serves GET /candidates, GET /candidates/{id}, PATCH /candidates/{id}, GET /jobs and \
        GET /jobs/{id} on 127.0.0.1, with the API's errors, rate-limit headers and either \
        response shape. Without --db it uses the embedded sandbox's file, \
        $XDG_DATA_HOME/candidates/sandbox.sqlite; a new file is created and seeded.

        Point the editor or the scripting commands at it with both variables:

          export INSTAVIEW_BASE_URL=http://127.0.0.1:4010
          export INSTAVIEW_API_KEY=sk_test_northwind
          candidates
        """
    )

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: Int = 4010
    @Option(help: ArgumentHelp("SQLite file; created and seeded when new.", valueName: "file"), completion: .file()) var db: String?
    @Option(help: "Candidates to seed into a new database.") var demoSize: Int = 300
    @Option(help: "Response shape: bare or wrapped.", completion: .list(["bare", "wrapped"])) var shape: String = "bare"
    @Option(help: ArgumentHelp("Append every request as a JSON line (never the key).", valueName: "file"), completion: .file())
    var requestLog: String?
    @Option(help: "Requests per minute per key.") var rateLimitPerMinute: Int = 600
    @Option(help: "Requests per hour per key.") var rateLimitPerHour: Int = 20_000
    @Option(help: "Fraction of requests answered with 500/503 (0...1).") var failRate: Double = 0
    @Option(help: "Added latency per request in milliseconds.") var latencyMs: Int = 0
    @Option(help: ArgumentHelp("Length of the per-minute rate-limit window in seconds (shorter for tests).", valueName: "seconds"))
    var rateLimitWindow: Int = 60
    @Option(help: ArgumentHelp("Send every answer's body one byte at a time, this many milliseconds apart.", valueName: "ms"))
    var slowBodyMs: Int = 0
    @Option(help: ArgumentHelp("Serve every endpoint under this path, as some API docs show (e.g. /v1/public).", valueName: "path"))
    var pathPrefix: String = ""

    func validate() throws {
        guard ResponseShape(rawValue: shape) != nil else { throw ValidationError("--shape must be bare or wrapped") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard demoSize >= 0 else { throw ValidationError("--demo-size must be 0 or more") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
        guard rateLimitPerMinute > 0, rateLimitPerHour > 0 else { throw ValidationError("rate limits must be positive") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must be 0 or more") }
        guard (1...3600).contains(rateLimitWindow) else { throw ValidationError("--rate-limit-window must be 1...3600") }
        guard slowBodyMs >= 0 else { throw ValidationError("--slow-body-ms must be 0 or more") }
    }

    func run() async throws {
        LogSetup.bootstrapStandardError()
        let config = SandboxConfiguration(
            databasePath: db ?? XDGPaths().sandboxDatabase, port: port, demoSize: demoSize,
            shape: ResponseShape(rawValue: shape) ?? .bare, requestLogPath: requestLog,
            rateLimitPerMinute: rateLimitPerMinute, rateLimitPerHour: rateLimitPerHour,
            failRate: failRate, latencyMs: latencyMs, rateLimitWindowSeconds: rateLimitWindow, slowBodyMs: slowBodyMs,
            pathPrefix: pathPrefix)
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(config)
        } catch {
            FileHandle.standardError.write(Data("candidates serve: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var out = "Sandbox listening on \(server.baseURL) (\(config.shape.rawValue) responses, database \(config.databasePath))\n"
        out += "Demo keys (send as Authorization: Bearer <key>):\n"
        for k in SandboxDemo.keys { out += "  \(k.key)  \(k.note)\n" }
        out += "Companies:\n"
        for c in SandboxDemo.companies { out += "  \(c.id)  \(c.name)\n" }
        out += "Try: INSTAVIEW_BASE_URL=\(server.baseURL) INSTAVIEW_API_KEY=\(SandboxDemo.defaultKey.key) candidates\n"
        print(out, terminator: "")
        fflush(StandardStreams.output)
        await server.waitUntilStopped()
    }
}
