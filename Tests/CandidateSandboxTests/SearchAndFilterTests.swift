import CandidateCore
import CandidateSandbox
import Foundation
import Testing

@Suite("Search and filters")
struct SearchAndFilterTests {
    @Test("search ignores case and diacritics, on first name, last name and email",
          arguments: [("stastny", "Šťastn"), ("ŠŤASTNÝ", "Šťastn"), ("nguyen", "Nguyễn"), ("MULLER", "Müller"),
                      ("odegaard", "Ødegaard"), ("王", "王"), ("佐藤", "佐藤"), ("o'brien", "O'Brien"),
                      ("jean-luc", "Jean-Luc"), ("smith-jones", "Smith-Jones"), ("tomas stastny", "Šťastný")])
    func search(term: String, expected: String) async throws {
        try await withSandbox { sandbox in
            let found = try await sandbox.allCandidates(query: CandidateQuery(search: term))
            #expect(!found.isEmpty, "nothing for \(term)")
            #expect(found.allSatisfy { $0.fullName.contains(expected) || ($0.email ?? "").contains(term.lowercased()) },
                    "\(found.map(\.fullName))")
        }
    }

    @Test("search matches email addresses")
    func searchEmail() async throws {
        try await withSandbox { sandbox in
            let all = try await sandbox.allCandidates()
            let withEmail = try #require(all.first { $0.email != nil })
            let local = String(withEmail.email!.prefix { $0 != "@" })
            let found = try await sandbox.allCandidates(query: CandidateQuery(search: local.uppercased()))
            #expect(found.contains { $0.id == withEmail.id })
        }
    }

    @Test("query strings decode like the API framework's: + and %20 are spaces, %XX is UTF-8")
    func queryDecoding() async throws {
        try await withSandbox { sandbox in
            for query in ["search=tom%C3%A1%C5%A1+%C5%A1%C5%A5astn%C3%BD", "search=Tomas%20Stastny", "search=+tomas+stastny+"] {
                let reply = try await sandbox.raw("GET", "/candidates?\(query)")
                #expect(reply.status == 200)
                let names = (reply.json["data"]?.arrayValue ?? []).map { ($0["firstName"]?.stringValue ?? "") + " " + ($0["lastName"]?.stringValue ?? "") }
                #expect(names.contains("Tomáš Šťastný"), "\(query): \(names)")
            }
        }
    }

    @Test("search treats % and _ literally and an unmatched term finds nothing")
    func searchLiteral() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            for term in ["%", "_", "zzzz-nobody"] {
                let total = try await client.listCandidates(CandidateQuery(search: term)).value.total
                #expect(total == 0, "\(term)")
            }
        }
    }

    @Test("status filter returns only that status; the statuses partition the list")
    func statusFilter() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            var sum = 0
            for status in CandidateStatus.allKnown {
                let found = try await sandbox.allCandidates(query: CandidateQuery(status: status))
                #expect(!found.isEmpty)
                #expect(found.allSatisfy { $0.status == status })
                sum += found.count
            }
            let total = try await client.listCandidates().value.total
            #expect(sum == total)
        }
    }

    @Test("jobId filter returns only candidates assigned to that job; filters combine")
    func jobFilter() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let jobs = try await client.allJobs()
            var matched = 0
            for job in jobs {
                let found = try await sandbox.allCandidates(query: CandidateQuery(jobId: job.id))
                #expect(found.allSatisfy { $0.jobIds.contains(job.id) })
                matched += found.count
                for status in CandidateStatus.allKnown {
                    let both = try await client.listCandidates(CandidateQuery(limit: 100, status: status, jobId: job.id)).value
                    #expect(both.total == found.filter { $0.status == status }.count)
                }
            }
            #expect(matched > 0)
            let all = try await sandbox.allCandidates()
            #expect(matched == all.map(\.jobIds.count).reduce(0, +))
        }
    }

    @Test("a status outside the enum and a malformed jobId are 400; a foreign jobId is 403")
    func badFilters() async throws {
        try await withSandbox { sandbox in
            let hired = try await sandbox.raw("GET", "/candidates?status=HIRED")
            #expect(hired.status == 400)
            #expect(hired.json["message"]?.stringValue?.contains("status must be one of") == true)
            let malformed = try await sandbox.raw("GET", "/candidates?jobId=not-a-uuid")
            #expect(malformed.status == 400)
            let globexJob = try #require(try await sandbox.client(key: globexKey).allJobs().first)
            let foreign = try await sandbox.raw("GET", "/candidates?jobId=\(globexJob.id)")
            #expect(foreign.status == 403)
            let unknown = try await sandbox.raw("GET", "/candidates?jobId=\(UUID().uuidString.lowercased())")
            #expect(unknown.status == 200)
            #expect(unknown.json["total"] == .int(0))
        }
    }

    @Test("a search holding a NUL is 400 with a message, on the index and the scan alike; other controls search as text")
    func nulInSearch() async throws {
        try await withSandbox { sandbox in
            for needle in ["aaa%00bbb", "%00a", "a%00", "%00", "%00%00%00"] {
                let reply = try await sandbox.raw("GET", "/candidates?search=\(needle)")
                #expect(reply.status == 400, "\(needle)")
                #expect(reply.json["message"]?.stringValue?.contains("NUL") == true, "\(needle)")
            }
            let control = try await sandbox.raw("GET", "/candidates?search=ab%01cd")
            #expect(control.status == 200)
            #expect(control.json["total"] == .int(0))
        }
    }
}
