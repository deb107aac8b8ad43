import Foundation
import Testing
@testable import CandidateCore

@Suite("PatchValidator rules at their boundaries")
struct PatchValidatorTests {
    /// The message for one value, with the injected today.
    func check(_ field: CandidateField, _ value: JSONValue, today: CalendarDay = Fixture.today) -> String? {
        PatchValidator.check(field, value, today: today)
    }

    // MARK: names

    @Test("names of 1 and 100 characters are valid", arguments: [CandidateField.firstName, .lastName], [1, 100])
    func nameLengthsValid(field: CandidateField, length: Int) {
        #expect(check(field, .string(String(repeating: "a", count: length))) == nil)
    }

    @Test("a name of 101 characters is refused", arguments: [CandidateField.firstName, .lastName])
    func nameTooLong(field: CandidateField) {
        #expect(check(field, .string(String(repeating: "a", count: 101))) == "must be at most 100 characters (has 101)")
    }

    @Test("name length counts characters, not bytes")
    func nameCountsCharacters() {
        #expect(check(.lastName, .string(String(repeating: "ž", count: 100))) == nil)
        #expect(check(.lastName, .string(String(repeating: "王", count: 100))) == nil)
        #expect(check(.lastName, .string(String(repeating: "ž", count: 101))) != nil)
    }

    @Test("empty and white-space-only names are refused",
          arguments: [CandidateField.firstName, .lastName], ["", " ", "\t", "  \n "])
    func blankName(field: CandidateField, text: String) {
        #expect(check(field, .string(text)) == "is required")
    }

    @Test("null and non-text names are refused", arguments: [CandidateField.firstName, .lastName])
    func nameNullOrNotText(field: CandidateField) {
        #expect(check(field, .null) == "is required and cannot be cleared")
        #expect(check(field, .int(5)) == "must be text")
    }

    // MARK: email

    @Test("valid email addresses", arguments: [
        "jana@example.com", "j.novak+tag@mail.example.co.uk", "x@ab.cd", "a_b-c@sub-domain.example.org",
        "JANA@EXAMPLE.COM", String(repeating: "a", count: 64) + "@example.com",
    ])
    func goodEmail(_ email: String) {
        #expect(check(.email, .string(email)) == nil)
        #expect(PatchValidator.isValidEmail(email))
    }

    @Test("invalid email addresses", arguments: [
        "", "jana", "jana@", "@example.com", "jana@example", "jana@example.c", "jana@@example.com", "ja@na@example.com",
        "ja na@example.com", "jana@exam ple.com", " jana@example.com", "jana@example..com", "jana@.example.com",
        ".jana@example.com", "jana.@example.com", "ja..na@example.com", "jana@-example.com", "jana@example-.com",
        "jana@example.c0m", String(repeating: "a", count: 65) + "@example.com",
        String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 190) + ".com",
    ])
    func badEmail(_ email: String) {
        #expect(check(.email, .string(email)) == "is not a valid email address (name@example.com)")
    }

    @Test("an email may be cleared; a non-string is refused")
    func emailNullAndType() {
        #expect(check(.email, .null) == nil)
        #expect(check(.email, .bool(true)) == "must be text")
    }

    // MARK: phone

    @Test("valid E.164 numbers", arguments: ["+12", "+421905123456", "+" + "1" + String(repeating: "0", count: 14), "+999999999999999"])
    func goodPhone(_ phone: String) {
        #expect(check(.phoneNumber, .string(phone)) == nil)
        #expect(PatchValidator.isE164(phone))
    }

    @Test("invalid E.164 numbers", arguments: [
        "", "+", "+1", "+0123456", "421905123456", "00421905123456", "+1234567890123456",
        "+421 905 123 456", "+421-905-123", "++421905", "+42190512345a", " +421905123456",
        "+٤٢١٩٠٥١٢٣", "+４２１９０５１２３", "+421905123456\n",
    ])
    func badPhone(_ phone: String) {
        #expect(check(.phoneNumber, .string(phone)) == "must be E.164: + country code and digits, e.g. +421905123456")
        #expect(!PatchValidator.isE164(phone))
    }

    @Test("15 digits is the longest valid number, 16 is one too many")
    func phoneDigitBoundary() {
        #expect(PatchValidator.isE164("+" + String(repeating: "9", count: 15)))
        #expect(!PatchValidator.isE164("+" + String(repeating: "9", count: 16)))
    }

    @Test("a phone may be cleared")
    func phoneNull() { #expect(check(.phoneNumber, .null) == nil) }

    // MARK: GDPR expiry

    @Test("today and earlier are refused; tomorrow is the first valid day")
    func gdprFutureBoundary() {
        #expect(check(.gdprExpiryDate, .string("2026-11-29")) == "must be in the future (after 2026-11-29)")
        #expect(check(.gdprExpiryDate, .string("2026-11-28")) == "must be in the future (after 2026-11-29)")
        #expect(check(.gdprExpiryDate, .string("2020-01-01")) != nil)
        #expect(check(.gdprExpiryDate, .string("2026-11-30")) == nil)
        #expect(check(.gdprExpiryDate, .string(Fixture.today.adding(days: 1).description)) == nil)
    }

    @Test("tomorrow across a year end is valid")
    func gdprYearEnd() {
        let today = CalendarDay(year: 2026, month: 12, day: 31)!
        #expect(check(.gdprExpiryDate, .string("2027-01-01"), today: today) == nil)
        #expect(check(.gdprExpiryDate, .string("2026-12-31"), today: today) != nil)
    }

    @Test("dates that do not exist or are written another way are refused", arguments: [
        "2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-01-00",
        "30.11.2027", "2027/11/30", "2027-1-5", "27-11-30", "20271130", "tomorrow", "", "２０２７-０１-０１",
    ])
    func gdprBadDate(_ text: String) {
        #expect(check(.gdprExpiryDate, .string(text)) == "must be a date as YYYY-MM-DD")
    }

    @Test("a leap day is valid in a leap year")
    func gdprLeapDay() { #expect(check(.gdprExpiryDate, .string("2028-02-29")) == nil) }

    @Test("a GDPR date may be cleared; a non-string is refused")
    func gdprNullAndType() {
        #expect(check(.gdprExpiryDate, .null) == nil)
        #expect(check(.gdprExpiryDate, .int(20271130)) == "must be a date")
    }

    // MARK: status

    @Test("every status in the enum is valid", arguments: CandidateStatus.allKnown)
    func knownStatus(_ status: CandidateStatus) {
        #expect(check(.status, .string(status.rawValue)) == nil)
    }

    @Test("statuses outside the enum are refused", arguments: ["INTERVIEWED", "HIRED", "WITHDRAWN", "INTERVIEWING", "applied", "", " APPLIED"])
    func unknownStatus(_ raw: String) {
        #expect(check(.status, .string(raw)) == "must be one of UNDEFINED, APPLIED, IN_PROCESS, REJECTED, ACCEPTED")
    }

    @Test("status cannot be cleared")
    func statusNull() { #expect(check(.status, .null) == "is required and cannot be cleared") }

    // MARK: gender

    @Test("male, female and null are valid genders")
    func goodGender() {
        #expect(check(.gender, .string("male")) == nil)
        #expect(check(.gender, .string("female")) == nil)
        #expect(check(.gender, .null) == nil)
    }

    @Test("other gender values are refused", arguments: [JSONValue.string("other"), .string("Male"), .string(""), .string("f"), .bool(true)])
    func badGender(_ value: JSONValue) {
        #expect(check(.gender, value) == "must be male, female, or cleared (auto-detect)")
    }

    // MARK: metadata

    /// An object nested `depth` levels deep (`{}` is 1).
    static func nested(_ depth: Int) -> JSONValue {
        depth <= 1 ? .object([:]) : .object(["a": nested(depth - 1)])
    }

    /// An object whose compact text is exactly `bytes` long.
    static func objectOfSize(_ bytes: Int) -> JSONValue {
        // {"k":"…"} is 8 bytes plus the string.
        .object(["k": .string(String(repeating: "x", count: bytes - 8))])
    }

    static func objectWithKeys(_ count: Int) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: (0..<count).map { ("key\($0)", JSONValue.int($0)) }))
    }

    @Test("metadata must be an object",
          arguments: [JSONValue.string("referral"), .array([.string("a")]), .int(1), .bool(false)])
    func metadataNotObject(_ value: JSONValue) {
        #expect(check(.metadata, value) == #"must be a JSON object, e.g. {"source": "referral"}"#)
    }

    @Test("an empty object and null are valid metadata")
    func metadataEmptyAndNull() {
        #expect(check(.metadata, .object([:])) == nil)
        #expect(check(.metadata, .null) == nil)
    }

    @Test("metadata of exactly 10 KB is valid, one byte more is refused")
    func metadataSize() {
        let atLimit = Self.objectOfSize(10 * 1024)
        #expect(atLimit.compactText().utf8.count == 10_240)
        #expect(check(.metadata, atLimit) == nil)
        let over = Self.objectOfSize(10 * 1024 + 1)
        #expect(over.compactText().utf8.count == 10_241)
        #expect(check(.metadata, over) == "is 10241 bytes; at most 10240 (10 KB)")
    }

    @Test("metadata size counts UTF-8 bytes, not characters")
    func metadataSizeInBytes() {
        // 5,200 two-byte characters: 5,208 characters but 10,408 bytes.
        let value = JSONValue.object(["k": .string(String(repeating: "ž", count: 5_200))])
        #expect(check(.metadata, value) == "is 10408 bytes; at most 10240 (10 KB)")
    }

    @Test("metadata nested 5 levels is valid, 6 is refused")
    func metadataDepth() {
        #expect(Self.nested(5).depth == 5)
        #expect(check(.metadata, Self.nested(5)) == nil)
        #expect(check(.metadata, Self.nested(6)) == "nests 6 levels; at most 5")
    }

    @Test("arrays count as nesting levels")
    func metadataArrayDepth() {
        let five: JSONValue = .object(["a": .array([.object(["b": .array([.array([.int(1)])])])])])
        #expect(five.depth == 5)
        #expect(check(.metadata, five) == nil)
        let six: JSONValue = .object(["a": .array([.object(["b": .array([.array([.array([])])])])])])
        #expect(six.depth == 6)
        #expect(check(.metadata, six) != nil)
    }

    @Test("metadata with 50 keys is valid, 51 is refused")
    func metadataKeys() {
        #expect(check(.metadata, Self.objectWithKeys(50)) == nil)
        #expect(check(.metadata, Self.objectWithKeys(51)) == "has 51 keys; at most 50")
    }

    // MARK: cvText

    @Test("a CV of 50,000 characters is valid, 50,001 is refused")
    func cvLength() {
        #expect(check(.cvText, .string(String(repeating: "a", count: 50_000))) == nil)
        #expect(check(.cvText, .string(String(repeating: "a", count: 50_001))) == "is 50001 characters; at most 50000")
    }

    @Test("CV length counts characters, not bytes")
    func cvCountsCharacters() {
        #expect(check(.cvText, .string(String(repeating: "č", count: 50_000))) == nil)
    }

    @Test("a CV is plain text: line breaks and tabs are fine; NUL and escape codes are refused unless the stored CV has them")
    func cvControlCharacters() {
        #expect(check(.cvText, .string("line1\r\nline2\tcol")) == nil)
        let refused = "must be plain text: no control characters other than line breaks and tabs (NUL, escape codes)"
        #expect(check(.cvText, .string("a\u{0}b")) == refused)
        #expect(check(.cvText, .string("a\u{1B}[31mred")) == refused)
        #expect(PatchValidator.check(.cvText, .string("old\u{7}\nmore"), original: .string("old\u{7}")) == nil)
    }

    @Test("a CV may be cleared; a non-string is refused")
    func cvNullAndType() {
        #expect(check(.cvText, .null) == nil)
        #expect(check(.cvText, .object([:])) == "must be text")
    }

    // MARK: jobIds

    @Test("50 jobs are valid, 51 are refused")
    func jobCount() {
        #expect(check(.jobIds, .array(Fixture.jobIds(50).map(JSONValue.string))) == nil)
        #expect(check(.jobIds, .array(Fixture.jobIds(51).map(JSONValue.string))) == "at most 50 jobs (has 51)")
    }

    @Test("an empty job list is valid")
    func jobEmpty() { #expect(check(.jobIds, .array([])) == nil) }

    @Test("something that is not a job id is refused",
          arguments: [JSONValue.string("not-a-uuid"), .string(""), .string("11111111-1111-4111-8111-11111111111"), .int(5), .null])
    func jobNotUUID(_ item: JSONValue) {
        #expect(check(.jobIds, .array([.string(Fixture.jobA), item])) == "contains something that is not a job id")
    }

    @Test("a job listed twice is refused, whatever the case")
    func jobDuplicate() {
        #expect(check(.jobIds, .array([.string(Fixture.jobA), .string(Fixture.jobB), .string(Fixture.jobA)])) == "lists a job twice")
        let upper = "AAAAAAAA-1111-4111-8111-111111111111"
        #expect(check(.jobIds, .array([.string(upper), .string(upper.lowercased())])) == "lists a job twice")
    }

    @Test("jobIds cannot be null or a single string")
    func jobNullOrNotArray() {
        #expect(check(.jobIds, .null) == "is required and cannot be cleared")
        #expect(check(.jobIds, .string(Fixture.jobA)) == "must be a list of job ids")
    }

    // MARK: validate(_:)

    @Test("validate reports every bad field in form order and ignores the good ones")
    func validateWholePatch() {
        let patch = CandidatePatch(changes: [
            .cvText: .string("fine"), .status: .string("HIRED"), .firstName: .string(""), .phoneNumber: .string("+1"),
        ])
        let errors = PatchValidator.validate(patch, today: Fixture.today)
        #expect(errors.map(\.field) == [.firstName, .phoneNumber, .status])
        #expect(errors.first?.description == "First name: is required")
    }

    @Test("ValidationFailure sorts errors into form order and keeps the first message per field")
    func validationFailureOrder() {
        let f = ValidationFailure(errors: [
            FieldError(field: .cvText, message: "c"), FieldError(field: .firstName, message: "a1"),
            FieldError(field: .firstName, message: "a2"),
        ])
        #expect(f.errors.map(\.field) == [.firstName, .firstName, .cvText])
        #expect(f.byField == [.firstName: "a1", .cvText: "c"])
        #expect(f.description == "First name: a1; First name: a2; CV: c")
    }
}
