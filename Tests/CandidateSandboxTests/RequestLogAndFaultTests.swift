import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Request log, failure and latency injection")
struct RequestLogAndFaultTests {
    private func lines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    @Test("one JSON line per request with method, path, query, body and status; never the key")
    func requestLog() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("logs/requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath }) { sandbox in
            let ats = try sandbox.client(key: atsKey, companyId: SandboxDemo.northwindId)
            let one = try #require(try await ats.listCandidates(CandidateQuery(limit: 1, search: "Šťastný")).value.items.first)
            _ = try await ats.updateCandidate(id: one.id, patch: CandidatePatch(changes: [.gender: .null, .firstName: .string("Tomáš")]))
            _ = try await sandbox.raw("PATCH", "/candidates/\(one.id)", body: "not json at all")
            _ = try await sandbox.raw("GET", "/candidates", key: nil)

            // Read while the server still runs: every line is already there.
            let log = try lines(logPath)
            #expect(log.count == 4)
            #expect(log.map { $0["method"]?.stringValue ?? "" } == ["GET", "PATCH", "PATCH", "GET"])
            #expect(log.map { $0["status"]?.intValue ?? 0 } == [200, 200, 400, 401])
            #expect(log[0]["path"] == .string("/candidates"))
            #expect(log[0]["query"]?["companyId"] == .string(SandboxDemo.northwindId))
            #expect(log[0]["query"]?["search"] == .string("Šťastný"))
            #expect(log[0]["body"] == .null)
            #expect(log[1]["path"] == .string("/candidates/\(one.id)"))
            #expect(log[1]["body"] == .object(["gender": .null, "firstName": .string("Tomáš")]))
            #expect(log[2]["body"] == .string("not json at all"))
            for line in log { #expect(line["time"]?.stringValue.flatMap(APITimestamp.parse) != nil) }
            let text = try String(contentsOfFile: logPath, encoding: .utf8)
            #expect(!text.contains("sk_test"))
            #expect(!text.lowercased().contains("bearer"))
            #expect(!text.lowercased().contains("authorization"))
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("a key sent in a query or body is redacted from the log")
    func redaction() async throws {
        let dir = try Sandbox.makeDirectory()
        let logPath = dir.appendingPathComponent("requests.jsonl").path
        try await withSandbox({ $0.requestLogPath = logPath }) { sandbox in
            _ = try await sandbox.raw("GET", "/candidates?apiKey=sk_test_northwind")
            _ = try await sandbox.raw("PATCH", "/candidates/x", body: #"{"note": "sk_test_northwind"}"#)
            let text = try String(contentsOfFile: logPath, encoding: .utf8)
            #expect(!text.contains("sk_test_northwind"))
            #expect(text.contains("[redacted]"))
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("failRate 1 fails every resource request with 500 or 503, headers intact; the client sees it as transient")
    func failures() async throws {
        try await withSandbox({ $0.failRate = 1 }) { sandbox in
            var statuses = Set<Int>()
            for _ in 0..<12 {
                let reply = try await sandbox.raw("GET", "/candidates")
                statuses.insert(reply.status)
                #expect(reply.header(RateLimitInfo.Header.limitMinute) != nil)
                #expect(reply.json["statusCode"]?.intValue == reply.status)
            }
            #expect(statuses.isSubset(of: [500, 503]) && !statuses.isEmpty)
            do {
                _ = try await sandbox.client().listJobs()
                Issue.record("expected a failure")
            } catch let error as APIError {
                #expect(error.isTransient)
            }
            let other = try await sandbox.raw("GET", "/other")
            #expect(other.status == 404, "only resource routes fail")
        }
    }

    @Test("latencyMs delays each answer")
    func latency() async throws {
        try await withSandbox({ $0.latencyMs = 150 }) { sandbox in
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { _ = try await sandbox.raw("GET", "/jobs") }
            #expect(elapsed >= .milliseconds(150))
        }
    }
}
