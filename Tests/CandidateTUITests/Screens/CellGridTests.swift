import CandidateCore
import Testing
@testable import CandidateTUI

/// The in-memory canvas keeps cells the way a terminal does, so screen tests can trust it.
@Suite("CellGrid: an in-memory terminal screen")
struct CellGridTests {
    @Test("text is sanitized and cut to its width like on the terminal")
    func putSanitizesAndCuts() {
        var g = CellGrid(rows: 2, cols: 20)
        g.put(0, 0, "a\u{1B}[31mb\tc", width: 20)
        g.put(1, 2, "Nováková-Šťastná", width: 8, style: .bold)
        #expect(g.lines == ["a␛[31mb c", "  Novákov…"])
        #expect(g.style(1, 2) == .bold && g.style(1, 9) == .bold)
        #expect(g.style(1, 10) == .plain, "cells after the text keep what they held")
        g.put(1, 0, "never", width: 0)
        #expect(g.line(1) == "  Novákov…")
    }

    @Test("a wide character takes its cell and a continuation cell")
    func wideCharacters() {
        var g = CellGrid(rows: 1, cols: 10)
        g.put(0, 1, "王小明!", width: 9)
        #expect(g.line(0) == " 王小明!")
        #expect(g[0, 1].text == "王" && g[0, 1].width == 2)
        #expect(g[0, 2].isContinuation)
        #expect(g[0, 7].text == "!")
        #expect(g.position(of: "明!") == CellPosition(y: 0, x: 5))
        #expect(g.position(of: "!") == CellPosition(y: 0, x: 7))
        #expect(g.position(of: "nope") == nil)
    }

    @Test("overwriting half of a wide character blanks its other half")
    func overwriteHalf() {
        var g = CellGrid(rows: 1, cols: 8)
        g.put(0, 0, "王小明", width: 8)
        g.put(0, 1, "x", width: 1)      // the right half of 王
        #expect(g.line(0) == " x小明")
        g.put(0, 4, "y", width: 1)      // the left half of 明
        #expect(g.line(0) == " x小y")
        #expect(!g[0, 5].isContinuation && g[0, 5].text == " ", "the right half of 明 is a blank")
        g.put(0, 2, "明", width: 2)     // a wide character over the whole 小
        #expect(g.line(0) == " x明y")
        g.put(0, 1, "小", width: 2)     // over x and the left half of 明
        #expect(g.line(0) == " 小 y")
    }

    @Test("a wide character that does not fit at the right edge is not drawn")
    func wideAtTheEdge() {
        var g = CellGrid(rows: 1, cols: 3)
        g.write(0, 0, shown: "ab王", style: .plain)
        #expect(g.line(0) == "ab")
    }

    @Test("a zero-width character joins the character before it")
    func zeroWidth() {
        var g = CellGrid(rows: 1, cols: 5)
        g.write(0, 0, shown: "a\u{200B}b", style: .plain)
        #expect(g[0, 0].text == "a\u{200B}" && g[0, 1].text == "b")
    }

    @Test("restyle changes the style of a run of cells and keeps their text")
    func restyle() {
        var g = CellGrid(rows: 1, cols: 10)
        g.put(0, 0, "* 王小明 x", width: 10, style: .color(.dim))
        g.restyle(0, 0, count: 6, style: .reverse)
        #expect(g.line(0) == "* 王小明 x")
        #expect(g.styles(0, 0, count: 6).allSatisfy { $0 == .reverse })
        #expect(g.style(0, 6) == .color(.dim))
    }

    @Test("fill blanks a rectangle in a style; a wide character it cuts loses both halves")
    func fill() {
        var g = CellGrid(rows: 3, cols: 6)
        for y in 0..<3 { g.put(y, 0, "王小明", width: 6) }
        g.fill(y: 1, x: 1, rows: 2, cols: 2, style: .reverse)
        #expect(g.lines == ["王小明", "    明", "    明"])
        #expect(g.style(1, 1) == .reverse && g.style(1, 2) == .reverse)
        #expect(g.style(1, 0) == .plain && g.style(1, 3) == .plain, "the halves outside keep their style")
    }

    @Test("a frame draws line characters, or ASCII when the terminal is not UTF-8")
    func frame() {
        var g = CellGrid(rows: 4, cols: 6)
        g.frame(y: 0, x: 1, rows: 3, cols: 4)
        #expect(g.lines == [" ┌──┐", " │  │", " └──┘", ""])
        var a = CellGrid(rows: 3, cols: 4, utf8: false)
        a.frame(y: 0, x: 0, rows: 3, cols: 4)
        #expect(a.text == "+--+\n|  |\n+--+")
    }

    @Test("the cursor is placed or hidden")
    func cursor() {
        var g = CellGrid(rows: 2, cols: 2)
        #expect(g.cursor == nil)
        g.setCursor(CellPosition(y: 1, x: 1))
        #expect(g.cursor == CellPosition(y: 1, x: 1))
        g.setCursor(nil)
        #expect(g.cursor == nil)
    }
}
