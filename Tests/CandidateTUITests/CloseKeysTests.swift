import CandidateCore
import Testing
@testable import CandidateTUI

/// Every prompt and panel answers `q` and `Esc` the way its hint line says: in panels both
/// close or cancel (the same state after either), the hint names the key that does it; only
/// the search prompt types `q` (it would lose typing otherwise) and its hint says `Esc`.
@Suite("q and Esc on every prompt and panel")
struct CloseKeysTests {
    /// One overlay: how to open it, what its hint line says closes it, what it is.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The hint that names the closing keys, as shown on the hint line.
        var hint: String
        var open: @Sendable () -> AppModel

        var testDescription: String { name }
    }

    static func form(_ prepare: (inout AppModel) -> Void = { _ in }) -> AppModel {
        var m = ScreenFixtures.list()
        m.openForm()
        prepare(&m)
        return m
    }

    static func formMenu(_ field: CandidateField) -> AppModel {
        form { m in
            m.form?.focus = field
            _ = m.update(.key(.enter))
        }
    }

    static let cases: [Case] = [
        Case(name: "confirmMove", hint: "n/Esc no") {
            var m = ScreenFixtures.statusMenu()
            _ = m.update(.key(.enter))
            return m
        },
        Case(name: "confirmSave", hint: "n/Esc no") {
            form { m in
                m.typeInto(.lastName, "Changed")
                _ = m.update(.key(.function(2)))
            }
        },
        Case(name: "confirmDiscard", hint: "n/Esc no") {
            form { m in
                m.typeInto(.lastName, "Changed")
                _ = m.update(.key(.escape))
            }
        },
        Case(name: "bulkMenu", hint: "Esc cancel") {
            var m = ScreenFixtures.list()
            _ = m.update(.key(.char(" ")))
            _ = m.update(.key(.char("s")))
            return m
        },
        Case(name: "bulkPreview", hint: "n/Esc no") { ScreenFixtures.bulkPreview() },
        Case(name: "bulkResult", hint: "Esc close") { ScreenFixtures.bulkResult() },
        Case(name: "draftsPrompt", hint: "l/Esc later") {
            var m = ScreenFixtures.list()
            _ = m.update(.draftsFound([CandidateDraft(ScreenFixtures.people[0])]))
            return m
        },
        Case(name: "conflict", hint: "Esc back") { ScreenFixtures.conflict() },
        Case(name: "statusMenu", hint: "Esc cancel") { ScreenFixtures.statusMenu() },
        Case(name: "formStatusMenu", hint: "Esc cancel") { formMenu(.status) },
        Case(name: "genderMenu", hint: "Esc cancel") { formMenu(.gender) },
        Case(name: "jobsPicker", hint: "Esc cancel") { formMenu(.jobIds) },
        Case(name: "statusFilterMenu", hint: "Esc cancel") {
            var m = ScreenFixtures.list()
            _ = m.update(.key(.char("f")))
            return m
        },
        Case(name: "jobFilterMenu", hint: "Esc cancel") {
            var m = ScreenFixtures.list()
            _ = m.update(.key(.char("J")))
            return m
        },
        Case(name: "messages", hint: "q/Esc close") {
            var m = ScreenFixtures.list()
            m.flash = Flash(text: String(repeating: "a long message ", count: 30), kind: .error)
            _ = m.update(.key(.ctrl("g")))
            return m
        },
    ]

    /// What a closing key may change: the overlay, the screen, the message, quitting, effects.
    struct Outcome: Equatable {
        var overlay: Overlay?
        var screen: Screen
        var flash: Flash?
        var quit: Bool
        var effects: [Effect]
    }

    static func press(_ key: Key, on model: AppModel) -> Outcome {
        var m = model
        let effects = m.update(.key(key))
        return Outcome(overlay: m.overlay, screen: m.screen, flash: m.flash, quit: m.quit, effects: effects)
    }

    @Test("the hint names the closing key, Esc closes, and q does exactly what Esc does", arguments: cases)
    func closes(_ c: Case) throws {
        let m = c.open()
        let opened = try #require(m.overlay, "\(c.name) did not open")
        #expect("\(opened)".hasPrefix(c.name), "opened \(opened)")
        let hints = m.keyHints().map(\.text)
        #expect(hints.contains(c.hint), "\(c.name): \(hints)")
        #expect(m.keyHints().first { $0.text == c.hint }?.priority == 0, "the closing key never drops off a narrow hint line")
        let esc = Self.press(.escape, on: m), q = Self.press(.char("q"), on: m)
        #expect(esc.overlay == nil, "\(c.name): Esc leaves \(String(describing: esc.overlay))")
        #expect(!esc.quit)
        #expect(q == esc, "\(c.name): q and Esc differ")
    }

    @Test("the search prompt types q (it would lose typing otherwise); its hint names Esc")
    func searchTypesQ() {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("/")))
        #expect(m.keyHints().map(\.text).contains("Esc clear"))
        #expect(!m.keyHints().contains { $0.text.contains("q") })
        _ = m.update(.key(.char("q")))
        #expect(m.searching && m.list.filter.search == "q" && !m.quit)
        _ = m.update(.key(.escape))
        #expect(!m.searching && m.list.filter.search.isEmpty && !m.quit)
    }

    @Test("q while a bulk change runs: not quitting, a message says why and what to do; the hint names Esc")
    func quitDuringBulk() {
        var m = ScreenFixtures.bulkPreview()
        _ = m.update(.key(.char("y")))
        #expect(m.bulk != nil)
        #expect(m.keyHints().contains(KeyHint("Esc cancel change", 0)) && !m.keyHints().contains { $0.text == "q quit" })
        _ = m.update(.key(.char("q")))
        #expect(!m.quit)
        #expect(m.flash == Flash(text: AppModel.quitDuringBulk, kind: .error))
        #expect(m.flash?.text.contains("Esc cancels") == true)
        // Below the minimum size q cancels the change instead of quitting (and says so).
        _ = m.update(.resized(rows: 10, cols: 40))
        let effects = m.update(.key(.char("q")))
        #expect(!m.quit && effects == [.cancelBulk] && m.bulk?.cancelling == true)
        let grid = renderScreen(m, cols: 40, rows: 10)
        #expect(grid.line(2) == "q cancels the bulk change" && grid.line(3) == "enlarge to continue")
    }
}
