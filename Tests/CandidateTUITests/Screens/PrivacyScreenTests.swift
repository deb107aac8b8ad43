import CandidateCore
import Testing
@testable import CandidateTUI

/// Privacy mode on every screen at 80×24: the list's emails and phones masked and `privacy`
/// in the header; the form masks every field but the one being typed in; the save
/// confirmation and the conflict view mask both sides; the bulk panels name no contact.
@Suite("Screen: privacy mode")
struct PrivacyScreenTests {
    /// The screen fixtures' list with `p` pressed.
    static func list() -> AppModel {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("p")))
        return m
    }

    /// The conflict view with privacy on: the email edited here and on the server.
    static func conflict() -> AppModel {
        var m = list()
        m.openForm()
        m.typeInto(.email, "mine@example.com")
        _ = m.update(.key(.function(2)))
        _ = m.update(.key(.char("y")))
        var theirs = ScreenFixtures.people[0]
        theirs.email = "theirs@example.net"
        theirs.updatedAt = "2026-11-29T12:00:00.000Z"
        _ = m.update(.checkedBeforeSave(theirs))
        return m
    }

    /// Three marked with privacy on, and the bulk preview of moving them to REJECTED.
    static func bulkPreview() -> AppModel { ScreenFixtures.bulkPreview(from: list()) }

    @Test("the list at 80×24: emails and phones masked, privacy in the header")
    func listUsual() {
        expectScreen(renderScreen(Self.list()), """
         candidates · privacy · local sandbox 127.0.0.1:8080 · Northwind   8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    j•••••@example.com              +421 •••••0001
          Tomáš Šťastný     IN_PROCESS t•••••@example.com              +420 •••••0002
          王 小明           ACCEPTED   w•••••@example.com
          Peter Horváth     REJECTED   p•••••@example.com              +421 •••••2333
          Eva Kováčová      APPLIED    e•••••@example.com
          Martin Dvořák     UNDEFINED
          Lucia Bieliková   IN_PROCESS l•••••@example.com              +421 •••••5666
          Ondrej Veselý     APPLIED    o•••••@example.com












         Privacy on: email and phone are masked
        ↑↓ move · Enter edit · s status · / search · Space mark · ? help · q quit
        """)
    }

    @Test("p again: the list as without privacy")
    func listToggledOff() {
        var m = Self.list()
        _ = m.update(.key(.char("p")))
        var plain = ScreenFixtures.list()
        plain.flash = m.flash
        #expect(renderScreen(m).lines == renderScreen(plain).lines)
        #expect(renderScreen(m).text.contains("jana.novakova@example.com"))
    }

    @Test("the form at 80×24: Email and Phone masked while another field is focused")
    func form() {
        var m = Self.list()
        m.openForm()
        expectScreen(renderScreen(m), """
         candidates · privacy · local sandbox 127.0.0.1:8080 · Northwind     no changes
         Edit Jana Nováková
        ▸First name      Jana
         Last name       Nováková
         Email           j•••••@example.com
         Phone           +421 •••••0001
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engineer
         Metadata        (empty)
         CV              (empty)

         Id 00000000-0000-4000-8000-000000000000
         Rating 4 · Analyses 0 · Interviews 0
         Created – · Updated 2026-11-20T09:00:00.000Z







        Tab/↓ next · S-Tab/↑ prev · Enter menu/editor · F2/^S save · F1 help · Esc back
        """)
    }

    @Test("the form at 80×24: the field being edited shows its exact text; the others stay masked")
    func formEditingEmail() {
        var m = Self.list()
        m.openForm()
        let resting = renderScreen(m).lines
        _ = m.update(.key(.tab))
        _ = m.update(.key(.tab))
        let editing = renderScreen(m).lines
        // Only the focus marker moves and the Email row shows its text.
        #expect(editing[2] == " First name      Jana")
        #expect(editing[4] == "▸Email           jana.novakova@example.com")
        #expect(editing[5] == " Phone           +421 •••••0001")
        for row in resting.indices where ![2, 4].contains(row) { #expect(editing[row] == resting[row], "row \(row)") }
    }

    @Test("the save confirmation at 80×24 masks both sides of the email and the phone")
    func confirmSave() {
        var m = Self.list()
        m.openForm()
        _ = m.update(.key(.tab))
        _ = m.update(.key(.tab))
        m.typeInto(.email, "jana.horvath@example.org")
        m.typeInto(.phoneNumber, "+421905123456")
        _ = m.update(.key(.function(2)))
        expectScreen(renderScreen(m), """
         candidates · privacy · local sandbox 127.0.0.1:8080 · Northwind      2 changed
         Edit Jana Nováková
         First name      Jana
         Last name       Nováková
        ▸Email         * jana.horvath@example.org
         Phone         * +421 •••••3456
         GDPR expiry
         Status          APPLIED
         Gender        ┌─ Save 2 changes ───────────────────────────────┐
         Jobs          │ Email: j•••••@example.com → j•••••@example.org │
         Metadata      │ Phone: +421 •••••0001 → +421 •••••3456         │
         CV            │                                                │
                       │                                                │
         Id 00000000-00│ Send these changes? (y/N)                      │
         Rating 4 · Ana└────────────────────────────────────────────────┘
         Created – · Updated 2026-11-20T09:00:00.000Z







        y yes · n/Esc no
        """)
    }

    @Test("the conflict view at 80×24 masks base, mine and theirs")
    func conflictView() {
        expectScreen(renderScreen(Self.conflict()), """
         candidates · privacy · local sandbox 127.0.0.1:8080 · Northwind      1 changed
         Edit Jana Nováková
        ▸First name      Jana
         Last name       Nováková
         Email         * m•••••@example.com
         Phone           +421 •••••0001
         GDPR expiry
         Statu┌─ Changed on the server meanwhile ───────────────────────────────┐
         Gende│ Changed by both — choose per field (m mine, t theirs):          │
         Jobs │ ▸ Email [?]                                                     │
         Metad│     base:   j•••••@example.com                                  │
         CV   │     mine:   m•••••@example.com                                  │
              │     theirs: t•••••@example.net                                  │
         Id 00│                                                                 │
         Ratin│                                                                 │
         Creat│ ↑↓ field · m mine · t theirs · Enter review and send · Esc back │
              └─────────────────────────────────────────────────────────────────┘





         Jana Nováková changed on the server since you opened it — nothing was sent
        ↑↓ field · m mine · t theirs · Enter review and send · Esc back
        """)
    }

    @Test("the bulk preview at 80×24: the panel is the same as without privacy (names and statuses only); the rows behind stay masked")
    func bulkPreviewScreen() {
        let masked = renderScreen(Self.bulkPreview()).lines
        let plain = renderScreen(ScreenFixtures.bulkPreview()).lines
        #expect(masked[0] == " candidates · privacy · local sandbox 127.0.0.1:8080 ·… 3 marked · 8 candidates")
        #expect(masked[2] == "* Jana Nováková     APPLIED    j•••••@example.com              +421 •••••0001")
        #expect(masked[5] == "  Peter Horváth     REJECTED   p•••••@example.com              +421 •••••2333")
        #expect(masked[6] == " ┌─ Bulk status change ───────────────────────────────────────────────────────┐")
        #expect(masked[10] == " │ Jana Nováková — APPLIED → REJECTED                                         │")
        for row in 6...16 { #expect(masked[row] == plain[row], "row \(row)") }
    }

    @Test("the bulk result at 80×24 has no email or phone either")
    func bulkResultScreen() {
        var m = Self.bulkPreview()
        _ = m.update(.key(.char("y")))
        let p = ScreenFixtures.people
        var moved = p[0]
        moved.status = .rejected
        _ = m.update(.bulk(.finished(BulkReport(target: .rejected, results: [
            BulkItemResult(id: p[0].id, name: p[0].fullName, from: .applied, outcome: .moved(moved)),
            BulkItemResult(id: p[1].id, name: p[1].fullName, from: .inProcess, outcome: .failed(.timeout(seconds: 10), attempts: 3)),
        ], cancelled: false))))
        let text = renderScreen(m).text
        #expect(text.contains("Bulk result"))
        for c in p { for s in [c.email, c.phoneNumber].compactMap({ $0 }) { #expect(!text.contains(s.prefix(9)), "\(text)") } }
    }
}
