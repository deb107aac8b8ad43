import CandidateCore
import Testing
@testable import CandidateTUI

/// The list's compact row storage: every field reads back as stored, ids are found, rows are
/// replaced and compacted, copies stay independent, sorts and the search agree with the
/// straightforward definitions on `Candidate`.
@Suite struct ListRowsTests {
    static func person(_ n: Int) -> Candidate {
        let firsts = ["Jan", "Zoë", "王", "Anna", "Łukasz", "Émilie", "Yılmaz", ""]
        let lasts = ["Šťastný", "Ødegaard", "小明", "Stastna", "Kowalczyk", "Ñúñez", "Brown", "O'Neil"]
        let statuses: [CandidateStatus] = [.applied, .inProcess, .rejected, .accepted, .undefined, CandidateStatus("ON_HOLD_BY_SERVER")]
        return Candidate(
            id: n % 7 == 0 ? "cand-\(n)" : "00000000-0000-4000-8000-\(String(format: "%012d", n))",
            firstName: firsts[n % firsts.count], lastName: lasts[(n / 3) % lasts.count],
            // Emails and phones that read the same folded (most) and ones that do not: capitals,
            // diacritics, the search text's separator, empty.
            email: n % 5 == 0 ? nil : n % 11 == 1 ? "Person\(n)@Example.COM" : n % 11 == 2 ? "zoë\(n)@example.com"
                : n % 11 == 3 ? "a\u{1F}\(n)@example.com" : n % 11 == 4 ? "" : "person\(n)@example.com",
            phoneNumber: n % 4 == 0 ? nil : n % 13 == 1 ? "+420 90 \(n) Ext" : n % 13 == 2 ? "" : "+42090\(String(format: "%07d", n))",
            status: statuses[n % statuses.count],
            jobIds: (0..<(n % 3)).map { "job-\($0)-\(n)" },
            overallRating: n % 6 == 0 ? nil : (n * 37) % 101,
            updatedAt: n % 9 == 0 ? nil : "2026-11-\(String(format: "%02d", 1 + n % 28))T10:00:\(String(format: "%02d", n % 60)).000Z")
    }

    @Test func everyFieldReadsBackAsTheListCopy() {
        var rows = ListRows()
        let people = (0..<3_000).map(Self.person)
        for p in people { rows.append(p) }
        #expect(rows.count == people.count)
        for (i, p) in people.enumerated() {
            #expect(rows.candidate(i) == ListModel.listCopy(p))
            #expect(rows.id(i) == p.id)
            #expect(rows.row(id: p.id) == i)
        }
        #expect(rows.row(id: "no-such-id") == nil)
        #expect(rows.row(id: "") == nil)
    }

    @Test func longValuesAndARowLargerThanAChunk() {
        var rows = ListRows()
        let long = String(repeating: "Ř", count: 300) // 600 bytes: a two-byte length prefix
        let huge = String(repeating: "x", count: ListRows.chunkSize + 10)
        let a = Candidate(id: "a", firstName: long, lastName: "B", email: huge, status: .applied, jobIds: [long, ""])
        let b = Candidate(id: "", firstName: "", lastName: "", status: CandidateStatus(""))
        let c = Self.person(1)
        rows.append(a); rows.append(b); rows.append(c)
        #expect(rows.candidate(0) == ListModel.listCopy(a))
        #expect(rows.candidate(1) == ListModel.listCopy(b))
        #expect(rows.candidate(2) == ListModel.listCopy(c))
        #expect(rows.row(id: "") == 1)
        #expect(rows.row(id: "a") == 0)
    }

    @Test func replacingKeepsTheRowAndCompactionKeepsEveryRow() {
        var rows = ListRows()
        let people = (0..<500).map(Self.person)
        for p in people { rows.append(p) }
        var changed = people
        for round in 0..<3 {
            for i in stride(from: round, to: people.count, by: 2) {
                changed[i].status = .rejected
                changed[i].lastName += " \(round)"
                changed[i].overallRating = round
                rows.replace(i, with: changed[i])
            }
        }
        rows.compact()
        #expect(rows.count == people.count)
        for (i, p) in changed.enumerated() {
            #expect(rows.candidate(i) == ListModel.listCopy(p))
            #expect(rows.row(id: p.id) == i)
        }
    }

    @Test func aCopyIsIndependentOfTheOriginal() {
        var a = ListRows()
        for n in 0..<10 { a.append(Self.person(n)) }
        var b = a
        a.append(Self.person(100))
        b.append(Self.person(200))
        b.replace(0, with: Self.person(300))
        #expect(a.count == 11 && b.count == 11)
        #expect(a.candidate(10) == ListModel.listCopy(Self.person(100)))
        #expect(b.candidate(10) == ListModel.listCopy(Self.person(200)))
        #expect(a.candidate(0) == ListModel.listCopy(Self.person(0)))
        #expect(b.candidate(0) == ListModel.listCopy(Self.person(300)))
        #expect(a.row(id: Self.person(200).id) == nil)
    }

    @Test func sortsAreStableAndAgreeWithTheirDefinitions() {
        var rows = ListRows()
        let people = (0..<400).map(Self.person)
        for p in people { rows.append(p) }
        func expected(_ key: (Candidate) -> String, descending: Bool) -> [Int32] {
            people.indices.sorted { a, b in
                let ka = key(people[a]), kb = key(people[b])
                if ka != kb { return descending ? Array(ka.utf8).lexicographicallyPrecedes(Array(kb.utf8)) == false
                                                : Array(ka.utf8).lexicographicallyPrecedes(Array(kb.utf8)) }
                return a < b
            }.map { Int32($0) }
        }
        for desc in [false, true] {
            #expect(rows.sorted(by: .name, descending: desc) == expected({ SearchText.fold($0.fullName) }, descending: desc))
            #expect(rows.sorted(by: .updated, descending: desc) == expected({ $0.updatedAt ?? "" }, descending: desc))
            #expect(rows.sorted(by: .status, descending: desc) == expected({ $0.status.rawValue }, descending: desc))
            let byRating = people.indices.sorted { a, b in
                let ra = people[a].overallRating ?? -1, rb = people[b].overallRating ?? -1
                return ra != rb ? (desc ? ra > rb : ra < rb) : a < b
            }.map { Int32($0) }
            #expect(rows.sorted(by: .rating, descending: desc) == byRating)
        }
        #expect(rows.sorted(by: .server, descending: false) == Array(0..<400))
        #expect(rows.sorted(by: .server, descending: true) == Array((0..<400).reversed()))
    }

    @Test func theSearchMatchesTheFoldedHaystack() {
        var rows = ListRows()
        let people = (0..<700).map(Self.person)
        for p in people { rows.append(p) }
        let all = Array(0..<Int32(people.count))
        for query in ["stastny", "ODEGAARD", "王", "person12", "+4209000001", "zoe ø", "", "nobody", "lukasz kowalczyk", "\u{1F}"] {
            let needle = Array(SearchText.fold(query).utf8)
            let want = all.filter { SearchText.contains(SearchText.haystack(people[Int($0)]), needle) }
            #expect(rows.filter(all, needle) == want, "query \(query)")
            #expect(!want.isEmpty || query == "nobody" || query == "\u{1F}" || query == "zoe ø", "query \(query) should match something")
        }
    }
}
