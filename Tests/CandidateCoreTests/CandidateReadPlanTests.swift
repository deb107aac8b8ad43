import Testing
@testable import CandidateCore

@Suite("Candidate read plan")
struct CandidateReadPlanTests {
    @Test("fewer ids than the threshold: single reads, no list looked at")
    func fewIds() {
        let plan = CandidateReadPlan.choose(ids: 9, listTotals: [20_000], budget: .unlimited)
        #expect(plan.way == .singleReads)
        #expect(plan.singleReads == 9)
        #expect(plan.reason == "9 ids, fewer than 10: no list is worth reading")
        #expect(CandidateReadPlan.choose(ids: 1, listTotals: nil).reason == "1 id, fewer than 10: no list is worth reading")
    }

    @Test("the list's size unknown (its first page failed): single reads")
    func unknownSize() {
        let plan = CandidateReadPlan.choose(ids: 1_000, listTotals: nil, budget: .unlimited)
        #expect(plan.way == .singleReads)
        #expect(plan.reason == "the size of the list is unknown")
    }

    @Test("no rate limit: 1,000 of 1,600 read with 16 pages, 500 of 20,000 with single reads (least time)")
    func leastTime() {
        let small = CandidateReadPlan.choose(ids: 1_000, unread: 940, listTotals: [1_600], pagesRead: 1, budget: .unlimited, concurrency: 8)
        #expect(small.way == .listPages)
        #expect(small.pages == 16)
        #expect(!small.rateLimitBinds)
        #expect(small.description == "list pages (16 pages for 1600 candidates instead of 940 single reads; no rate limit: least time)")

        let large = CandidateReadPlan.choose(ids: 500, unread: 495, listTotals: [20_000], pagesRead: 1, budget: .unlimited, concurrency: 8)
        #expect(large.way == .singleReads)
        #expect(large.statuses.isEmpty)
        #expect(large.singleReads == 495)
        #expect(large.description == "single reads (495 single reads instead of 200 pages for 20000 candidates; no rate limit: least time)")
    }

    @Test("the pages expected follow what the pages read held: a dense first page makes pages cheap, an empty one does not")
    func expectedFromPagesRead() {
        // 1,000 ids of 20,000, the first page held 100 of them: about 9 more pages, not 199.
        let dense = CandidateReadPlan.choose(ids: 1_000, unread: 900, listTotals: [20_000], pagesRead: 1, budget: .unlimited, concurrency: 8)
        #expect(dense.way == .listPages)
        #expect(dense.expectedPages == 9)
        #expect(dense.pages == 200)
        #expect(dense.reason == "200 pages for 20000 candidates (about 9 more, at the 100 ids a page held so far) instead of 900 single reads; no rate limit: least time")

        // The same ids spread out (5 on the first page): every page is expected, single reads win.
        let sparse = CandidateReadPlan.choose(ids: 1_000, unread: 995, listTotals: [20_000], pagesRead: 1, budget: .unlimited, concurrency: 8)
        #expect(sparse.way == .singleReads)
        #expect(sparse.expectedPages == nil)

        // Bound by the rate limit: the fewest requests count every page left, whatever was found.
        let limited = CandidateReadPlan.choose(ids: 1_000, unread: 900, listTotals: [20_000], pagesRead: 1, budget: .assumed, concurrency: 8)
        #expect(limited.way == .listPages && limited.rateLimitBinds)
        #expect(limited.expectedPages == 199)
    }

    @Test("a budget the run fits in does not bind: still the least time")
    func budgetThatDoesNotBind() {
        let plan = CandidateReadPlan.choose(ids: 100, listTotals: [20_000], pagesRead: 1,
                                            budget: .init(remaining: 590, perMinute: 600), concurrency: 4)
        #expect(!plan.rateLimitBinds)
        #expect(plan.way == .singleReads, "100 single reads beat 199 pages")
        #expect(plan.reason.hasSuffix("the rate limit does not bind (600/min): least time"))
    }

    @Test("the rate limit binds: the fewest requests, pages when they are fewer than the ids")
    func fewestRequests() {
        // 1,000 moves at 60/min: 199 more pages < 1,000 single reads, although single reads would be quicker unlimited.
        let plan = CandidateReadPlan.choose(ids: 1_000, listTotals: [20_000], pagesRead: 1, budget: .assumed, concurrency: 8)
        #expect(plan.rateLimitBinds)
        #expect(plan.way == .listPages)
        #expect(plan.description == "list pages (200 pages for 20000 candidates instead of 1000 single reads; the rate limit binds (60/min): fewest requests)")

        // 150 ids in a company of 20,000 at 60/min: 150 single reads < 199 pages.
        let few = CandidateReadPlan.choose(ids: 150, listTotals: [20_000], pagesRead: 1, budget: .assumed)
        #expect(few.rateLimitBinds)
        #expect(few.way == .singleReads)
    }

    @Test("--only-from: pages of those statuses, each list rounded up to whole pages")
    func filteredPages() {
        let plan = CandidateReadPlan.choose(ids: 1_000, listTotals: [4_050, 120], pagesRead: 2, onlyFrom: [.applied, .inProcess],
                                            budget: .init(remaining: 500, perMinute: 600))
        #expect(plan.rateLimitBinds, "1,000 PATCHes alone exceed the 500 left")
        #expect(plan.way == .listPages)
        #expect(plan.statuses == [.applied, .inProcess])
        #expect(plan.pages == 41 + 2)
        #expect(plan.reason.hasPrefix("43 pages of APPLIED, IN_PROCESS for 4170 candidates instead of 1000 single reads"))
    }

    @Test("every page already read (the list fits on its first page): list pages, the rest read one by one")
    func alreadyRead() {
        let plan = CandidateReadPlan.choose(ids: 21, unread: 1, listTotals: [42], pagesRead: 1, budget: .unlimited)
        #expect(plan.way == .listPages)
        #expect(plan.pages == 1)
        #expect(plan.singleReads == 1)
        #expect(plan.reason == "1 page for 42 candidates: every page is already read")
    }
}
