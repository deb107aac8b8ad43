import CandidateCore
import Foundation
import Testing

@Suite("The journal under concurrent writers and cut lines")
struct JournalConcurrencyTests {
    static func journal() throws -> Journal {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return Journal(path: dir.appendingPathComponent("j.jsonl").path)
    }

    /// A change of candidate `id` (its name the id in capitals) by `update`.
    static func change(_ id: String) -> JournalChange {
        JournalChange(command: "update", candidateId: id, name: id.uppercased(), fields: [])
    }

    @Test("records appended while another writer prunes are never lost")
    func pruneDuringAppends() async throws {
        let journal = try Self.journal()
        let old = Date(timeIntervalSinceNow: -40 * 24 * 3600)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                // Two writers share one journal (and its open file), two hold their own, as
                // other processes would.
                let own = writer < 2 ? journal : Journal(path: journal.path)
                group.addTask {
                    for i in 0..<150 {
                        try? own.record(JournalChange(command: "bulk-status", candidateId: "w\(writer)-\(i)", name: "N", fields: []))
                    }
                }
            }
            group.addTask {
                for i in 0..<60 {
                    try? journal.record(JournalChange(time: old, command: "form", candidateId: "old\(i)", name: "O", fields: []))
                    _ = try? journal.prune(before: Date(timeIntervalSinceNow: -30 * 24 * 3600))
                }
            }
        }
        let (changes, unreadable) = journal.changes()
        #expect(unreadable == 0)
        #expect(changes.filter { $0.command == "bulk-status" }.count == 600)
    }

    @Test("a last line cut short does not swallow the next record")
    func cutLastLine() throws {
        let journal = try Self.journal()
        try Data(#"{"truncated":"#.utf8).write(to: URL(fileURLWithPath: journal.path))
        let change = Self.change("a")
        try journal.record(change)
        let (changes, unreadable) = journal.changes()
        #expect(changes == [change])
        #expect(unreadable == 1)
    }

    @Test("a line another writer cut short after this journal's last record does not swallow the next")
    func cutByAnotherWriter() throws {
        let journal = try Self.journal()
        let first = Self.change("a")
        try journal.record(first)
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"cut":"#.utf8))
        try handle.close()
        let second = Self.change("b")
        try journal.record(second)
        let (changes, unreadable) = journal.changes()
        #expect(changes == [first, second])
        #expect(unreadable == 1)
    }

    @Test("a journal file removed or replaced while this journal keeps it open: the next record goes to the file at the path, private")
    func removedOrReplacedWhileOpen() throws {
        let journal = try Self.journal()
        let first = Self.change("a")
        try journal.record(first)
        try FileManager.default.removeItem(atPath: journal.path)
        let second = Self.change("b")
        try journal.record(second)
        #expect(journal.changes().changes == [second])
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Replaced by a rename, as a prune does.
        let other = journal.path + ".other"
        try Data((String(decoding: first.compactJSON(), as: UTF8.self) + "\n").utf8).write(to: URL(fileURLWithPath: other))
        #expect(rename(other, journal.path) == 0)
        let third = Self.change("c")
        try journal.record(third)
        #expect(journal.changes().changes == [first, third])
    }

    @Test("the last change to undo may be an interrupted one (the server may have applied it); a failed one never is")
    func lastIncludesInterrupted() {
        let sent = JournalChange(command: "form", candidateId: "a", name: "A", fields: [], outcome: .sent)
        let pending = JournalChange(command: "update", candidateId: "b", name: "B", fields: [], outcome: .pending)
        let failed = JournalChange(command: "update", candidateId: "c", name: "C", fields: [], outcome: .failed)
        #expect(JournalUndo.last(in: [sent, pending, failed])?.id == pending.id)
    }
}
