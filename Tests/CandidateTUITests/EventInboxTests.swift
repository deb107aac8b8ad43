import Testing
@testable import CandidateTUI

/// The inbox between effect tasks and the UI loop: every event once, in the order posted,
/// however the drains are sized and interleaved with posts.
@Suite("Event inbox")
struct EventInboxTests {
    static func rows(_ events: [Event]) -> [Int] {
        events.map { if case .resized(let rows, _) = $0 { rows } else { -1 } }
    }

    @Test("a backlog of 20,000 drained 256 at a time, with posts in between, comes out whole and in order")
    func backlogInOrder() {
        let inbox = EventInbox()
        var drained: [Int] = []
        var posted = 0
        for _ in 0..<20_000 { inbox.post(.resized(rows: posted, cols: 0)); posted += 1 }
        while true {
            let batch = Self.rows(inbox.drain(limit: 256))
            if batch.isEmpty { break }
            drained += batch
            if posted < 25_000 { for _ in 0..<100 { inbox.post(.resized(rows: posted, cols: 0)); posted += 1 } }
        }
        #expect(drained == Array(0..<posted))
        #expect(inbox.drain(limit: 256).isEmpty)
        inbox.post(.resized(rows: 7, cols: 0))
        #expect(Self.rows(inbox.drain(limit: 0)).isEmpty)
        #expect(Self.rows(inbox.drain(limit: 5)) == [7])
    }
}
