import CandidateCore
import Testing
@testable import CandidateTUI

/// The header with a long company name and big counts: the counts are never cut (fewer words
/// on a narrow terminal), the connection and company are cut first.
@Suite("Screen: the header's counts")
struct HeaderScreenTests {
    /// 12,345 marked of which 12,337 are not loaded, a search kept, 8 of 1,234,567 loaded, a long company.
    static var model: AppModel {
        var m = AppModel(connection: ConnectionInfo(location: "api.instaview.sk",
                                                    company: "Northwind Traders International Recruiting s.r.o. (Bratislava branch)"),
                         today: today)
        _ = m.start()
        let rows = ScreenFixtures.people
        _ = m.update(.pageLoaded(generation: 0, Page(items: rows, total: 1_234_567, page: 1, limit: 100, totalPages: 12_346)))
        m.marks.mark(rows.map(MarkedCandidate.init))
        m.marks.mark((100..<12_437).map { MarkedCandidate(id: candidateId($0), firstName: "F\($0)", lastName: "L", status: .applied) })
        _ = m.update(.key(.char("/")))
        m.type("ová")
        _ = m.update(.key(.enter))
        return m
    }

    @Test("the header at 50, 80, 120 and 160 columns", arguments: [
        (50, " candidate… *12345 (12342 hidden) · 3 · 8/1234567"),
        (80, " candidates · filter: /ová · api.instavi… *12345 (12342 hidden) · 3 · 8/1234567"),
        (120, " candidates · filter: /ová · api.instaview.sk · Northwind Tra… 12345 marked (12342 hidden) · 3 shown · 8/1234567 loaded"),
        (160, " candidates · filter: /ová · api.instaview.sk · Northwind Traders Internationa… 12345 marked (12342 hidden by filter) · 3 shown · loaded 8 / 1234567 candidates"),
    ])
    func header(cols: Int, expected: String) {
        let grid = renderScreen(Self.model, cols: cols, rows: 24)
        #expect(grid.line(0) == expected)
        #expect(DisplayText.width(grid.line(0)) <= cols)
    }
}
