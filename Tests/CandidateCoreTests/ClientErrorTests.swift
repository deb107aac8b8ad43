import Foundation
import Testing
@testable import CandidateCore
#if canImport(Glibc)
import Glibc
#endif

@Suite("CandidatesClient failures never reveal the API key")
struct ClientErrorTests {
    static let secretKey = "sk_live_DO_NOT_LEAK_7f3a9c"

    /// A loopback TCP port that nothing listens on: bound by the kernel's choice, then closed.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EBADF) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard named == 0 else { throw POSIXError(.EINVAL) }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Every way the error could be turned into text.
    static func allTexts(_ error: Error) -> [String] {
        [String(describing: error), String(reflecting: error), "\(error)", error.localizedDescription,
         (error as? APIError)?.description ?? ""]
    }

    @Test("a refused connection is a transient transport or timeout error whose text has no key", .timeLimit(.minutes(1)))
    func closedPortHidesKey() async throws {
        let port = try Self.closedPort()
        let config = try APIConfiguration(baseURL: "http://127.0.0.1:\(port)", apiKey: Self.secretKey,
                                          companyId: Fixture.companyId, timeout: 1)
        let client = CandidatesClient(configuration: config)
        let patch = CandidatePatch(changes: [.lastName: .string("Horská")])
        let calls: [@Sendable () async throws -> Void] = [
            { _ = try await client.getCandidate(id: Fixture.candidateId) },
            { _ = try await client.updateCandidate(id: Fixture.candidateId, patch: patch) },
        ]
        // Both requests at once: each waits for the 1 s deadline (AsyncHTTPClient retries a refused connection).
        let errors = await withTaskGroup(of: Error?.self) { group in
            for call in calls {
                group.addTask {
                    do { try await call(); return nil } catch { return error }
                }
            }
            return await group.reduce(into: [Error?]()) { $0.append($1) }
        }
        #expect(errors.count == 2)
        for error in errors {
            guard let error else { Issue.record("a closed port answered"); continue }
            guard let error = error as? APIError else { Issue.record("not an APIError: \(error)"); continue }
            #expect(error.isTransient)
            #expect(error.httpStatus == nil)
            switch error {
            case .transport, .timeout: break
            default: Issue.record("expected transport or timeout, got \(error)")
            }
            for text in Self.allTexts(error) {
                #expect(!text.contains(Self.secretKey), "key leaked: \(text)")
                #expect(!text.contains("DO_NOT_LEAK"), "key leaked: \(text)")
            }
        }
    }

    @Test("HTTP failures and configuration errors describe themselves without the key")
    func errorDescriptions() {
        #expect(APIError.timeout(seconds: 1).description == "No answer from the server within 1 s")
        #expect(APIError.timeout(seconds: 2.5).description == "No answer from the server within 2.5 s")
        #expect(APIError.transport(detail: "connection refused").description == "Cannot reach the server: connection refused")
        #expect(APIError.decoding(detail: "not JSON").description == "Unexpected answer from the server: not JSON")
        #expect(APIError.configuration("The API key is empty").description == "The API key is empty")
        #expect(APIError.http(HTTPFailure(status: 418)).description == "418 HTTP 418")
    }

    @Test("which errors are worth repeating", arguments: [
        (APIError.http(HTTPFailure(status: 400)), false), (.http(HTTPFailure(status: 401)), false),
        (.http(HTTPFailure(status: 403)), false), (.http(HTTPFailure(status: 404)), false),
        (.http(HTTPFailure(status: 409)), false), (.http(HTTPFailure(status: 429)), true),
        (.http(HTTPFailure(status: 500)), true), (.http(HTTPFailure(status: 503)), true),
        (.timeout(seconds: 1), true), (.transport(detail: "x"), true),
        (.decoding(detail: "x"), false), (.configuration("x"), false),
    ])
    func transient(_ error: APIError, expected: Bool) {
        #expect(error.isTransient == expected)
    }
}
