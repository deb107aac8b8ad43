import CandidateCore
import Foundation
import PropertyBased
import Testing
@testable import CandidateTUI

/// Properties of the form over arbitrary Unicode names: grapheme clusters of every kind,
/// controls, lone joiners and marks, bidi controls, unassigned and private-use scalars.
@Suite("Form properties over arbitrary Unicode")
struct FormPropertyTests {
    /// Pieces that have broken editors and sanitizers: decomposed and lone combining marks,
    /// emoji ZWJ sequences and lone joiners, variation selectors, skin tones, flags and a lone
    /// regional indicator, keycaps, tags, Hangul jamo, wide and half-width characters, C0/C1
    /// controls and escape sequences, line breaks, bidi controls, zero-width characters, a
    /// prepended concatenation mark, unassigned and private-use scalars, white space.
    static let pieces: [String] = [
        "a", "Z", " ", "\u{A0}", "é", "e\u{301}", "\u{301}", "\u{308}\u{301}", "👩\u{200D}💻", "\u{200D}", "\u{200C}",
        "❤\u{FE0F}", "\u{FE0F}", "👍🏽", "\u{1F3FD}", "🇸", "🇸🇰", "1\u{FE0F}\u{20E3}", "🏴\u{E0067}\u{E0062}\u{E007F}",
        "\u{E0067}", "ᄀ", "\u{1161}", "\u{11A8}", "王", "ｶ", "\u{1B}", "\u{1B}[31m", "\u{1B}]0;t\u{07}", "\u{9B}", "\u{85}",
        "\u{7F}", "\u{0}", "\n", "\r\n", "\r", "\t", "\u{202E}", "\u{2066}", "\u{200E}", "\u{200B}", "\u{FEFF}",
        "\u{2028}", "\u{600}", "\u{378}", "\u{E000}", "\u{10FFFD}", "\u{FFFD}", "ŠťAstný",
    ]

    /// Any scalar at all (a surrogate code point, which cannot be a scalar, becomes U+FFFD).
    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { String(Character(Unicode.Scalar($0) ?? "\u{FFFD}")) }

    /// Names of up to 12 pieces: at most 84 characters (the longest piece has 7), so a name
    /// plus one letter stays within the API's 100.
    static let names = Gen.frequency((weight: 3, gen: Gen<String?>.element(of: pieces).map { $0 ?? "" }), (weight: 1, gen: anyScalar))
        .array(of: 0...12).map { $0.joined() }

    static func exact(_ s: String?) -> [UInt32]? { s.map { $0.unicodeScalars.map(\.value) } }

    @Test("open, change nothing, save: nothing is sent")
    func untouchedSendsNothing() async {
        await propertyCheck(count: 300, input: Self.names, Self.names) { first, last in
            let c = FormExactTextTests.candidate(firstName: first, lastName: last)
            var m = FormExactTextTests.opened(c)
            #expect(m.form?.draft.hasChanges == false)
            #expect(FormExactTextTests.save(&m, theirs: c).isEmpty)
            #expect(m.overlay == nil)
        }
    }

    @Test("open, append x to the last name, save: exactly original + x is sent, and nothing else")
    func appendSendsOriginalPlusX() async {
        #expect(Self.pieces.map(\.count).max() == 7, "the names' bound (12 pieces of at most 7 characters) holds")
        await propertyCheck(count: 300, input: Self.names, Self.names) { first, last in
            let c = FormExactTextTests.candidate(firstName: first.isEmpty ? "Jana" : first, lastName: last)
            var m = FormExactTextTests.opened(c)
            _ = m.update(.key(.tab))
            _ = m.update(.key(.end))
            _ = m.update(.key(.char("x")))
            let effects = FormExactTextTests.save(&m, theirs: c)
            guard case .save(let id, let patch, let fields)? = effects.first, effects.count == 1 else {
                Issue.record("expected one save, got \(effects); flash: \(m.flash?.text ?? "")")
                return
            }
            #expect(id.id == c.id)
            #expect(fields == [.lastName])
            #expect(Self.exact(patch[.lastName]?.stringValue) == Self.exact(last + "x"))
            #expect(patch.body() == Data(JSONValue.object(["lastName": .string(last + "x")]).compactText().utf8))
        }
    }

    @Test("typed one scalar per key, any text without controls reaches the field intact")
    func typedScalarsArriveIntact() async {
        await propertyCheck(count: 300, input: Self.names) { text in
            var m = FormExactTextTests.opened(FormExactTextTests.candidate(lastName: "Doe"))
            m.typeInto(.lastName, text)
            let typed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !DisplayText.isControl($0) }))
            #expect(Self.exact(m.form?.draft.lastName) == Self.exact(typed))
        }
    }

    @Test("whatever the text and the keys, the field shows at most its width and the cursor stays in it")
    func viewportStaysInTheField() async {
        let keys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .char("x"), .char("\u{301}"), .ctrl("k")]
        await propertyCheck(count: 300, input: Self.names, Gen<Key?>.element(of: keys).map { $0 ?? .left }.array(of: 0...12),
                            Gen.int(in: 1...20)) { text, pressed, width in
            var e = LineEditor(text: text)
            var scroll = 0
            for k in pressed {
                e.apply(k)
                let v = e.view(width: width, scroll: scroll)
                scroll = v.scroll
                #expect(DisplayText.width(v.text) <= width)
                #expect(v.cursorColumn >= 0 && v.cursorColumn < width)
            }
        }
    }
}
