import Foundation
import NIOConcurrencyHelpers
import TestHTTPServer
import Testing
@testable import CandidateCore

/// The client against a tiny server on 127.0.0.1 that misbehaves on purpose: answers that
/// stall mid-body, answers too large, error messages that quote the key, pages that never end,
/// pages that repeat, 5xx answers that pass.
@Suite("CandidatesClient against misbehaving servers")
struct MisbehavingServerTests {
    static let key = "sk_live_SECRET_4b1d9e"
    /// Tiny backoffs so retries take milliseconds.
    static let fast = RetryPolicy(maxAttempts: 4, initialBackoff: 0.001, maxBackoff: 0.005)

    static func client(_ server: TestHTTPServer, timeout: Double = 5) throws -> CandidatesClient {
        CandidatesClient(configuration: try APIConfiguration(baseURL: server.baseURL, apiKey: key, timeout: timeout))
    }

    /// Candidate `n` as JSON: a stable UUID and a name.
    static func candidateJSON(_ n: Int) -> String {
        #"{"id":"\#(String(format: "00000000-0000-4000-8000-%012d", n))","firstName":"C\#(n)","lastName":"Test","status":"APPLIED"}"#
    }

    /// A bare page of the given candidate numbers.
    static func page(_ numbers: [Int], page: Int, total: Int, hasNext: Bool? = nil) -> TestHTTPServer.Reply {
        let totalPages = max(1, (total + 99) / 100)
        let next = hasNext.map { #","hasNextPage":\#($0)"# } ?? ""
        return .json(#"{"data":[\#(numbers.map(candidateJSON).joined(separator: ","))],"total":\#(total),"page":\#(page),"limit":100,"totalPages":\#(totalPages)\#(next)}"#)
    }

    static func pageNumber(_ r: TestHTTPServer.Request) -> Int { Int(r.query["page"] ?? "1") ?? 1 }

    static func texts(_ error: Error) -> [String] {
        [String(describing: error), String(reflecting: error), (error as? APIError)?.description ?? "", error.localizedDescription]
    }

    // MARK: whole-request timeout and size

    @Test("a body sent one byte a second fails with the timeout, body included", .timeLimit(.minutes(1)))
    func slowBody() async throws {
        let server = try TestHTTPServer { _ in
            var reply = TestHTTPServer.Reply.json(Self.candidateJSON(1) + String(repeating: " ", count: 5_000))
            reply.byteDelayMs = 1_000
            return reply
        }
        defer { server.stop() }
        let client = try Self.client(server, timeout: 1)
        do {
            _ = try await client.getCandidate(id: "00000000-0000-4000-8000-000000000001")
            Issue.record("a stalled body was accepted")
        } catch let error as APIError {
            #expect(error == .timeout(seconds: 1), "\(error)")
        }
    }

    @Test("an answer larger than the limit says so, and is not retried", .timeLimit(.minutes(1)))
    func tooLarge() async throws {
        let server = try TestHTTPServer { _ in
            TestHTTPServer.Reply(body: Array("{".utf8), byteDelayMs: 200, contentLength: 40 * 1024 * 1024)
        }
        defer { server.stop() }
        let client = try Self.client(server)
        do {
            _ = try await client.paced(Self.fast) { try await client.listCandidates().value }
            Issue.record("a 40 MB answer was accepted")
        } catch let error as APIError {
            #expect(error == .tooLarge(limitBytes: CandidatesClient.maxBodyBytes))
            #expect(error.description == "The server's answer is larger than 32 MB")
            #expect(!error.isTransient)
        }
        #expect(server.requests.count == 1)
    }

    // MARK: the key never shown

    @Test("a 401 that quotes the key and the Authorization header is shown without them", .timeLimit(.minutes(1)))
    func keyQuoted() async throws {
        let server = try TestHTTPServer { r in
            let auth = r.headers["authorization"] ?? ""
            return .json(#"{"statusCode":401,"error":"Unauthorized \#(Self.key)","message":["Invalid API key \#(Self.key)","header was Authorization: \#(auth)","token=\#(Self.key.lowercased())"]}"#,
                         status: 401)
        }
        defer { server.stop() }
        let client = try Self.client(server)
        do {
            _ = try await client.paced(Self.fast) { try await client.getCandidate(id: "00000000-0000-4000-8000-000000000001").value }
            Issue.record("expected a 401")
        } catch let error as APIError {
            #expect(error.httpStatus == 401)
            for text in Self.texts(error) {
                #expect(!text.contains("SECRET"), "key shown: \(text)")
                #expect(!text.lowercased().contains("secret"), "key shown: \(text)")
            }
            #expect(error.description.contains("Invalid API key [redacted]"), "\(error.description)")
            #expect(error.description.contains("Authorization: [redacted]"), "\(error.description)")
        }
        #expect(server.requests.count == 1, "a 401 is not retried")
    }

    @Test("Redaction.scrub removes the key in any case or encoding, and any quoted credential")
    func scrub() {
        let key = "sk_live_a+b/c"
        #expect(Redaction.scrub("bad key sk_live_a+b/c!", secret: key) == "bad key [redacted]!")
        #expect(Redaction.scrub("bad key SK_LIVE_A+B/C", secret: key) == "bad key [redacted]")
        #expect(Redaction.scrub("url ?key=sk%5Flive%5Fa%2Bb%2Fc", secret: key) == "url ?key=[redacted]")
        #expect(Redaction.scrub("sent Authorization: Basic dXNlcjpwYXNz, expected", secret: key) == "sent Authorization: [redacted], expected")
        #expect(Redaction.scrub(#"{"authorization":"Bearer other"}"#, secret: key) == #"{"authorization":"[redacted]"}"#)
        #expect(Redaction.scrub("use bearer xyz123 please", secret: key) == "use bearer [redacted] please")
        #expect(Redaction.scrub("nothing to hide", secret: key) == "nothing to hide")
    }

    @Test("Redaction.scrub also removes a cut-off key, the key encoded as servers encode it, and its base64")
    func scrubCutAndEncoded() {
        let key = "sk_live_abcdefSECRET"
        #expect(Redaction.scrub("prefix=sk_live_abcdefSEC…", secret: key) == "prefix=[redacted]…")
        #expect(Redaction.scrub("b64=" + Data(key.utf8).base64EncodedString(), secret: key) == "b64=[redacted]")
        let odd = "sk_live/ab+c=d"
        #expect(Redaction.scrub("prefix=sk_live/ab+ urlenc=sk_live%2Fab%2Bc%3Dd", secret: odd) == "prefix=[redacted] urlenc=[redacted]")
        // A start too short to tell the key apart stays: "sk_live_" alone is every key's start.
        #expect(Redaction.scrub("keys look like sk_live_…", secret: key) == "keys look like sk_live_…")
    }

    // MARK: the shared paced, retrying path

    @Test("paced: 5xx and 429 are retried until the answer, which is never asked for again", .timeLimit(.minutes(1)))
    func retries() async throws {
        let server = try TestHTTPServer { r in
            switch r.number {
            case 1: return .json(#"{"statusCode":503,"message":"busy"}"#, status: 503)
            case 2: return .json(#"{"statusCode":429,"message":"slow down"}"#, status: 429, headers: [("Retry-After", "0")])
            case 3: return .json(#"{"statusCode":500,"message":"oops"}"#, status: 500)
            default: return .json(Self.candidateJSON(7))
            }
        }
        defer { server.stop() }
        let client = try Self.client(server)
        let retried = Counter()
        let c = try await client.paced(Self.fast, onRetry: { _, _, _ in retried.add() }) {
            try await client.getCandidate(id: "00000000-0000-4000-8000-000000000007").value
        }
        #expect(c.firstName == "C7")
        #expect(server.requests.count == 4)
        #expect(retried.value == 2, "two backoffs (the 429 waits for its Retry-After instead)")
    }

    @Test("paced gives up after maxAttempts transient failures with the last error", .timeLimit(.minutes(1)))
    func givesUp() async throws {
        let server = try TestHTTPServer { _ in .json(#"{"statusCode":502,"message":"bad gateway"}"#, status: 502) }
        defer { server.stop() }
        let client = try Self.client(server)
        await #expect(throws: APIError.self) {
            _ = try await client.paced(Self.fast) { try await client.listCandidates().value }
        }
        #expect(server.requests.count == Self.fast.maxAttempts)
    }

    // MARK: paging that never ends or repeats

    @Test("a server that sends the same page forever is stopped at the first repeat", .timeLimit(.minutes(1)))
    func samePageForever() async throws {
        let server = try TestHTTPServer { r in Self.page(Array(1...100), page: Self.pageNumber(r), total: 1_000, hasNext: true) }
        defer { server.stop() }
        let client = try Self.client(server)
        var listed = 0
        do {
            for try await page in client.allCandidates(CandidateQuery(), policy: Self.fast) { listed += page.items.count }
            Issue.record("the stream ended without an error")
        } catch let error as APIError {
            #expect(error.description.contains("page 2 lists only candidates already listed"), "\(error.description)")
        }
        #expect(listed == 100)
        #expect(server.requests.count == 2)
    }

    @Test("a server that invents new candidates forever is stopped once they pass its own total", .timeLimit(.minutes(1)))
    func newPagesForever() async throws {
        let server = try TestHTTPServer { r in
            let n = Self.pageNumber(r)
            return Self.page(Array(((n - 1) * 100 + 1)...(n * 100)), page: n, total: 250, hasNext: true)
        }
        defer { server.stop() }
        let client = try Self.client(server)
        do {
            for try await _ in client.allCandidates(CandidateQuery(), policy: Self.fast) {}
            Issue.record("the stream ended without an error")
        } catch let error as APIError {
            #expect(error.description.contains("claims a page after page 3 of 3 (250 candidates)"), "\(error.description)")
        }
        #expect(server.requests.count == 3)
    }

    @Test("candidates that shift between pages are listed once; each page is asked for once", .timeLimit(.minutes(1)))
    func shiftedCandidates() async throws {
        // Page 2 repeats the last two of page 1 (two candidates were inserted before them meanwhile).
        let server = try TestHTTPServer { r in
            switch Self.pageNumber(r) {
            case 1: return Self.page(Array(1...100), page: 1, total: 250)
            case 2: return Self.page(Array(99...198), page: 2, total: 252)
            default: return Self.page(Array(199...252), page: 3, total: 252)
            }
        }
        defer { server.stop() }
        let client = try Self.client(server)
        var ids: [String] = []
        for try await page in client.allCandidates(CandidateQuery(), policy: Self.fast) { ids += page.items.map(\.id) }
        #expect(ids.count == 252)
        #expect(Set(ids).count == 252)
        #expect(server.requests.map(Self.pageNumber) == [1, 2, 3])
    }

    @Test("a page that fails for a while is asked again; pages already read are not", .timeLimit(.minutes(1)))
    func pageRetried() async throws {
        let failures = Counter()
        let server = try TestHTTPServer { r in
            let n = Self.pageNumber(r)
            if n == 2 && failures.value < 3 {
                failures.add()
                return .json(#"{"statusCode":503,"message":"busy"}"#, status: 503)
            }
            return Self.page(Array(((n - 1) * 100 + 1)...min(n * 100, 250)), page: n, total: 250)
        }
        defer { server.stop() }
        let client = try Self.client(server)
        var ids: [String] = []
        for try await page in client.allCandidates(CandidateQuery(), policy: Self.fast) { ids += page.items.map(\.id) }
        #expect(ids.count == 250 && Set(ids).count == 250)
        #expect(server.requests.map(Self.pageNumber) == [1, 2, 2, 2, 2, 3])
    }
}

/// A thread-safe counter for handlers and callbacks.
final class Counter: Sendable {
    private let n = NIOLockedValueBox(0)
    func add() { n.withLockedValue { $0 += 1 } }
    var value: Int { n.withLockedValue { $0 } }
}
