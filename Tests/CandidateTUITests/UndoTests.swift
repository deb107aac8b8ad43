import CandidateCore
import Testing
@testable import CandidateTUI

@Suite("Undo on the list")
struct UndoTests {
    static func undo() -> JournalUndo {
        JournalUndo(id: "b1b1b1b1-0000", changes: (0..<2).map { i in
            JournalChange(batch: "b1b1b1b1-0000", command: "bulk-status", candidateId: bareCandidate(i).id, name: bareCandidate(i).fullName,
                          fields: [.init(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))], outcome: .sent)
        })
    }

    @Test("U reads the journal; the preview lists `Label: now → back to`; Enter sends nothing, y sends the guarded plan")
    func previewThenSend() {
        var m = model((0..<3).map { bareCandidate($0) })
        #expect(m.update(.key(.char("U"))) == [.planUndo(id: nil)])
        let undo = Self.undo()
        _ = m.update(.undoPlanned(undo, unreadable: 0))
        #expect(m.overlay == .undoPreview(undo))
        let lines = m.scrollLines()
        #expect(lines?.title == "Undo")
        #expect(lines?.header.first == undo.title)
        #expect(lines?.body.line(0).hasSuffix("— Status: REJECTED → APPLIED") == true)
        #expect(lines?.footer == "Send 2 changes back? (y/N)")
        #expect(m.update(.key(.enter)).isEmpty)
        #expect(m.overlay == nil)
        _ = m.update(.undoPlanned(undo, unreadable: 0))
        #expect(m.update(.key(.char("y"))) == [.runBulk(undo.plan)])
        #expect(m.bulk?.goal == .undo(of: undo.id))
    }

    @Test(":undo ID asks for that change or batch; nothing to undo and lookup errors are messages")
    func commandAndMessages() {
        var m = model([bareCandidate(0)])
        #expect(m.runCommand("undo abcd1234") == .done([.planUndo(id: "abcd1234")]))
        #expect(m.runCommand("undo a b") == .problem("Usage: :undo [CHANGE-OR-BATCH-ID]"))
        _ = m.update(.undoPlanned(nil, unreadable: 2))
        #expect(m.flash?.text.hasPrefix("Nothing to undo") == true)
        #expect(m.flash?.text.contains("skipped 2 unreadable journal lines") == true)
        #expect(m.overlay == nil)
        _ = m.update(.undoFailed("No change or batch 'abcd1234' in the journal"))
        #expect(m.flash?.text == "Cannot undo: No change or batch 'abcd1234' in the journal")
    }
}
