import Testing
@testable import CandidateTUI

/// The terminal layer's pure parts: naming characters as keys, and pasted text for a field.
@Suite("Terminal keys and paste text")
struct TerminalKeyTests {
    @Test("^H and ^? are both Backspace; ^M and ^J Enter; ^I Tab; ^[ Escape; other controls Ctrl-letters")
    func controlCharacters() {
        #expect(Terminal.decode(char: 8) == .backspace)
        #expect(Terminal.decode(char: 127) == .backspace)
        #expect(Terminal.decode(char: 13) == .enter)
        #expect(Terminal.decode(char: 10) == .enter)
        #expect(Terminal.decode(char: 9) == .tab)
        #expect(Terminal.decode(char: 27) == .escape)
        #expect(Terminal.decode(char: 19) == .ctrl("s"))
        #expect(Terminal.decode(char: 21) == .ctrl("u"))
        #expect(Terminal.decode(char: 0x738B) == .char("王"))
    }

    @Test("a paste for a one-line field: every line break and tab is a space, nothing else changes")
    func oneLinePaste() {
        #expect(LineEditor.oneLine("a\nb\r\nc\rd\te") == "a b c d e")
        #expect(LineEditor.oneLine("Šťastný 王小明 👩‍💻") == "Šťastný 王小明 👩‍💻")
        #expect(LineEditor.oneLine("x\u{2028}y") == "x y")
    }
}
