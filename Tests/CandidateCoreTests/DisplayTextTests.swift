import Foundation
import Testing
@testable import CandidateCore

/// Server text is data, never control: every function is checked with an explicit charset,
/// so no test depends on the process-wide default.
@Suite("DisplayText: sanitizing and measuring server text")
struct DisplayTextTests {
    let u = DisplayText.Charset.unicode
    let a = DisplayText.Charset.ascii

    /// Every scalar that may never reach a terminal raw.
    func assertNoControls(_ s: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for scalar in s.unicodeScalars {
            #expect(!DisplayText.isControl(scalar), "control U+\(String(scalar.value, radix: 16)) left in \(s.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("C0, C1, DEL and ESC become visible placeholders; ESC is ␛")
    func controls() {
        #expect(DisplayText.sanitize("a\u{1B}[31mred", charset: u) == "a␛[31mred")
        #expect(DisplayText.sanitize("\u{07}\u{08}\u{7F}\u{9B}\u{85}", charset: u) == "�����")
        #expect(DisplayText.sanitize("\u{0}x", charset: u) == "�x")
        // An OSC 52 clipboard write and a terminal title change stay inert text.
        let osc = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]0;pwned\u{9C}"
        let s = DisplayText.sanitize(osc, charset: u)
        assertNoControls(s)
        #expect(s == "␛]52;c;ZXZpbA==�␛]0;pwned�")
        #expect(DisplayText.width(osc, charset: u) == DisplayText.width(s, charset: u))
    }

    @Test("newlines, CR LF and tabs become one space each")
    func lineBreaks() {
        #expect(DisplayText.sanitize("a\nb\r\nc\rd\te", charset: u) == "a b c d e")
        #expect(DisplayText.width("a\r\nb", charset: u) == 3)
    }

    @Test("bidirectional controls and line separators become placeholders")
    func bidi() {
        let trojan = "admin\u{202E}txt.exe\u{202C}\u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}"
        let s = DisplayText.sanitize(trojan, charset: u)
        assertNoControls(s)
        #expect(s == "admin�txt.exe��x������")
    }

    @Test("width per grapheme cluster: ASCII 1, CJK 2, combining marks 0, Hangul jamo one syllable")
    func widths() {
        #expect(DisplayText.width("Jana", charset: u) == 4)
        #expect(DisplayText.width("王小明", charset: u) == 6)
        #expect(DisplayText.width("Šťastný", charset: u) == 7)
        // Decomposed: S + caron, t + caron … still 7 cells.
        let decomposed = "S\u{30C}t\u{30C}astny\u{301}"
        #expect(decomposed.count == 7)
        #expect(DisplayText.width(decomposed, charset: u) == 7)
        #expect(DisplayText.sanitize(decomposed, charset: u) == decomposed)
        #expect(DisplayText.width("\u{1100}\u{1161}", charset: u) == 2)
        #expect(DisplayText.width("ｶﾀｶﾅ", charset: u) == 4)  // half-width katakana
        #expect(DisplayText.width("ＡＢ", charset: u) == 4)   // full-width Latin
    }

    @Test("emoji: single emoji 2 cells; ZWJ, skin tone, VS16 and keycap sequences show their first emoji")
    func emoji() {
        #expect(DisplayText.width("😀", charset: u) == 2)
        let sequences: [(String, String, Int)] = [
            ("👩\u{200D}💻", "👩", 2),
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", "👨", 2),
            ("👍🏽", "👍", 2),
            ("❤\u{FE0F}", "❤", 1),
            ("1\u{FE0F}\u{20E3}", "1", 1),
            ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴", 2),
        ]
        for (raw, shown, w) in sequences {
            #expect(raw.count == 1, "\(raw) is one cluster")
            #expect(DisplayText.sanitize(raw, charset: u) == shown)
            #expect(DisplayText.width(raw, charset: u) == w)
        }
        // A flag is two regional indicators of one cell each, kept whole.
        #expect(DisplayText.sanitize("🇸🇰", charset: u) == "🇸🇰")
        #expect(DisplayText.width("🇸🇰", charset: u) == 2)
    }

    @Test("a lone combining mark sits on a space; an unassigned scalar becomes �")
    func oddClusters() {
        #expect(DisplayText.sanitize("\u{301}x", charset: u) == " \u{301}x")
        #expect(DisplayText.width("\u{301}x", charset: u) == 2)
        #expect(DisplayText.sanitize("a\u{378}b", charset: u) == "a�b")
        #expect(DisplayText.width("a\u{378}b", charset: u) == 3)
        // A spacing mark after the lone marks still takes its own cell, as curses counts it.
        #expect(DisplayText.sanitize("\u{308}\u{301}\u{1B35}", charset: u) == " \u{308}\u{301}\u{1B35}")
        #expect(DisplayText.width("\u{308}\u{301}\u{1B35}", charset: u) == 2)
    }

    @Test("width of the sanitized text equals the width of the raw text")
    func widthMatchesShownText() {
        let samples = ["plain", "王小明 <wang@例え.jp>", "a\u{1B}[2Jb", "👩\u{200D}💻 dev", "e\u{301}\u{302}", "🇸🇰🇨🇿", "tab\there", "\u{9B}31m",
                       "\u{0}\u{0}\u{308}\u{301}\u{1B35}", "\u{93E}\u{903}x"]
        for s in samples {
            for cs in [u, a] {
                let shown = DisplayText.sanitize(s, charset: cs)
                #expect(DisplayText.width(s, charset: cs) == DisplayText.width(shown, charset: cs), "\(s.debugDescription)")
                #expect(DisplayText.sanitize(shown, charset: cs) == shown, "sanitize is idempotent for \(s.debugDescription)")
            }
        }
    }

    @Test("truncation ends in … on a cluster boundary and never splits a wide character")
    func truncation() {
        #expect(DisplayText.truncate("Jana Nováková", to: 8, charset: u) == "Jana No…")
        #expect(DisplayText.truncate("short", to: 8, charset: u) == "short")
        #expect(DisplayText.truncate("exactly8", to: 8, charset: u) == "exactly8")
        // 王小明 is 6 cells: in 4 cells only one ideograph fits before the ellipsis.
        #expect(DisplayText.truncate("王小明", to: 4, charset: u) == "王…")
        #expect(DisplayText.truncate("王小明", to: 5, charset: u) == "王小…")
        #expect(DisplayText.truncate("王小明", to: 1, charset: u) == "…")
        #expect(DisplayText.truncate("王小明", to: 0, charset: u) == "")
        // A combining mark stays with its letter.
        #expect(DisplayText.truncate("e\u{301}e\u{301}e\u{301}", to: 3, charset: u) == "e\u{301}e\u{301}e\u{301}")
        #expect(DisplayText.truncate("e\u{301}e\u{301}e\u{301}x", to: 3, charset: u) == "e\u{301}e\u{301}…")
        // An emoji sequence is cut whole.
        #expect(DisplayText.truncate("ab👩\u{200D}💻cd", to: 4, charset: u) == "ab…")
        // Controls are replaced before cutting, and the cut is measured on what is shown.
        let cut = DisplayText.truncate("\u{1B}[31mred", to: 5, charset: u)
        #expect(cut == "␛[31…")
        for cells in 0...12 {
            for s in ["王小明王小明", "a王b小c明", "👍🏽👍🏽👍🏽", "Šťastný"] {
                #expect(DisplayText.width(DisplayText.truncate(s, to: cells, charset: u), charset: u) <= cells)
            }
        }
    }

    @Test("fit pads to exactly the width, left or right aligned, so columns line up")
    func fit() {
        let rows = ["Jana Nováková", "王小明", "👩\u{200D}💻 Ada", "e\u{301}mile", "X\u{1B}[2J"]
        for cells in [1, 5, 10, 20] {
            for r in rows {
                #expect(DisplayText.width(DisplayText.fit(r, to: cells, charset: u), charset: u) == cells)
                #expect(DisplayText.width(DisplayText.fit(r, to: cells, alignRight: true, charset: u), charset: u) == cells)
                #expect(DisplayText.width(DisplayText.fit(r, to: cells, charset: a), charset: a) == cells)
            }
        }
        #expect(DisplayText.fit("7", to: 3, alignRight: true, charset: u) == "  7")
    }

    @Test("ASCII: each non-ASCII cluster is ? and one cell; punctuation the screens use has look-alikes")
    func ascii() {
        #expect(DisplayText.sanitize("Šťastný 王小明", charset: a) == "??astn? ???")
        #expect(DisplayText.width("Šťastný 王小明", charset: a) == 11)
        #expect(DisplayText.sanitize("👩\u{200D}💻", charset: a) == "?")
        #expect(DisplayText.sanitize("e\u{301}", charset: a) == "?")
        #expect(DisplayText.sanitize("a\u{1B}b\u{9B}", charset: a) == "a?b?")
        #expect(DisplayText.sanitize("loading… · 3 → 4 — ok", charset: a) == "loading. - 3 > 4 - ok")
        #expect(DisplayText.truncate("Nováková", to: 5, charset: a) == "Nov?~")
        let shown = DisplayText.sanitize("王小明 👍🏽 é", charset: a)
        #expect(shown.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("the process-wide charset is Unicode until the terminal layer says otherwise, and is every function's default")
    func processWide() {
        // Only the terminal layer sets it (from the locale's codeset); no test changes it,
        // because tests run in parallel in one process.
        #expect(DisplayText.charset == .unicode)
        #expect(DisplayText.sanitize("王\u{1B}") == DisplayText.sanitize("王\u{1B}", charset: u))
        #expect(DisplayText.width("王") == 2)
        #expect(DisplayText.ellipsis() == "…")
    }

    /// Wrapping breaks at spaces, cuts words wider than a line between clusters (a wide
    /// character is never split), and never drops text.
    @Test func wrapBreaksAtSpacesAndKeepsEveryCharacter() {
        let summary = "Move 4 candidates to REJECTED: 2 from UNDEFINED, 1 from APPLIED, 1 from IN_PROCESS; 2 already REJECTED are skipped"
        let lines = DisplayText.wrap(summary, to: 40)
        #expect(lines.allSatisfy { DisplayText.width($0) <= 40 })
        #expect(lines.joined(separator: " ") == summary)
        #expect(lines.count >= 3 && lines.count <= 4)
        #expect(DisplayText.wrap("王王王王王", to: 3) == ["王", "王", "王", "王", "王"])
        #expect(DisplayText.wrap("abcdefgh ij", to: 3) == ["abc", "def", "gh", "ij"])
        #expect(DisplayText.wrap("", to: 10) == [""])
    }

    @Test("hidden characters: what the screen does not show as it is, counted and named")
    func hiddenCharacters() {
        #expect(DisplayText.hiddenScalars("Šťastný 王 Zoe\u{308} 🇸🇰").isEmpty)
        #expect(DisplayText.hiddenScalars("Doe\u{200B}").map(\.value) == [0x200B])
        #expect(DisplayText.hiddenScalars("a\u{1B}[1mb\u{202E}\t").map(\.value) == [0x1B, 0x202E, 0x09])
        #expect(DisplayText.hiddenScalars("👩\u{200D}💻").map(\.value) == [0x200D, 0x1F4BB])
        #expect(DisplayText.hiddenNote("Doe") == nil)
        #expect(DisplayText.hiddenNote("\u{200B}\u{200B}\u{FEFF}\u{1B}\u{7F}", listed: 4) == "5 hidden: U+200B U+200B U+FEFF U+001B …")
        // Counted as a UTF-8 terminal would show it, whatever the charset in use.
        let saved = DisplayText.charset
        DisplayText.charset = .ascii
        #expect(DisplayText.hiddenScalars("Šťastný\u{200B}").map(\.value) == [0x200B])
        DisplayText.charset = saved
    }
}
