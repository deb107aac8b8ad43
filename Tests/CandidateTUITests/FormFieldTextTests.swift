import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// What the form shows: never a whole CV or metadata object, and a typed field is edited only
/// when its value is at most `FormModel.maxTypedCells` cells (no valid value is longer).
@Suite("Form fields: summaries and what can be typed in the form")
struct FormFieldTextTests {
    static let id = "00000000-0000-4000-8000-000000000042"

    func form(_ edit: (inout Candidate) -> Void = { _ in }) -> FormModel {
        var c = Candidate(id: Self.id, firstName: "Jana", lastName: "Horská", email: "jana@example.com",
                          phoneNumber: "+421905123456", status: .applied, updatedAt: "2026-11-01T10:00:00.000Z")
        edit(&c)
        return FormModel(draft: CandidateDraft(c))
    }

    @Test("the longest CV the API allows shows as one short line: its length and its start")
    func cvSummary() {
        let cv = String(repeating: "Nurse.\nBratislava. ", count: 2_700).prefix(PatchValidator.Limits.cvTextMaxCharacters)
        let shown = form { $0.cvText = String(cv) }.shownText(.cvText)
        #expect(shown.hasPrefix("50000 chars: Nurse. Bratislava. "))
        #expect(shown.hasSuffix("…"))
        #expect(!shown.contains("\n"))
        #expect(shown.count <= FormModel.summaryLength + "50000 chars: ".count)
        #expect(form().shownText(.cvText) == "(empty)")
        #expect(form { $0.cvText = "Short CV" }.shownText(.cvText) == "8 chars: Short CV")
    }

    @Test("metadata, valid or not, shows at most a summary's length")
    func metadataSummary() {
        let big = JSONValue.object(["note": .string(String(repeating: "x", count: 40_000))])
        let valid = form { $0.metadata = big }.shownText(.metadata)
        #expect(valid.hasPrefix("{\"note\":\"xxx"))
        #expect(valid.count == FormModel.summaryLength)
        var invalid = form()
        invalid.draft.metadataText = "{" + String(repeating: "y", count: 40_000)
        let shown = invalid.shownText(.metadata)
        #expect(shown.hasPrefix("(invalid JSON) {yyy"))
        #expect(shown.count <= FormModel.summaryLength + "(invalid JSON) ".count)
        #expect(form().shownText(.metadata) == "(empty)")
    }

    @Test("menu fields read as before: status, gender, job titles")
    func menuFields() {
        let job = "11111111-1111-4111-8111-111111111111"
        let f = form { $0.jobIds = [job, "22222222-2222-4222-8222-222222222222"] }
        #expect(f.shownText(.status) == "APPLIED")
        #expect(f.shownText(.gender) == "auto (from name)")
        #expect(f.shownText(.jobIds, jobTitle: { $0 == job ? "Nurse" : nil }) == "Nurse, 22222222-2222-4222-8222-222222222222")
        #expect(form().shownText(.jobIds) == "(none)")
    }

    @Test("a typed field is typed into up to maxTypedCells cells, counted as shown (wide characters take two)")
    func typedLimit() {
        let max = FormModel.maxTypedCells
        #expect(form { $0.email = String(repeating: "a", count: max) }.isTypedInForm(.email))
        #expect(!form { $0.email = String(repeating: "a", count: max + 1) }.isTypedInForm(.email))
        #expect(form { $0.firstName = String(repeating: "王", count: max / 2) }.isTypedInForm(.firstName))
        #expect(!form { $0.firstName = String(repeating: "王", count: max / 2 + 1) }.isTypedInForm(.firstName))
        // Menu and editor fields are never typed into, whatever their length.
        #expect(!form().isTypedInForm(.cvText))
        #expect(!form().isTooLongToType(.cvText))
        #expect(form().tooLongNote(.email) == nil)
    }

    @Test("a 40,000-character email shows as a summary with a note, and the form holds it whole")
    func overLongEmail() {
        let email = String(repeating: "m", count: 39_988) + "@example.com"
        let f = form { $0.email = email }
        #expect(f.isTooLongToType(.email))
        #expect(f.shownText(.email).hasPrefix("40000 chars: mmmm"))
        #expect(f.tooLongNote(.email) == "too long to edit here; kept as it is")
        #expect(f.tooLongFlash(.email) == "Email has 40000 characters, too long to edit in the form; it is kept as it is")
        #expect(f.draft.email == email)
        #expect(!f.draft.isChanged(.email))
    }
}

/// The model with a candidate whose email is far too long for the form: focusing it explains,
/// keys on it change nothing, and a save has nothing to send.
@Test func overLongEmailIsNeverEditedOrSent() {
    let email = String(repeating: "m", count: 39_988) + "@example.com"
    let c = Candidate(id: FormFieldTextTests.id, firstName: "Long", lastName: "Mail", email: email, status: .applied,
                      updatedAt: "2026-11-01T10:00:00.000Z")
    var m = AppModel(connection: ConnectionInfo(location: "test", company: nil),
                     today: CalendarDay(year: 2026, month: 11, day: 29)!)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, Page(items: [c], total: 1, page: 1, limit: 50, totalPages: 1)))
    _ = m.update(.key(.enter))
    _ = m.update(.candidateOpened(c))
    _ = m.update(.key(.tab))
    _ = m.update(.key(.tab))
    #expect(m.form?.focus == .email)
    #expect(m.flash == Flash(text: "Email has 40000 characters, too long to edit in the form; it is kept as it is", kind: .info))
    for key in [Key.char("x"), .backspace, .delete, .ctrl("u"), .ctrl("k"), .enter] {
        _ = m.update(.key(key))
        #expect(m.form?.draft.email == email, "\(key) changed the email")
    }
    #expect(m.update(.key(.function(2))).isEmpty)
    #expect(m.flash?.text == "Nothing to change")
    #expect(m.overlay == nil)
}
