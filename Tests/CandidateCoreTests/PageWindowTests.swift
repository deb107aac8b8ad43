import Testing
@testable import CandidateCore

@Suite("Page window: pages in flight, answers in order")
struct PageWindowTests {
    /// A window whose first pages have been delivered so the slow start is over.
    static func warmed(width: Int = 4, span: Int? = nil, through last: Int = 100) -> PageWindow<String> {
        var w = PageWindow<String>(width: width, span: span)
        w.allow(through: last)
        for _ in 0...width {
            let p = w.next()!
            _ = w.arrived(p, "p\(p)")
        }
        return w
    }

    @Test("only page 1 at first; more only once the caller allows them")
    func firstPageAlone() {
        var w = PageWindow<String>()
        #expect(w.next() == 1)
        #expect(w.next() == nil)
        #expect(w.arrived(1, "one").map(\.page) == [1])
        #expect(w.next() == nil, "nothing beyond page 1 was allowed")
        w.allow(through: 10)
        #expect(w.next() == 2)
    }

    @Test("slow start: one at a time until page 2 is in, then one more per page up to width")
    func slowStart() {
        var w = PageWindow<String>(width: 4)
        w.allow(through: 100)
        #expect(w.nextPages() == [1])
        _ = w.arrived(1, "")
        #expect(w.nextPages() == [2])
        _ = w.arrived(2, "")
        #expect(w.nextPages() == [3])
        _ = w.arrived(3, "")
        #expect(w.nextPages() == [4, 5])
        _ = w.arrived(4, "")
        #expect(w.nextPages() == [6, 7])
        _ = w.arrived(5, "")
        #expect(w.nextPages() == [8, 9])
        #expect(w.inFlightCount == 4)
        _ = w.arrived(6, "")
        #expect(w.nextPages() == [10])
        #expect(w.inFlightCount == 4)
    }

    @Test("answers that arrive out of order come out in page order")
    func inOrder() {
        var w = Self.warmed()
        #expect(w.nextPages() == [6, 7, 8, 9])
        #expect(w.arrived(8, "p8").isEmpty)
        #expect(w.arrived(7, "p7").isEmpty)
        #expect(w.waitingCount == 2)
        let ready = w.arrived(6, "p6")
        #expect(ready.map(\.page) == [6, 7, 8])
        #expect(ready.map(\.answer) == ["p6", "p7", "p8"])
        #expect(w.nextToDeliver == 9)
        #expect(w.waitingCount == 0)
    }

    @Test("kept answers are handed out one at a time, in page order, and only once")
    func keptOneAtATime() {
        var w = Self.warmed()
        #expect(w.nextPages() == [6, 7, 8, 9])
        w.keep(8, "p8")
        w.keep(7, "p7")
        #expect(!w.nextIsReady, "page 6 is still missing")
        #expect(w.takeNext() == nil)
        w.keep(6, "p6")
        #expect(w.nextIsReady)
        #expect(w.takeNext().map { [$0.page: $0.answer] } == [6: "p6"])
        #expect(w.nextToDeliver == 7)
        #expect(w.waitingCount == 2, "7 and 8 wait until they are taken")
        #expect(w.takeNext()?.page == 7)
        #expect(w.takeNext()?.page == 8)
        #expect(!w.nextIsReady)
        #expect(w.takeNext() == nil)
        #expect(w.delivered == 8)
        w.keep(9, "p9")
        w.stop()
        #expect(!w.nextIsReady, "stopped: what waits is dropped")
        #expect(w.takeNext() == nil)
    }

    @Test("no request reaches span pages beyond the oldest undelivered page")
    func boundedSpan() {
        var w = Self.warmed(width: 4, span: 6)
        // Pages 6–9 in flight; 7, 8, 9 answer, 6 does not.
        #expect(w.nextPages() == [6, 7, 8, 9])
        for p in [7, 8, 9] { #expect(w.arrived(p, "").isEmpty) }
        // Oldest undelivered is 6: pages up to 11 may go, not 12.
        #expect(w.nextPages() == [10, 11])
        #expect(w.next() == nil)
        #expect(w.arrived(6, "").map(\.page) == [6, 7, 8, 9])
        #expect(w.nextPages() == [12, 13])
    }

    @Test("never beyond the allowed last page")
    func lastAllowed() {
        var w = Self.warmed(through: 7)
        #expect(w.nextPages() == [6, 7])
        w.allow(through: 3)
        #expect(w.lastAllowed == 7, "allowing less never lowers it")
        #expect(w.next() == nil)
    }

    @Test("a failed page is asked again before any newer page")
    func failedFirst() {
        var w = Self.warmed()
        #expect(w.nextPages() == [6, 7, 8, 9])
        w.failed(7)
        #expect(w.next() == 7)
        w.failed(9)
        w.failed(6)
        #expect(w.nextPages() == [6, 9])
        #expect(w.arrived(6, "p6").map(\.page) == [6])
    }

    @Test("after stop nothing is requested and late answers are dropped")
    func stopped() {
        var w = Self.warmed()
        #expect(w.nextPages() == [6, 7, 8, 9])
        #expect(w.arrived(7, "p7").isEmpty)
        w.stop()
        #expect(w.next() == nil)
        #expect(w.arrived(6, "p6").isEmpty)
        #expect(w.waitingCount == 0)
    }

    @Test("an answer to a page neither in flight nor due next is ignored")
    func strayAnswer() {
        var w = Self.warmed()
        #expect(w.arrived(42, "stray").isEmpty)
        #expect(w.arrived(3, "again").isEmpty, "page 3 was already delivered")
        #expect(w.nextToDeliver == 6)
    }

    @Test("the page due next counts even when asked for outside the window")
    func askedOutside() {
        var w = PageWindow<String>()
        w.allow(through: 10)
        #expect(w.arrived(1, "p1").map(\.answer) == ["p1"])
        #expect(w.nextPages() == [2], "page 1 is not asked again")
        #expect(w.arrived(3, "early").isEmpty, "neither in flight nor due next")
        #expect(w.arrived(2, "p2").map(\.page) == [2])
    }

    @Test("every page of a listing comes out once, in order, whatever order the answers take",
          arguments: [1, 2, 4, 8])
    func everyPageOnce(width: Int) {
        var w = PageWindow<Int>(width: width)
        w.allow(through: 50)
        var out: [Int] = []
        var rng = SplitMix(seed: UInt64(width))
        var flying: [Int] = []
        repeat {
            flying += w.nextPages()
            guard !flying.isEmpty else { break }
            let i = Int(rng.next() % UInt64(flying.count))
            let p = flying.remove(at: i)
            out += w.arrived(p, p).map(\.answer)
        } while true
        #expect(out == Array(1...50))
    }
}

/// A tiny deterministic generator for shuffling answers.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
