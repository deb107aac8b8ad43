import CandidateCore
import Testing
@testable import CandidateTUI

/// The list at the sizes the layout is designed for: 80×24 (a whole email, jobs, rating and
/// updated dropped), 120×40 (every column) and 160×50 (the detail pane beside the list).
@Suite("Screen: the layout at 80×24, 120×40 and 160×50")
struct LayoutScreenTests {
    /// Jana with everything the pane shows: the list row has only what the list keeps.
    static var janaWhole: Candidate {
        var c = ScreenFixtures.people[0]
        c.email = "jana.novakova-horvath@firm.sk"
        c.gdprExpiryDate = "2027-05-31"
        c.gender = .female
        c.analysisCount = 2
        c.interviewCount = 1
        c.links = ["analyses": "/candidates/\(c.id)/analyses", "interviews": "/candidates/\(c.id)/interviews"]
        c.metadata = .object(["source": .string("referral"), "salary": .object(["currency": .string("EUR"), "expected": .int(4200)])])
        c.cvText = """
            Jana Nováková — Senior iOS Engineer
            Bratislava, Slovakia

            Experience
            2019–2026  Lead iOS engineer at a fintech, SwiftUI and UIKit, a team of five.
            2015–2019  iOS developer at an agency.
            """
        c.jobIds = ["job-ios", "job-csm"]
        c.createdAt = "2026-10-01T08:00:00.000Z"
        return c
    }

    /// The list on a terminal of `cols` × `rows`, Jana's row carrying her 29-character address.
    static func list(cols: Int, rows: Int) -> AppModel {
        var people = ScreenFixtures.people
        people[0].email = janaWhole.email
        people[0].jobIds = janaWhole.jobIds
        var m = ScreenFixtures.list(people)
        _ = m.update(.terminalReady(utf8: true, rows: rows, cols: cols, keepsDrafts: false, warning: nil))
        return m
    }

    @Test("80×24: name, status, the whole address and phone")
    func usual() {
        let m = Self.list(cols: 80, rows: 24)
        #expect(!m.showsDetailPane)
        expectScreen(renderScreen(m, cols: 80, rows: 24), """
         candidates · local sandbox 127.0.0.1:8080 · Northwind             8 candidates
          Name              Status     Email                           Phone
          Jana Nováková     APPLIED    jana.novakova-horvath@firm.sk   +421900000001
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com       +420777000002
          王 小明           ACCEPTED   wang@example.com
          Peter Horváth     REJECTED   peter.horvath@example.com       +421911222333
          Eva Kováčová      APPLIED    eva.kovacova@example.com
          Martin Dvořák     UNDEFINED
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com     +421905555666
          Ondrej Veselý     APPLIED    ondrej.vesely@example.com













        ↑↓ move · Enter edit · s status · / search · Space mark · ? help · q quit
        """)
    }

    @Test("120×40: every column")
    func medium() {
        let m = Self.list(cols: 120, rows: 40)
        #expect(!m.showsDetailPane)
        expectScreen(renderScreen(m, cols: 120, rows: 40), """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                     8 candidates
          Name                      Status     Email                                    Phone            Jobs Rating Updated
          Jana Nováková             APPLIED    jana.novakova-horvath@firm.sk            +421900000001       2      4 2026-11-20
          Tomáš Šťastný             IN_PROCESS tomas.stastny@example.com                +420777000002       2      – 2026-11-18
          王 小明                   ACCEPTED   wang@example.com                                             0      5 2026-10-02
          Peter Horváth             REJECTED   peter.horvath@example.com                +421911222333       1      2 2026-09-14
          Eva Kováčová              APPLIED    eva.kovacova@example.com                                     1      – 2026-11-27
          Martin Dvořák             UNDEFINED                                                               0      – 2026-11-01
          Lucia Bieliková           IN_PROCESS lucia.bielikova@example.com              +421905555666       0      3 2026-11-25
          Ondrej Veselý             APPLIED    ondrej.vesely@example.com                                    0      – 2026-11-28





























        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · r reload · ? help · q quit
        """)
    }

    @Test("160×50: the detail pane beside the list shows the candidate under the cursor whole")
    func wideWithPane() {
        var m = Self.list(cols: 160, rows: 50)
        #expect(m.showsDetailPane)
        let effects = m.update(.detailDue(token: m.detail.token))
        #expect(effects == [.fetchDetail(id: Self.janaWhole.id, token: m.detail.token)])
        _ = m.update(.detailLoaded(Self.janaWhole, token: m.detail.token))
        expectScreen(renderScreen(m, cols: 160, rows: 50), """
         candidates · local sandbox 127.0.0.1:8080 · Northwind                                                                                             8 candidates
          Name              Status     Email                            Phone            Rating Updated    │ Jana Nováková
          Jana Nováková     APPLIED    jana.novakova-horvath@firm.sk    +421900000001         4 2026-11-20 │
          Tomáš Šťastný     IN_PROCESS tomas.stastny@example.com        +420777000002         – 2026-11-18 │ Status     APPLIED
          王 小明           ACCEPTED   wang@example.com                                       5 2026-10-02 │ Email      jana.novakova-horvath@firm.sk
          Peter Horváth     REJECTED   peter.horvath@example.com        +421911222333         2 2026-09-14 │ Phone      +421900000001
          Eva Kováčová      APPLIED    eva.kovacova@example.com                               – 2026-11-27 │ Rating     4 / 100
          Martin Dvořák     UNDEFINED                                                         – 2026-11-01 │ Gender     female
          Lucia Bieliková   IN_PROCESS lucia.bielikova@example.com      +421905555666         3 2026-11-25 │ GDPR       expires 2027-05-31
          Ondrej Veselý     APPLIED    ondrej.vesely@example.com                              – 2026-11-28 │ Jobs       Senior iOS Engineer
                                                                                                           │            Customer Success Manager
                                                                                                           │ Analyses   2
                                                                                                           │ Interviews 1
                                                                                                           │ Links      analyses: /candidates/00000000-0000-4000-8000-…
                                                                                                           │            interviews: /candidates/00000000-0000-4000-800…
                                                                                                           │ Updated    2026-11-20 09:00 UTC
                                                                                                           │ Created    2026-10-01 08:00 UTC
                                                                                                           │
                                                                                                           │ Metadata
                                                                                                           │ {
                                                                                                           │   "salary" : {
                                                                                                           │     "currency" : "EUR",
                                                                                                           │     "expected" : 4200
                                                                                                           │   },
                                                                                                           │   "source" : "referral"
                                                                                                           │ }
                                                                                                           │
                                                                                                           │ CV (c reads it all)
                                                                                                           │ Jana Nováková — Senior iOS Engineer
                                                                                                           │ Bratislava, Slovakia
                                                                                                           │
                                                                                                           │ Experience
                                                                                                           │ 2019–2026  Lead iOS engineer at a fintech, SwiftUI and
                                                                                                           │ UIKit, a team of five.
                                                                                                           │ 2015–2019  iOS developer at an agency.
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

        ↑↓ move · Enter edit · s status · / search · f status · J job · o sort · Space mark · v range · * all · u unmark · r reload · : command · ? help · q quit
        """)
    }
}
