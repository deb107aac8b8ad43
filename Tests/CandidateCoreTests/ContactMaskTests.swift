import Foundation
import PropertyBased
import Testing
@testable import CandidateCore

/// Privacy mode's masks: a typical email and phone, odd values, and properties over arbitrary
/// text (never a crash, never more revealed than a typical value reveals).
@Suite("ContactMask: email and phone masked for privacy mode")
struct ContactMaskTests {
    let u = DisplayText.Charset.unicode
    let a = DisplayText.Charset.ascii

    @Test("an email keeps its first letter and the whole domain; the name's length is hidden")
    func email() {
        #expect(ContactMask.email("lucia@example.org", charset: u) == "l•••••@example.org")
        #expect(ContactMask.email("lucia.garcia.lopez+jobs@example.org", charset: u) == "l•••••@example.org")
        #expect(ContactMask.email("Šťastný@example.sk", charset: u) == "Š•••••@example.sk")
        #expect(ContactMask.email("lucia@example.org", charset: a) == "l*****@example.org")
    }

    @Test("odd emails: empty, no @, a short name, a leading mark or symbol, several @")
    func oddEmails() {
        #expect(ContactMask.email("", charset: u) == "")
        #expect(ContactMask.email("  \n", charset: u) == "")
        #expect(ContactMask.email("lucia", charset: u) == "l•••••")
        #expect(ContactMask.email("ab@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("x@", charset: u) == "•••••@")
        #expect(ContactMask.email("\u{301}abc@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("e\u{301}va@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("\u{1B}[31mred@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("👩‍💻dev@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email("\"a@b\"@example.org", charset: u) == "•••••@example.org")
        #expect(ContactMask.email(" lucia@example.org ", charset: u) == "l•••••@example.org")
    }

    @Test("a phone keeps its country code and last 4 digits; spacing stays where it was")
    func phone() {
        #expect(ContactMask.phone("+34 6123 459708", charset: u) == "+34 •••• ••9708")
        #expect(ContactMask.phone("+34612349708", charset: u) == "+34 •••••9708")
        #expect(ContactMask.phone("+421905123456", charset: u) == "+421 •••••3456")
        #expect(ContactMask.phone("+15125551234", charset: u) == "+1 ••••••1234")
        #expect(ContactMask.phone("+1 (512) 555-1234", charset: u) == "+1 (•••) •••-1234")
        #expect(ContactMask.phone("+447700123456", charset: u) == "+44 ••••••3456")
        #expect(ContactMask.phone("+34612349708", charset: a) == "+34 *****9708")
    }

    @Test("odd phones: empty, no +, short, letters, non-ASCII digits")
    func oddPhones() {
        #expect(ContactMask.phone("", charset: u) == "")
        #expect(ContactMask.phone(" ", charset: u) == "")
        #expect(ContactMask.phone("+", charset: u) == "•")
        #expect(ContactMask.phone("+3", charset: u) == "+3")
        // Too short to show the last 4: nothing but the country code shows.
        #expect(ContactMask.phone("+3461234", charset: u) == "+34 •••••")
        #expect(ContactMask.phone("0612 349 708", charset: u) == "•••• ••9 708")
        #expect(ContactMask.phone("1234", charset: u) == "••••")
        #expect(ContactMask.phone("call me maybe 5551234", charset: u) == "•••• •• ••••• •••1234")
        #expect(ContactMask.phone("+34 ٦١٢٣٤٥٦٧٨٩", charset: u) == "+34 ••••••••••")
        #expect(ContactMask.phone("+34612349708 ext 12", charset: u) == "+34 ••••••••• ••• ••")
    }

    @Test("the country code's length follows the ITU's calling codes")
    func callingCodes() {
        #expect(ContactMask.callingCodeLength("15125551234") == 1)
        #expect(ContactMask.callingCodeLength("74951234567") == 1)
        #expect(ContactMask.callingCodeLength("4915112345678") == 2)
        #expect(ContactMask.callingCodeLength("420601123456") == 3)
        #expect(ContactMask.callingCodeLength("35385123456") == 3)
        #expect(ContactMask.callingCodeLength("42") == 2)
        #expect(ContactMask.callingCodeLength("") == 0)
    }

    @Test("only the email and the phone are masked")
    func fields() {
        #expect(ContactMask.masked(.email, "lucia@example.org", charset: u) == "l•••••@example.org")
        #expect(ContactMask.masked(.phoneNumber, "+34612349708", charset: u) == "+34 •••••9708")
        #expect(ContactMask.masked(.firstName, "Lucía", charset: u) == "Lucía")
    }

    // MARK: properties

    /// Pieces of odd contact values: letters, digits, separators, `@` and `+`, marks, emoji,
    /// controls, wide and non-ASCII digits.
    static let pieces: [String] = [
        "a", "Z", "0", "7", "9", "+", "@", ".", "-", " ", "(", ")", "/", "é", "e\u{301}", "\u{301}", "👩\u{200D}💻",
        "王", "٣", "\u{1B}", "\n", "\u{200B}", "\u{202E}", "Š", "example.org",
    ]
    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { String(Character(Unicode.Scalar($0) ?? "\u{FFFD}")) }
    static let values = Gen.frequency((weight: 4, gen: Gen<String?>.element(of: pieces).map { $0 ?? "" }), (weight: 1, gen: anyScalar))
        .array(of: 0...30).map { $0.joined() }

    @Test("an email's mask shows at most one character before the @ and never more than the domain after it")
    func emailProperty() async {
        await propertyCheck(count: 500, input: Self.values) { value in
            let m = ContactMask.email(value, charset: u)
            let dots = String(repeating: "•", count: ContactMask.emailDots)
            guard !m.isEmpty else { return }
            #expect(m.contains(dots))
            let before = m.components(separatedBy: dots)[0]
            #expect(before.count <= 1, "revealed \(before.debugDescription) of \(value.debugDescription)")
            if let at = value.lastIndex(of: "@") {
                // The domain as it is (only white space at the very end of the value goes; leading
                // white space is before the @).
                var domain = String(value[value.index(after: at)...]).unicodeScalars
                while let last = domain.last, last.properties.isWhitespace { domain.removeLast() }
                let domainText = String(domain)
                #expect(m.hasSuffix(domainText) && m.contains("@"), "\(value.debugDescription) masked \(m.debugDescription)")
            }
        }
    }

    @Test("a phone's mask keeps the separators and at most the code and 4 characters; the ASCII mask has no •")
    func phoneProperty() async {
        await propertyCheck(count: 500, input: Self.values) { value in
            let m = ContactMask.phone(value, charset: u)
            let shown = m.filter { $0 != "•" && !ContactMask.isSeparator($0) }
            // `+`, at most 3 code digits, at most 4 last digits.
            #expect(shown.count <= 8, "\(value.debugDescription) shows \(m.debugDescription)")
            #expect(shown.allSatisfy { $0 == "+" || ($0.isASCII && $0.isNumber) }, "\(value.debugDescription) shows \(m.debugDescription)")
            #expect(!ContactMask.phone(value, charset: a).contains("•"))
            #expect(!ContactMask.email(value, charset: a).contains("•") || value.contains("•"))
        }
    }
}
