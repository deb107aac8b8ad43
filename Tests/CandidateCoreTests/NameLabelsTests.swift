import Testing
@testable import CandidateCore

@Suite("Labels that tell same-name candidates apart")
struct NameLabelsTests {
    func person(_ id: String, _ first: String, _ last: String, _ email: String? = nil) -> Candidate {
        Candidate(id: id, firstName: first, lastName: last, email: email, status: .applied)
    }

    @Test("one candidate, or names that differ: the name alone")
    func unique() {
        #expect(NameLabels.labels([person("a", "Ana", "Novák", "ana@x.com")]) == ["Ana Novák"])
        #expect(NameLabels.labels([person("a", "Ana", "Novák"), person("b", "Eva", "Novák")]) == ["Ana Novák", "Eva Novák"])
        #expect(NameLabels.labels([]) == [])
        #expect(NameLabels().label(id: "x", name: "Ana") == "Ana")
    }

    @Test("the same name, different emails: the email's local part")
    func byEmail() {
        let labels = NameLabels.labels([person("a", "Ana", "Novák", "ana.novak@example.com"),
                                        person("b", "Ana", "Novák", "anna.n@example.org"),
                                        person("c", "Eva", "Horváthová", "eva@example.com")])
        #expect(labels == ["Ana Novák (ana.novak@…)", "Ana Novák (anna.n@…)", "Eva Horváthová"])
    }

    @Test("the same local part at two domains: the whole email")
    func wholeEmail() {
        let labels = NameLabels.labels([person("a", "Ana", "Novák", "ana@one.com"), person("b", "Ana", "Novák", "ana@two.com")])
        #expect(labels == ["Ana Novák (ana@one.com)", "Ana Novák (ana@two.com)"])
    }

    @Test("the same name and the same email (or none): a short id prefix, longer only where ids share it")
    func byId() {
        let labels = NameLabels.labels([
            person("1a2b3c4d-0000-4000-8000-000000000001", "Ana", "Novák", "ana@x.com"),
            person("9f8e7d6c-0000-4000-8000-000000000002", "Ana", "Novák", "ANA@x.com"),
            person("9f8e7d6c5-000-4000-8000-000000000003", "Ana", "Novák"),
        ])
        #expect(labels == ["Ana Novák (#1a2b3c4d)", "Ana Novák (#9f8e7d6c-)", "Ana Novák (#9f8e7d6c5)"])
    }

    @Test("unicode names: canonical equivalents, case and spacing read the same; wide and emoji names work")
    func unicode() {
        let composed = "Zo\u{EB}", decomposed = "Zoe\u{308}"
        let labels = NameLabels.labels([
            person("a", composed, "Šťastná", "zoe@a.cz"),
            person("b", decomposed, "ŠŤASTNÁ", "zoe.s@b.cz"),
            person("c", "王", "小明", "wang1@x.cn"),
            person("d", "王", "小明", "wang2@x.cn"),
            person("e", "👩‍💻", "Dev"),
        ])
        #expect(labels == ["\(composed) Šťastná (zoe@…)", "\(decomposed) ŠŤASTNÁ (zoe.s@…)",
                           "王 小明 (wang1@…)", "王 小明 (wang2@…)", "👩‍💻 Dev"])
        #expect(NameLabels.sameName("Ana  Novák ", "ana novák"))
        // Spaces that read as one: no-break, ideographic, a tab.
        #expect(NameLabels.sameName("Ann\u{A0}Marie Case", "Ann Marie Case"))
        #expect(NameLabels.sameName("Ann\u{3000}Marie\tCase", "ann marie case"))
        #expect(!NameLabels.sameName("Ana Novák", "Ana Novak"))
    }

    @Test("a long local part is cut; an id listed twice counts once")
    func edges() {
        #expect(NameLabels.shortEmail("a.very.long.local.part.indeed@example.com") == "a.very.long.local.p…@…")
        #expect(NameLabels.shortEmail("no-at-sign") == "no-at-sign")
        let a = person("a", "Ana", "Novák", "ana@x.com")
        #expect(NameLabels.labels([a, a]) == ["Ana Novák", "Ana Novák"])
    }

    @Test("id prefixes: the shortest of 8 or more no other id starts with, the same as testing each prefix")
    func idPrefixesMatchTheDefinition() {
        func reference(_ id: String, among ids: [String]) -> String {
            var n = min(8, id.count)
            while n < id.count, ids.filter({ $0.hasPrefix(id.prefix(n)) }).count > 1 { n += 1 }
            return String(id.prefix(n))
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab0é")
        for _ in 0..<300 {
            var ids = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                String((0..<Int.random(in: 3...14, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            if let first = ids.first, Bool.random(using: &rng) { ids.append(first) }                      // an equal id
            if let last = ids.last, last.count > 9, Bool.random(using: &rng) { ids.append(String(last.dropLast())) } // a prefix of another
            #expect(NameLabels.idPrefixes(ids) == ids.map { reference($0, among: ids) }, "\(ids)")
        }
    }

    /// Counts the reads of a lazy list of entries and the emails asked for.
    final class Reads: @unchecked Sendable {
        var entries = 0, emails = 0
    }

    @Test("a shared name's suffixes are worked out when one of its labels is asked for, from its entries alone, and kept")
    func suffixesOnDemand() {
        // 10,000 entries: 100 names shared by 50 each, 5,000 names of one.
        let reads = Reads()
        let n = 10_000
        func id(_ i: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", i) }
        let entries = (0..<n).lazy.map { i -> NameLabels.Entry in
            reads.entries += 1
            return NameLabels.Entry(id: id(i), name: i < 5_000 ? "Shared \(i % 100)" : "Unique \(i)", email: nil)
        }
        let labels = NameLabels(entries) { id in
            reads.emails += 1
            return "person.\(Int(id.suffix(12))!)@example.com"
        }
        #expect(reads.entries == n && reads.emails == 0, "made in one pass, no email asked for")

        reads.entries = 0
        #expect(labels.label(id: id(7_000), name: "Unique 7000") == "Unique 7000")
        #expect(labels.label(id: id(7), name: "Shared 7") == "Shared 7 (person.7@…)")
        #expect(reads.entries == 50 && reads.emails == 50, "only the 50 entries named Shared 7 are read")
        #expect(labels.label(id: id(107), name: "SHARED  7") == "SHARED  7 (person.107@…)", "the same name as shown")
        #expect(reads.entries == 50, "kept once worked out")
        #expect(labels.label(id: "not-listed", name: "Shared 7") == "Shared 7")

        // The same labels as the whole list made at once.
        let all = (0..<n).map { entries[$0] }
        let withEmails = all.map { NameLabels.Entry(id: $0.id, name: $0.name, email: "person.\(Int($0.id.suffix(12))!)@example.com") }
        let eager = NameLabels(withEmails)
        for i in stride(from: 0, to: n, by: 97) {
            #expect(labels.label(id: all[i].id, name: all[i].name) == eager.label(id: all[i].id, name: all[i].name))
        }
    }
}
