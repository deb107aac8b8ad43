import CandidateCore
import Testing
@testable import CandidateTUI

/// The form's one-line editor: exact text, a cursor between grapheme clusters, and what a
/// field of a given width shows.
@Suite("Line editor")
struct LineEditorTests {
    func typed(_ keys: [Key], from start: String = "") -> LineEditor {
        var e = LineEditor(text: start)
        for k in keys { e.apply(k) }
        return e
    }

    func scalars(_ s: String) -> [Key] { s.unicodeScalars.map { .char(Character($0)) } }

    @Test("typed combining marks and emoji sequences, one scalar at a time, reach the text intact")
    func joiningScalars() {
        for text in ["e\u{301}", "Zol\u{61}\u{300}", "👩\u{200D}💻", "❤\u{FE0F}", "👍🏽", "1\u{FE0F}\u{20E3}", "🇸🇰", "ᄀ\u{1161}\u{11A8}"] {
            let e = typed(scalars(text))
            #expect(Array(e.text.unicodeScalars) == Array(text.unicodeScalars), "\(text.unicodeScalars.map(\.value))")
            #expect(e.cursor == text.unicodeScalars.count)
        }
        // A mark typed after an existing letter joins it; the cursor stays after the cluster.
        var e = LineEditor(text: "Zoe")
        e.apply(.char("\u{308}"))
        #expect(Array(e.text.unicodeScalars) == Array("Zoe\u{308}".unicodeScalars))
        e.apply(.left)
        #expect(e.cursor == 2)
    }

    @Test("moving and deleting work on whole clusters; control keys never type")
    func clusters() {
        var e = LineEditor(text: "a👩\u{200D}💻b")
        #expect(e.cursor == 5)
        e.apply(.left); e.apply(.left)
        #expect(e.cursor == 1)
        e.apply(.delete)
        #expect(e.text == "ab")
        e.apply(.char("\u{1B}"))
        #expect(e.text == "ab")
        e = LineEditor(text: "e\u{301}x")
        e.apply(.left); e.apply(.backspace)
        #expect(e.text == "x" && e.cursor == 0)
        e.apply(.right); e.apply(.right)
        #expect(e.cursor == 1)
    }

    @Test("Home/Ctrl-A, End/Ctrl-E, Ctrl-K, Ctrl-U")
    func keys() {
        var e = LineEditor(text: "Nováková")
        e.apply(.home); e.apply(.char("X"))
        #expect(e.text == "XNováková")
        e.apply(.ctrl("e")); e.apply(.char("!"))
        #expect(e.text == "XNováková!")
        e.apply(.ctrl("a")); e.apply(.right); e.apply(.ctrl("k"))
        #expect(e.text == "X" && e.cursor == 1)
        e.apply(.ctrl("u"))
        #expect(e.text == "" && e.cursor == 0)
    }

    @Test("a cursor inside a cluster moves to its end; past the end, to the end")
    func snapping() {
        #expect(LineEditor(text: "e\u{301}", cursor: 1).cursor == 2)
        #expect(LineEditor(text: "ab", cursor: 99).cursor == 2)
        #expect(LineEditor(text: "ab").cursor == 2)
    }

    @Test("a field shows the part around the cursor, controls as placeholders, wide characters as two cells")
    func viewport() {
        let e = LineEditor(text: "Doe\u{1B}x")
        let v = e.view(width: 10, scroll: 0)
        #expect(v.text == "Doe␛x")
        #expect(v.cursorColumn == 5)
        // A zero-width space or a lone joiner, shown as nothing elsewhere, takes a cell here.
        var zw = LineEditor(text: "Doe\u{200B}\u{200D}")
        #expect(zw.view(width: 10, scroll: 0) == LineEditor.Viewport(scroll: 0, text: "Doe��", cursorColumn: 5))
        zw.apply(.left)
        #expect(zw.view(width: 10, scroll: 0).cursorColumn == 4)
        // Ten CJK characters in a 9-cell field: the cursor at the end keeps a cell free.
        let wide = LineEditor(text: String(repeating: "王", count: 10))
        let w = wide.view(width: 9, scroll: 0)
        #expect(w.text == "王王王王")
        #expect(w.cursorColumn == 8)
        #expect(w.scroll == 6)
        // Home: the field scrolls back to the start.
        var home = wide
        home.apply(.home)
        let h = home.view(width: 9, scroll: w.scroll)
        #expect(h.scroll == 0 && h.cursorColumn == 0 && h.text == "王王王王")
        // A move inside what is shown does not scroll.
        var mid = wide
        for _ in 0..<3 { mid.apply(.left) }
        #expect(mid.view(width: 9, scroll: w.scroll).scroll == 6)
    }

    @Test("lone marks ending in a spacing mark, after controls, fit the field's width")
    func loneMarksAfterControls() {
        var e = LineEditor(text: "\u{0}\u{0}\u{308}\u{301}\u{1B35}")
        e.apply(.home)
        let v = e.view(width: 3, scroll: 0)
        #expect(DisplayText.width(v.text) <= 3)
        #expect(v.text == "\u{FFFD}\u{FFFD}")
        e.apply(.end)
        let end = e.view(width: 3, scroll: v.scroll)
        #expect(end.text == " \u{308}\u{301}\u{1B35}" && end.cursorColumn == 2)
    }

    @Test("a paste for a one-line field: every line break and tab is a space")
    func oneLine() {
        #expect(LineEditor.oneLine("a\nb\r\nc\rd\te") == "a b c d e")
    }
}
