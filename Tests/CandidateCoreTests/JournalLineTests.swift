import Foundation
import Testing
@testable import CandidateCore

/// A journal line written directly against the `JSONEncoder` text it replaces.
@Suite("Journal lines written directly")
struct JournalLineTests {
    static func encoderText(_ change: JournalChange) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(change))
    }

    static var changes: [JournalChange] {
        var sent = JournalChange(batch: "b-1", command: "bulk-status", candidateId: "c1", name: "Jana Nováková",
                                 fields: [.init(field: "status", before: .string("APPLIED"), after: .string("REJECTED"))])
        sent.outcome = .sent
        sent.updatedAtAfter = "2026-12-06T22:49:29.123Z"
        var failed = JournalChange(command: "form", candidateId: "c/2", name: "Quote \" back\\slash \u{1} tab\t 王 👩‍⚕️ \u{7f}\u{202e}",
                                   fields: [.init(field: "metadata", before: .null,
                                                  after: .object(["z": .int(1), "a": .array([.double(1.5), .bool(true), .null, .string("/")])])),
                                            .init(field: "jobIds", before: .array([]), after: .array([.string("j1")]))])
        failed.outcome = .failed
        failed.error = "HTTP 400: phoneNumber must match ^\\+[1-9]\\d{1,14}$ \n and more"
        let empty = JournalChange(time: Date(timeIntervalSince1970: 0), command: "undo", candidateId: "", name: "", fields: [])
        return [sent, failed, empty]
    }

    @Test("the bytes JSONEncoder with sorted keys gives, and they read back as the same change")
    func sameBytes() throws {
        for change in Self.changes {
            let direct = change.compactJSON()
            #expect(direct == (try Self.encoderText(change)), "\(change.candidateId)")
            #expect(try JSONDecoder().decode(JournalChange.self, from: Data(direct)) == change)
        }
    }
}
