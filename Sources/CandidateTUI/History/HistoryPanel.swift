import CandidateCore
import Foundation

/// `H` on the list or `:history`: the changes sent from this machine to the candidate under
/// the cursor (`:history all`: every change), from the journal, newest last, in a scrolling
/// panel. The journal is read by an effect (`.readHistory`) whose result comes back as
/// `.historyRead`; the panel says it is reading until then.
struct HistoryPanel: Equatable {
    /// The candidate whose changes show; `nil`: every change.
    var candidateId: String?
    /// Their name, for the title.
    var name: String?
    var content = Content.reading

    enum Content: Equatable {
        /// The journal is being read.
        case reading
        /// This run keeps no journal.
        case noJournal
        /// The changes that show, newest last, of the journal read.
        case read([JournalChange], JournalHistory)
    }
}

extension AppModel {
    /// Opens the panel for the candidate under the cursor (`all`: every change) and asks for
    /// the journal.
    mutating func openHistory(all: Bool) -> [Effect] {
        if all {
            setOverlay(.history(HistoryPanel()))
        } else {
            guard let c = list.current else {
                flash = Flash(text: "No candidate under the cursor — :history all shows every change", kind: .info)
                return []
            }
            setOverlay(.history(HistoryPanel(candidateId: c.id, name: c.fullName)))
        }
        return [.readHistory]
    }

    /// The journal arrived: the panel, when still open, shows its changes, scrolled to the newest.
    mutating func historyRead(_ history: JournalHistory?) -> [Effect] {
        guard case .history(var panel)? = overlay, panel.content == .reading else { return [] }
        if let history {
            panel.content = .read(history.changes(candidate: panel.candidateId), history)
        } else {
            panel.content = .noJournal
        }
        overlay = .history(panel)
        // Newest last: open on the end.
        overlayScroll = ScrollPanel.scrollToEnd(self, rows: screenSize?.rows ?? 24, cols: screenSize?.cols ?? 80)
        return []
    }

    /// The panel's title, fixed lines, body (one line per change, wrapped by the panel) and footer.
    func historyPanelLines(_ panel: HistoryPanel) -> (title: String, header: [String], body: ScrollBody, footer: String) {
        let title = panel.name.map { "History of \(DisplayText.sanitize($0))" } ?? "History: every change"
        let footer = "↑↓ scroll · g/G first/last · q/Esc close"
        switch panel.content {
        case .reading:
            return (title, [], ScrollBody(count: 1) { _ in "Reading the journal…" }, footer)
        case .noJournal:
            return (title, [], ScrollBody(count: 1) { _ in "This run keeps no journal of changes" }, footer)
        case .read(let changes, let history):
            let path = DisplayText.sanitize(history.path)
            var header = ["\(changes.count) change\(changes.count == 1 ? "" : "s"), newest last · journal \(path)"]
            if history.unreadable > 0 {
                header.append("Skipped \(history.unreadable) unreadable line\(history.unreadable == 1 ? "" : "s") in the journal")
            }
            guard !changes.isEmpty else {
                let none = panel.name == nil ? "No changes recorded yet for this server and company"
                    : "No change to this candidate in the journal (it keeps changes for \(Self.retentionNote))"
                return (title, header, ScrollBody(count: 1) { _ in none }, footer)
            }
            let privacy = options.privacy, charset: DisplayText.Charset = terminalUTF8 ? .unicode : .ascii
            let jobs = self.jobs, every = panel.candidateId == nil
            let body = ScrollBody(count: changes.count) { i in
                let c = changes[i]
                let fields = JournalChangeText.fields(c, jobTitle: { jobs.title($0) }) { field, text in
                    privacy ? ContactMask.masked(field, text, charset: charset) : text
                }
                let who = every ? c.name + ": " : ""
                let failure = c.error.map { " (\($0))" } ?? ""
                return [JournalChangeText.time(c), c.command, JournalChangeText.listedId(c), JournalChangeText.outcome(c)].joined(separator: "  ")
                    + "  " + who + fields + failure
            }
            return (title, header, body, footer)
        }
    }

    /// How long the journal keeps changes, for the empty panel.
    static let retentionNote = "journal-retention-days, 30 by default"

    /// Keys on the panel: scroll, first and last line, or close.
    mutating func handleHistoryKey(_ key: Key) -> [Effect] {
        switch options.keys.action(for: key, in: .history) {
        case .up?: scroll(by: -1)
        case .down?: scroll(by: 1)
        case .pageUp?: scroll(by: -10)
        case .pageDown?: scroll(by: 10)
        case .top?: overlayScroll = 0
        case .bottom?: scroll(by: Int.max / 2)
        case .close?: setOverlay(nil)
        default: break
        }
        return []
    }
}
