import Testing
@testable import CandidateCore

@Suite("RateLimitInfo from X-RateLimit-* headers")
struct RateLimitInfoTests {
    @Test("all six headers are read")
    func allHeaders() {
        let headers = [
            "x-ratelimit-limit-minute": "60", "x-ratelimit-limit-hour": "2000",
            "x-ratelimit-remaining-minute": "59", "x-ratelimit-remaining-hour": "1999",
            "x-ratelimit-reset-minute": "1795947360", "x-ratelimit-reset-hour": "1795950900",
        ]
        let info = RateLimitInfo(header: { headers[$0.lowercased()] })
        #expect(info == RateLimitInfo(limitMinute: 60, limitHour: 2000, remainingMinute: 59, remainingHour: 1999,
                                      resetMinute: 1_795_947_360, resetHour: 1_795_950_900))
    }

    @Test("no headers means no information")
    func none() {
        #expect(RateLimitInfo(header: { _ in nil }) == nil)
        #expect(RateLimitInfo(header: { _ in "not a number" }) == nil)
    }

    @Test("some headers are enough")
    func some() {
        let info = RateLimitInfo(header: { $0 == RateLimitInfo.Header.remainingMinute ? "0" : nil })
        #expect(info?.remainingMinute == 0)
        #expect(info?.limitMinute == nil)
    }
}
