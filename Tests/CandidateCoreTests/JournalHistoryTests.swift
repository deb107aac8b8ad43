import CandidateCore
import Foundation
import Testing

/// Reading the journal back: by candidate and time, a change or batch by id or prefix, the last
/// change or batch sent; how a change reads; durations; the retention setting.
@Suite("Journal history")
struct JournalHistoryTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    static func change(_ id: String, at minutes: Double, batch: String? = nil, candidate: String = "c-1", name: String = "Jana Nováková",
                       outcome: JournalChange.Outcome = .sent, command: String = "status") -> JournalChange {
        JournalChange(id: id, time: t0.addingTimeInterval(minutes * 60), batch: batch, command: command, candidateId: candidate, name: name,
                      fields: [JournalChange.Field(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))], outcome: outcome)
    }

    /// Two single changes and a batch of three, recorded out of time order.
    static let history = JournalHistory(path: "/j.jsonl", changes: [
        change("aaaa1111-0000-4000-8000-000000000001", at: 10, candidate: "C-1"),
        change("bbbb2222-0000-4000-8000-000000000002", at: 0, candidate: "c-2", name: "Ana"),
        change("cccc3333-0000-4000-8000-000000000003", at: 20, batch: "dddd4444-0000-4000-8000-0000000000b1", candidate: "c-1"),
        change("cccc3333-0000-4000-8000-000000000004", at: 20, batch: "dddd4444-0000-4000-8000-0000000000b1", candidate: "c-2", name: "Ana", outcome: .failed),
        change("eeee5555-0000-4000-8000-000000000005", at: 20, batch: "dddd4444-0000-4000-8000-0000000000b1", candidate: "c-3"),
        change("ffff6666-0000-4000-8000-000000000006", at: 30, outcome: .pending),
    ])

    @Test("newest last; by candidate (any case) and since a time")
    func filters() {
        let h = Self.history
        #expect(h.changes.map { String($0.id.prefix(4)) } == ["bbbb", "aaaa", "cccc", "cccc", "eeee", "ffff"])
        #expect(h.changes(candidate: "c-1").map { String($0.id.prefix(4)) } == ["aaaa", "cccc", "ffff"])
        #expect(h.changes(since: Self.t0.addingTimeInterval(20 * 60)).count == 4)
        #expect(h.changes(candidate: "C-2", since: Self.t0.addingTimeInterval(60)).map(\.outcome) == [.failed])
    }

    @Test("a change or a batch by id or unique prefix; short, unknown and ambiguous prefixes are errors")
    func find() throws {
        let h = Self.history
        let batch = try h.find("dddd")
        #expect(batch.kind == .batch && batch.id == "dddd4444-0000-4000-8000-0000000000b1" && batch.changes.count == 3)
        let one = try h.find("AAAA1111")
        #expect(one.kind == .change && one.changes.map(\.candidateId) == ["C-1"])
        #expect(try h.find("cccc3333-0000-4000-8000-000000000004").changes.first?.outcome == .failed)
        #expect(throws: JournalLookupError.tooShort("abc")) { try h.find("abc") }
        #expect(throws: JournalLookupError.notFound("9999")) { try h.find("9999") }
        do {
            _ = try h.find("cccc")
            Issue.record("an ambiguous prefix must be an error")
        } catch let e as JournalLookupError {
            guard case .ambiguous(_, let matches) = e else { Issue.record("\(e)"); return }
            #expect(matches == ["cccc3333-0000-4000-8000-000000000003", "cccc3333-0000-4000-8000-000000000004"])
            #expect(e.description.contains("names 2 changes or batches") && e.description.contains("give more of the id"))
        }
    }

    @Test("the last change or batch: the newest sent or interrupted change, with its whole batch; never a failed one")
    func last() {
        // The newest is interrupted: the server may have applied it, so it is the one to undo (guarded).
        #expect(Self.history.last()?.id == "ffff6666-0000-4000-8000-000000000006")
        let withoutInterrupted = JournalHistory(path: "", changes: Array(Self.history.changes.dropLast()))
        #expect(withoutInterrupted.last()?.kind == .batch)
        #expect(withoutInterrupted.last()?.changes.count == 3, "the batch whole, its failed change too: undo decides")
        let single = JournalHistory(path: "", changes: [Self.change("a1", at: 0), Self.change("a2", at: 5, outcome: .failed)])
        #expect(single.last() == JournalSelection(kind: .change, id: "a1", changes: [Self.change("a1", at: 0)]))
        #expect(JournalHistory(path: "", changes: [Self.change("f", at: 0, outcome: .failed)]).last() == nil)
    }

    @Test("a journal read from its file: unreadable lines counted, a missing file empty")
    func fromFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let journal = Journal(server: "s", company: "c", root: root)
        #expect(JournalHistory(journal) == JournalHistory(path: journal.path, changes: []))
        try journal.record(Self.change("x1", at: 0))
        try Data("garbage\n".utf8).append(toFile: journal.path)
        let h = JournalHistory(journal)
        #expect(h.changes.map(\.id) == ["x1"] && h.unreadable == 1 && h.path == journal.path)
    }

    @Test("a change reads as the form's confirmation does")
    func text() {
        var c = Self.change("1234567890ab", at: 0, batch: "bat12345678")
        c.fields = [
            JournalChange.Field(field: "status", before: .string("APPLIED"), after: .string("REJECTED")),
            JournalChange.Field(field: "phoneNumber", before: .string("+421900123456"), after: .null),
            JournalChange.Field(field: "jobIds", before: .array([.string("j1")]), after: .array([.string("j2")])),
            JournalChange.Field(field: "shoeSize", before: .int(41), after: .int(42)),
        ]
        #expect(JournalChangeText.fields(c, jobTitle: { $0 == "j2" ? "Designer" : nil })
            == "Status: APPLIED → REJECTED; Phone: +421900123456 → (empty); Jobs: +Designer, −j1; shoeSize: 41 → 42")
        #expect(JournalChangeText.field(c.fields[1], shown: { ContactMask.masked($0, $1, charset: .unicode) }) == "Phone: +421 •••••3456 → (empty)")
        #expect(JournalChangeText.listedId(c) == "bat12345" && JournalChangeText.shortId(c.id) == "12345678")
        #expect(JournalChangeText.time(c, timeZone: TimeZone(identifier: "UTC")!) == "2026-11-30 00:53")
        #expect(JournalChangeText.outcome(Self.change("p", at: 0, outcome: .pending)) == "interrupted")
    }

    @Test("durations: 30m 12h 7d 2w; anything else a clear error", arguments: [
        ("30m", 1800.0), ("12h", 43_200), ("7d", 604_800), ("2w", 1_209_600), (" 1d ", 86_400),
    ])
    func durations(text: String, seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
    }

    @Test("not durations", arguments: ["", "7", "d", "0d", "-1d", "+1d", "1.5h", "7 d", "7D", "7y", "1234567w", "７d"])
    func notDurations(text: String) {
        #expect(throws: DurationTextError(text: text)) { try DurationText.seconds(text) }
        #expect(DurationTextError(text: text).description.contains("e.g. 30m, 12h, 7d, 2w"))
    }

    @Test("journal-retention-days: a whole number of days, checked")
    func retentionSetting() throws {
        let good = ConfigFile.check(text: "[profiles.a]\napi-key-env = \"K\"\njournal-retention-days = 90\n", path: "c.toml")
        #expect(good.problems.isEmpty && good.config?.profile("a")?.journalRetentionDays == 90)
        for bad in ["0", "\"30\"", "3651", "1.5"] {
            let problems = ConfigFile.check(text: "[profiles.a]\napi-key-env = \"K\"\njournal-retention-days = \(bad)\n", path: "c.toml").problems
            #expect(problems.map(\.description) == ["c.toml:3: journal-retention-days must be a whole number of days from 1 to 3650, e.g. 30"], "\(bad)")
        }
    }
}

private extension Data {
    func append(toFile path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { handle.closeFile() }
        handle.seekToEndOfFile()
        handle.write(self)
    }
}
