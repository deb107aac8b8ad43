import Foundation
import Testing
@testable import CandidateTUI
#if canImport(Glibc)
import Glibc
#endif

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

    /// Whether `fd` is readable within `ms` milliseconds.
    static func readable(_ fd: Int32, within ms: Int32 = 0) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, ms) == 1 && p.revents & Int16(POLLIN) != 0
    }

    @Test("a post wakes a loop waiting on wakeFD, which stays readable until everything is drained")
    func wakesTheLoop() {
        let inbox = EventInbox()
        #expect(inbox.wakeFD >= 0)
        #expect(!Self.readable(inbox.wakeFD))
        for i in 0..<300 { inbox.post(.resized(rows: i, cols: 0)) }
        #expect(Self.readable(inbox.wakeFD))
        #expect(inbox.drain(limit: 256).count == 256)
        // Events are still waiting: the loop must not sleep on them.
        #expect(Self.readable(inbox.wakeFD))
        #expect(inbox.drain(limit: 256).count == 44)
        #expect(!Self.readable(inbox.wakeFD))
        #expect(inbox.drain(limit: 256).isEmpty)
        inbox.post(.resized(rows: 1, cols: 0))
        #expect(Self.readable(inbox.wakeFD))
    }

    @Test("a post from another thread wakes a poll that is already waiting, long before its timeout")
    func wakesAWaitingPoll() {
        let inbox = EventInbox()
        // A thread of its own, as the effect tasks are to the UI thread: the test's own thread
        // blocks in poll below, and may be one of the few threads Swift's pool has.
        Thread.detachNewThread {
            usleep(50_000)
            inbox.post(.resized(rows: 1, cols: 0))
        }
        let start = Date()
        // A wait of 20 s that only the post can end early.
        #expect(Self.readable(inbox.wakeFD, within: 20_000))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(Self.rows(inbox.drain(limit: 8)) == [1])
    }

    @Test("a post racing a drain never leaves wakeFD readable with nothing left to drain")
    func postRacingDrain() {
        let inbox = EventInbox()
        let go = DispatchSemaphore(value: 0), posted = DispatchSemaphore(value: 0)
        let rounds = 3000
        Thread.detachNewThread {
            for i in 0..<rounds {
                go.wait()
                inbox.post(.resized(rows: i, cols: 0))
                posted.signal()
            }
        }
        var stuck = 0
        for i in 0..<rounds {
            go.signal()
            // Drains as fast as it can, so a drain often takes the event while its post is
            // still under way (the wake byte not written yet).
            var got: [Event] = []
            while got.isEmpty { got = inbox.drain(limit: 8) }
            #expect(Self.rows(got) == [i])
            posted.wait()
            // Everything posted is drained: the loop must be able to sleep now.
            if Self.readable(inbox.wakeFD) {
                stuck += 1
                _ = inbox.drain(limit: 8)
            }
        }
        #expect(stuck == 0, "wakeFD stayed readable after \(stuck) of \(rounds) rounds")
    }
}
