import CandidateCore
import Testing
@testable import CandidateTUI

/// The pager: opening it from the list and the form, scrolling, searching, wrapping.
@Suite("Pager: reading the CV and the metadata")
struct PagerTests {
    static let cv = (1...60).map { "Line \($0): " + ($0 % 20 == 0 ? "Swift and SwiftUI on iOS" : "something else") }.joined(separator: "\n")

    static func listWithCV() -> AppModel {
        var m = DetailPaneTests.wide(cols: 80)
        var c = candidate(0)
        c.cvText = cv
        c.metadata = .object(["source": .string("referral")])
        _ = m.update(.detailLoaded(c, token: 0))
        return m
    }

    static func pager(_ m: AppModel) -> PagerModel? {
        if case .pager(let p)? = m.overlay { return p }
        return nil
    }

    @Test("c reads the kept copy at once; without one it fetches, then opens; m shows the metadata pretty-printed")
    func openFromList() throws {
        var m = Self.listWithCV()
        #expect(m.update(.key(.char("c"))) == [])
        let p = try #require(Self.pager(m))
        #expect(p.title == "CV — First0 Last0")
        #expect(p.lines.count == 60)
        _ = m.update(.key(.char("q")))
        #expect(m.overlay == nil)
        _ = m.update(.key(.char("m")))
        #expect(Self.pager(m)?.lines == ["{", "  \"source\" : \"referral\"", "}"])
        _ = m.update(.key(.escape))
        _ = m.update(.key(.down))
        let effects = m.update(.key(.char("c")))
        #expect(effects == [.fetchDetail(id: candidateId(1), token: m.detail.token)])
        #expect(m.flash?.text == "Reading the CV of First1 Last1…")
        #expect(m.overlay == nil, "keys are not blocked while it loads")
        var c1 = candidate(1)
        c1.cvText = "short CV"
        _ = m.update(.detailLoaded(c1, token: m.detail.token))
        #expect(Self.pager(m)?.lines == ["short CV"])
        _ = m.update(.key(.char("q")))
        _ = m.update(.key(.char("m")))
        #expect(m.flash?.text == "First1 Last1 has no metadata")
    }

    @Test("F3 in the form shows the CV or the metadata as edited; elsewhere it says where it works")
    func openFromForm() throws {
        var m = Self.listWithCV()
        var c = candidate(0)
        c.cvText = "server CV"
        m.openForm(fetched: c)
        _ = m.update(.key(.function(3)))
        #expect(m.overlay == nil)
        #expect(m.flash?.text == "F3 shows the CV or the metadata: move to one of them first")
        m.form?.focus = .cvText
        m.form?.draft.cvText = "edited CV\nsecond line"
        _ = m.update(.key(.function(3)))
        let p = try #require(Self.pager(m))
        #expect(p.title == "CV (edited) — First0 Last0")
        #expect(p.lines == ["edited CV", "second line"])
        #expect(m.keyHints().contains(KeyHint("q close", 0)))
        _ = m.update(.key(.escape))
        #expect(m.overlay == nil && m.form != nil, "closing the pager leaves the form as it was")
    }

    @Test("scrolling stops at the text's ends; PgDn moves a page")
    func scrolling() {
        var p = PagerModel(title: "t", text: Self.cv)
        _ = p.handle(.pageDown, height: 21, width: 80)
        #expect(p.top == 21)
        _ = p.handle(.end, height: 21, width: 80)
        #expect(p.top == 60 - 21)
        _ = p.handle(.down, height: 21, width: 80)
        #expect(p.top == 60 - 21)
        _ = p.handle(.char("g"), height: 21, width: 80)
        #expect(p.top == 0)
        _ = p.handle(.up, height: 21, width: 80)
        #expect(p.top == 0)
        #expect(p.handle(.char("q"), height: 21, width: 80) == .close)
    }

    @Test("/ finds a word whatever its case; n and N go round the matches; a miss is said")
    func searching() {
        var p = PagerModel(title: "t", text: Self.cv)
        for key: Key in [.char("/"), .char("s"), .char("w"), .char("i"), .char("f"), .char("t"), .enter] { _ = p.handle(key, height: 15, width: 80) }
        #expect(p.query == "swift")
        #expect(p.matches().count == 6, "Swift and SwiftUI on lines 20, 40 and 60")
        #expect(p.matchIndex == 0)
        #expect(p.top == 14, "line 20 was below the page: shown a third down")
        _ = p.handle(.char("n"), height: 15, width: 80)
        _ = p.handle(.char("n"), height: 15, width: 80)
        #expect(p.matchIndex == 2)
        #expect(p.top == 34)
        _ = p.handle(.char("N"), height: 15, width: 80)
        _ = p.handle(.char("N"), height: 15, width: 80)
        _ = p.handle(.char("N"), height: 15, width: 80)
        #expect(p.matchIndex == 5, "round the start to the last")
        #expect(p.status(height: 15, width: 80).hasSuffix("match 6 of 6 for /swift"))
        p.search("kotlin", height: 15, width: 80)
        #expect(p.message == "Not found: kotlin")
    }

    @Test("w toggles wrapping; without it ←→ scroll sideways, and a match off to the right is brought into view")
    func wrapping() {
        let long = String(repeating: "word ", count: 40) + "needle"
        var p = PagerModel(title: "t", text: "first\n" + long + "\nlast")
        #expect(p.rows(width: 80).count == 5, "the long line takes three rows")
        _ = p.handle(.char("w"), height: 10, width: 80)
        #expect(!p.wrap)
        #expect(p.rows(width: 80).count == 3)
        _ = p.handle(.right, height: 10, width: 80)
        #expect(p.left == PagerModel.sideStep)
        _ = p.handle(.left, height: 10, width: 80)
        p.search("needle", height: 10, width: 80)
        #expect(p.left > 100, "scrolled to the match")
        _ = p.handle(.char("w"), height: 10, width: 80)
        #expect(p.wrap && p.left == 0)
    }
}
