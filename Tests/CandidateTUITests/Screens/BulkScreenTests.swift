import CandidateCore
import Testing
@testable import CandidateTUI

/// The bulk change's panels over the list: the preview of moving three marked candidates to
/// REJECTED (the plan's summary wraps, never cut), and the result of a cancelled run (what
/// needs a look first).
@Suite("Screen: the bulk preview and result")
struct BulkScreenTests {
    static var preview: AppModel { ScreenFixtures.bulkPreview() }
    static var result: AppModel { ScreenFixtures.bulkResult() }

    @Test("the preview at 80×24")
    func previewUsual() {
        let grid = renderScreen(Self.preview, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind  3 marked · 8 candidates
          Name              Status     Email                           Phone
        * Jana Nováková     APPLIED    jana.novakova@example.com       +421900000001
        * Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
        * 王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
         ┌─ Bulk status change ───────────────────────────────────────────────────────┐
         │ Move 3 candidates to REJECTED: 1 from APPLIED, 1 from IN_PROCESS, 1 from   │
         │ ACCEPTED                                                                   │
         │                                                                            │
         │ Jana Nováková — APPLIED → REJECTED                                         │
         │ Tomáš Šťastný — IN_PROCESS → REJECTED                                      │
         │ 王 小明 — ACCEPTED → REJECTED (override)                                   │
         │                                                                            │
         │                                                                            │
         │ Send 3 changes? (y/N)                                                      │
         └────────────────────────────────────────────────────────────────────────────┘






        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the preview at 50×16")
    func previewNarrow() {
        let grid = renderScreen(Self.preview, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · local sand… 3 marked · 8 candidates
          Name             Status     Email
        *┌─ Bulk status change ─────────────────────────┐
        *│ Move 3 candidates to REJECTED: 1 from        │
        *│ APPLIED, 1 from IN_PROCESS, 1 from ACCEPTED  │
         │                                              │
         │ Jana Nováková — APPLIED → REJECTED           │
         │ Tomáš Šťastný — IN_PROCESS → REJECTED        │
         │ 王 小明 — ACCEPTED → REJECTED (override)     │
         │                                              │
         │                                              │
         │ Send 3 changes? (y/N)                        │
         └──────────────────────────────────────────────┘


        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the preview at 160×40")
    func previewWide() {
        let grid = renderScreen(Self.preview, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                  3 marked · 8 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
        * Jana Nováková                                                     APPLIED    jana.novakova@example.com                +421900000001       1      4 2026-11-20
        * Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
        * 王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28





                                    ┌─ Bulk status change ─────────────────────────────────────────────────────────────────────────────────┐
                                    │ Move 3 candidates to REJECTED: 1 from APPLIED, 1 from IN_PROCESS, 1 from ACCEPTED                    │
                                    │                                                                                                      │
                                    │ Jana Nováková — APPLIED → REJECTED                                                                   │
                                    │ Tomáš Šťastný — IN_PROCESS → REJECTED                                                                │
                                    │ 王 小明 — ACCEPTED → REJECTED (override)                                                             │
                                    │                                                                                                      │
                                    │                                                                                                      │
                                    │ Send 3 changes? (y/N)                                                                                │
                                    └──────────────────────────────────────────────────────────────────────────────────────────────────────┘














        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
    }

    @Test("the result at 80×24")
    func resultUsual() {
        let grid = renderScreen(Self.result, cols: 80, rows: 24)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind  2 marked · 8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     REJECTED   jana.novakova@example.com       +421900000001
        * Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
        * 王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
         ┌─ Bulk result ──────────────────────────────────────────────────────────────┐
         │ Cancelled: moved 1 · failed 1 · not attempted 1 → REJECTED                 │
         │                                                                            │
         │ FAILED         Tomáš Šťastný (3 attempts): No answer from the server       │
         │   within 10 s                                                              │
         │ not attempted  王 小明                                                     │
         │ moved          Jana Nováková: APPLIED → REJECTED                           │
         │                                                                            │
         │                                                                            │
         │ r retry 2 · Esc close                                                      │
         └────────────────────────────────────────────────────────────────────────────┘





         Cancelled: moved 1 · failed 1 · not attempted 1 → REJECTED
        ↑↓ PgUp/PgDn scroll · r retry 2 · Esc close
        """)
    }

    @Test("the result at 50×16")
    func resultNarrow() {
        let grid = renderScreen(Self.result, cols: 50, rows: 16)
        expectScreen(grid, """
         candidates · local sand… 2 marked · 8 candidates
         ┌─ Bulk result ────────────────────────────────┐
         │ Cancelled: moved 1 · failed 1 · not          │
        *│ attempted 1 → REJECTED                       │
        *│                                              │
         │ FAILED         Tomáš Šťastný (3 attempts):   │
         │   No answer from the server within 10 s      │
         │ not attempted  王 小明                       │
         │ moved          Jana Nováková: APPLIED →      │
         │   REJECTED                                   │
         │                                              │
         │                                              │
         │ r retry 2 · Esc close                        │
         └──────────────────────────────────────────────┘
         Cancelled: moved 1 · failed 1 · not attempted 1…
        ↑↓ PgUp/PgDn scroll · r retry 2 · Esc close
        """)
    }

    @Test("the result at 160×40")
    func resultWide() {
        let grid = renderScreen(Self.result, cols: 160, rows: 40)
        expectScreen(grid, """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                  2 marked · 8 candidates
          Name                                                              Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková                                                     REJECTED   jana.novakova@example.com                +421900000001       1      4 2026-11-20
        * Tomáš Šťastný                                                     IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
        * 王 小明                                                           ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth                                                     REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová                                                      APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák                                                     UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková                                                   IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý                                                     APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28





                                    ┌─ Bulk result ────────────────────────────────────────────────────────────────────────────────────────┐
                                    │ Cancelled: moved 1 · failed 1 · not attempted 1 → REJECTED                                           │
                                    │                                                                                                      │
                                    │ FAILED         Tomáš Šťastný (3 attempts): No answer from the server within 10 s                     │
                                    │ not attempted  王 小明                                                                               │
                                    │ moved          Jana Nováková: APPLIED → REJECTED                                                     │
                                    │                                                                                                      │
                                    │                                                                                                      │
                                    │ r retry 2 · Esc close                                                                                │
                                    └──────────────────────────────────────────────────────────────────────────────────────────────────────┘













         Cancelled: moved 1 · failed 1 · not attempted 1 → REJECTED
        ↑↓ PgUp/PgDn scroll · r retry 2 · Esc close
        """)
    }

    @Test("the title and the question are bold; no terminal cursor over a panel")
    func attributes() throws {
        for m in [Self.preview, Self.result] {
            let grid = renderScreen(m)
            let title = try #require(grid.position(of: m.scrollLines()?.title ?? "?"))
            #expect(grid.style(title.y, title.x) == .bold)
            let question = try #require(grid.position(of: m.scrollLines()?.footer ?? "?"))
            #expect(grid.style(question.y, question.x) == .bold)
            #expect(grid.cursor == nil)
        }
    }

    @Test("a long preview says how many lines are above and below, and keeps its width while it scrolls")
    func scrolling() throws {
        var m = ScreenFixtures.list()
        _ = m.update(.key(.char("*")))
        _ = m.update(.key(.char("s")))
        for _ in 0..<3 { _ = m.update(.key(.down)) }
        _ = m.update(.key(.enter))
        let top = renderScreen(m, cols: 50, rows: 16)
        _ = m.update(.key(.down))
        _ = m.update(.key(.down))
        let scrolled = renderScreen(m, cols: 50, rows: 16)
        expectScreen(scrolled, """
         candidates · local sand… 8 marked · 8 candidates
         ┌─ Bulk status change ────────── ↑ 2 more ─────┐
        *│ Move 7 candidates to REJECTED: 3 from        │
        *│ APPLIED, 2 from IN_PROCESS, 1 from           │
        *│ UNDEFINED, 1 from ACCEPTED; 1 already        │
        *│ REJECTED is skipped                          │
        *│                                              │
        *│ Lucia Bieliková — IN_PROCESS → REJECTED      │
        *│ Martin Dvořák — UNDEFINED → REJECTED (overr… │
        *│                                              │
         │                                              │
         │ ↓ 4 more                                     │
         │ Send 7 changes? (y/N)                        │
         └──────────────────────────────────────────────┘
         Marked all matching candidates: 8 marked
        ↑↓ PgUp/PgDn scroll · y send · n/Esc no
        """)
        let more = try #require(scrolled.position(of: "↓ 4 more"))
        #expect(scrolled.style(more.y, more.x) == .dim)
        #expect(top.position(of: "more ─") == nil, "nothing above at the start")
        #expect(top.position(of: "↓ 6 more") != nil, "8 lines, 2 shown")
        #expect(top.position(of: "┌")?.x == scrolled.position(of: "┌")?.x && top.position(of: "┐")?.x == scrolled.position(of: "┐")?.x,
                "the panel keeps its width")
    }
}
