import CandidateCore
import Foundation
import Testing

/// The journal: every change recorded before it is sent and when it ends, read back in order,
/// corrupt lines skipped, old changes pruned, files private, an unwritable journal an error.
@Suite("Journal")
struct JournalTests {
    func temporaryRoot() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
    }

    @Test("a change is pending, then sent; the last state of each id is read back, in order")
    func recordAndRead() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = Journal(server: "https://api.instaview.sk", company: "c-1", root: root)
        let c = Candidate(id: "a", firstName: "Jana", lastName: "Nováková", phoneNumber: "+421900000001", status: .applied)
        var patch = CandidatePatch.status(.rejected)
        patch[.phoneNumber] = .null
        var change = JournalChange(sending: patch, to: c, command: "form")
        #expect(change.fields == [JournalChange.Field(field: "phoneNumber", before: .string("+421900000001"), after: .null),
                                  JournalChange.Field(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))])
        try journal.record(change)
        let other = JournalChange(sending: .status(.inProcess), to: Candidate(id: "b", firstName: "B", lastName: "C"), command: "status")
        try journal.record(other)
        change.outcome = .sent
        change.updatedAtAfter = "2026-12-05T10:00:00.000Z"
        try journal.record(change)
        let read = journal.changes()
        #expect(read.unreadable == 0)
        #expect(read.changes.map(\.candidateId) == ["a", "b"])
        #expect(read.changes.first?.outcome == .sent && read.changes.first?.updatedAtAfter == "2026-12-05T10:00:00.000Z")
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: (journal.path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(!(try String(contentsOfFile: journal.path, encoding: .utf8)).contains("sk_"), "never a key")
        // Loosened by someone else: the next record makes it private again.
        #expect(chmod(journal.path, 0o644) == 0)
        try journal.record(other)
        #expect(try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test("a corrupt line is skipped and counted; old changes are pruned, the corrupt line kept")
    func corruptAndPrune() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = Journal(server: "s", company: "c", root: root)
        let old = JournalChange(time: Date(timeIntervalSinceNow: -40 * 24 * 3600), command: "status", candidateId: "old", name: "O", fields: [])
        try journal.record(old)
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{not json\n".utf8))
        handle.closeFile()
        try journal.record(JournalChange(command: "status", candidateId: "new", name: "N", fields: []))
        #expect(journal.changes().unreadable == 1)
        #expect(try journal.prune(before: Date(timeIntervalSinceNow: -Journal.defaultRetention)) == 1)
        #expect(journal.changes().changes.map(\.candidateId) == ["new"])
        // A line that cannot be read carries no date: pruning keeps it, byte for byte.
        #expect(journal.changes().unreadable == 1)
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8).hasPrefix("{not json\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try journal.prune(before: Date(timeIntervalSinceNow: -Journal.defaultRetention)) == 0, "nothing more to drop")
        try Journal.purge(root: root)
        #expect(journal.changes().changes.isEmpty)
    }

    @Test("pruning drops every line of an old change (pending and sent) and keeps the order of the rest")
    func pruneWholeChanges() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = Journal(server: "s", company: "c", root: root)
        var old = JournalChange(time: Date(timeIntervalSinceNow: -40 * 24 * 3600), command: "status", candidateId: "old", name: "O", fields: [])
        let kept = JournalChange(command: "status", candidateId: "kept", name: "K", fields: [])
        try journal.record(old)
        try journal.record(kept)
        old.outcome = .sent
        try journal.record(old)
        #expect(try journal.prune(before: Date(timeIntervalSinceNow: -24 * 3600)) == 1)
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").count == 1)
        #expect(try journal.prune(before: Date(timeIntervalSinceNow: 60)) == 1)
        #expect(!FileManager.default.fileExists(atPath: journal.path), "nothing left: no file")
    }

    @Test("change and batch ids are random version-4 UUIDs in lower case")
    func newIDs() {
        let ids = (0..<500).map { _ in JournalChange.newID() } + [JournalScope.newBatch()]
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let uuid = UUID(uuidString: id)
            #expect(uuid != nil && id == id.lowercased(), "\(id)")
            let bytes = uuid.map { withUnsafeBytes(of: $0.uuid) { Array($0) } } ?? []
            #expect(bytes.count == 16 && bytes[6] >> 4 == 4 && bytes[8] >> 6 == 0b10, "\(id): version 4, RFC 4122 variant")
        }
    }

    @Test("a journal that cannot be written throws, naming the file")
    func unwritable() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // A file where the journal's folder would be.
        let blocked = Journal(path: root + "/file/journal.jsonl")
        try Data().write(to: URL(fileURLWithPath: root + "/file"))
        #expect(throws: JournalError.self) { try blocked.record(JournalChange(command: "status", candidateId: "a", name: "A", fields: [])) }
    }
}
