import CandidateCore
import Foundation
import Testing

@Suite("The undo of journaled changes")
struct JournalUndoPlanTests {
    static func change(_ id: String, _ fields: [JournalChange.Field], outcome: JournalChange.Outcome = .sent,
                       batch: String? = "b1", command: String = "apply") -> JournalChange {
        JournalChange(batch: batch, command: command, candidateId: id, name: "Ann " + id, fields: fields, outcome: outcome)
    }

    @Test("several changes of one candidate go back to the values before the first, guarded by the last values written")
    func severalChangesOfOneCandidate() {
        let undo = JournalUndo(id: "b1", changes: [
            Self.change("a", [.init(field: "status", before: .string("APPLIED"), after: .string("IN_PROCESS"))]),
            Self.change("a", [.init(field: "status", before: .string("IN_PROCESS"), after: .string("REJECTED")),
                              .init(field: "phoneNumber", before: .null, after: .string("+1 555"))]),
        ])
        #expect(undo.isBatch)
        #expect(undo.items.count == 1)
        let item = undo.plan.items[0]
        #expect(item.change == .guarded(CandidatePatch(changes: [.status: .string("APPLIED"), .phoneNumber: .null]),
                                        expecting: [.status: .string("REJECTED"), .phoneNumber: .string("+1 555")]))
        #expect(JournalUndo.lines(undo.items[0]) == ["Phone: +1555 → (empty)", "Status: REJECTED → APPLIED"])
        #expect(undo.plan.goal == .undo(of: "b1"))
    }

    @Test("a failed change changed nothing and an unknown field cannot be set back: both are skipped with the reason")
    func notUndoable() {
        let undo = JournalUndo(id: "b1", changes: [
            Self.change("a", [.init(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))], outcome: .failed),
            Self.change("b", [.init(field: "favouriteColour", before: .string("red"), after: .string("blue"))]),
            Self.change("c", [.init(field: "email", before: .string("a@b.cz"), after: .string("c@d.cz"))], outcome: .pending),
        ])
        #expect(undo.undoableCount == 1)
        let items = undo.plan.items
        #expect(items[0].change == nil && items[0].skipReason == "the change failed: nothing was changed")
        #expect(items[1].change == nil && items[1].skipReason?.contains("favouriteColour") == true)
        #expect(items[2].change != nil, "an interrupted change is undone if the server shows it, guarded")
        #expect(items[2].candidate.fullName == "Ann c")
    }

    @Test("the guard: skipped when already back, a conflict naming the fields changed since, else sent")
    func guardDecides() {
        let change = BulkChange.guarded(CandidatePatch(changes: [.status: .string("APPLIED")]), expecting: [.status: .string("REJECTED")])
        let c = Candidate(id: "a", firstName: "A", lastName: "B", status: .rejected)
        #expect(change.decide(c) == .send(CandidatePatch(changes: [.status: .string("APPLIED")])))
        var back = c; back.status = .applied
        #expect(change.decide(back) == .skip("already as it was"))
        var moved = c; moved.status = .inProcess
        #expect(change.decide(moved) == .conflict("changed on the server since: Status"))
    }

    @Test("the title names the count, the command, the batch or change and the time")
    func title() {
        let one = JournalUndo(id: "0123456789", changes: [Self.change("a", [], batch: nil, command: "form")])
        #expect(one.title.hasPrefix("Undo of a change by form (change 01234567) at "))
        let many = JournalUndo(id: "b1", changes: [Self.change("a", []), Self.change("b", [])])
        #expect(many.title.hasPrefix("Undo of 2 candidates' changes by apply (batch b1) at "))
    }

    @Test("the last sent change with its whole batch; an id or a unique prefix; clear errors otherwise")
    func lookup() throws {
        // In the order recorded (the journal is read in time order).
        var a = Self.change("a", [], batch: "abcd9999"), b = Self.change("b", [], batch: "abcd9999")
        (a.id, b.id) = ("c1", "c2")
        var single = Self.change("z", [], batch: nil, command: "form"); single.id = "abcd0001"
        var failed = Self.change("y", [], outcome: .failed, batch: "ffff0000"); failed.id = "e1"
        let changes = [a, b, single, failed]
        let last = try #require(JournalUndo.last(in: changes))
        #expect(last.id == "abcd0001" && !last.isBatch, "a failed batch changed nothing: the newest sent change is undone")
        #expect(JournalUndo.last(in: [failed]) == nil)
        #expect(try JournalUndo.named("abcd9", in: changes).items.map(\.candidateId) == ["a", "b"])
        #expect(try JournalUndo.named("ABCD0001", in: changes).items.map(\.candidateId) == ["z"])
        #expect(throws: JournalLookupError.ambiguous("abcd", matches: ["abcd9999", "abcd0001"])) { try JournalUndo.named("abcd", in: changes) }
        #expect(throws: JournalLookupError.notFound("9999")) { try JournalUndo.named("9999", in: changes) }
        #expect(throws: JournalLookupError.tooShort("ab")) { try JournalUndo.named("ab", in: changes) }
    }
}
