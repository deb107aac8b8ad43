import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// `H` and `:history`: the journal is read by an effect, its answer comes back as an event, and
/// the panel shows the changes of the candidate under the cursor (or every change), newest last.
@Suite("History panel")
struct HistoryPanelTests {
    static func change(_ n: Int, minutes: Double, status: String = "REJECTED", outcome: JournalChange.Outcome = .sent) -> JournalChange {
        JournalChange(id: "c\(n)-\(Int(minutes))", time: Date(timeIntervalSince1970: 1_796_000_000 + minutes * 60), batch: nil, command: "status",
                      candidateId: candidateId(n), name: "First\(n) Last\(n)",
                      fields: [JournalChange.Field(field: "status", before: .string("APPLIED"), after: .string(status)),
                               JournalChange.Field(field: "email", before: .string("c\(n)@example.com"), after: .string("new\(n)@example.com"))],
                      outcome: outcome)
    }

    static let history = JournalHistory(path: "/state/candidates/journal/x.jsonl",
                                        changes: [change(1, minutes: 0), change(2, minutes: 1), change(1, minutes: 2, status: "IN_PROCESS", outcome: .pending)],
                                        unreadable: 1)

    /// The panel's title, fixed lines, every body line (unwrapped) and footer.
    static func text(_ m: AppModel) -> [String] {
        guard let p = m.scrollLines() else { return [] }
        return [p.title] + p.header + p.body.lines(from: 0, count: p.body.count) + [p.footer]
    }

    @Test("H reads the journal as an effect; its answer fills the panel with the candidate's changes")
    func keyOpensThePanel() {
        var m = model((1...3).map { candidate($0) })
        #expect(m.update(.key(.char("H"))) == [.readHistory])
        #expect(Self.text(m).contains("Reading the journal…"))
        #expect(m.keyContext() == .history)
        _ = m.update(.historyRead(Self.history))
        let lines = Self.text(m)
        #expect(lines.first == "History of First1 Last1")
        #expect(lines.contains { $0.hasPrefix("2 changes, newest last · journal /state/candidates/journal/x.jsonl") })
        #expect(lines.contains("Skipped 1 unreadable line in the journal"))
        let rows = lines.filter { $0.contains("Status: ") }
        #expect(rows.count == 2, "\(lines)")
        #expect(rows.first?.contains("status  c1-0  sent  Status: APPLIED → REJECTED; Email: c1@example.com → new1@example.com") == true, "\(rows)")
        #expect(rows.last?.contains("interrupted  Status: APPLIED → IN_PROCESS") == true, "newest last: \(rows)")
        #expect(!lines.contains { $0.contains("First2") })
        // Privacy mode masks the values too.
        m.options.privacy = true
        #expect(!Self.text(m).contains { $0.contains("c1@example.com") })
        _ = m.update(.key(.escape))
        #expect(m.overlay == nil)
    }

    @Test(":history all shows every change with names; a late answer for a closed panel is dropped; bad arguments only talk")
    func command() {
        var m = model((1...3).map { candidate($0) })
        #expect(m.runCommand("history all") == .done([.readHistory]))
        _ = m.update(.historyRead(Self.history))
        let lines = Self.text(m)
        #expect(lines.first == "History: every change")
        #expect(lines.contains { $0.contains("First2 Last2: Status: APPLIED → REJECTED") }, "\(lines)")
        _ = m.update(.key(.char("q")))
        #expect(m.update(.historyRead(Self.history)).isEmpty && m.overlay == nil)
        #expect(m.runCommand("history everything") == .problem("Usage: :history [all]"))
        #expect(m.runCommand("history") == .done([.readHistory]))
        _ = m.update(.historyRead(nil))
        #expect(Self.text(m).contains("This run keeps no journal of changes"))
        var empty = model([])
        #expect(empty.runCommand("history") == .problem("No candidate under the cursor — :history all shows every change"))
    }

    @Test("a long history opens on its newest change; g and G go to either end")
    func opensAtTheEnd() {
        var m = model((1...3).map { candidate($0) })
        _ = m.update(.terminalReady(utf8: true, rows: 30, cols: 120, keepsDrafts: false, warning: nil))
        _ = m.update(.key(.char("H")))
        let many = JournalHistory(path: "/j", changes: (0..<200).map { Self.change(1, minutes: Double($0)) })
        _ = m.update(.historyRead(many))
        #expect(m.overlayScroll > 150)
        let shown = ScrollPanel.panel(m, rows: 30, cols: 120)?.lines ?? []
        #expect(shown.contains { $0.contains("c1-199") }, "the newest shows: \(shown)")
        _ = m.update(.key(.char("g")))
        #expect(m.overlayScroll == 0)
        _ = m.update(.key(.char("G")))
        #expect(m.overlayScroll == 199)
    }
}
