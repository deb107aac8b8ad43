import AsyncHTTPClient
import CandidateCore
import CandidateSandbox
import Foundation
import Logging
import Testing

/// A sandbox on 127.0.0.1 with its own temporary SQLite file, plus helpers to talk to it
/// through `CandidatesClient` (the product's client) or raw HTTP (to see status, headers, bytes).
struct Sandbox {
    let server: SandboxServer
    let directory: URL
    let configuration: SandboxConfiguration

    /// Demo size most tests use: 42 candidates in company 1, 15 in company 2, 3 in company 3.
    static let demoSize = 60

    var databasePath: String { configuration.databasePath }
    var requestLogPath: String { directory.appendingPathComponent("requests.jsonl").path }

    /// A fresh temporary folder for one test.
    static func makeDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Starts a server; `tweak` adjusts the configuration (shape, limits, …).
    static func start(directory: URL? = nil, _ tweak: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> Sandbox {
        let dir = try directory ?? makeDirectory()
        var config = SandboxConfiguration(databasePath: dir.appendingPathComponent("db/sandbox.sqlite").path, demoSize: demoSize)
        tweak(&config)
        var logger = Logger(label: "sandbox.test")
        logger.logLevel = .warning
        let server = try await SandboxServer.start(config, logger: logger)
        return Sandbox(server: server, directory: dir, configuration: config)
    }

    /// Seconds a test waits for one answer. Generous on purpose: the whole suite runs in parallel
    /// on small CI machines, where a 150 ms answer can take seconds to be scheduled; a client
    /// timeout here would also make the client retry and turn one change into two.
    static let answerDeadline: Double = 60

    /// A client as the product would build it, with a deadline no loaded machine reaches.
    func client(key: String = SandboxDemo.defaultKey.key, companyId: String? = nil) throws -> CandidatesClient {
        CandidatesClient(configuration: try APIConfiguration(baseURL: server.baseURL, apiKey: key, companyId: companyId,
                                                             timeout: Self.answerDeadline))
    }

    /// One raw HTTP exchange.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        /// The body parsed, or `.null` when it is not JSON.
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// Sends `method path` with an optional bearer `key` and raw `body`.
    func raw(_ method: String, _ path: String, key: String? = SandboxDemo.defaultKey.key, body: String? = nil,
             authorization: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = .init(rawValue: method)
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(body.utf8))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(Self.answerDeadline)))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        var headers: [String: String] = [:]
        for h in response.headers where headers[h.name.lowercased()] == nil { headers[h.name.lowercased()] = h.value }
        return Reply(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
    }

    /// Every candidate the key sees, following pages of 100.
    func allCandidates(key: String = SandboxDemo.defaultKey.key, companyId: String? = nil,
                       query: CandidateQuery = CandidateQuery()) async throws -> [Candidate] {
        let c = try client(key: key, companyId: companyId)
        var out: [Candidate] = []
        var q = query
        q.page = 1
        q.limit = 100
        while true {
            let page = try await c.listCandidates(q).value
            out += page.items
            guard page.hasNextPage else { return out }
            q.page += 1
        }
    }

    /// Stops the server and removes the temporary folder.
    func stop(keepFiles: Bool = false) async {
        await server.stop()
        if !keepFiles { try? FileManager.default.removeItem(at: directory) }
    }
}

/// Runs `body` against a fresh sandbox and always stops it afterwards.
func withSandbox<T>(_ tweak: (inout SandboxConfiguration) -> Void = { _ in },
                    _ body: (Sandbox) async throws -> T) async throws -> T {
    let sandbox = try await Sandbox.start(tweak)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// The `HTTPFailure` an API call threw, or `nil` (recorded as a test issue) when it did not fail that way.
func httpFailure<T>(_ call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> HTTPFailure? {
    do {
        _ = try await call()
        Issue.record("expected an HTTP failure, got success", sourceLocation: sourceLocation)
    } catch APIError.http(let failure) {
        return failure
    } catch {
        Issue.record("expected an HTTP failure, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

extension SandboxDemo {
    static func count(_ companyId: String, demoSize: Int = Sandbox.demoSize) -> Int {
        candidateCounts(demoSize: demoSize).first { $0.companyId == companyId }?.count ?? -1
    }
}

let readonlyKey = "sk_test_readonly"
let globexKey = "sk_test_globex"
let atsKey = "sk_test_ats_partner"
let suspendedKey = "sk_test_suspended"
