import Foundation
import Testing
@testable import CandidateCore

@Suite("FieldMerge: the lost-update guard's three-way comparison")
struct FieldMergeTests {
    let base = Fixture.candidate()

    /// The server's copy after someone else's edit; `updatedAt` moved.
    func theirs(_ edit: (inout Candidate) -> Void) -> Candidate {
        var c = base
        edit(&c)
        c.updatedAt = "2026-11-29T09:00:00.000Z"
        return c
    }

    func mine(_ edit: (inout CandidateDraft) -> Void) -> CandidateDraft {
        var d = CandidateDraft(base)
        edit(&d)
        return d
    }

    @Test("nothing changed anywhere: every field unchanged, merged draft has no changes")
    func nothing() {
        let m = FieldMerge(mine: CandidateDraft(base), theirs: base)
        #expect(m.outcomes.allSatisfy { $0.outcome == .unchanged })
        #expect(!m.serverMoved)
        #expect(!m.hasConflicts)
        #expect(!m.merged().hasChanges)
    }

    @Test("each of the five outcomes, field by field")
    func outcomes() {
        let d = mine {
            $0.lastName = "Mine"            // only me
            $0.email = "both@example.com"   // both, same value
            $0.status = .inProcess          // both, different
        }
        let t = theirs {
            $0.firstName = "Janka"          // only server
            $0.email = "both@example.com"
            $0.status = .rejected
        }
        let m = FieldMerge(mine: d, theirs: t)
        #expect(m.serverMoved)
        #expect(m.outcome(.firstName) == .changedOnServer(base: .string("Jana"), theirs: .string("Janka")))
        #expect(m.outcome(.lastName) == .changedByMe(base: .string("Nováková"), mine: .string("Mine")))
        #expect(m.outcome(.email) == .changedAlike(base: .string("jana@example.com"), value: .string("both@example.com")))
        #expect(m.outcome(.status) == .conflict(base: .string("APPLIED"), mine: .string("IN_PROCESS"), theirs: .string("REJECTED")))
        #expect(m.outcome(.phoneNumber) == .unchanged)
        #expect(m.conflicts == [.status])
        #expect(m.refreshed == [.firstName])
        #expect(m.outcomes.map(\.field) == CandidateField.allCases)
    }

    @Test("the merged draft takes the server's changes, keeps mine, and resolves conflicts per choice")
    func merged() throws {
        let d = mine {
            $0.lastName = "Mine"
            $0.status = .inProcess
            $0.cvText = "My CV"
        }
        let t = theirs {
            $0.firstName = "Janka"
            $0.status = .rejected
            $0.cvText = "Their CV"
            $0.overallRating = 99   // read-only, comes along
        }
        let m = FieldMerge(mine: d, theirs: t)
        #expect(m.conflicts == [.status, .cvText])
        #expect(m.unresolved([.status: .theirs]) == [.cvText])

        let chosen = m.merged(choosing: [.status: .theirs, .cvText: .mine])
        #expect(chosen.original == t)
        #expect(chosen.firstName == "Janka")
        #expect(chosen.lastName == "Mine")
        #expect(chosen.status == .rejected)
        #expect(chosen.cvText == "My CV")
        #expect(chosen.original.overallRating == 99)
        // The patch now holds only what still differs from the server's copy.
        #expect(chosen.changedFields == [.lastName, .cvText])
        let patch = try chosen.makePatch(today: Fixture.today)
        #expect(patch.fields == [.lastName, .cvText])

        // With no choice, a conflict keeps mine.
        let defaulted = m.merged()
        #expect(defaulted.status == .inProcess)
        #expect(defaulted.cvText == "My CV")
    }

    @Test("values compare as they would be sent: spacing and phone punctuation are no change")
    func normalized() {
        let d = mine {
            $0.firstName = "  Jana "
            $0.phoneNumber = "+421 905-123 456"
        }
        let t = theirs { $0.phoneNumber = "+421905123456" }
        let m = FieldMerge(mine: d, theirs: t)
        #expect(m.outcome(.firstName) == .unchanged)
        #expect(m.outcome(.phoneNumber) == .unchanged)
        #expect(!m.hasConflicts)
    }

    @Test("a field cleared by me and changed on the server is a conflict with null as mine")
    func clearedConflict() {
        let d = mine { $0.email = "" }
        let t = theirs { $0.email = "new@example.com" }
        let m = FieldMerge(mine: d, theirs: t)
        #expect(m.outcome(.email) == .conflict(base: .string("jana@example.com"), mine: .null, theirs: .string("new@example.com")))
        #expect(m.merged(choosing: [.email: .mine]).email == "")
        #expect(m.merged(choosing: [.email: .theirs]).email == "new@example.com")
    }

    @Test("jobs and metadata compare as whole values")
    func wholeValues() {
        let d = mine {
            $0.jobIds = [Fixture.jobA]
            $0.metadataText = #"{"source":"referral","score":6}"#
        }
        let t = theirs {
            $0.jobIds = [Fixture.jobA, Fixture.jobB, Fixture.jobC]
            $0.metadata = .object(["source": .string("referral"), "score": .int(6)])
        }
        let m = FieldMerge(mine: d, theirs: t)
        #expect(m.outcome(.jobIds).isConflict)
        #expect(m.outcome(.metadata) == .changedAlike(base: base.metadata!, value: .object(["source": .string("referral"), "score": .int(6)])))
    }

    @Test("metadata that is not valid JSON counts as my change and is kept as typed")
    func invalidMetadata() {
        let d = mine { $0.metadataText = "{broken" }
        let untouched = FieldMerge(mine: d, theirs: theirs { _ in })
        #expect(untouched.outcome(.metadata) == .changedByMe(base: base.metadata!, mine: .string("{broken")))
        #expect(untouched.merged().metadataText == "{broken")
        let both = FieldMerge(mine: d, theirs: theirs { $0.metadata = .object([:]) })
        #expect(both.outcome(.metadata).isConflict)
    }

    @Test("the server moved only a read-only field: no field outcome, but serverMoved")
    func readOnlyOnly() {
        let t = theirs { $0.analysisCount = 5 }
        let m = FieldMerge(mine: mine { $0.lastName = "X" }, theirs: t)
        #expect(m.serverMoved)
        #expect(m.refreshed.isEmpty)
        #expect(m.merged().original.analysisCount == 5)
        #expect(m.merged().lastName == "X")
    }

    @Test("a draft restored from disk merges like the one in memory")
    func fromDisk() throws {
        let d = mine { $0.lastName = "Mine" }
        let data = try JSONEncoder().encode(d)
        let restored = try JSONDecoder().decode(CandidateDraft.self, from: data)
        let t = theirs { $0.lastName = "Theirs" }
        #expect(FieldMerge(mine: restored, theirs: t) == FieldMerge(mine: d, theirs: t))
        #expect(FieldMerge(mine: restored, theirs: t).conflicts == [.lastName])
    }
}
