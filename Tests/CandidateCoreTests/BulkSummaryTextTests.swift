import Testing
@testable import CandidateCore

@Suite("Bulk summary and progress text")
struct BulkSummaryTextTests {
    @Test("the end of a run names moved always and the other outcomes when they happened")
    func summary() {
        #expect(BulkSummaryText.summary(BulkTally(moved: 30, skipped: 3, failed: 1), target: .rejected, cancelled: false, seconds: 3.24)
                == "Done in 3.2 s: moved 30 · skipped 3 · failed 1 → REJECTED")
        #expect(BulkSummaryText.summary(BulkTally(moved: 0, notAttempted: 4), target: .accepted, cancelled: true, seconds: 0.05)
                == "Cancelled in 0.1 s: moved 0 · not attempted 4 → ACCEPTED")
        // The editor's flash line: no time.
        #expect(BulkSummaryText.summary(BulkTally(moved: 2, failed: 1), target: .rejected, cancelled: false)
                == "Done: moved 2 · failed 1 → REJECTED")
    }

    @Test("a report's tally counts its results by outcome")
    func tallyOfReport() {
        let results = [
            BulkItemResult(id: "a", name: "A", from: .applied, outcome: .skipped),
            BulkItemResult(id: "b", name: "B", from: .applied, outcome: .notAttempted),
            BulkItemResult(id: "c", name: "C", from: .applied, outcome: .failed(.timeout(seconds: 15), attempts: 8)),
            BulkItemResult(id: "d", name: "D", from: .applied, outcome: .notAttempted),
        ]
        let report = BulkReport(target: .rejected, results: results, cancelled: true)
        #expect(BulkTally(report) == BulkTally(moved: 0, skipped: 1, failed: 1, notAttempted: 2))
        #expect(BulkSummaryText.summary(BulkTally(report), goal: report.goal, cancelled: report.cancelled)
                == "Cancelled: moved 0 · skipped 1 · failed 1 · not attempted 2 → REJECTED")
    }

    @Test("progress: a bar of done/total, failures, the rate-limit wait, then the caller's note")
    func progress() {
        let p = BulkProgress(total: 37, done: 12, moved: 10, failed: 2, waitingSeconds: 41.2)
        #expect(BulkSummaryText.progress(p, target: .rejected, note: "Ctrl-C cancels")
                == "Moving to REJECTED [######..............] 12/37 · 2 failed · waiting 42s for rate limit · Ctrl-C cancels")
        #expect(BulkSummaryText.progress(BulkProgress(total: 4, done: 4, moved: 4), target: .applied, note: "Esc cancels", barWidth: 8)
                == "Moving to APPLIED [########] 4/4 · Esc cancels")
        #expect(BulkSummaryText.progress(BulkProgress(total: 0), target: .applied, note: "cancelling", barWidth: 4)
                == "Moving to APPLIED [....] 0/0 · cancelling")
    }
}
