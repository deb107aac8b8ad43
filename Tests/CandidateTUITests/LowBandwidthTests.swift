import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

// Low-bandwidth mode as model rules: pages follow the view (the visible rows and one page
// ahead), `*` still marks every match, progress moves in steps without a countdown, and how
// the mode and the theme are chosen.

private func page(_ number: Int, total: Int) -> Page<Candidate> {
    let first = (number - 1) * 100
    return Page(items: (first..<min(total, first + 100)).map { candidate($0) }, total: total, page: number, limit: 100,
                totalPages: (total + 99) / 100)
}

private func loadPage(_ n: Int) -> Effect { .loadPage(generation: 0, query: CandidateQuery(page: n, limit: ListModel.pageSize)) }

/// A started model in a 80×24 terminal (20 list rows), low-bandwidth or not.
private func started(lowBandwidth: Bool) -> AppModel {
    var options = TUIOptions()
    options.lowBandwidth = lowBandwidth
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: options)
    _ = m.start()
    _ = m.update(.terminalReady(utf8: true, rows: 24, cols: 80, keepsDrafts: false, warning: nil))
    return m
}

@Test func lowBandwidthLoadsTheVisibleRowsAndOnePageAheadOnly() {
    var m = started(lowBandwidth: true)
    // 20 rows shown from the cursor (0) plus a page: 120 rows wanted, page 2 is needed.
    #expect(m.update(.pageLoaded(generation: 0, page(1, total: 1_000))) == [loadPage(2)])
    #expect(m.update(.pageLoaded(generation: 0, page(2, total: 1_000))).isEmpty, "200 rows cover 120: no background paging")
    #expect(!m.list.loading)
    // Moving down: the cursor on row 80 can show row 99 and a page beyond it needs 200 — loaded.
    for _ in 0..<80 { #expect(m.update(.key(.down)).isEmpty) }
    // One more row needs row 200: page 3.
    #expect(m.update(.key(.down)) == [loadPage(3)])
    #expect(m.update(.pageLoaded(generation: 0, page(3, total: 1_000))).isEmpty)
    #expect(m.list.loadedCount == 300)
    #expect(ListView.headerCounts(m) == "loaded 300 / 1000 candidates")
}

@Test func defaultModeKeepsPagingInTheBackground() {
    var m = started(lowBandwidth: false)
    #expect(m.update(.pageLoaded(generation: 0, page(1, total: 1_000))) == [loadPage(2)])
    #expect(m.update(.pageLoaded(generation: 0, page(2, total: 1_000))) == [loadPage(3)])
}

@Test func lowBandwidthFollowsATallerTerminal() {
    var m = started(lowBandwidth: true)
    _ = m.update(.resized(rows: 150, cols: 80))
    // 146 list rows plus a page: 246 rows wanted, so pages 2 and 3 load one after the other.
    #expect(m.update(.pageLoaded(generation: 0, page(1, total: 1_000))) == [loadPage(2)])
    #expect(m.update(.pageLoaded(generation: 0, page(2, total: 1_000))) == [loadPage(3)])
    #expect(m.update(.pageLoaded(generation: 0, page(3, total: 1_000))).isEmpty)
}

@Test func lowBandwidthStarStillMarksEveryMatchAndSaysItLoadsPages() {
    var m = started(lowBandwidth: true)
    _ = m.update(.pageLoaded(generation: 0, page(1, total: 250)))
    _ = m.update(.pageLoaded(generation: 0, page(2, total: 250)))
    #expect(m.update(.key(.char("*"))) == [loadPage(3)])
    #expect(m.flash?.text.contains("low-bandwidth: loading the pages it needs") == true, "\(m.flash?.text ?? "")")
    _ = m.update(.pageLoaded(generation: 0, page(3, total: 250)))
    #expect(m.marks.count == 250)
    #expect(!m.list.markAllPending)
}

@Test func lowBandwidthSearchDoesNotPageThroughEverything() {
    var m = started(lowBandwidth: true)
    _ = m.update(.pageLoaded(generation: 0, page(1, total: 1_000)))
    _ = m.update(.pageLoaded(generation: 0, page(2, total: 1_000)))
    // A search that shows one row: the 200 loaded rows count, not the one shown (the server's
    // search brings its matches).
    _ = m.update(.key(.char("/")))
    let effects = m.update(.key(.char("7")))
    #expect(!effects.contains(loadPage(3)))
    #expect(!m.list.loading)
}

@Test func lowBandwidthProgressMovesInTenthsWithoutACountdown() {
    var lines: Set<String> = []
    for done in 0...37 {
        let p = BulkProgress(total: 37, done: done, moved: done, skipped: 0, failed: 0, waitingSeconds: nil)
        lines.insert(AppModel.lowBandwidthProgress(p, goal: .status(.rejected), note: "Esc cancels"))
    }
    #expect(lines.count == 11, "0%, 10% … 100%: \(lines.sorted())")
    #expect(lines.contains("Moving 37 to REJECTED: 30% done · Esc cancels"))
    let waiting = (1...42).map { s in
        AppModel.lowBandwidthProgress(BulkProgress(total: 37, done: 12, moved: 11, skipped: 0, failed: 1, waitingSeconds: Double(s)),
                                      goal: .status(.rejected), note: "Esc cancels")
    }
    #expect(Set(waiting) == ["Moving 37 to REJECTED: 30% done · 1 failed · waiting for the rate limit · Esc cancels"])
}

@Test func bulkLineUsesTheSteppedProgressInLowBandwidthMode() {
    var m = started(lowBandwidth: true)
    _ = m.update(.pageLoaded(generation: 0, page(1, total: 20)))
    m.bulk = BulkRunState(goal: .status(.rejected), progress: BulkProgress(total: 20, done: 5, moved: 5, skipped: 0, failed: 0, waitingSeconds: 3))
    #expect(m.bulkStatusLine() == "Moving 20 to REJECTED: 20% done · waiting for the rate limit · Esc cancels")
    m.options.lowBandwidth = false
    #expect(m.bulkStatusLine()?.contains("[#####") == true)
    #expect(m.bulkStatusLine()?.contains("waiting 3s") == true)
}

@Test func lowBandwidthAndThemeFollowFlagThenEnvironmentThenProfile() {
    func resolve(_ flag: Bool? = nil, color: Bool? = nil, env: [String: String] = [:], profile: Bool? = nil, theme: TUITheme? = nil) -> TUIOptions {
        TUIOptions.resolving(lowBandwidthFlag: flag, colorFlag: color, environment: env, profileLowBandwidth: profile, profileTheme: theme)
    }
    let off = resolve()
    #expect(!off.lowBandwidth && off.theme == .default)
    // Low-bandwidth implies mono unless colour is asked for.
    #expect(resolve(true).theme == .mono)
    #expect(resolve(true, color: true).theme == .default)
    #expect(resolve(true, theme: .default).theme == .default)
    // Flag > environment > profile.
    #expect(resolve(env: ["CANDIDATES_LOW_BANDWIDTH": "1"]).lowBandwidth)
    #expect(!resolve(env: ["CANDIDATES_LOW_BANDWIDTH": "0"], profile: true).lowBandwidth)
    #expect(resolve(true, env: ["CANDIDATES_LOW_BANDWIDTH": "0"]).lowBandwidth)
    #expect(resolve(env: ["CANDIDATES_LOW_BANDWIDTH": "maybe"], profile: true).lowBandwidth, "an unknown value says nothing")
    #expect(resolve(profile: true).lowBandwidth)
    // NO_COLOR: mono, unless --color.
    #expect(resolve(env: ["NO_COLOR": "1"]).theme == .mono)
    #expect(resolve(env: ["NO_COLOR": ""]).theme == .default, "an empty NO_COLOR is not set")
    #expect(resolve(color: true, env: ["NO_COLOR": "1"]).theme == .default)
    #expect(resolve(env: ["NO_COLOR": "1"], theme: .default).theme == .mono)
    #expect(resolve(color: false).theme == .mono)
    #expect(resolve(theme: .mono).theme == .mono)
    #expect(TUITheme(name: "MONO") == .mono && TUITheme(name: "sepia") == nil)
}

@Test func lowBandwidthLoadsMoreWhenTheTerminalGrows() {
    var m = started(lowBandwidth: true)
    _ = m.update(.pageLoaded(generation: 0, page(1, total: 1_000)))
    _ = m.update(.pageLoaded(generation: 0, page(2, total: 1_000)))
    #expect(m.update(.resized(rows: 150, cols: 80)) == [loadPage(3)])
}
