import CandidateCore
import Testing
@testable import CandidateTUI

/// Long messages: the message line wraps onto up to three rows (the list gives them up), a
/// longer one ends in `…` and the hint line offers `^G`, which shows every message whole; the
/// form shows a field's cut message whole below the fields.
@Suite("Screen: long messages")
struct MessageScreenTests {
    static let long = "Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the editor tries again in 16 s, then r retries by hand"

    /// The list with a message that takes two or three lines.
    static var wrapped: AppModel {
        var m = ScreenFixtures.list()
        m.flash = Flash(text: long, kind: .error)
        return m
    }

    /// The list with a message too long for three lines.
    static var cut: AppModel {
        var m = ScreenFixtures.list()
        m.flash = Flash(text: String(repeating: long + " ", count: 3), kind: .error)
        return m
    }

    /// `Ctrl-G` on `cut`, on a terminal of `rows` × `cols`.
    static func panel(cols: Int, rows: Int) -> AppModel {
        var m = cut
        _ = m.update(.terminalReady(utf8: true, rows: rows, cols: cols, keepsDrafts: false, warning: nil))
        _ = m.update(.key(.ctrl("g")))
        return m
    }

    @Test("a long message wraps above the key hints at 80×24")
    func flash80() {
        let grid = renderScreen(Self.wrapped, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind             8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
          Eva Kováčová      APPLIED    eva.kovacova@example.com
          Martin Dvořák     UNDEFINED
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com     +421905555666
          Ondrej Veselý     APPLIED    ondrej.vesely@example.com










         Could not load candidates: the server answered 503 Service Unavailable — the
         sandbox is restarting after a configuration change; the editor tries again in
         16 s, then r retries by hand
        ↑↓ move · Enter edit · s status · / search · Space mark · ? help · q quit
        """)
    }

    @Test("a long message wraps above the key hints at 120×40")
    func flash120() {
        let grid = renderScreen(Self.wrapped, cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                     8 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28



























         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a
         configuration change; the editor tries again in 16 s, then r retries by hand
        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · r reload · ? help · q quit
        """)
    }

    @Test("a long message wraps above the key hints at 160×50")
    func flash160() {
        let grid = renderScreen(Self.wrapped, cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                             8 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28





































         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the editor tries again in 16
         s, then r retries by hand
        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · v range · * all · u unmark · r reload · : command · ? help · q quit
        """)
    }

    @Test("a message beyond three lines ends in … and the hints offer ^G at 80×24")
    func cut80() {
        let grid = renderScreen(Self.cut, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind             8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
          Eva Kováčová      APPLIED    eva.kovacova@example.com
          Martin Dvořák     UNDEFINED
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com     +421905555666
          Ondrej Veselý     APPLIED    ondrej.vesely@example.com










         Could not load candidates: the server answered 503 Service Unavailable — the
         sandbox is restarting after a configuration change; the editor tries again in
         16 s, then r retries by hand Could not load candidates: the server answered 5…
        ↑↓ move · Enter edit · s status · / search · ? help · ^G whole message · q quit
        """)
    }

    @Test("a message beyond three lines ends in … and the hints offer ^G at 120×40")
    func cut120() {
        let grid = renderScreen(Self.cut, cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                     8 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28


























         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a
         configuration change; the editor tries again in 16 s, then r retries by hand Could not load candidates: the server
         answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the editor tries again in …
        ↑↓ move · Enter edit · s status · / search · f status · J job · Space mark · ? help · ^G whole message · q quit
        """)
    }

    @Test("a message beyond three lines ends in … and the hints offer ^G at 160×50")
    func cut160() {
        let grid = renderScreen(Self.cut, cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                             8 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28




































         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the editor tries again in 16
         s, then r retries by hand Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the
         editor tries again in 16 s, then r retries by hand Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a…
        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · v range · r reload · : command · ? help · ^G whole message · q quit
        """)
    }

    @Test("^G shows the whole message in a scrolling panel at 80×24")
    func panel80() {
        let grid = renderScreen(Self.panel(cols: 80, rows: 24), cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind             8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
         ┌─ Messages ─────────────────────────────────────────────────────────────────┐
         │ Could not load candidates: the server answered 503 Service Unavailable —   │
         │ the sandbox is restarting after a configuration change; the editor tries   │
         │ again in 16 s, then r retries by hand Could not load candidates: the       │
         │ server answered 503 Service Unavailable — the sandbox is restarting after  │
         │ a configuration change; the editor tries again in 16 s, then r retries by  │
         │ hand Could not load candidates: the server answered 503 Service            │
         │ Unavailable — the sandbox is restarting after a configuration change; the  │
         │ editor tries again in 16 s, then r retries by hand                         │
         │                                                                            │
         │                                                                            │
         │ ↑↓ scroll · q/Esc close                                                    │
         └────────────────────────────────────────────────────────────────────────────┘




         Could not load candidates: the server answered 503 Service Unavailable — the …
        ↑↓ PgUp/PgDn scroll · q/Esc close
        """)
    }

    @Test("^G shows the whole message in a scrolling panel at 120×40")
    func panel120() {
        let grid = renderScreen(Self.panel(cols: 120, rows: 40), cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                     8 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
          Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28




                ┌─ Messages ───────────────────────────────────────────────────────────────────────────────────────────┐
                │ Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting   │
                │ after a configuration change; the editor tries again in 16 s, then r retries by hand Could not load  │
                │ candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a          │
                │ configuration change; the editor tries again in 16 s, then r retries by hand Could not load          │
                │ candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a          │
                │ configuration change; the editor tries again in 16 s, then r retries by hand                         │
                │                                                                                                      │
                │                                                                                                      │
                │ ↑↓ scroll · q/Esc close                                                                              │
                └──────────────────────────────────────────────────────────────────────────────────────────────────────┘













         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configurat…
        ↑↓ PgUp/PgDn scroll · q/Esc close
        """)
    }

    @Test("^G shows the whole message in a scrolling panel at 160×50")
    func panel160() {
        let grid = renderScreen(Self.panel(cols: 160, rows: 50), cols: 160, rows: 50)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                             8 candidates
          Name              Status     Email                            Phone            Rating Updated    │ Jana Nováková
          Jana Nováková     APPLIED    jana.novakova@example.com        +421900000001         4 2026-11-20 │ …
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com        +420777000002         – 2026-11-18 │
          王 小明           ACCEPTED   wang@example.com                                       5 2026-10-02 │ Status     APPLIED
          Peter Horváth     REJECTED   peter.horvath@example.com        +421911222333         2 2026-09-14 │ Email      jana.novakova@example.com
          Eva Kováčová      APPLIED    eva.kovacova@example.com                               – 2026-11-27 │ Phone      +421900000001
          Martin Dvořák     UNDEFINED                                                         – 2026-11-01 │
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com      +421905555666         3 2026-11-25 │
          Ondrej Veselý     APPLIED    ondrej.vesely@example.com                              – 2026-11-28 │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                    ┌─ Messages ───────────────────────────────────────────────────────────────────────────────────────────┐
                                    │ Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting   │
                                    │ after a configuration change; the editor tries again in 16 s, then r retries by hand Could not load  │
                                    │ candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a          │
                                    │ configuration change; the editor tries again in 16 s, then r retries by hand Could not load          │
                                    │ candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a          │
                                    │ configuration change; the editor tries again in 16 s, then r retries by hand                         │
                                    │                                                                                                      │
                                    │                                                                                                      │
                                    │ ↑↓ scroll · q/Esc close                                                                              │
                                    └──────────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
                                                                                                           │
         Could not load candidates: the server answered 503 Service Unavailable — the sandbox is restarting after a configuration change; the editor tries again in 16…
        ↑↓ PgUp/PgDn scroll · q/Esc close
        """)
    }

    @Test("the form shows the focused field's cut message whole below the fields at 120×40")
    func form120() {
        let grid = renderScreen(ScreenFixtures.formWithError(), cols: 120, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                        2 changed
         Edit Jana Nováková
         First name      Jana
         Last name     * Nováková-Horváth
         Email           jana.novakova@example.com
        ▸Phone         * 0905 12                                           ! must be E.164: + country code and digits, e.g. +4…
         GDPR expiry
         Status          APPLIED
         Gender          auto (from name)
         Jobs            Senior iOS Engineer
         Metadata        (empty)
         CV              (empty)

         ! Phone: must be E.164: + country code and digits, e.g. +421905123456
         Id 00000000-0000-4000-8000-000000000000
         Rating 4 · Analyses 0 · Interviews 0
         Created – · Updated 2026-11-20T09:00:00.000Z





















         Not saved — 1 field needs fixing: Phone: must be E.164: + country code and digits, e.g. +421905123456
        Tab/↓ next · S-Tab/↑ prev · Enter menu/editor · ^U clear · F2/^S save · F1 help · Esc back
        """)
    }
}
