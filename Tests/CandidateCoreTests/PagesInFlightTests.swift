import Foundation
import NIOConcurrencyHelpers
import TestHTTPServer
import Testing
@testable import CandidateCore

/// `allCandidates` with several page requests in flight, against a server that answers them
/// out of order: pages still come out in page order, each asked once.
@Suite("Listing with pages in flight")
struct PagesInFlightTests {
    typealias Server = MisbehavingServerTests

    /// Waits until `condition` holds or `seconds` pass; whether it held.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { return false }
            usleep(2_000)
        }
        return true
    }

    @Test("a slow page holds back the later ones that answered first; order and contents are kept",
          .timeLimit(.minutes(1)))
    func outOfOrderAnswers() async throws {
        let total = 1_200  // 12 pages
        let overlapped = Counter()
        let requests = PageLog()
        let server = try TestHTTPServer { r in
            let n = Server.pageNumber(r)
            requests.add(n)
            // Page 6 answers only once a later page was asked: that proves requests overlap and
            // makes the answers arrive out of order.
            if n == 6, Self.wait(seconds: 10, until: { requests.pages.contains { $0 > 6 } }) { overlapped.add() }
            return Server.page(Array(((n - 1) * 100 + 1)...min(n * 100, total)), page: n, total: total)
        }
        defer { server.stop() }
        let client = try Server.client(server)
        var pages: [Int] = []
        var ids: [String] = []
        for try await page in client.allCandidates(CandidateQuery(), inFlight: 4, policy: Server.fast) {
            pages.append(page.page)
            ids += page.items.map(\.id)
        }
        #expect(pages == Array(1...12))
        #expect(ids == (1...total).map { String(format: "00000000-0000-4000-8000-%012d", $0) })
        #expect(overlapped.value == 1, "a page after 6 was asked while 6 was in flight")
        #expect(server.requests.map(Server.pageNumber).sorted() == Array(1...12), "each page asked once")
    }

    @Test("one page in flight asks the pages one after another", .timeLimit(.minutes(1)))
    func oneInFlight() async throws {
        let total = 450
        let server = try TestHTTPServer { r in
            let n = Server.pageNumber(r)
            return Server.page(Array(((n - 1) * 100 + 1)...min(n * 100, total)), page: n, total: total)
        }
        defer { server.stop() }
        let client = try Server.client(server)
        var count = 0
        for try await page in client.allCandidates(CandidateQuery(), inFlight: 1, policy: Server.fast) { count += page.items.count }
        #expect(count == total)
        #expect(server.requests.map(Server.pageNumber) == [1, 2, 3, 4, 5])
    }

    @Test("a reader that stops early leaves no more than the window's requests behind", .timeLimit(.minutes(1)))
    func readerStopsEarly() async throws {
        let total = 10_000  // 100 pages
        let server = try TestHTTPServer { r in
            let n = Server.pageNumber(r)
            return Server.page(Array(((n - 1) * 100 + 1)...(n * 100)), page: n, total: total)
        }
        defer { server.stop() }
        let client = try Server.client(server)
        var read = 0
        for try await _ in client.allCandidates(CandidateQuery(), inFlight: 4, policy: Server.fast) {
            read += 1
            if read == 10 { break }
        }
        // Asked: the 10 read plus at most the window's span ahead (2 × 4 pages).
        #expect(server.requests.count <= 10 + 8, "\(server.requests.map(Server.pageNumber))")
    }
}

/// Page numbers a handler saw, shared between its threads.
private final class PageLog: Sendable {
    private let box = NIOLockedValueBox<[Int]>([])
    func add(_ n: Int) { box.withLockedValue { $0.append(n) } }
    var pages: [Int] { box.withLockedValue { $0 } }
}
