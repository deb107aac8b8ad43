import Foundation
import Testing
@testable import CandidateCore

/// The id set a page walk keeps: case-insensitive like the API, 16 bytes an id.
@Suite("IdFingerprints")
struct IdFingerprintsTests {
    @Test("ids differing only in the case of their letters are one id; any other difference is another")
    func caseInsensitive() {
        var set = IdFingerprints()
        let inserted1 = set.insert("3F2A9C1E-0B7D-4C1A-9E3F-5D6B7A8C9D0E")
        #expect(inserted1)
        let inserted2 = set.insert("3f2a9c1e-0b7d-4c1a-9e3f-5d6b7a8c9d0e")
        #expect(!inserted2)
        #expect(set.contains("3F2a9C1e-0b7D-4c1A-9e3F-5d6B7a8C9d0E"))
        #expect(!set.contains("3f2a9c1e-0b7d-4c1a-9e3f-5d6b7a8c9d0f"))
        #expect(!set.contains("3f2a9c1e-0b7d-4c1a-9e3f-5d6b7a8c9d0"))
        let inserted3 = set.insert("ÉMILE-1")
        #expect(inserted3)
        let inserted4 = set.insert("émile-1")
        #expect(!inserted4)
        let inserted5 = set.insert("")
        #expect(inserted5)
        #expect(set.count == 3)
    }

    @Test("100,000 distinct ids are all kept apart")
    func manyDistinct() {
        var set = IdFingerprints()
        var inserted = 0
        for _ in 0..<100_000 where set.insert(UUID().uuidString) { inserted += 1 }
        // Short ids that differ in one character, and in where a character sits.
        for i in 0..<10_000 where set.insert("c\(i)") { inserted += 1 }
        for i in 0..<10_000 where set.insert("\(i)c") { inserted += 1 }
        #expect(inserted == 120_000)
        #expect(set.count == 120_000)
    }
}
