import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Rate limits")
struct RateLimitTests {
    static let headerNames = [RateLimitInfo.Header.limitMinute, RateLimitInfo.Header.limitHour,
                              RateLimitInfo.Header.remainingMinute, RateLimitInfo.Header.remainingHour,
                              RateLimitInfo.Header.resetMinute, RateLimitInfo.Header.resetHour]

    @Test("every response carries the six X-RateLimit headers, success and error alike")
    func headersEverywhere() async throws {
        try await withSandbox({ $0.rateLimitPerMinute = 50; $0.rateLimitPerHour = 900 }) { sandbox in
            let before = Int(Date().timeIntervalSince1970)
            let replies = [
                try await sandbox.raw("GET", "/candidates?limit=1"),
                try await sandbox.raw("GET", "/candidates", key: nil),
                try await sandbox.raw("GET", "/candidates/\(UUID().uuidString)"),
                try await sandbox.raw("GET", "/nowhere"),
                try await sandbox.raw("PATCH", "/candidates/x", body: "{oops"),
            ]
            #expect(replies.map(\.status) == [200, 401, 404, 404, 400])
            let now = Int(Date().timeIntervalSince1970)
            for reply in replies {
                for name in Self.headerNames { #expect(reply.header(name) != nil, "\(name) on \(reply.status)") }
                #expect(reply.header(RateLimitInfo.Header.limitMinute) == "50")
                #expect(reply.header(RateLimitInfo.Header.limitHour) == "900")
                let resetMinute = Int(reply.header(RateLimitInfo.Header.resetMinute) ?? "") ?? 0
                let resetHour = Int(reply.header(RateLimitInfo.Header.resetHour) ?? "") ?? 0
                // The window of a request resets after it was sent, at most a minute later (a loaded machine may take seconds).
                #expect(resetMinute > before && resetMinute <= now + 61, "Unix seconds")
                #expect(resetHour >= resetMinute && resetHour <= now + 3601)
            }
            let info = try await sandbox.client().listCandidates(CandidateQuery(limit: 1)).rateLimit
            #expect(info?.limitMinute == 50)
            #expect(info?.remainingHour != nil)
        }
    }

    @Test("remaining counts down per key")
    func countsDown() async throws {
        try await withSandbox({ $0.rateLimitPerHour = 1000 }) { sandbox in
            let a = try await sandbox.raw("GET", "/jobs")
            let b = try await sandbox.raw("GET", "/jobs")
            let other = try await sandbox.raw("GET", "/jobs", key: globexKey)
            let ra = Int(a.header(RateLimitInfo.Header.remainingHour) ?? "") ?? -1
            let rb = Int(b.header(RateLimitInfo.Header.remainingHour) ?? "") ?? -1
            #expect(rb == ra - 1)
            #expect(other.header(RateLimitInfo.Header.remainingHour) == "999", "another key has its own budget")
        }
    }

    @Test("over the limit: 429 with Retry-After and retryAfter/limit/remaining/reset, in both shapes",
          arguments: ResponseShape.allCases)
    func tooMany(shape: ResponseShape) async throws {
        try await withSandbox({ $0.shape = shape; $0.rateLimitPerMinute = 2 }) { sandbox in
            // A minute boundary can reset the window once; six requests still hit the limit.
            var limited: Sandbox.Reply?
            for _ in 0..<6 {
                let reply = try await sandbox.raw("GET", "/jobs")
                if reply.status == 429 { limited = reply; break }
                #expect(reply.status == 200)
            }
            let reply = try #require(limited)
            let retry = try #require(Int(reply.header("Retry-After") ?? ""))
            #expect((1...60).contains(retry))
            #expect(reply.header(RateLimitInfo.Header.remainingMinute) == "0")
            let body = reply.json
            let fields = shape == .bare ? body : (body["error"]?["details"] ?? .null)
            #expect(fields["retryAfter"] == .int(retry))
            #expect(fields["limit"] == .int(2))
            #expect(fields["remaining"] == .int(0))
            #expect(fields["reset"]?.intValue == Int(reply.header(RateLimitInfo.Header.resetMinute) ?? ""))
            if shape == .bare {
                #expect(body["statusCode"] == .int(429))
                #expect(body["error"] == .string("Too Many Requests"))
            } else {
                #expect(body["success"] == .bool(false))
                #expect(body["error"]?["code"] == .string("RATE_LIMIT_EXCEEDED"))
            }
            // A minute boundary between those requests and the client's can reset the window:
            // then it is filled again and the client asks once more.
            var failure: HTTPFailure?
            do { _ = try await sandbox.client().listJobs() } catch APIError.http(let f) { failure = f }
            if failure == nil {
                for _ in 0..<3 { _ = try await sandbox.raw("GET", "/jobs") }
                failure = await httpFailure { try await sandbox.client().listJobs() }
            }
            #expect(failure?.status == 429)
            #expect((failure?.retryAfter ?? 0) >= 1)
        }
    }

    @Test("the hourly window limits too")
    func hourly() async throws {
        try await withSandbox({ $0.rateLimitPerHour = 1 }) { sandbox in
            let first = try await sandbox.raw("GET", "/jobs")
            let second = try await sandbox.raw("GET", "/jobs")
            // An hour boundary between the two requests is possible but vanishingly rare.
            #expect(first.status == 200)
            #expect(second.status == 429)
            #expect(second.json["limit"] == .int(1))
            #expect(second.header(RateLimitInfo.Header.remainingHour) == "0")
        }
    }
}
