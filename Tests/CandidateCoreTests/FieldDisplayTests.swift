import Foundation
import Testing
@testable import CandidateCore

@Suite("FieldDisplay: how values and changes read")
struct FieldDisplayTests {
    func lines(_ edit: (inout CandidateDraft) -> Void, original: Candidate = Fixture.candidate(),
               jobTitle: (String) -> String? = { _ in nil }) throws -> [String] {
        var draft = CandidateDraft(original)
        edit(&draft)
        return FieldDisplay.changeLines(try Fixture.patch(draft), original: original, jobTitle: jobTitle)
    }

    @Test("one change is one line: Label: old → new")
    func oneChange() throws {
        #expect(try lines { $0.lastName = "Horská" } == ["Last name: Nováková → Horská"])
    }

    @Test("a one-line text with hidden characters says how many on each side; a CV's line breaks do not count")
    func hiddenCharacters() throws {
        var original = Fixture.candidate()
        original.lastName = "Doe\u{200B}"
        #expect(try lines({ $0.lastName = "Doe\u{200B}x"; $0.email = "a\u{200B}@example.com" }, original: original)
            .prefix(2) == ["Last name: Doe\u{200B} [1 hidden] → Doe\u{200B}x [1 hidden]", "Email: jana@example.com → a\u{200B}@example.com [1 hidden]"])
        #expect(try lines { $0.cvText = "Line one.\nLine two." } == ["CV: Registered nurse. Bratislava. → Line one. Line two."])
    }

    @Test("lines follow form order whatever order the edits were made in")
    func formOrder() throws {
        let out = try lines {
            $0.cvText = "New"
            $0.status = .inProcess
            $0.firstName = "Janka"
        }
        #expect(out == ["First name: Jana → Janka", "Status: APPLIED → IN_PROCESS",
                        "CV: Registered nurse. Bratislava. → New"])
    }

    @Test("cleared values read (empty); a cleared gender reads auto")
    func cleared() throws {
        let out = try lines {
            $0.email = ""
            $0.phoneNumber = ""
            $0.gdprExpiryDate = ""
            $0.gender = nil
            $0.metadataText = ""
        }
        #expect(out == [
            "Email: jana@example.com → (empty)", "Phone: +421905123456 → (empty)", "GDPR expiry: 2027-03-01 → (empty)",
            "Gender: female → auto", #"Metadata: {"score":5,"source":"referral"} → (empty)"#,
        ])
    }

    @Test("setting a value that was empty reads from (empty) or auto")
    func fromEmpty() throws {
        let out = try lines({ $0.email = "p@example.com"; $0.gender = .male }, original: Fixture.bareCandidate())
        #expect(out == ["Email: (empty) → p@example.com", "Gender: auto → male"])
    }

    @Test("job ids read as titles when known, ids otherwise; an empty list reads (none)")
    func jobs() throws {
        let titles = [Fixture.jobA: "ICU nurse", Fixture.jobB: "Paramedic"]
        let out = try lines({ $0.jobIds = [Fixture.jobB, Fixture.jobC] }, jobTitle: { titles[$0] })
        // Job changes read as what is added and removed; unknown jobs by id.
        #expect(out == ["Jobs: +\(Fixture.jobC), −ICU nurse"])
        let reordered = try lines({ $0.jobIds = [Fixture.jobB, Fixture.jobA] }, jobTitle: { titles[$0] })
        #expect(reordered == ["Jobs: reordered"])
        #expect(FieldDisplay.text(.jobIds, .array([])) == "(none)")
        #expect(FieldDisplay.text(.jobIds, .array([.string(Fixture.jobA)]), jobTitle: { titles[$0] }) == "ICU nurse")
    }

    @Test("a GDPR timestamp original reads as its date")
    func gdprTimestampOriginal() throws {
        var c = Fixture.candidate()
        c.gdprExpiryDate = "2027-03-01T00:00:00.000Z"
        #expect(try lines({ $0.gdprExpiryDate = "2027-06-30" }, original: c) == ["GDPR expiry: 2027-03-01 → 2027-06-30"])
    }

    @Test("long text is cut to maxLength with an ellipsis")
    func truncation() {
        let long = String(repeating: "a", count: 100)
        let shown = FieldDisplay.text(.cvText, .string(long), maxLength: 10)
        #expect(shown == "aaaaaaaaa…")
        #expect(shown.count == 10)
        #expect(FieldDisplay.text(.cvText, .string("exactly10!"), maxLength: 10) == "exactly10!")
        #expect(FieldDisplay.text(.cvText, .string(long)).count == 60)
    }

    @Test("no room or negative room gives empty text, one character of room gives the ellipsis", arguments: [0, -1, -40])
    func noRoom(maxLength: Int) {
        #expect(FieldDisplay.text(.cvText, .string("abc"), maxLength: maxLength) == "")
        #expect(FieldDisplay.text(.cvText, .string("abc"), maxLength: 1) == "…")
        #expect(FieldDisplay.changeLines(CandidatePatch.status(.accepted), original: Fixture.candidate(), maxLength: maxLength)
                == ["Status:  → "])
    }

    @Test("change lines cut each side to 40 characters by default")
    func changeLineTruncation() throws {
        let out = try lines { $0.cvText = String(repeating: "b", count: 100) }
        #expect(out == ["CV: Registered nurse. Bratislava. → " + String(repeating: "b", count: 39) + "…"])
    }

    @Test("new lines in text read as spaces")
    func newLines() {
        #expect(FieldDisplay.text(.cvText, .string("a\nb\nc")) == "a b c")
    }

    @Test("oneLine: any text on one line, cut like a value")
    func oneLine() {
        #expect(FieldDisplay.oneLine("a\nb") == "a b")
        #expect(FieldDisplay.oneLine(String(repeating: "c", count: 50_000), maxLength: 10) == "ccccccccc…")
        #expect(FieldDisplay.oneLine("abc", maxLength: 0) == "")
    }

    @Test("every field has a label")
    func labels() {
        #expect(CandidateField.allCases.map(\.label) == [
            "First name", "Last name", "Email", "Phone", "GDPR expiry", "Status", "Gender", "Jobs", "Metadata", "CV",
        ])
    }

    @Test("an empty patch has no lines")
    func emptyPatch() {
        #expect(FieldDisplay.changeLines(CandidatePatch(), original: Fixture.candidate()).isEmpty)
    }
}
