import Foundation
import Testing
@testable import CandidateCore

@Suite("Tolerant decoding of candidates and jobs")
struct CandidateDecodingTests {
    static let fullJSON = """
    {
      "id": "3f2b8c1e-5a4d-4e6f-9b1a-2c3d4e5f6a7b",
      "firstName": "Jana",
      "lastName": "Nováková",
      "email": "jana@example.com",
      "phoneNumber": "+421905123456",
      "gdprExpiryDate": "2027-03-01",
      "status": "IN_PROCESS",
      "jobIds": ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"],
      "overallRating": 82,
      "metadata": {"source": "referral", "tags": ["icu"], "nested": {"level": 2}},
      "analysisCount": 1,
      "interviewCount": 2,
      "links": {"analyses": "/candidates/x/analyses", "interviews": "/candidates/x/interviews"},
      "gender": "female",
      "cvText": "Registered nurse.",
      "createdAt": "2026-10-01T08:00:00.000Z",
      "updatedAt": "2026-11-20T14:30:00Z"
    }
    """

    @Test("a full candidate decodes every field")
    func fullCandidate() throws {
        let c = try Fixture.decode(Self.fullJSON)
        #expect(c.id == Fixture.candidateId)
        #expect(c.firstName == "Jana")
        #expect(c.lastName == "Nováková")
        #expect(c.fullName == "Jana Nováková")
        #expect(c.email == "jana@example.com")
        #expect(c.phoneNumber == "+421905123456")
        #expect(c.gdprExpiryDate == "2027-03-01")
        #expect(c.gdprExpiryDay == CalendarDay(year: 2027, month: 3, day: 1))
        #expect(c.status == .inProcess)
        #expect(c.jobIds == [Fixture.jobA, Fixture.jobB])
        #expect(c.jobId == nil)
        #expect(c.overallRating == 82)
        #expect(c.metadata == .object([
            "source": .string("referral"), "tags": .array([.string("icu")]), "nested": .object(["level": .int(2)]),
        ]))
        #expect(c.analysisCount == 1)
        #expect(c.interviewCount == 2)
        #expect(c.links == ["analyses": "/candidates/x/analyses", "interviews": "/candidates/x/interviews"])
        #expect(c.gender == .female)
        #expect(c.cvText == "Registered nurse.")
        #expect(c.createdAt == "2026-10-01T08:00:00.000Z")
        #expect(c.updatedDate == Date(timeIntervalSince1970: 1_795_185_000))
        #expect(c.createdDate == Date(timeIntervalSince1970: 1_790_841_600))
    }

    @Test("only id is required; every missing field gets its empty default")
    func missingOptionalFields() throws {
        let c = try Fixture.decode(#"{"id": "abc"}"#)
        #expect(c == Candidate(id: "abc", firstName: "", lastName: ""))
        #expect(c.status == .undefined)
        #expect(c.jobIds.isEmpty)
        #expect(c.links.isEmpty)
        #expect(c.fullName == "")
    }

    @Test("a candidate without an id is refused")
    func missingId() {
        #expect(throws: DecodingError.self) { try Fixture.decode(#"{"firstName": "Jana"}"#) }
        #expect(throws: DecodingError.self) { try Fixture.decode(#"{"id": null, "firstName": "Jana"}"#) }
    }

    @Test("null in every optional field decodes as empty")
    func nulls() throws {
        let c = try Fixture.decode("""
        {"id": "abc", "firstName": null, "lastName": "Horváth", "email": null, "phoneNumber": null,
         "gdprExpiryDate": null, "status": null, "jobIds": null, "jobId": null, "overallRating": null,
         "metadata": null, "analysisCount": null, "interviewCount": null, "links": null, "gender": null,
         "cvText": null, "createdAt": null, "updatedAt": null}
        """)
        #expect(c == Candidate(id: "abc", firstName: "", lastName: "Horváth"))
        #expect(c.gender == nil)
        #expect(c.metadata == nil)
    }

    @Test("unknown extra fields are ignored")
    func unknownFields() throws {
        let c = try Fixture.decode("""
        {"id": "abc", "firstName": "Jana", "lastName": "N", "companyId": "x", "source": {"kind": "ats"},
         "tags": [1, 2], "score": 3.5, "isArchived": false, "links": {"analyses": "/a", "future": "/f", "weird": 3}}
        """)
        #expect(c.firstName == "Jana")
        #expect(c.links == ["analyses": "/a", "future": "/f"])
    }

    @Test("unknown extra fields are kept as sent, survive encoding (drafts on disk), and are never in a patch")
    func unknownFieldsAreKept() throws {
        let c = try Fixture.decode("""
        {"id": "abc", "firstName": "Jana", "lastName": "N", "source": {"kind": "ats"}, "tags": [1, 2], "isArchived": false}
        """)
        #expect(c.extraFields == ["source": .object(["kind": .string("ats")]), "tags": .array([.int(1), .int(2)]), "isArchived": .bool(false)])
        let again = try JSONDecoder().decode(Candidate.self, from: JSONEncoder().encode(c))
        #expect(again.extraFields == c.extraFields)
        var draft = CandidateDraft(c)
        draft.firstName = "Janka"
        #expect(try draft.makePatch().body() == Data(#"{"firstName":"Janka"}"#.utf8))
    }

    @Test("a status outside the enum is kept as it came", arguments: ["INTERVIEWED", "HIRED", "WITHDRAWN", "INTERVIEWING", "applied"])
    func unknownStatus(_ raw: String) throws {
        let c = try Fixture.decode(#"{"id": "abc", "status": "\#(raw)"}"#)
        #expect(c.status.rawValue == raw)
        #expect(!c.status.isKnown)
        #expect(c.status.description == raw)
    }

    @Test("an unknown gender is kept as it came")
    func unknownGender() throws {
        let c = try Fixture.decode(#"{"id": "abc", "gender": "MALE"}"#)
        #expect(c.gender?.rawValue == "MALE")
        #expect(c.gender?.isKnown == false)
    }

    @Test("gdprExpiryDate as a date or as a timestamp gives the same day", arguments: [
        "2027-03-01", "2027-03-01T00:00:00.000Z", "2027-03-01T00:00:00Z", "2027-03-01T23:59:59.999+01:00",
    ])
    func gdprDateOrTimestamp(_ raw: String) throws {
        let c = try Fixture.decode(#"{"id": "abc", "gdprExpiryDate": "\#(raw)"}"#)
        #expect(c.gdprExpiryDate == raw)
        #expect(c.gdprExpiryDay == CalendarDay(year: 2027, month: 3, day: 1))
    }

    @Test("an unparseable gdprExpiryDate is kept raw with no day")
    func gdprGarbage() throws {
        let c = try Fixture.decode(#"{"id": "abc", "gdprExpiryDate": "soon"}"#)
        #expect(c.gdprExpiryDate == "soon")
        #expect(c.gdprExpiryDay == nil)
    }

    @Test("the deprecated single jobId fills jobIds when jobIds is absent or null")
    func deprecatedJobId() throws {
        let absent = try Fixture.decode(#"{"id": "abc", "jobId": "\#(Fixture.jobA)"}"#)
        #expect(absent.jobIds == [Fixture.jobA])
        #expect(absent.jobId == Fixture.jobA)
        let null = try Fixture.decode(#"{"id": "abc", "jobId": "\#(Fixture.jobA)", "jobIds": null}"#)
        #expect(null.jobIds == [Fixture.jobA])
    }

    @Test("jobIds wins over the deprecated jobId when both are sent")
    func jobIdsWinOverJobId() throws {
        let c = try Fixture.decode(#"{"id": "abc", "jobId": "\#(Fixture.jobA)", "jobIds": ["\#(Fixture.jobB)"]}"#)
        #expect(c.jobIds == [Fixture.jobB])
        let empty = try Fixture.decode(#"{"id": "abc", "jobId": "\#(Fixture.jobA)", "jobIds": []}"#)
        #expect(empty.jobIds == [])
    }

    @Test("numbers sent as strings and ids sent as numbers are read")
    func numbersAsStrings() throws {
        let c = try Fixture.decode(#"{"id": 42, "overallRating": "85", "analysisCount": "3", "interviewCount": 4.0, "phoneNumber": 421905123456}"#)
        #expect(c.id == "42")
        #expect(c.overallRating == 85)
        #expect(c.analysisCount == 3)
        #expect(c.interviewCount == 4)
        #expect(c.phoneNumber == "421905123456")
    }

    @Test("a count that is not a number falls back to zero")
    func badCounts() throws {
        let c = try Fixture.decode(#"{"id": "abc", "analysisCount": "many", "overallRating": true, "interviewCount": 1.5}"#)
        #expect(c.analysisCount == 0)
        #expect(c.interviewCount == 0)
        #expect(c.overallRating == nil)
    }

    @Test("a candidate survives encode → decode unchanged",
          arguments: [Fixture.candidate(), Fixture.bareCandidate(),
                      Candidate(id: "abc", firstName: "A", lastName: "B", status: CandidateStatus("HIRED"),
                                jobIds: [Fixture.jobA], jobId: Fixture.jobA, metadata: .object([:]), gender: CandidateGender(rawValue: "x"))])
    func roundTrip(_ candidate: Candidate) throws {
        let data = try JSONEncoder().encode(candidate)
        #expect(try JSONDecoder().decode(Candidate.self, from: data) == candidate)
    }

    @Test("encoding uses the wire names, UNCONFIRMED ones from UnconfirmedAPINames")
    func encodedKeys() throws {
        let json = try JSONValue.from(Fixture.candidate())
        let keys = Set(json.objectValue?.keys.map { $0 } ?? [])
        #expect(keys.contains("phoneNumber"))
        #expect(keys.contains(UnconfirmedAPINames.gender))
        #expect(keys.contains(UnconfirmedAPINames.cvText))
        #expect(!keys.contains("jobId"))
        #expect(json["status"] == .string("APPLIED"))
        #expect(json["gender"] == .string("female"))
    }

    @Test("a job decodes id, title, status, company and city, ignoring the rest")
    func job() throws {
        let j = try JSONDecoder().decode(Job.self, from: Data("""
        {"id": "\(Fixture.jobA)", "title": "ICU nurse", "status": "OPEN", "companyId": "\(Fixture.companyId)",
         "location": {"city": "Bratislava", "country": "SK"}, "createdAt": "2026-01-01T00:00:00Z", "salary": {"min": 1}}
        """.utf8))
        #expect(j == Job(id: Fixture.jobA, title: "ICU nurse", status: "OPEN", companyId: Fixture.companyId,
                         city: "Bratislava", createdAt: "2026-01-01T00:00:00Z"))
    }

    @Test("a job with only an id, or a null location, decodes")
    func minimalJob() throws {
        let j = try JSONDecoder().decode(Job.self, from: Data(#"{"id": "j1", "location": null, "status": "PAUSED"}"#.utf8))
        #expect(j == Job(id: "j1", title: "", status: "PAUSED"))
    }

    @Test("a job survives encode → decode unchanged")
    func jobRoundTrip() throws {
        for j in [Job(id: "j1", title: "T", status: "OPEN", companyId: "c", city: "Košice", createdAt: "t"), Job(id: "j2", title: "")] {
            #expect(try JSONDecoder().decode(Job.self, from: JSONEncoder().encode(j)) == j)
        }
    }
}
