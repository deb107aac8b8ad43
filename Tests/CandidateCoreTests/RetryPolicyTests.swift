import Testing
@testable import CandidateCore

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("reload waits 1, 2, 4, 8, 16 s after attempts 1 to 5, with 5 retries in all")
    func reload() {
        let waits = (1...RetryPolicy.reload.maxRetries).map { RetryPolicy.reload.backoff(afterAttempt: $0) }
        #expect(waits == [1, 2, 4, 8, 16])
        #expect(RetryPolicy.reload.maxRetries == 5)
        #expect(RetryPolicy.reload.maxAttempts == 6)
    }

    @Test("backoff doubles from initialBackoff and stops at maxBackoff")
    func backoffCeiling() {
        let standard = RetryPolicy.standard
        #expect((1...7).map { standard.backoff(afterAttempt: $0) } == [0.25, 0.5, 1, 2, 4, 8, 8])
        #expect(RetryPolicy(initialBackoff: 1, maxBackoff: 16).backoff(afterAttempt: 40) == 16)
        #expect(standard.backoff(afterAttempt: 0) == 0.25)
    }

    @Test("the paced path's jittered wait stays within half of the policy's backoff and the whole")
    func jitterWithinBackoff() {
        for attempt in 1...8 {
            let ceiling = RetryPolicy.standard.backoff(afterAttempt: attempt)
            let wait = PacedRequests.backoff(failures: attempt, policy: .standard)
            #expect(wait >= ceiling / 2 && wait <= ceiling)
        }
    }
}
