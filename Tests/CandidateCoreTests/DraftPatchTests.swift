import Foundation
import Testing
@testable import CandidateCore

/// One edit a user can make to a field of `Fixture.candidate()`, typed as text, and the exact
/// wire value the patch must carry for it.
struct FieldEdit: Sendable, CustomTestStringConvertible {
    var field: CandidateField
    var typed: String
    var wire: JSONValue
    var testDescription: String { "\(field.rawValue) ← \(typed.debugDescription)" }
}

@Suite("Draft → patch, per field")
struct DraftPatchTests {
    static let changes: [FieldEdit] = [
        FieldEdit(field: .firstName, typed: "Janka", wire: .string("Janka")),
        FieldEdit(field: .lastName, typed: "Horská", wire: .string("Horská")),
        FieldEdit(field: .email, typed: "jana.novakova@example.org", wire: .string("jana.novakova@example.org")),
        FieldEdit(field: .phoneNumber, typed: "+420 777 123 456", wire: .string("+420777123456")),
        FieldEdit(field: .gdprExpiryDate, typed: "2028-01-15", wire: .string("2028-01-15")),
        FieldEdit(field: .status, typed: "IN_PROCESS", wire: .string("IN_PROCESS")),
        FieldEdit(field: .gender, typed: "male", wire: .string("male")),
        FieldEdit(field: .jobIds, typed: "\(Fixture.jobB), \(Fixture.jobC)",
                  wire: .array([.string(Fixture.jobB), .string(Fixture.jobC)])),
        FieldEdit(field: .metadata, typed: #"{"source": "linkedin", "tags": ["icu", "night"]}"#,
                  wire: .object(["source": .string("linkedin"), "tags": .array([.string("icu"), .string("night")])])),
        FieldEdit(field: .cvText, typed: "Head nurse.\nKošice.", wire: .string("Head nurse.\nKošice.")),
    ]

    @Test("every editable field has a change case")
    func everyFieldCovered() {
        #expect(Set(Self.changes.map(\.field)) == Set(CandidateField.allCases))
    }

    @Test("an untouched draft has no changes and an empty patch")
    func untouchedDraftIsEmpty() throws {
        for candidate in [Fixture.candidate(), Fixture.bareCandidate()] {
            let draft = CandidateDraft(candidate)
            #expect(!draft.hasChanges)
            #expect(draft.changedFields.isEmpty)
            for field in CandidateField.allCases { #expect(!draft.isChanged(field), "\(field)") }
            let patch = try Fixture.patch(draft)
            #expect(patch.isEmpty)
            #expect(String(decoding: patch.body(), as: UTF8.self) == "{}")
        }
    }

    @Test("setting a field to its own text is no change", arguments: CandidateField.allCases)
    func retypingSameTextIsNoChange(field: CandidateField) throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText(draft.text(field), for: field)
        #expect(!draft.isChanged(field))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("a changed field is the only key, with its exact wire value", arguments: changes)
    func changedFieldSendsExactValue(edit: FieldEdit) throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText(edit.typed, for: edit.field)
        #expect(draft.changedFields == [edit.field])
        let patch = try Fixture.patch(draft)
        #expect(patch.fields == [edit.field])
        #expect(patch[edit.field] == edit.wire)
        #expect(try Fixture.sentJSON(patch) == .object([edit.field.apiKey: edit.wire]))
    }

    @Test("a field changed and changed back is no change", arguments: changes)
    func changedBackIsNoChange(edit: FieldEdit) throws {
        var draft = CandidateDraft(Fixture.candidate())
        let before = draft.text(edit.field)
        draft.setText(edit.typed, for: edit.field)
        #expect(draft.isChanged(edit.field))
        draft.setText(before, for: edit.field)
        #expect(!draft.isChanged(edit.field))
        #expect(!draft.hasChanges)
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("clearing a clearable field sends JSON null",
          arguments: [CandidateField.email, .phoneNumber, .gdprExpiryDate, .gender, .metadata, .cvText])
    func clearingClearableFieldSendsNull(field: CandidateField) throws {
        #expect(field.isClearable)
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText("", for: field)
        let patch = try Fixture.patch(draft)
        #expect(patch.fields == [field])
        #expect(patch[field] == .null)
        #expect(try Fixture.sentJSON(patch) == .object([field.apiKey: .null]))
        let body = String(decoding: patch.body(), as: UTF8.self)
        #expect(body == "{\"\(field.apiKey)\":null}")
    }

    @Test("clearing a required field is a validation error, and nothing is sent",
          arguments: [CandidateField.firstName, .lastName, .status])
    func clearingRequiredFieldFails(field: CandidateField) {
        #expect(!field.isClearable)
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText("", for: field)
        #expect(draft.isChanged(field))
        let failure = Fixture.failure(draft)
        #expect(failure?.errors.map(\.field) == [field])
    }

    @Test("gender set to nil in the draft clears the override (null), not an empty string")
    func genderNilIsNull() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.gender = nil
        #expect(try Fixture.patch(draft)[.gender] == .null)
        #expect(try Fixture.sentJSON(Fixture.patch(draft)) == .object([UnconfirmedAPINames.gender: .null]))
    }

    @Test("setting a gender on a candidate without one sends it")
    func genderSetFromAuto() throws {
        var draft = CandidateDraft(Fixture.bareCandidate())
        draft.gender = .female
        #expect(try Fixture.patch(draft).changes == [.gender: .string("female")])
    }

    @Test("clearing an already empty optional field is no change",
          arguments: [CandidateField.email, .phoneNumber, .gdprExpiryDate, .gender, .metadata, .cvText])
    func clearingEmptyFieldIsNoChange(field: CandidateField) throws {
        var draft = CandidateDraft(Fixture.bareCandidate())
        draft.setText("", for: field)
        #expect(!draft.isChanged(field))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("metadata text \"null\" and white space count as cleared", arguments: ["null", "  \n ", " null "])
    func metadataNullTextClears(text: String) throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.metadataText = text
        #expect(try Fixture.patch(draft).changes == [.metadata: .null])
    }

    @Test("emptying the job list sends an empty array, never null")
    func emptyJobListIsEmptyArray() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText("", for: .jobIds)
        let patch = try Fixture.patch(draft)
        #expect(patch.changes == [.jobIds: .array([])])
        #expect(String(decoding: patch.body(), as: UTF8.self) == #"{"jobIds":[]}"#)
    }

    @Test("jobIds are sent whole: adding one sends the complete new list")
    func jobIdsSentWholeOnAdd() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.jobIds.append(Fixture.jobC)
        let patch = try Fixture.patch(draft)
        #expect(patch[.jobIds] == .array([Fixture.jobA, Fixture.jobB, Fixture.jobC].map(JSONValue.string)))
    }

    @Test("jobIds are sent whole: removing one sends the remaining list")
    func jobIdsSentWholeOnRemove() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.jobIds.removeFirst()
        #expect(try Fixture.patch(draft)[.jobIds] == .array([.string(Fixture.jobB)]))
    }

    @Test("metadata is sent whole: changing one key sends every key")
    func metadataSentWhole() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.metadataText = #"{"source": "referral", "score": 7}"#
        let patch = try Fixture.patch(draft)
        #expect(patch.changes == [.metadata: .object(["source": .string("referral"), "score": .int(7)])])
    }

    @Test("metadata reformatted or with keys reordered is no change")
    func metadataReformattedIsNoChange() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.metadataText = #"  { "score" : 5,"source":"referral" }  "#
        #expect(!draft.isChanged(.metadata))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("metadata that is not JSON is a field error, not a patch")
    func metadataNotJSONFails() {
        var draft = CandidateDraft(Fixture.candidate())
        draft.metadataText = #"{"source": "referral""#
        #expect(draft.isChanged(.metadata))
        guard case .failure(let e) = draft.wireValue(.metadata) else {
            Issue.record("expected a failure"); return
        }
        #expect(e.field == .metadata)
        #expect(e.message.hasPrefix("is not valid JSON"))
        #expect(Fixture.failure(draft)?.errors.map(\.field) == [.metadata])
    }

    @Test("metadata with fractional and integral numbers survives the form round trip unchanged")
    func metadataNumbersRoundTrip() throws {
        var c = Fixture.candidate()
        c.metadata = try JSONValue.parse(#"{"rate": 1.5, "whole": 2.0, "big": 12345678901234, "neg": -3, "ok": true, "none": null, "text": "a/b \"q\" ž"}"#)
        let draft = CandidateDraft(c)
        #expect(!draft.isChanged(.metadata))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("white space around one-line text is no change",
          arguments: [(CandidateField.firstName, "  Jana "), (.lastName, "\tNováková  "),
                      (.email, " jana@example.com  "), (.gdprExpiryDate, " 2027-03-01 "), (.status, " APPLIED "),
                      (.gender, " female ")])
    func surroundingWhiteSpaceIsNoChange(field: CandidateField, typed: String) throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.setText(typed, for: field)
        #expect(!draft.isChanged(field))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("a changed name is sent trimmed")
    func changedNameIsTrimmed() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.firstName = "  Janka  "
        #expect(try Fixture.patch(draft).changes == [.firstName: .string("Janka")])
    }

    @Test("phone formatting is no change",
          arguments: ["+421 905 123 456", "+421-905-123-456", "+421 (905) 123.456", "+421\u{00A0}905\u{00A0}123\u{00A0}456",
                      " +421905123456 ", "+421\t905123456"])
    func phoneFormattingIsNoChange(typed: String) throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.phoneNumber = typed
        #expect(!draft.isChanged(.phoneNumber))
        #expect(try Fixture.patch(draft).isEmpty)
    }

    @Test("a formatted original phone loads without a change")
    func formattedOriginalPhoneIsNoChange() throws {
        var c = Fixture.candidate()
        c.phoneNumber = "+421 905 123 456"
        var draft = CandidateDraft(c)
        #expect(!draft.hasChanges)
        draft.phoneNumber = "+421905123456"
        #expect(!draft.hasChanges)
    }

    @Test("a phone that is not E.164 after normalization is a validation error")
    func badPhoneFails() {
        var draft = CandidateDraft(Fixture.candidate())
        draft.phoneNumber = "0905 123 456"
        #expect(Fixture.failure(draft)?.errors.map(\.field) == [.phoneNumber])
    }

    @Test("a GDPR timestamp original is shown as its date and is no change",
          arguments: ["2027-03-01T00:00:00.000Z", "2027-03-01T00:00:00Z", "2027-03-01T12:34:56+02:00"])
    func gdprTimestampOriginalIsNoChange(original: String) throws {
        var c = Fixture.candidate()
        c.gdprExpiryDate = original
        var draft = CandidateDraft(c)
        #expect(draft.gdprExpiryDate == "2027-03-01")
        #expect(!draft.hasChanges)
        #expect(try Fixture.patch(draft).isEmpty)
        draft.gdprExpiryDate = "2027-03-02"
        #expect(try Fixture.patch(draft).changes == [.gdprExpiryDate: .string("2027-03-02")])
    }

    @Test("an expired GDPR date left untouched is not validated or sent")
    func expiredGdprUntouchedIsNotSent() throws {
        var c = Fixture.candidate()
        c.gdprExpiryDate = "2020-01-01"
        var draft = CandidateDraft(c)
        draft.lastName = "Horská"
        #expect(try Fixture.patch(draft).changes == [.lastName: .string("Horská")])
    }

    @Test("an unknown status from the server, left untouched, is not sent")
    func unknownStatusUntouchedIsNotSent() throws {
        var c = Fixture.candidate()
        c.status = CandidateStatus("INTERVIEWED")
        var draft = CandidateDraft(c)
        #expect(!draft.hasChanges)
        draft.email = "new@example.com"
        #expect(try Fixture.patch(draft).fields == [.email])
    }

    @Test("a status outside the enum cannot be sent")
    func unknownStatusCannotBeSent() {
        var draft = CandidateDraft(Fixture.candidate())
        draft.status = CandidateStatus("HIRED")
        #expect(Fixture.failure(draft)?.errors.map(\.field) == [.status])
    }

    @Test("several changes: exactly those keys, every bad field reported in form order")
    func severalChanges() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.lastName = "Horská"
        draft.status = .inProcess
        draft.cvText = ""
        let patch = try Fixture.patch(draft)
        #expect(patch.fields == [.lastName, .status, .cvText])
        #expect(try Fixture.sentJSON(patch) == .object([
            "lastName": .string("Horská"), "status": .string("IN_PROCESS"), UnconfirmedAPINames.cvText: .null,
        ]))

        draft.firstName = " "
        draft.email = "not-an-email"
        draft.gdprExpiryDate = "2026-11-29"
        let failure = Fixture.failure(draft)
        #expect(failure?.errors.map(\.field) == [.firstName, .email, .gdprExpiryDate])
        #expect(failure?.byField[.gdprExpiryDate] == "must be in the future (after 2026-11-29)")
    }

    @Test("a CV of only white space loads without a change and is not sent with other edits")
    func whiteSpaceOnlyCvOriginalIsNoChange() throws {
        var c = Fixture.candidate()
        c.cvText = " \n\t "
        var draft = CandidateDraft(c)
        #expect(!draft.isChanged(.cvText))
        draft.lastName = "Horská"
        #expect(try Fixture.patch(draft).changes == [.lastName: .string("Horská")])
    }

    @Test("a CV keeps its inner and trailing white space when changed")
    func cvTextSentAsTyped() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.cvText = "  Line one\n\n  Line two\n"
        #expect(try Fixture.patch(draft).changes == [.cvText: .string("  Line one\n\n  Line two\n")])
    }

    @Test("a draft rebased onto a newer copy keeps only its own changes")
    func rebaseKeepsOwnChanges() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.lastName = "Horská"
        var newer = Fixture.candidate()
        newer.email = "someone.else@example.com"
        newer.updatedAt = "2026-11-21T09:00:00.000Z"
        let rebased = draft.rebased(onto: newer)
        #expect(rebased.original == newer)
        #expect(rebased.email == "someone.else@example.com")
        #expect(try Fixture.patch(rebased).changes == [.lastName: .string("Horská")])
    }

    @Test("a cleared field stays cleared after a rebase")
    func rebaseKeepsClear() throws {
        var draft = CandidateDraft(Fixture.candidate())
        draft.gender = nil
        draft.metadataText = ""
        let rebased = draft.rebased(onto: Fixture.candidate())
        #expect(try Fixture.patch(rebased).changes == [.gender: .null, .metadata: .null])
    }

    @Test("appending to a name with control characters, white space and joiners sends the original plus what was typed",
          arguments: [" Doe", "Doe ", "\tDoe\u{1B}[31m", "\u{202E}Doe\u{200B}", "Doe👩\u{200D}", "\u{301}", "\n"])
    func appendKeepsTheServersText(original: String) throws {
        var c = Fixture.candidate()
        c.lastName = original
        var draft = CandidateDraft(c)
        #expect(try Fixture.patch(draft).isEmpty)
        draft.lastName += "x"
        let sent = try #require(try Fixture.patch(draft).changes[.lastName]?.stringValue)
        #expect(Array(sent.unicodeScalars) == Array((original + "x").unicodeScalars))
    }

    @Test("white space typed at an end where the server's name has none is still dropped")
    func typedWhiteSpaceIsDropped() throws {
        var c = Fixture.candidate()
        c.lastName = " Doe"
        var draft = CandidateDraft(c)
        draft.lastName = " Doe x  "
        #expect(try Fixture.patch(draft).changes == [.lastName: .string(" Doe x")])
    }

    @Test("a control character the name did not have is refused; the ones it had are kept")
    func newControlCharactersAreRefused() throws {
        var c = Fixture.candidate()
        c.lastName = "Doe\u{1B}"
        var draft = CandidateDraft(c)
        draft.lastName = "Doe\u{1B}\u{1B}"
        #expect(throws: ValidationFailure.self) { try Fixture.patch(draft) }
        draft.lastName = "D\u{1B}"
        #expect(try Fixture.patch(draft).changes == [.lastName: .string("D\u{1B}")])
    }
}
