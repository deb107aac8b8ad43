import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// Privacy mode in the model: `p` toggles it and says which; what shows is masked, what is
/// sent never is.
@Suite("Privacy mode: masked on screen, exact on the wire")
struct PrivacyTests {
    @Test("p on the list toggles privacy and the flash says which")
    func toggle() {
        var m = model([candidate(1)])
        #expect(!m.options.privacy)
        _ = m.update(.key(.char("p")))
        #expect(m.options.privacy)
        #expect(m.flash?.text == "Privacy on: email and phone are masked")
        _ = m.update(.key(.char("p")))
        #expect(!m.options.privacy)
        #expect(m.flash?.text == "Privacy off: email and phone are shown")
    }

    @Test("the option given at start is the first state; the pane's helpers mask only then")
    func startOption() {
        let on = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: TUIOptions(privacy: true))
        #expect(on.shown(email: "lucia@example.org") == "l•••••@example.org")
        #expect(on.shownPhone("+34612349708") == "+34 •••••9708")
        #expect(on.shown(.firstName, "Lucia") == "Lucia")
        let off = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
        #expect(off.shown(email: "lucia@example.org") == "lucia@example.org")
        #expect(off.shownPhone("+34612349708") == "+34612349708")
    }

    @Test("a terminal that is not UTF-8 gets * for the hidden characters")
    func asciiTerminal() {
        var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: TUIOptions(privacy: true))
        _ = m.update(.terminalReady(utf8: false, rows: 24, cols: 80, keepsDrafts: false, warning: nil))
        #expect(m.shown(email: "lucia@example.org") == "l*****@example.org")
    }

    @Test("with privacy on, the PATCH body holds the exact new email and phone; the confirmation shows them masked")
    func patchUnchanged() throws {
        let c = candidate(1)
        var m = model([c])
        _ = m.update(.key(.char("p")))
        m.openForm()
        m.typeInto(.email, "lucia.garcia@example.org")
        m.typeInto(.phoneNumber, "+34612349708")
        _ = m.update(.key(.function(2)))
        guard case .confirmSave(let plain)? = m.overlay else { Issue.record("no confirmation: \(String(describing: m.overlay))"); return }
        #expect(plain == ["Email: c1@example.com → lucia.garcia@example.org", "Phone: +421900000001 → +34612349708"])
        #expect(m.prompt()?.lines == ["Email: •••••@example.com → l•••••@example.org", "Phone: +421 •••••0001 → +34 •••••9708"])
        _ = m.update(.key(.char("y")))
        let effects = m.update(.checkedBeforeSave(c))
        guard case .save(_, let patch, let fields)? = effects.first else { Issue.record("nothing sent: \(effects)"); return }
        #expect(fields == [.email, .phoneNumber])
        #expect(patch.body() == Data(JSONValue.object(["email": .string("lucia.garcia@example.org"),
                                                       "phoneNumber": .string("+34612349708")]).compactText().utf8))
    }

    @Test("the conflict view masks base, mine and theirs of the email")
    func conflictMasked() {
        let c = candidate(1)
        var m = model([c])
        _ = m.update(.key(.char("p")))
        m.openForm()
        m.typeInto(.email, "mine@example.org")
        _ = m.update(.key(.function(2)))
        _ = m.update(.key(.char("y")))
        var theirs = c
        theirs.email = "theirs@example.net"
        theirs.updatedAt = "2026-11-29T12:00:00.000Z"
        _ = m.update(.checkedBeforeSave(theirs))
        let lines = m.prompt()?.lines ?? []
        #expect(lines.contains("    base:   •••••@example.com"))
        #expect(lines.contains("    mine:   m•••••@example.org"))
        #expect(lines.contains("    theirs: t•••••@example.net"))
        #expect(!lines.joined().contains("mine@") && !lines.joined().contains("theirs@"))
    }
}
