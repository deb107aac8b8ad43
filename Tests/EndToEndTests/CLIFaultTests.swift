import CandidateCore
import ChildProcess
import Foundation
import TestHTTPServer
import Testing

/// `list` and `bulk-status` (the real binary) against servers that fail, limit, stall or quote
/// the key: `candidates serve` with its fault options, or a tiny misbehaving server.
@Suite("Scripting commands through faults (real binary)", .ownThread)
struct CLIFaultTests {
    /// Every candidate id the sandbox's default key sees.
    func allIds(_ sandbox: SandboxProcess) async throws -> [String] {
        var out: [String] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery()) { out += page.items.map(\.id) }
        return out
    }

    /// Checks a `list --json` run printed exactly `expected`, each once, and exited 0.
    func expectComplete(_ run: CLIRun, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        let ids = try run.jsonLines().compactMap { $0["id"]?.stringValue }
        #expect(ids.count == expected.count, "printed \(ids.count) of \(expected.count)", sourceLocation: sourceLocation)
        #expect(Set(ids) == Set(expected), sourceLocation: sourceLocation)
    }

    @Test("list prints every candidate once and exits 0 through 20 % injected 5xx")
    func listThroughFailures() async throws {
        // Two servers seeded alike (seeding is deterministic), each with its own folder.
        let dir = try TempDir(), calmDir = try TempDir()
        let calm = try SandboxProcess(dir: calmDir, extraArguments: ["--demo-size", "3000"])
        let expected = try await allIds(calm)
        try #require(expected.count > 2_000)
        let faulty = try SandboxProcess(dir: dir, extraArguments: ["--demo-size", "3000", "--fail-rate", "0.2"])
        let run = try CLI.run(["list", "--json"], dir: dir, env: CLI.environment(faulty))
        try expectComplete(run, expected)
    }

    @Test("list prints every candidate once and exits 0 under a limit of 10 requests a window")
    func listThroughRateLimit() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir, extraArguments: ["--demo-size", "3000", "--rate-limit-per-minute", "10",
                                                                    "--rate-limit-window", "2"])
        let expected = try await allIds(sandbox)
        let before = try sandbox.requests().count
        let run = try CLI.run(["list", "--json"], dir: dir, env: CLI.environment(sandbox))
        try expectComplete(run, expected)
        let statuses = try sandbox.requests().dropFirst(before).compactMap { $0["status"]?.intValue }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 429 }, "\(statuses)")
        #expect(statuses.filter { $0 == 200 }.count == (expected.count + 99) / 100, "each page answered once")
    }

    /// A server with 250 candidates whose second page repeats the first.
    static func repeatingServer() throws -> TestHTTPServer {
        try TestHTTPServer { r in
            let n = Int(r.query["page"] ?? "1") ?? 1
            let numbers = n == 3 ? Array(201...250) : Array(1...100)
            let items = numbers.map { #"{"id":"\#(String(format: "00000000-0000-4000-8000-%012d", $0))","firstName":"C\#($0)","lastName":"Test","status":"APPLIED"}"# }
            return .json(#"{"data":[\#(items.joined(separator: ","))],"total":250,"page":\#(n),"limit":100,"totalPages":3}"#)
        }
    }

    @Test("list stops at a server that repeats a page: exit 1, saying how many of how many it printed")
    func listStopsAtRepeats() throws {
        let dir = try TempDir()
        let server = try Self.repeatingServer()
        defer { server.stop() }
        var env = CLI.environment(nil)
        env["INSTAVIEW_BASE_URL"] = server.baseURL
        env["INSTAVIEW_API_KEY"] = "sk_test_anything"
        let run = try CLI.run(["list", "--json"], dir: dir, env: env)
        #expect(run.status == 1)
        #expect(run.lines.count == 100)
        #expect(run.stderr.contains("incomplete: printed 100 of 250 candidates"), "\(run.stderr)")
        #expect(run.stderr.contains("page 2 lists only candidates already listed"), "\(run.stderr)")
        #expect(server.requests.count == 2)
    }

    @Test("list leaves out a candidate without an id with a line on standard error, prints the rest and exits 1 (incomplete)")
    func listSkipsUnreadableCandidate() throws {
        let dir = try TempDir()
        let server = try TestHTTPServer { r in
            let n = Int(r.query["page"] ?? "1") ?? 1
            // Page 2 holds only a candidate without an id: paging goes on to page 3.
            let items: [String] = switch n {
            case 1: [#"{"id":"00000000-0000-4000-8000-000000000001","firstName":"Ana","lastName":"One","status":"APPLIED"}"#,
                     #"{"firstName":"No","lastName":"Id","status":"APPLIED"}"#]
            case 2: [#"{"firstName":"Also","lastName":"Missing","status":"APPLIED"}"#]
            default: [#"{"id":"00000000-0000-4000-8000-000000000003","firstName":"Cyril","lastName":"Three","status":"APPLIED"}"#]
            }
            return .json(#"{"data":[\#(items.joined(separator: ","))],"total":4,"page":\#(n),"limit":2,"totalPages":3}"#)
        }
        defer { server.stop() }
        var env = CLI.environment(nil)
        env["INSTAVIEW_BASE_URL"] = server.baseURL
        env["INSTAVIEW_API_KEY"] = "sk_test_anything"
        let run = try CLI.run(["list", "--json"], dir: dir, env: env)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("incomplete: printed 2 of 4 candidates; left out 2 the server sent unreadable"), "\(run.stderr)")
        #expect(try run.jsonLines().compactMap { $0["id"]?.stringValue } == ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000003"])
        #expect(run.stderr.contains("left out a candidate the server sent unreadable (page 1, item 2: missing id)"), "\(run.stderr)")
        #expect(run.stderr.contains("(page 2, item 1: missing id)"), "\(run.stderr)")
    }

    @Test("a 401 that quotes the key never shows it on standard error")
    func keyNeverShown() throws {
        let dir = try TempDir()
        let key = "sk_live_TOPSECRET_93ab"
        let server = try TestHTTPServer { r in
            .json(#"{"statusCode":401,"error":"Unauthorized","message":"Invalid API key \#(key) (Authorization: \#(r.headers["authorization"] ?? ""))"}"#,
                  status: 401)
        }
        defer { server.stop() }
        var env = CLI.environment(nil)
        env["INSTAVIEW_BASE_URL"] = server.baseURL
        env["INSTAVIEW_API_KEY"] = key
        env["CANDIDATES_LOG"] = dir.file("client.log")
        for args in [["list"], ["bulk-status", "--to", "REJECTED", "00000000-0000-4000-8000-000000000001"]] {
            let run = try CLI.run(args, dir: dir, env: env)
            #expect(run.status == 1, "\(args)")
            #expect(run.stderr.contains("401") || run.stdout.contains("401"), "\(args): \(run.stderr) \(run.stdout)")
            #expect(!run.stderr.contains("TOPSECRET") && !run.stdout.contains("TOPSECRET"), "\(args): \(run.stderr) \(run.stdout)")
            #expect((run.stderr + run.stdout).contains("[redacted]"), "\(args)")
        }
        let log = FileManager.default.contents(atPath: dir.file("client.log")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(!log.contains("TOPSECRET"))
    }

    @Test("CANDIDATES_LOG: an unexpanded ~ is the home folder, a bare name the current folder, an unusable path one line on stderr")
    func logPaths() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        var env = CLI.environment(sandbox)
        let home = dir.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        env["HOME"] = home
        let work = dir.file("work")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        func list(log: String) throws -> CLIRun {
            var e = env
            e["CANDIDATES_LOG"] = log
            return try CLI.run(pipeline: "cd \(TmuxSession.quote(work)) && \"$CANDIDATES\" list --status ACCEPTED", dir: dir, env: e)
        }
        for (log, file) in [("~/tilde.log", home + "/tilde.log"), ("bare.log", work + "/bare.log")] {
            let run = try list(log: log)
            #expect(run.status == 0, "\(log): \(run.stderr)")
            let text = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(text.contains("GET /candidates"), "\(log) → \(file): \(text)")
        }
        try "x".write(toFile: dir.file("a-file"), atomically: true, encoding: .utf8)
        let blocked = try list(log: dir.file("a-file") + "/x.log")
        #expect(blocked.status == 0, "\(blocked.stderr)")
        #expect(blocked.stderr.contains("CANDIDATES_LOG: Cannot create"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("no log is written"))
        // A quieter level keeps the failures: an error status is logged at warning.
        var quiet = env
        quiet["CANDIDATES_LOG"] = dir.file("quiet.log")
        quiet["CANDIDATES_LOG_LEVEL"] = "warning"
        quiet["INSTAVIEW_API_KEY"] = "sk_test_not_a_key"
        let refused = try CLI.run(["list"], dir: dir, env: quiet)
        #expect(refused.status != 0)
        let text = FileManager.default.contents(atPath: dir.file("quiet.log")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(text.contains("GET /candidates → 401"), "\(text)")
    }

    @Test("a key file others can read is warned about; a private one is not")
    func keyFileMode() throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let keyFile = dir.file("key")
        try "sk_test_northwind\n".write(toFile: keyFile, atomically: true, encoding: .utf8)
        var env = CLI.environment(nil)
        env["INSTAVIEW_BASE_URL"] = sandbox.baseURL
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        let open = try CLI.run(["list", "--api-key-file", keyFile, "--status", "ACCEPTED"], dir: dir, env: env)
        #expect(open.status == 0, "\(open.stderr)")
        #expect(open.stderr.contains("can be read by others (mode 644)"), "\(open.stderr)")
        #expect(open.stderr.contains("chmod 600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        let closed = try CLI.run(["list", "--api-key-file", keyFile, "--status", "ACCEPTED"], dir: dir, env: env)
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(!closed.stderr.contains("warning"), "\(closed.stderr)")
    }

    @Test("a body sent one byte a second: the timeout covers it, and SIGTERM ends bulk-status")
    func slowBody() throws {
        let dir = try TempDir()
        let ids = [UUID().uuidString.lowercased(), UUID().uuidString.lowercased()]
        let slow = try SandboxProcess(dir: dir, extraArguments: ["--slow-body-ms", "1000"])
        var env = CLI.environment(slow)
        env.removeValue(forKey: "CANDIDATES_LOG")

        // list: each attempt times out after 1 s instead of waiting for the whole body.
        let before = try slow.requests().count
        let outPath = dir.file("list.out")
        let list = try ChildProcess.start([Binary.path, "list", "--timeout", "1"], stdout: .file(outPath, append: true), environment: env)
        try waitUntil("two attempts of the first page", seconds: 60) { try slow.requests().count >= before + 2 }
        list.signal(SIGKILL)
        list.wait()
        let listOut = FileManager.default.contents(atPath: outPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(!listOut.contains("ID "), "no page was complete: \(listOut)")

        // bulk-status: cancelled while reading, it ends once the request in flight times out.
        let bulkOut = dir.file("bulk.out")
        let started = try slow.requests().count
        let bulk = try ChildProcess.start([Binary.path, "bulk-status", "--to", "REJECTED", "--timeout", "2"] + ids,
                                          stdout: .file(bulkOut, append: true), environment: env)
        try waitUntil("a request in flight", seconds: 60) { try slow.requests().count > started }
        bulk.signal(SIGTERM)
        try waitUntil("bulk-status to end after SIGTERM", seconds: 60) { !bulk.isRunning }
        let text = FileManager.default.contents(atPath: bulkOut).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(text.contains("cancelling"), "\(text)")
        #expect(try slow.requests(method: "PATCH").isEmpty, "nothing was changed")
    }
}
