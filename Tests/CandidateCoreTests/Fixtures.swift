import Foundation
import Testing
@testable import CandidateCore

/// Shared values for the Core tests. `today` is injected everywhere a rule depends on the date,
/// so no test depends on the machine's clock.
enum Fixture {
    /// The injected "today" (UTC) for every date rule.
    static let today = CalendarDay(year: 2026, month: 11, day: 29)!

    static let candidateId = "3f2b8c1e-5a4d-4e6f-9b1a-2c3d4e5f6a7b"
    static let jobA = "11111111-1111-4111-8111-111111111111"
    static let jobB = "22222222-2222-4222-8222-222222222222"
    static let jobC = "33333333-3333-4333-8333-333333333333"
    static let companyId = "8c6d9f0e-1b2a-4c3d-9e8f-7a6b5c4d3e2f"

    /// A candidate with every editable field set.
    static func candidate() -> Candidate {
        Candidate(
            id: candidateId, firstName: "Jana", lastName: "Nováková", email: "jana@example.com",
            phoneNumber: "+421905123456", gdprExpiryDate: "2027-03-01", status: .applied,
            jobIds: [jobA, jobB], overallRating: 82,
            metadata: .object(["source": .string("referral"), "score": .int(5)]),
            analysisCount: 1, interviewCount: 2,
            links: ["analyses": "/candidates/\(candidateId)/analyses"],
            gender: .female, cvText: "Registered nurse.\nBratislava.",
            createdAt: "2026-10-01T08:00:00.000Z", updatedAt: "2026-11-20T14:30:00.000Z")
    }

    /// A candidate with only the required fields (every optional field empty).
    static func bareCandidate() -> Candidate {
        Candidate(id: candidateId, firstName: "Peter", lastName: "Horváth", status: .undefined)
    }

    /// `count` distinct, valid job UUIDs.
    static func jobIds(_ count: Int) -> [String] {
        (0..<count).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
    }

    /// The patch a draft makes with the injected `today`.
    static func patch(_ draft: CandidateDraft) throws -> CandidatePatch {
        try draft.makePatch(today: today)
    }

    /// The failure a draft's patch throws, or `nil` when it validates.
    static func failure(_ draft: CandidateDraft) -> ValidationFailure? {
        do { _ = try draft.makePatch(today: today); return nil } catch let f as ValidationFailure { return f } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The body a patch sends, parsed back.
    static func sentJSON(_ patch: CandidatePatch) throws -> JSONValue {
        try JSONValue.parse(patch.body())
    }

    /// Decodes a candidate from JSON text.
    static func decode(_ text: String) throws -> Candidate {
        try JSONDecoder().decode(Candidate.self, from: Data(text.utf8))
    }
}
