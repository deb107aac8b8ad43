import Testing
@testable import CandidateCore

@Suite("Apply plan")
struct ApplyPlanTests {
    func plan(_ csv: String, _ candidates: [Candidate] = [Fixture.candidate()]) throws -> ApplyPlan {
        let file = try ApplyFile(text: csv, source: "p.csv")
        return ApplyPlan(file: file, candidates: Dictionary(uniqueKeysWithValues: candidates.map { ($0.id.lowercased(), $0) }),
                         today: Fixture.today)
    }

    @Test("only fields that differ from the server's are sent, normalized as the form does")
    func partialPatch() throws {
        let c = Fixture.candidate()
        let p = try plan("id,email,phoneNumber,status,lastName\n\(c.id),new@example.com,+421 905-123 456,accepted,Nováková\n")
        #expect(p.issues.isEmpty)
        #expect(p.rows[0].patch == CandidatePatch(changes: [.email: .string("new@example.com"), .status: .string("ACCEPTED")]))
        #expect(p.rows[0].changeLines() == ["Email: jana@example.com → new@example.com", "Status: APPLIED → ACCEPTED"])
        let bulk = p.bulkPlan
        #expect(bulk.goal == .apply(source: "p.csv"))
        #expect(bulk.items.map(\.change) == [.patch(p.rows[0].patch)])
    }

    @Test("NULL clears optional fields; on a required field it is an issue")
    func nullToken() throws {
        let c = Fixture.candidate()
        let p = try plan("id,email,gender,gdprExpiryDate\n\(c.id),NULL,NULL,NULL\n")
        #expect(p.rows[0].patch == CandidatePatch(changes: [.email: .null, .gender: .null, .gdprExpiryDate: .null]))
        let bad = try plan("id,firstName\n\(c.id),NULL\n")
        #expect(bad.issues == [ApplyPlan.Issue(line: 2, column: "firstName", message: "is required and cannot be cleared (NULL)")])
        #expect(bad.bulkPlan.items.isEmpty)
    }

    @Test("metadata.KEY: JSON values or text, NULL removes the key, the object is sent whole")
    func metadata() throws {
        let c = Fixture.candidate()
        let p = try plan("id,metadata.score,metadata.source,metadata.team\n\(c.id),7,NULL,Ops\n")
        #expect(p.rows[0].patch == CandidatePatch(changes: [.metadata: .object(["score": .int(7), "team": .string("Ops")])]))
        #expect(p.rows[0].changeLines() == ["metadata.score: 5 → 7", "metadata.source: \"referral\" → (none)", "metadata.team: (none) → \"Ops\""])
        let same = try plan("id,metadata.score\n\(c.id),5\n")
        #expect(same.rows[0].patch.isEmpty)
        #expect(same.bulkPlan.items.first?.change == nil)
        #expect(same.bulkPlan.items.first?.skipReason == "no change")
    }

    @Test("jobIds: the whole list, separated by ;")
    func jobs() throws {
        let c = Fixture.candidate()
        let p = try plan("id,jobIds\n\(c.id),\(Fixture.jobC) ; \(Fixture.jobA)\n")
        #expect(p.rows[0].patch[.jobIds] == .array([.string(Fixture.jobC), .string(Fixture.jobA)]))
        let bad = try plan("id,jobIds\n\(c.id),\"\(Fixture.jobC),\(Fixture.jobA)\"\n")
        #expect(!bad.issues.isEmpty)
    }

    @Test("validation issues name the row's line and the column; a bad id and a repeated id too")
    func issues() throws {
        let c = Fixture.candidate()
        let csv = "id,email,phoneNumber,gdprExpiryDate\n\(c.id),not-an-email,123,2020-01-01\nnope,,,\n\(c.id.uppercased()),,,\n"
        let p = try plan(csv)
        #expect(p.issues.map { "\($0.line) \($0.column)" } == ["2 email", "2 phoneNumber", "2 gdprExpiryDate", "3 id", "4 id"])
        #expect(p.issues[0].description == "line 2: email: is not a valid email address (name@example.com)")
        #expect(ApplyPlan.idsToRead(try ApplyFile(text: csv, source: "p.csv")) == [c.id])
    }

    @Test("a row whose candidate was not read has no patch and no issue, and is not in the run")
    func unread() throws {
        let p = try plan("id,status\n\(Fixture.jobC),ACCEPTED\n")
        #expect(p.issues.isEmpty)
        #expect(p.rows[0].candidate == nil)
        #expect(p.bulkPlan.items.isEmpty)
    }

    @Test("the run's summary names invalid rows")
    func summary() {
        var tally = BulkTally(moved: 2, skipped: 1)
        tally.invalid = 3
        #expect(BulkSummaryText.summary(tally, goal: .apply(source: "p.csv"), cancelled: false, seconds: 1.3)
                == "Done in 1.3 s: changed 2 · skipped 1 · invalid 3 → p.csv")
    }
}
