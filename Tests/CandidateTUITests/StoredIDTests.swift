import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// The stored form of ids in the list's rows and the marks: reads back as the id, one form per
/// id (so equal bytes mean equal ids), the length the tables skip by, the order of the text.
@Suite struct StoredIDTests {
    static func randomID(_ rng: inout some RandomNumberGenerator) -> String {
        let uuid = UUID().uuidString.lowercased()
        switch Int.random(in: 0..<8, using: &rng) {
        case 0, 1, 2: return uuid
        case 3: return uuid.uppercased()
        case 4: return "{" + uuid + "}"
        case 5: return String(uuid.dropLast()) + "g"
        case 6: return String(repeating: "ř", count: Int.random(in: 0...90, using: &rng)) // headers of one and two bytes
        default: return "cand-\(Int.random(in: 0...999, using: &rng))"
        }
    }

    static func form(_ id: String) -> [UInt8] { StoredID.withForm(id) { Array($0) } }

    @Test func readsBackWithOneFormPerIdAndKeepsTheTextOrder() {
        var rng = SystemRandomNumberGenerator()
        var ids = (0..<2_000).map { _ in Self.randomID(&rng) }
        ids += ["", "00000000-0000-4000-8000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-4000-8000-00000000000"]
        for (n, id) in ids.enumerated() {
            let form = Self.form(id)
            form.withUnsafeBufferPointer { b in
                #expect(StoredID.string(at: b.baseAddress!) == id)
                #expect(StoredID.length(at: b.baseAddress!) == form.count)
            }
            let packed = CompactID(id) != .text(id)
            if packed { #expect(form.count == StoredID.packedSize, "\(id)") }
            let other = ids[(n * 7 + 3) % ids.count]
            #expect((form == Self.form(other)) == (id == other), "\(id) / \(other)")
            let otherForm = Self.form(other)
            form.withUnsafeBufferPointer { a in
                otherForm.withUnsafeBufferPointer { b in
                    #expect(StoredID.precedes(a.baseAddress!, b.baseAddress!) == id.utf8.lexicographicallyPrecedes(other.utf8), "\(id) / \(other)")
                }
            }
        }
    }

    @Test func rowsAndMarksFindOnlyTheExactId() {
        let id = "1a2b3c4d-0000-4000-8000-00000000abcd"
        var rows = ListRows()
        rows.append(Candidate(id: id, firstName: "Ana", lastName: "Novák", jobIds: [id, "JOB-1", id.uppercased()]))
        #expect(rows.row(id: id) == 0)
        #expect(rows.row(id: id.uppercased()) == nil)
        #expect(rows.candidate(0).jobIds == [id, "JOB-1", id.uppercased()])
        var marks = MarkTable()
        marks.update(MarkedCandidate(id: id, firstName: "Ana", lastName: "Novák", status: .applied))
        marks.update(MarkedCandidate(id: id.uppercased(), firstName: "Eva", lastName: "Novák", status: .applied))
        #expect(marks.count == 2)
        #expect(marks[id]?.firstName == "Ana" && marks[id.uppercased()]?.firstName == "Eva")
    }
}
