import Testing
@testable import CandidateCore

/// Plans for job assignment and GDPR extension, the months arithmetic behind `+N`, and the
/// parsing of what a recruiter types for the new expiry.
@Suite("Bulk job and GDPR plans")
struct BulkGoalPlansTests {
    static func person(_ i: Int, jobs: [String] = [], gdpr: String? = nil) -> Candidate {
        Candidate(id: String(format: "00000000-0000-4000-8000-%012d", i), firstName: "P\(i)", lastName: "X",
                  gdprExpiryDate: gdpr, status: .applied, jobIds: jobs)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }

    @Test("months are added on the same day, clamped to the month's end", arguments: [
        ("2026-11-29", 1, "2026-12-29"), ("2026-11-29", 2, "2027-01-29"), ("2027-01-31", 1, "2027-02-28"),
        ("2028-01-31", 1, "2028-02-29"), ("2027-03-31", -1, "2027-02-28"), ("2027-01-15", -1, "2026-12-15"),
        ("2027-05-31", 1, "2027-06-30"), ("2026-11-29", 12, "2027-11-29"), ("2028-02-29", 12, "2029-02-28"),
        ("2026-12-31", 0, "2026-12-31"), ("2026-01-10", -13, "2024-12-10"), ("2026-08-31", 30, "2029-02-28"),
    ])
    func addingMonths(_ from: String, _ months: Int, _ expected: String) {
        #expect(Self.day(from).adding(months: months)?.description == expected)
    }

    @Test("months past year 9999 or before year 1 give nil")
    func addingMonthsOutOfRange() {
        #expect(Self.day("9999-12-01").adding(months: 1) == nil)
        #expect(Self.day("0001-01-01").adding(months: -1) == nil)
        #expect(Self.day("9999-11-30").adding(months: 1)?.description == "9999-12-30")
    }

    @Test("the expiry input takes a day or +N months", arguments: [
        ("2027-12-31", "2027-12-31"), (" 2027-12-31 ", "2027-12-31"), ("+12", "2027-11-29"), ("+12m", "2027-11-29"),
        ("12m", "2027-11-29"), ("6", "2027-05-29"), ("+3M", "2027-02-28"), ("2026-11-30", "2026-11-30"),
    ])
    func expiryInput(_ text: String, _ expected: String) {
        let today = Self.day("2026-11-29")
        // 2026-11-29 + 3 months is 2027-02-29, which does not exist: the month's end.
        #expect((try? GDPRExpiryInput.day(text, today: today).get())?.description == expected)
    }

    @Test("the expiry input refuses the rest with a message")
    func expiryInputRefuses() {
        let today = Self.day("2026-11-29")
        func problem(_ text: String) -> GDPRExpiryInput.Problem? {
            if case .failure(let p) = GDPRExpiryInput.day(text, today: today) { return p }
            return nil
        }
        #expect(problem("") == .empty)
        #expect(problem("  ") == .empty)
        #expect(problem("soon") == .notUnderstood("soon"))
        #expect(problem("2027-02-30") == .notUnderstood("2027-02-30"))
        #expect(problem("2027-12-31T00:00:00Z") == .notUnderstood("2027-12-31T00:00:00Z"))
        #expect(problem("+12y") == .notUnderstood("+12y"))
        #expect(problem("-3") == .notUnderstood("-3"))
        #expect(problem("+0") == .monthsOutOfRange(0))
        #expect(problem("+1201") == .monthsOutOfRange(1201))
        #expect(problem("2026-11-29") == .notInFuture(Self.day("2026-11-29"), today: today))
        #expect(problem("2020-01-01")?.description == "2020-01-01 is not in the future: the expiry must be after today (2026-11-29)")
        #expect(problem("soon")?.description == "\"soon\" is neither a day (YYYY-MM-DD) nor months from today (+12, +12m)")
    }

    @Test("GDPR plan: a later or equal expiry is skipped with the reason; no expiry or an earlier one is sent")
    func gdprPlan() {
        let until = Self.day("2027-12-31")
        let people = [Self.person(0, gdpr: "2027-01-01"), Self.person(1, gdpr: "2028-06-30"), Self.person(2),
                      Self.person(3, gdpr: "2027-12-31T00:00:00.000Z"), Self.person(0, gdpr: "2029-01-01")]
        let plan = BulkChangePlan.gdprExpiry(until: until, candidates: people)
        #expect(plan.goal == .gdprExpiry(until))
        #expect(plan.items.map(\.candidate.id) == people.prefix(4).map(\.id), "an id given twice appears once")
        #expect(plan.items.map(\.change) == [.extendGDPR(until), nil, .extendGDPR(until), nil])
        #expect(plan.items.map(\.skipReason) == [nil, "GDPR expiry already 2028-06-30", nil, "GDPR expiry already 2027-12-31"])
        #expect(plan.skippedItems.map(\.candidate.id) == [people[1].id, people[3].id])
        #expect(plan.sendCount == 2)
        #expect(plan.summary() == "Extend the GDPR expiry of 2 candidates to 2027-12-31; 2 skipped")
    }

    @Test("the GDPR change sends exactly the day, decided from the fresh copy")
    func gdprDecision() throws {
        let until = Self.day("2027-12-31")
        guard case .send(let patch) = BulkChange.extendGDPR(until).decide(Self.person(0, gdpr: "2027-06-01")) else {
            Issue.record("expected a send"); return
        }
        #expect(try JSONValue.parse(patch.body()) == .object(["gdprExpiryDate": .string("2027-12-31")]))
        #expect(BulkChange.extendGDPR(until).decide(Self.person(0, gdpr: "2028-01-01")) == .skip("GDPR expiry already 2028-01-01"))
        #expect(BulkChange.extendGDPR(until).readsFresh)
    }

    @Test("job plans: assigned or unassigned ones are skipped from their copy, except copies without job ids")
    func jobPlans() {
        let job = Fixture.jobA
        let people = [Self.person(0), Self.person(1, jobs: [job]), Self.person(2, jobs: [Fixture.jobB]), Self.person(3)]
        let add = BulkChangePlan.addingJob(id: job, title: "Backend", to: people)
        #expect(add.goal == .addJob(id: job, title: "Backend"))
        #expect(add.items.map(\.change) == [.addJob(job), nil, .addJob(job), .addJob(job)])
        #expect(add.items[1].skipReason == "already assigned")
        #expect(add.summary() == "Assign 3 candidates to Backend; 1 skipped (already assigned)")

        let remove = BulkChangePlan.removingJob(id: job, title: "Backend", from: people, unread: [people[3].id])
        #expect(remove.items.map(\.change) == [nil, .removeJob(job), nil, .removeJob(job)],
                "the unread copy's change is decided when sent")
        #expect(remove.summary() == "Remove 2 candidates from Backend; 2 skipped (not assigned)")

        let full = BulkChangePlan.addingJob(id: job, title: "Backend", to: [Self.person(5, jobs: Fixture.jobIds(50))])
        #expect(full.items.first?.skipReason == "already has 50 jobs, the most the API allows")
        #expect(full.summary() == "Nothing to send: the candidate is skipped (already has 50 jobs, the most the API allows)")
        #expect(BulkChangePlan.addingJob(id: job, title: "B", to: []).summary() == "No candidates")
        let none = BulkChangePlan.removingJob(id: job, title: "Backend", from: [Self.person(0), Self.person(2)])
        #expect(none.summary() == "Nothing to send: all 2 candidates are skipped (not assigned)")
    }

    @Test("the summary sanitizes the job title and says 1 candidate")
    func summaryWording() {
        let plan = BulkChangePlan.addingJob(id: Fixture.jobA, title: "Back\u{1B}[31mend", to: [Self.person(0)])
        #expect(plan.summary() == "Assign 1 candidate to Back␛[31mend")
    }
}
