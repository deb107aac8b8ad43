import Foundation
import PropertyBased
import Testing
@testable import CandidateCore

/// Folding for search and name sorting: the same result as folding the whole text with
/// Foundation and replacing the letters that do not decompose, however it is computed.
@Suite("SearchText: folding")
struct SearchTextTests {
    /// Folding as defined: Foundation's case-, diacritics- and width-insensitive folding of the
    /// whole text, then each letter that does not decompose replaced across the whole text.
    static func reference(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for (from, to) in [("ø", "o"), ("đ", "d"), ("ł", "l"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"), ("þ", "th")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s
    }

    static let pieces: [String] = [
        "a", "Z", "0", "+", "@", ".", " ", "é", "E\u{301}", "\u{301}", "Š", "ť", "Ø", "ø", "Đ", "Ł", "ß", "ẞ", "Æ", "Œ",
        "ı", "İ", "Þ", "ﬁ", "Ａ", "ｶ", "王", "Ω", "Σ", "ς", "Я", "ё", "👩\u{200D}💻", "\u{1F}", "\u{1B}", "\u{200B}", "Öztürk",
    ]
    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { String(Character(Unicode.Scalar($0) ?? "\u{FFFD}")) }
    static let texts = Gen.frequency((weight: 4, gen: Gen<String?>.element(of: pieces).map { $0 ?? "" }), (weight: 1, gen: anyScalar))
        .array(of: 0...20).map { $0.joined() }

    @Test("names of many scripts fold as Foundation folds them, with ø, đ, ł, ß, æ, œ, ı, þ spelled out")
    func examples() {
        #expect(SearchText.fold("Šťastný") == "stastny")
        #expect(SearchText.fold("Søren Ødegård") == "soren odegard")
        #expect(SearchText.fold("Łukasz Straße Ærø Œuvre Işık Þór") == "lukasz strasse aero oeuvre isik thor")
        #expect(SearchText.fold("MEHMET.OZTURK@EXAMPLE.COM") == "mehmet.ozturk@example.com")
        for text in Self.pieces + ["王小明 <wang@例え.jp>", "Zoë Saldaña", "Đorđe Đoković", "+420 601 234 567"] {
            #expect(SearchText.fold(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test("any text folds as the whole-text definition folds it")
    func matchesReference() async {
        await propertyCheck(count: 500, input: Self.texts) { text in
            #expect(Array(SearchText.fold(text).unicodeScalars) == Array(Self.reference(text).unicodeScalars))
        }
    }

    @Test("a haystack is the folded name, email and phone, joined by the separator")
    func haystack() {
        let c = Candidate(id: "1", firstName: "Ærø", lastName: "Šťastný", email: "ANA@Example.org", phoneNumber: "+420 601", status: .applied)
        let expected = Self.reference("\(c.fullName)\u{1F}\(c.email ?? "")\u{1F}\(c.phoneNumber ?? "")")
        #expect(SearchText.haystack(c) == Array(expected.utf8))
        let bare = Candidate(id: "2", firstName: "A", lastName: "B", status: .applied)
        #expect(SearchText.haystack(bare) == Array("a b\u{1F}\u{1F}".utf8))
    }
}
