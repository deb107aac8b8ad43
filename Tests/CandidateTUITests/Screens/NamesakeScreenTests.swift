import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// Three candidates named Jana Nováková beside the usual ones: two told apart by their
/// emails, one without an email by the start of its id. The bulk preview and result, the
/// drafts prompt and the conflict message name them so.
@Suite("Screen: same-name candidates")
struct NamesakeScreenTests {
    static let namesakes: [Candidate] = [
        Candidate(id: "7c1d9e2a-0000-4000-8000-000000000101", firstName: "Jana", lastName: "Nováková", email: "jana.n@firma.sk",
                  status: .inProcess, updatedAt: "2026-11-21T09:00:00.000Z"),
        Candidate(id: "a93f0b6e-0000-4000-8000-000000000102", firstName: "Jana", lastName: "Nováková", status: .applied,
                  updatedAt: "2026-11-22T09:00:00.000Z"),
    ]

    /// The list with the namesakes; the three Janas and Tomáš marked, then the bulk preview
    /// of moving them to REJECTED.
    static func preview() -> AppModel {
        var m = ScreenFixtures.list(ScreenFixtures.people + namesakes)
        for id in [ScreenFixtures.people[0].id, ScreenFixtures.people[1].id] + namesakes.map(\.id) {
            while m.list.current?.id != id { _ = m.update(.key(.down)) }
            _ = m.update(.key(.char(" ")))
            _ = m.update(.key(.home))
        }
        _ = m.update(.key(.char("s")))
        while m.menu().map({ $0.items[m.menuCursor].value }) != "REJECTED" { _ = m.update(.key(.down)) }
        _ = m.update(.key(.enter))
        return m
    }

    /// The preview sent: two Janas moved, one failed, Tomáš moved.
    static func result() -> AppModel {
        var m = preview()
        _ = m.update(.key(.char("y")))
        let p = ScreenFixtures.people
        func moved(_ c: Candidate) -> BulkItemResult {
            var c2 = c
            c2.status = .rejected
            return BulkItemResult(id: c.id, name: c.fullName, from: c.status, outcome: .moved(c2))
        }
        let report = BulkReport(target: .rejected, results: [
            moved(p[0]), moved(p[1]), moved(namesakes[0]),
            BulkItemResult(id: namesakes[1].id, name: namesakes[1].fullName, from: .applied,
                           outcome: .failed(.timeout(seconds: 10), attempts: 3)),
        ], cancelled: false)
        _ = m.update(.bulk(.finished(report)))
        return m
    }

    static let sizes = [(cols: 80, rows: 24), (cols: 120, rows: 40), (cols: 160, rows: 50)]

    /// Unsent drafts of two Janas and Peter found at start.
    static func drafts() -> AppModel {
        var m = ScreenFixtures.list(ScreenFixtures.people + namesakes)
        var d1 = CandidateDraft(ScreenFixtures.people[0])
        d1.setText("+421900000111", for: .phoneNumber)
        var d2 = CandidateDraft(namesakes[0])
        d2.setText("Nová", for: .lastName)
        var d3 = CandidateDraft(ScreenFixtures.people[3])
        d3.setText("peter@example.org", for: .email)
        _ = m.update(.draftsFound([d1, d2, d3]))
        return m
    }

    @Test("the bulk preview tells the three Janas apart at 80×24")
    func preview80() {
        let grid = renderScreen(Self.preview(), cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind 4 marked · 10 candidates
          Name              Status     Email                           Phone
        * Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
        * Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
         ┌─ Bulk status change ───────────────────────────────────────────────────────┐
         │ Move 4 candidates to REJECTED: 2 from APPLIED, 2 from IN_PROCESS           │
         │                                                                            │
         │ Jana Nováková (jana.novakova@…) — APPLIED → REJECTED                       │
        *│ Jana Nováková (jana.n@…) — IN_PROCESS → REJECTED                           │
        *│ Jana Nováková (#a93f0b6e) — APPLIED → REJECTED                             │
         │ Tomáš Šťastný — IN_PROCESS → REJECTED                                      │
         │                                                                            │
         │                                                                            │
         │ Send 4 changes? (y/N)                                                      │
         └────────────────────────────────────────────────────────────────────────────┘






        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the bulk preview tells the three Janas apart at 120×40")
    func preview120() {
        let grid = renderScreen(Self.preview(), cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                         4 marked · 10 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
        * Jana Nováková             APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
        * Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
        * Jana Nováková             IN_PROCESS jana.n@firma.sk                                              0      – 2026-11-21
        * Jana Nováková             APPLIED                                                                 0      – 2026-11-22


                ┌─ Bulk status change ─────────────────────────────────────────────────────────────────────────────────┐
                │ Move 4 candidates to REJECTED: 2 from APPLIED, 2 from IN_PROCESS                                     │
                │                                                                                                      │
                │ Jana Nováková (jana.novakova@…) — APPLIED → REJECTED                                                 │
                │ Jana Nováková (jana.n@…) — IN_PROCESS → REJECTED                                                     │
                │ Jana Nováková (#a93f0b6e) — APPLIED → REJECTED                                                       │
                │ Tomáš Šťastný — IN_PROCESS → REJECTED                                                                │
                │                                                                                                      │
                │                                                                                                      │
                │ Send 4 changes? (y/N)                                                                                │
                └──────────────────────────────────────────────────────────────────────────────────────────────────────┘














        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the bulk preview tells the three Janas apart at 160×50")
    func preview160() {
        let grid = renderScreen(Self.preview(), cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                 4 marked · 10 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
        * Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
        * Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
        * Jana Nováková                                                     IN_PROCESS jana.n@firma.sk                                              0      – 2026-11-21
        * Jana Nováková                                                     APPLIED                                                                 0      – 2026-11-22







                                    ┌─ Bulk status change ─────────────────────────────────────────────────────────────────────────────────┐
                                    │ Move 4 candidates to REJECTED: 2 from APPLIED, 2 from IN_PROCESS                                     │
                                    │                                                                                                      │
                                    │ Jana Nováková (jana.novakova@…) — APPLIED → REJECTED                                                 │
                                    │ Jana Nováková (jana.n@…) — IN_PROCESS → REJECTED                                                     │
                                    │ Jana Nováková (#a93f0b6e) — APPLIED → REJECTED                                                       │
                                    │ Tomáš Šťastný — IN_PROCESS → REJECTED                                                                │
                                    │                                                                                                      │
                                    │                                                                                                      │
                                    │ Send 4 changes? (y/N)                                                                                │
                                    └──────────────────────────────────────────────────────────────────────────────────────────────────────┘



















        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the bulk result tells them apart at 80×24")
    func result80() {
        let grid = renderScreen(Self.result(), cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind 1 marked · 10 candidates
          Name              Status     Email                           Phone
          Jana Nováková     REJECTED   jana.novakova@example.com       +421900000001
          Tomáš Šťastný     REJECTED   tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
         ┌─ Bulk result ──────────────────────────────────────────────────────────────┐
         │ Done: moved 3 · failed 1 → REJECTED                                        │
         │                                                                            │
         │ FAILED         Jana Nováková (#a93f0b6e) (3 attempts): No answer from      │
         │   the server within 10 s                                                   │
        *│ moved          Jana Nováková (jana.novakova@…): APPLIED → REJECTED         │
         │ moved          Tomáš Šťastný: IN_PROCESS → REJECTED                        │
         │ moved          Jana Nováková (jana.n@…): IN_PROCESS → REJECTED             │
         │                                                                            │
         │                                                                            │
         │ r retry 1 · Esc close                                                      │
         └────────────────────────────────────────────────────────────────────────────┘




         Done: moved 3 · failed 1 → REJECTED
        ↑↓ PgUp/PgDn scroll · r retry 1 · Esc close
        """)
    }

    @Test("the bulk result tells them apart at 120×40")
    func result120() {
        let grid = renderScreen(Self.result(), cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                         1 marked · 10 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             REJECTED   jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný             REJECTED   tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
          Jana Nováková             REJECTED   jana.n@firma.sk                                              0      – 2026-11-21
        * Jana Nováková             APPLIED                                                                 0      – 2026-11-22


                ┌─ Bulk result ────────────────────────────────────────────────────────────────────────────────────────┐
                │ Done: moved 3 · failed 1 → REJECTED                                                                  │
                │                                                                                                      │
                │ FAILED         Jana Nováková (#a93f0b6e) (3 attempts): No answer from the server within 10 s         │
                │ moved          Jana Nováková (jana.novakova@…): APPLIED → REJECTED                                   │
                │ moved          Tomáš Šťastný: IN_PROCESS → REJECTED                                                  │
                │ moved          Jana Nováková (jana.n@…): IN_PROCESS → REJECTED                                       │
                │                                                                                                      │
                │                                                                                                      │
                │ r retry 1 · Esc close                                                                                │
                └──────────────────────────────────────────────────────────────────────────────────────────────────────┘













         Done: moved 3 · failed 1 → REJECTED
        ↑↓ PgUp/PgDn scroll · r retry 1 · Esc close
        """)
    }

    @Test("the bulk result tells them apart at 160×50")
    func result160() {
        let grid = renderScreen(Self.result(), cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                 1 marked · 10 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     REJECTED   jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný                                                     REJECTED   tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
          Jana Nováková                                                     REJECTED   jana.n@firma.sk                                              0      – 2026-11-21
        * Jana Nováková                                                     APPLIED                                                                 0      – 2026-11-22







                                    ┌─ Bulk result ────────────────────────────────────────────────────────────────────────────────────────┐
                                    │ Done: moved 3 · failed 1 → REJECTED                                                                  │
                                    │                                                                                                      │
                                    │ FAILED         Jana Nováková (#a93f0b6e) (3 attempts): No answer from the server within 10 s         │
                                    │ moved          Jana Nováková (jana.novakova@…): APPLIED → REJECTED                                   │
                                    │ moved          Tomáš Šťastný: IN_PROCESS → REJECTED                                                  │
                                    │ moved          Jana Nováková (jana.n@…): IN_PROCESS → REJECTED                                       │
                                    │                                                                                                      │
                                    │                                                                                                      │
                                    │ r retry 1 · Esc close                                                                                │
                                    └──────────────────────────────────────────────────────────────────────────────────────────────────────┘


















         Done: moved 3 · failed 1 → REJECTED
        ↑↓ PgUp/PgDn scroll · r retry 1 · Esc close
        """)
    }

    @Test("the drafts prompt tells them apart at 80×24")
    func drafts80() {
        let grid = renderScreen(Self.drafts(), cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind            10 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
          Eva Kováčová      APPLIED    eva.kovacova@example.com
          Martin Dvořák     UNDEFINED
          Lucia Bieliko┌─ Unsent drafts ────────────────────────────────┐21905555666
          Ondrej Veselý│ Jana Nováková (jana.novakova@…): Phone         │
          Jana Nováková│ Jana Nováková (jana.n@…): Last name            │
          Jana Nováková│ Peter Horváth: Email                           │
                       │                                                │
                       │                                                │
                       │ 3 unsent drafts — (r)eview, (d)iscard, (l)ater │
                       └────────────────────────────────────────────────┘







        r review · d discard · l/Esc later
        """)
    }

    @Test("the drafts prompt tells them apart at 120×40")
    func drafts120() {
        let grid = renderScreen(Self.drafts(), cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                    10 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
          Jana Nováková             IN_PROCESS jana.n@firma.sk                                              0      – 2026-11-21
          Jana Nováková             APPLIED                                                                 0      – 2026-11-22




                                           ┌─ Unsent drafts ────────────────────────────────┐
                                           │ Jana Nováková (jana.novakova@…): Phone         │
                                           │ Jana Nováková (jana.n@…): Last name            │
                                           │ Peter Horváth: Email                           │
                                           │                                                │
                                           │                                                │
                                           │ 3 unsent drafts — (r)eview, (d)iscard, (l)ater │
                                           └────────────────────────────────────────────────┘















        r review · d discard · l/Esc later
        """)
    }

    @Test("the drafts prompt tells them apart at 160×50")
    func drafts160() {
        let grid = renderScreen(Self.drafts(), cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                            10 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28
          Jana Nováková                                                     IN_PROCESS jana.n@firma.sk                                              0      – 2026-11-21
          Jana Nováková                                                     APPLIED                                                                 0      – 2026-11-22









                                                               ┌─ Unsent drafts ────────────────────────────────┐
                                                               │ Jana Nováková (jana.novakova@…): Phone         │
                                                               │ Jana Nováková (jana.n@…): Last name            │
                                                               │ Peter Horváth: Email                           │
                                                               │                                                │
                                                               │                                                │
                                                               │ 3 unsent drafts — (r)eview, (d)iscard, (l)ater │
                                                               └────────────────────────────────────────────────┘




















        r review · d discard · l/Esc later
        """)
    }

    @Test("at 50×16 the drafts prompt's question wraps rather than lose the keys that answer it")
    func draftsNarrow() throws {
        let grid = renderScreen(Self.drafts(), cols: 50, rows: 16)
        let text = grid.lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
        #expect(text.contains("3 unsent drafts — (r)eview, (d)iscard,"), "\(grid.text)")
        #expect(text.contains("(l)ater"), "\(grid.text)")
        #expect(grid.style(try #require(grid.position(of: "(l)ater")).y, 3) == .bold)
    }

    @Test("the conflict message names the candidate as the list tells it apart from a loaded namesake")
    func conflictMessage() {
        var m = ScreenFixtures.list(ScreenFixtures.people + Self.namesakes)
        m.openForm()
        m.typeInto(.phoneNumber, "+421900000222")
        _ = m.update(.key(.function(2)))
        _ = m.update(.key(.char("y")))
        var theirs = ScreenFixtures.people[0]
        theirs.phoneNumber = "+421900000009"
        theirs.updatedAt = "2026-11-29T12:00:00.000Z"
        _ = m.update(.checkedBeforeSave(theirs))
        #expect(m.flash?.text == "Jana Nováková (jana.novakova@…) changed on the server since you opened it — nothing was sent")
        // Unique among the loaded: the name alone.
        let plain = ScreenFixtures.conflict()
        #expect(plain.flash?.text == "Jana Theirs changed on the server since you opened it — nothing was sent")
    }
}
