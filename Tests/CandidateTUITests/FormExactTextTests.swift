import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// The form edits the server's exact text: nothing sanitized or cut is ever sent, what the
/// screen cannot show is named, and fields the client does not know are shown, never sent.
@Suite("Form: the server's exact text")
struct FormExactTextTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 29)!

    static func candidate(firstName: String = "Jana", lastName: String) -> Candidate {
        Candidate(id: "00000000-0000-4000-8000-000000000077", firstName: firstName, lastName: lastName,
                  email: "jana@example.com", status: .applied, updatedAt: "2026-11-01T10:00:00.000Z")
    }

    /// The list shows `c`, Enter opens it, the server answers with `c`.
    static func opened(_ c: Candidate) -> AppModel {
        var m = AppModel(connection: ConnectionInfo(location: "test", company: nil), today: today)
        _ = m.start()
        _ = m.update(.pageLoaded(generation: 0, Page(items: [c], total: 1, page: 1, limit: 50, totalPages: 1)))
        _ = m.update(.key(.enter))
        _ = m.update(.candidateOpened(c))
        return m
    }

    /// F2, `y`, and the server's unchanged copy: the effects that send (or the empty list).
    static func save(_ m: inout AppModel, theirs: Candidate) -> [Effect] {
        _ = m.update(.key(.function(2)))
        guard case .confirmSave? = m.overlay else { return [] }
        _ = m.update(.key(.char("y")))
        return m.update(.checkedBeforeSave(theirs))
    }

    @Test("appending a letter to a name with an emoji ZWJ sequence, a zero-width space and ESC sends the name plus the letter")
    func appendKeepsEverything() throws {
        let name = "Doe👩\u{200D}💻\u{200B}\u{1B}"
        let c = Self.candidate(lastName: name)
        var m = Self.opened(c)
        _ = m.update(.key(.tab))
        m.type("x")
        let effects = Self.save(&m, theirs: c)
        guard case .save(_, let patch, let fields)? = effects.first else { Issue.record("nothing sent: \(effects)"); return }
        #expect(fields == [.lastName])
        #expect(Array(try #require(patch[.lastName]?.stringValue).unicodeScalars) == Array((name + "x").unicodeScalars))
        #expect(patch.body() == Data(JSONValue.object(["lastName": .string(name + "x")]).compactText().utf8))
    }

    @Test("the confirmation and the form say how many characters are not shown as they are")
    func hiddenCharactersAreNamed() {
        let name = "Doe\u{200B}"
        var m = Self.opened(Self.candidate(lastName: name))
        _ = m.update(.key(.tab))
        #expect(m.form?.hiddenNote(.lastName) == "1 hidden: U+200B")
        #expect(m.form?.hiddenNote(.firstName) == nil)
        m.type("x")
        _ = m.update(.key(.function(2)))
        #expect(m.overlay == .confirmSave(lines: ["Last name: Doe\u{200B} [1 hidden] → Doe\u{200B}x [1 hidden]"]))
        // Controls, bidi controls and the parts of an emoji sequence the screen leaves out count too.
        let odd = Self.opened(Self.candidate(lastName: "\u{202E}Doe👩\u{200D}💻\u{1B}"))
        #expect(odd.form?.hiddenNote(.lastName) == "4 hidden: U+202E U+200D U+1F4BB U+001B")
    }

    @Test("a field nobody touched is never sent, whatever it holds")
    func untouchedIsNeverSent() {
        let c = Self.candidate(firstName: " \u{1B}[31mAna\u{202E} ", lastName: "\u{301}\u{200D}")
        var m = Self.opened(c)
        for key in [Key.tab, .left, .right, .home, .end, .backTab, .ctrl("a"), .ctrl("e")] { _ = m.update(.key(key)) }
        #expect(m.update(.key(.function(2))).isEmpty)
        #expect(m.flash?.text == "Nothing to change")
        #expect(m.form?.draft.hasChanges == false)
    }

    @Test("a paste goes through the same editor: at the cursor, line breaks as spaces; elsewhere it is ignored")
    func pasteThroughTheEditor() {
        var m = Self.opened(Self.candidate(lastName: "Doe"))
        _ = m.update(.key(.tab))
        _ = m.update(.key(.home))
        _ = m.update(.key(.paste("Jo\nhn\u{1B}-")))
        #expect(m.form?.draft.lastName == "Jo hn-Doe")
        // An overlay open: the paste is not a key (it does not answer the question).
        _ = m.update(.key(.escape))
        #expect(m.overlay == .confirmDiscard)
        _ = m.update(.key(.paste("y")))
        #expect(m.overlay == .confirmDiscard)
        #expect(m.form != nil)
    }

    @Test("fields the server sends that the client does not know: shown read-only below the form, never sent")
    func unknownFields() throws {
        let json = """
        {"id": "00000000-0000-4000-8000-000000000078", "firstName": "Jana", "lastName": "Nová", "status": "APPLIED",
         "updatedAt": "2026-11-01T10:00:00.000Z", "source": "linkedin", "tags": ["icu", "night"], "score": 3.5,
         "note": "a\\u001b[2Jb"}
        """
        let c = try JSONDecoder().decode(Candidate.self, from: Data(json.utf8))
        var m = Self.opened(c)
        let lines = try #require(m.form?.infoLines(room: 20))
        #expect(lines.suffix(5) == ["Other fields from the server (read-only, never sent):",
                                    "  note: a\u{1B}[2Jb", "  score: 3.5", "  source: linkedin", "  tags: [\"icu\",\"night\"]"])
        // A small terminal: the last line says that more is there.
        #expect(m.form?.infoLines(room: 2) == ["Id \(c.id)", "… 7 more lines, with fields from the server (a taller terminal shows them)"])
        m.typeInto(.firstName, "Janka")
        let effects = Self.save(&m, theirs: c)
        guard case .save(_, let patch, _)? = effects.first else { Issue.record("nothing sent: \(effects)"); return }
        #expect(patch.body() == Data(#"{"firstName":"Janka"}"#.utf8))
    }
}
