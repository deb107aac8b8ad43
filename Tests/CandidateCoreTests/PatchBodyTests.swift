import Foundation
import Testing
@testable import CandidateCore

@Suite("The exact JSON a PATCH sends")
struct PatchBodyTests {
    @Test("only the changed last name is sent")
    func onlyLastName() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.lastName = "Nováková-Horská"
        let patch = try Fixture.patch(draft)
        #expect(try Fixture.sentJSON(patch) == .object(["lastName": .string("Nováková-Horská")]))
        #expect(String(decoding: patch.body(), as: UTF8.self) == #"{"lastName":"Nováková-Horská"}"#)
    }

    @Test("the gender and CV keys come from UnconfirmedAPINames")
    func unconfirmedNames() throws {
        #expect(CandidateField.gender.apiKey == UnconfirmedAPINames.gender)
        #expect(CandidateField.cvText.apiKey == UnconfirmedAPINames.cvText)
        #expect(CandidateField(apiKey: UnconfirmedAPINames.gender) == .gender)
        #expect(CandidateField(apiKey: UnconfirmedAPINames.cvText) == .cvText)

        var draft = CandidateDraft(Fixture.candidate())
        draft.gender = .male
        draft.cvText = "New CV"
        let sent = try Fixture.sentJSON(Fixture.patch(draft))
        #expect(sent == .object([UnconfirmedAPINames.gender: .string("male"), UnconfirmedAPINames.cvText: .string("New CV")]))
    }

    @Test("the phone's wire name is phoneNumber, not phone")
    func phoneWireName() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.phoneNumber = "+420777123456"
        #expect(String(decoding: try Fixture.patch(draft).body(), as: UTF8.self) == #"{"phoneNumber":"+420777123456"}"#)
    }

    @Test("every other field's wire name is its case name")
    func wireNames() {
        for f in CandidateField.allCases where f != .gender && f != .cvText { #expect(f.apiKey == f.rawValue) }
        #expect(CandidateField(apiKey: "phone") == nil)
        #expect(CandidateField(apiKey: "id") == nil)
    }

    @Test("a status move sends only the status")
    func statusMove() throws {
        let patch = CandidatePatch.status(.accepted)
        #expect(String(decoding: patch.body(), as: UTF8.self) == #"{"status":"ACCEPTED"}"#)
        #expect(PatchValidator.validate(patch, today: Fixture.today).isEmpty)
    }

    @Test("keys are sorted and slashes are not escaped, so bodies are stable")
    func stableBody() {
        var patch = CandidatePatch()
        patch[.status] = .string("APPLIED")
        patch[.email] = .string("a/b@example.com")
        patch[.cvText] = .null
        #expect(String(decoding: patch.body(), as: UTF8.self) == #"{"cvText":null,"email":"a/b@example.com","status":"APPLIED"}"#)
        #expect(patch.fields == [.email, .status, .cvText])
    }

    @Test("an empty patch is an empty object")
    func emptyPatch() {
        #expect(CandidatePatch().isEmpty)
        #expect(String(decoding: CandidatePatch().body(), as: UTF8.self) == "{}")
    }

    @Test("a request body reads back into the same patch")
    func readBody() throws {
        let body = try JSONValue.parse(#"{"lastName":"Horská","gender":null,"jobIds":["\#(Fixture.jobA)"]}"#)
        let patch = try CandidatePatch(json: body)
        #expect(patch.changes == [.lastName: .string("Horská"), .gender: .null, .jobIds: .array([.string(Fixture.jobA)])])
        #expect(try Fixture.sentJSON(patch) == body)
    }

    @Test("a request body that is not an object is refused")
    func readBodyNotObject() {
        #expect(throws: CandidatePatch.ParseError.notAnObject) { try CandidatePatch(json: .array([])) }
        #expect(throws: CandidatePatch.ParseError.notAnObject) { try CandidatePatch(json: .null) }
    }

    @Test("read-only and unknown keys in a request body are named, sorted")
    func readBodyUnknownKeys() {
        let body = JSONValue.object(["id": .string("x"), "overallRating": .int(3), "phone": .string("+1"), "email": .null])
        #expect(throws: CandidatePatch.ParseError.unknownFields(["id", "overallRating", "phone"])) {
            try CandidatePatch(json: body)
        }
    }

    @Test("applying a patch replaces present fields, clears nulls, and leaves the rest")
    func applyPatch() throws {
        let c = Fixture.candidate()
        let patch = try CandidatePatch(json: JSONValue.parse(
            #"{"lastName":"Horská","email":null,"gender":null,"metadata":null,"jobIds":["\#(Fixture.jobC)"],"status":"REJECTED","cvText":"x"}"#))
        let applied = patch.applied(to: c)
        var expected = c
        expected.lastName = "Horská"
        expected.email = nil
        expected.gender = nil
        expected.metadata = nil
        expected.jobIds = [Fixture.jobC]
        expected.status = .rejected
        expected.cvText = "x"
        #expect(applied == expected)
    }

    @Test("applying jobIds keeps the deprecated jobId in step when the server sends it")
    func applyJobIdsUpdatesDeprecatedJobId() {
        var c = Fixture.candidate()
        c.jobId = Fixture.jobA
        let applied = CandidatePatch(changes: [.jobIds: .array([.string(Fixture.jobC)])]).applied(to: c)
        #expect(applied.jobIds == [Fixture.jobC])
        #expect(applied.jobId == Fixture.jobC)
        #expect(CandidatePatch(changes: [.jobIds: .array([])]).applied(to: Fixture.candidate()).jobId == nil)
    }
}
