import CandidateCore
import Testing
@testable import CandidateTUI

/// The marks' compact table agrees with a plain dictionary through any run of marking,
/// re-marking with new names or statuses, and unmarking (removals move entries and slots).
@Suite struct MarkTableTests {
    static func mark(_ n: Int, round: Int) -> MarkedCandidate {
        let statuses: [CandidateStatus] = [.applied, .inProcess, .rejected, CandidateStatus("ON_HOLD_BY_SERVER")]
        return MarkedCandidate(id: n % 11 == 0 ? "cand-\(n)" : candidateId(n), firstName: n % 13 == 0 ? "" : "Žofia\(n)",
                               lastName: String(repeating: "Ř", count: (n + round) % 90), status: statuses[(n + round) % statuses.count])
    }

    @Test func agreesWithADictionary() {
        var table = MarkTable()
        var plain: [String: MarkedCandidate] = [:]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<6 {
            for _ in 0..<4_000 {
                let n = Int.random(in: 0..<3_000, using: &rng)
                let m = Self.mark(n, round: round)
                if round % 2 == 1 && Bool.random(using: &rng) {
                    #expect(table.remove(m.id) == plain.removeValue(forKey: m.id))
                } else {
                    #expect(table.update(m) == plain.updateValue(m, forKey: m.id))
                }
            }
            #expect(table.count == plain.count)
            for (id, m) in plain { #expect(table[id] == m) }
            #expect(Set(table.ids) == Set(plain.keys))
            #expect(table[candidateId(999_999)] == nil)
        }
        var copy = table
        for id in Array(plain.keys) { copy.remove(id) }
        #expect(copy.isEmpty && copy[plain.keys.first ?? ""] == nil)
        #expect(table.count == plain.count, "a copy is independent")
        #expect(table != copy)
    }

    @Test("a new status alone changes the mark in place; a new name after it is still read back whole")
    func statusMovesInPlace() {
        var table = MarkTable()
        var plain: [String: MarkedCandidate] = [:]
        for n in 0..<2_000 { let m = Self.mark(n, round: 0); table.update(m); plain[m.id] = m }
        let statuses: [CandidateStatus] = [.rejected, .accepted, CandidateStatus("HIRED")]
        for (k, n) in (0..<2_000).enumerated() {
            var m = Self.mark(n, round: 0)
            m.status = statuses[k % statuses.count]
            #expect(table.update(m) == plain.updateValue(m, forKey: m.id))
            if n % 7 == 0 {
                m.lastName += "-Nová"
                #expect(table.update(m) == plain.updateValue(m, forKey: m.id))
            }
        }
        #expect(table.count == plain.count)
        for (id, m) in plain { #expect(table[id] == m) }
    }

    @Test func marksKeepTheirCountsThroughRangesAndRefreshes() {
        var m = model((0..<300).map { bareCandidate($0) })
        _ = m.update(.key(.char("*")))
        #expect(m.marks.count == 300)
        #expect(m.marks.statusCounts == [.applied: 300])
        m.marks.refresh((0..<100).map { bareCandidate($0, status: .rejected) })
        #expect(m.marks.statusCounts == [.applied: 200, .rejected: 100])
        #expect(m.marks[candidateId(5)]?.status == .rejected)
        m.marks.unmark((0..<150).map(candidateId))
        #expect(m.marks.count == 150)
        #expect(m.marks.statusCounts == [.applied: 150])
        #expect(Set(m.marks.ids) == Set((150..<300).map(candidateId)))
    }
}
