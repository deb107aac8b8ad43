import Foundation
import Testing
@testable import CandidateCore

@Suite("Draft file format")
struct DraftCodingTests {
    /// A draft as earlier versions wrote it (`DraftStore`'s encoder: pretty-printed, sorted keys),
    /// with a cleared gender written as `null`.
    static let earlierFile = #"""
{
  "cvText" : "",
  "email" : "",
  "firstName" : "Tomáš ",
  "gdprExpiryDate" : "",
  "gender" : null,
  "jobIds" : [

  ],
  "lastName" : "Šťastný",
  "metadataText" : "",
  "original" : {
    "analysisCount" : 0,
    "createdAt" : null,
    "cvText" : null,
    "email" : null,
    "firstName" : "Tomáš",
    "gdprExpiryDate" : null,
    "gender" : null,
    "id" : "00000000-0000-4000-8000-000000000001",
    "interviewCount" : 0,
    "jobIds" : [

    ],
    "lastName" : "Šťastný",
    "links" : {

    },
    "metadata" : null,
    "overallRating" : null,
    "phoneNumber" : null,
    "status" : "APPLIED",
    "updatedAt" : null
  },
  "phoneNumber" : "",
  "status" : "REJECTED"
}
"""#

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return e
    }

    @Test("a draft file as earlier versions wrote it loads, and is written again byte for byte")
    func earlierFileRoundTrips() throws {
        let draft = try JSONDecoder().decode(CandidateDraft.self, from: Data(Self.earlierFile.utf8))
        #expect(draft.firstName == "Tomáš ")
        #expect(draft.status == .rejected)
        #expect(draft.gender == nil)
        #expect(draft.original.status == .applied)
        #expect(String(decoding: try Self.encoder.encode(draft), as: UTF8.self) == Self.earlierFile)
    }

    @Test("a file without the gender key loads as a cleared gender")
    func genderKeyMayBeMissing() throws {
        let text = Self.earlierFile.replacingOccurrences(of: "  \"gender\" : null,\n  \"jobIds\"", with: "  \"jobIds\"")
        #expect(text != Self.earlierFile)
        let draft = try JSONDecoder().decode(CandidateDraft.self, from: Data(text.utf8))
        #expect(draft.gender == nil)
    }

    @Test("statuses and genders are coded as their wire strings, unknown ones kept")
    func rawValues() throws {
        let statuses = try JSONDecoder().decode([CandidateStatus].self, from: Data(#"["IN_PROCESS","HIRED"]"#.utf8))
        #expect(statuses == [.inProcess, CandidateStatus("HIRED")])
        #expect(String(decoding: try JSONEncoder().encode(statuses), as: UTF8.self) == #"["IN_PROCESS","HIRED"]"#)
        let genders = try JSONDecoder().decode([CandidateGender].self, from: Data(#"["female","x"]"#.utf8))
        #expect(genders == [.female, CandidateGender(rawValue: "x")])
        #expect(String(decoding: try JSONEncoder().encode(genders), as: UTF8.self) == #"["female","x"]"#)
    }
}
