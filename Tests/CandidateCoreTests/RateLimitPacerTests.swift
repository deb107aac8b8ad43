import Testing
@testable import CandidateCore

@Suite("Rate-limit pacer")
struct RateLimitPacerTests {
    static let t0 = 1_800_000_010.0  // 10 s into a minute window that resets at …060

    static func info(remaining: Int, reset: Double = 1_800_000_060, limit: Int = 60) -> RateLimitInfo {
        RateLimitInfo(limitMinute: limit, limitHour: 2000, remainingMinute: remaining, remainingHour: 1000,
                      resetMinute: reset, resetHour: 1_800_003_600)
    }

    @Test("one probe request until the first answer, then concurrency within the budget")
    func probe() async {
        let p = RateLimitPacer()
        #expect(await p.reserve(now: Self.t0) == .go)
        #expect(await p.reserve(now: Self.t0) == .wait(seconds: RateLimitPacer.shortWait, forRateLimit: false))
        await p.observe(Self.info(remaining: 3), status: 200, retryAfter: nil, now: Self.t0)
        await p.release()
        #expect(await p.reserve(now: Self.t0) == .go)
        #expect(await p.reserve(now: Self.t0) == .go)
        #expect(await p.reserve(now: Self.t0) == .go)
        // Three in flight against three remaining: the fourth waits for their answers.
        #expect(await p.reserve(now: Self.t0) == .wait(seconds: RateLimitPacer.shortWait, forRateLimit: false))
    }

    @Test("a spent window holds requests until its reset plus the margin")
    func spent() async {
        let p = RateLimitPacer()
        await p.observe(Self.info(remaining: 0), status: 200, retryAfter: nil, now: Self.t0)
        let d = await p.reserve(now: Self.t0)
        #expect(d == .wait(seconds: 50 + RateLimitPacer.resetMargin, forRateLimit: true))
        // After the reset a fresh budget of `limit` is assumed.
        #expect(await p.reserve(now: 1_800_000_060.3) == .go)
    }

    @Test("answers from an older window do not overwrite the newer one; the smallest remaining wins")
    func merge() async {
        let p = RateLimitPacer()
        await p.observe(Self.info(remaining: 5), status: 200, retryAfter: nil, now: Self.t0)
        await p.observe(Self.info(remaining: 7), status: 200, retryAfter: nil, now: Self.t0)
        #expect(await p.minute?.remaining == 5)
        await p.observe(Self.info(remaining: 59, reset: 1_800_000_120), status: 200, retryAfter: nil, now: 1_800_000_061)
        await p.observe(Self.info(remaining: 0), status: 200, retryAfter: nil, now: 1_800_000_061)
        #expect(await p.minute?.remaining == 59)
        #expect(await p.minute?.reset == 1_800_000_120)
    }

    @Test("a 429 holds every request back for its Retry-After")
    func tooMany() async {
        let p = RateLimitPacer()
        await p.observe(Self.info(remaining: 10), status: 200, retryAfter: nil, now: Self.t0)
        await p.observe(nil, status: 429, retryAfter: 7, now: Self.t0)
        #expect(await p.reserve(now: Self.t0 + 1) == .wait(seconds: 6, forRateLimit: true))
        #expect(await p.reserve(now: Self.t0 + 7.01) == .go)
    }

    @Test("a server without headers is not paced after the first answer")
    func noHeaders() async {
        let p = RateLimitPacer()
        #expect(await p.reserve(now: Self.t0) == .go)
        await p.observe(nil, status: 200, retryAfter: nil, now: Self.t0)
        await p.release()
        for _ in 0..<50 { #expect(await p.reserve(now: Self.t0) == .go) }
    }

    @Test("a reset sent as seconds from now (not Unix time) is read as such")
    func relativeReset() async {
        let p = RateLimitPacer()
        await p.observe(RateLimitInfo(limitMinute: 60, remainingMinute: 0, resetMinute: 30), status: 200, retryAfter: nil, now: Self.t0)
        #expect(await p.reserve(now: Self.t0) == .wait(seconds: 30 + RateLimitPacer.resetMargin, forRateLimit: true))
    }
}
