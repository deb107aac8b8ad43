import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

private func page(_ range: Range<Int>, total: Int, page: Int) -> Page<Candidate> {
    Page(items: range.map { candidate($0) }, total: total, page: page, limit: 50, totalPages: (total + 49) / 50)
}

private func loadedModel(count: Int = 30) -> AppModel {
    var m = AppModel(connection: ConnectionInfo(location: "test", company: nil), today: today)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, page(0..<count, total: count, page: 1)))
    return m
}

@Test func startLoadsFirstPageAndJobs() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    #expect(m.start() == [.loadPage(generation: 0, query: CandidateQuery(page: 1, limit: ListModel.pageSize)), .loadJobs])
    #expect(m.list.loading)
}

@Test func pagesLoadInTheBackgroundKeepingARateLimitReserve() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    // Plenty of budget: the next page loads at once, in the background.
    _ = m.update(.rateLimit(RateLimitInfo(limitMinute: 60, remainingMinute: 50, resetMinute: Date().timeIntervalSince1970 + 30)))
    var effects = m.update(.pageLoaded(generation: 0, page(0..<50, total: 200, page: 1)))
    #expect(effects == [.loadPage(generation: 0, query: CandidateQuery(page: 2, limit: ListModel.pageSize))])
    // Budget down to the reserve: background loading waits for the reset.
    _ = m.update(.rateLimit(RateLimitInfo(limitMinute: 60, remainingMinute: 10, resetMinute: Date().timeIntervalSince1970 + 30)))
    effects = m.update(.pageLoaded(generation: 0, page(50..<100, total: 200, page: 2)))
    guard case .wake(let seconds)? = effects.first else { Issue.record("expected a wait, got \(effects)"); return }
    #expect(seconds > 20 && seconds <= 31)
    #expect(m.update(.key(.down)).isEmpty, "far from the end: still waiting")
    // Near the end of what is loaded, the user's need wins over the reserve.
    effects = m.update(.key(.end))
    #expect(effects == [.loadPage(generation: 0, query: CandidateQuery(page: 3, limit: ListModel.pageSize))])
    #expect(m.update(.key(.up)).isEmpty, "no second fetch while one is running")
}

@Test func theReserveNoLongerHoldsOnceTheRateLimitWindowHasReset() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    let now = Date().timeIntervalSince1970
    _ = m.update(.rateLimit(RateLimitInfo(limitMinute: 60, remainingMinute: 10, resetMinute: now + 30)))
    #expect(m.rateLimitReserveWait(now: now) == 30)
    // After the reset the old count no longer holds: waiting on it again would never end, as
    // nothing would be asked that brings new headers.
    #expect(m.rateLimitReserveWait(now: now + 31) == nil)
}

/// Pages that arrived ahead of an older one are applied one per update once it comes, each
/// asking for the next turn, so the loop reads a key typed meanwhile between two pages.
@Test func pagesThatWaitedAreAppliedOnePerTurn() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    var effects = m.update(.pageLoaded(generation: 0, page(0..<50, total: 400, page: 1)))
    #expect(effects == [.loadPage(generation: 0, query: CandidateQuery(page: 2, limit: ListModel.pageSize))])
    _ = m.update(.pageLoaded(generation: 0, number: 2, page(50..<100, total: 400, page: 2)))
    _ = m.update(.pageLoaded(generation: 0, number: 3, page(100..<150, total: 400, page: 3)))
    // Pages 4 and 5 are asked together; 5 comes first and waits for 4; so does 6, asked next.
    #expect(m.list.window.inFlightCount == 2)
    _ = m.update(.pageLoaded(generation: 0, number: 5, page(200..<250, total: 400, page: 5)))
    _ = m.update(.pageLoaded(generation: 0, number: 6, page(250..<300, total: 400, page: 6)))
    #expect(m.list.rows.count == 150)
    effects = m.update(.pageLoaded(generation: 0, number: 4, page(150..<200, total: 400, page: 4)))
    #expect(m.list.rows.count == 200, "page 4 alone")
    #expect(effects.contains(.applyNextPage(generation: 0)))
    #expect(m.list.loading, "pages wait to be applied: still loading")
    effects = m.update(.pageDue(generation: 0))
    #expect(m.list.rows.count == 250, "then page 5")
    #expect(effects.contains(.applyNextPage(generation: 0)))
    effects = m.update(.pageDue(generation: 0))
    #expect(m.list.rows.count == 300, "then page 6")
    #expect(!effects.contains(.applyNextPage(generation: 0)), "nothing else waits")
    #expect(m.update(.pageDue(generation: 0)).allSatisfy { $0 != .applyNextPage(generation: 0) })
    #expect(m.list.rows.count == 300, "an extra turn applies nothing")
    // A turn for a list that was reloaded meanwhile applies nothing.
    _ = m.update(.pageLoaded(generation: 0, number: 8, page(350..<400, total: 400, page: 8)))
    _ = m.update(.key(.char("r")))
    #expect(m.update(.pageDue(generation: 0)).isEmpty)
    #expect(m.list.rows.isEmpty)
}

/// A page that stops the walk (it repeats earlier candidates) ends loading there: the pages
/// that waited behind it are not applied and no further turn is asked for.
@Test func aPageThatStopsTheWalkDropsThePagesWaitingBehindIt() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, page(0..<50, total: 400, page: 1)))
    _ = m.update(.pageLoaded(generation: 0, number: 2, page(50..<100, total: 400, page: 2)))
    _ = m.update(.pageLoaded(generation: 0, number: 3, page(100..<150, total: 400, page: 3)))
    _ = m.update(.pageLoaded(generation: 0, number: 5, page(200..<250, total: 400, page: 5)))
    let effects = m.update(.pageLoaded(generation: 0, number: 4, page(100..<150, total: 400, page: 4)))
    #expect(m.list.rows.count == 150)
    #expect(!effects.contains(.applyNextPage(generation: 0)))
    #expect(!m.list.loading)
    #expect(!m.list.hasMore)
    #expect(m.flash?.text.contains("repeats pages") == true, "\(String(describing: m.flash))")
    #expect(m.update(.pageDue(generation: 0)).isEmpty)
    #expect(m.list.rows.count == 150)
}

/// The folded search texts made where the page was read come with it; when the walk drops
/// candidates already listed they are folded again here, never shifted onto other rows.
@Test func foldedSearchTextsFollowTheirCandidates() {
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    let first = page(0..<50, total: 400, page: 1)
    _ = m.update(.pageLoaded(generation: 0, first, haystacks: first.items.map(SearchText.haystack)))
    // Page 2 lists ten candidates of page 1 again (40..<50) before forty new ones.
    let second = page(40..<90, total: 400, page: 2)
    _ = m.update(.pageLoaded(generation: 0, number: 2, second, haystacks: second.items.map(SearchText.haystack)))
    #expect(m.list.rows.count == 90)
    #expect(m.list.rows.map(\.email) == (0..<90).map { candidate($0).email })
    for n in [0, 45, 50, 60, 89] {
        #expect(m.list.matches(id: candidateId(n), needle: Array("c\(n)@".utf8)), "candidate \(n)")
        #expect(!m.list.matches(id: candidateId(n), needle: Array("c\(n + 10)@".utf8)), "candidate \(n)")
    }
    // Haystacks that do not match the items in number are not used.
    let third = page(90..<140, total: 400, page: 3)
    _ = m.update(.pageLoaded(generation: 0, number: 3, third, haystacks: [Array("wrong".utf8)]))
    #expect(m.list.matches(id: candidateId(100), needle: Array("c100@".utf8)))
}

@Test func stalePagesFromBeforeReloadAreDropped() {
    var m = loadedModel()
    let effects = m.update(.key(.char("r")))
    #expect(effects.first == .loadPage(generation: 1, query: CandidateQuery(page: 1, limit: ListModel.pageSize)))
    _ = m.update(.pageLoaded(generation: 0, page(100..<110, total: 10, page: 1)))
    #expect(m.list.rows.isEmpty)
    _ = m.update(.pageLoaded(generation: 1, page(0..<5, total: 5, page: 1)))
    #expect(m.list.rows.count == 5)
}

@Test func navigationKeysClampToTheList() {
    var m = loadedModel(count: 30)
    _ = m.update(.key(.end))
    #expect(m.list.cursor == 29)
    _ = m.update(.key(.char("j")))
    #expect(m.list.cursor == 29)
    _ = m.update(.key(.char("g")))
    #expect(m.list.cursor == 0)
    _ = m.update(.key(.char("k")))
    #expect(m.list.cursor == 0)
    _ = m.update(.key(.pageDown))
    #expect(m.list.cursor == 10)
}

@Test func statusMenuOffersNextStepsFirstThenOthers() {
    var m = loadedModel()
    _ = m.update(.key(.char("s")))
    let menu = m.menu()
    #expect(menu?.title == "First0 Last0: APPLIED")
    #expect(menu?.items.map(\.label) == ["IN_PROCESS", "REJECTED", "── Other ──", "UNDEFINED", "ACCEPTED"])
    #expect(menu?.items[2].selectable == false)
}

@Test func statusMoveAsksThenSendsOnlyTheStatus() {
    var m = loadedModel()
    _ = m.update(.key(.char("s")))
    #expect(m.update(.menuChosen(1)).isEmpty)
    #expect(m.prompt()?.question == "Move First0 Last0 from APPLIED to REJECTED? (y/N)")
    let effects = m.update(.key(.char("y")))
    #expect(effects == [.moveStatus(over: candidate(0), patch: .status(.rejected))])
    var moved = candidate(0); moved.status = .rejected
    _ = m.update(.statusMoved(moved, from: .applied))
    #expect(m.list.rows[0].status == .rejected)
    #expect(m.flash?.text == "Moved First0 Last0 from APPLIED to REJECTED")
}

@Test func statusMoveDeclinedByDefault() {
    var m = loadedModel()
    _ = m.update(.key(.char("s")))
    _ = m.update(.menuChosen(0))
    #expect(m.update(.key(.enter)).isEmpty)
    #expect(m.overlay == nil)
    #expect(m.list.rows[0].status == .applied)
}

@Test func formSaveSendsOnlyChangedFieldAfterConfirm() {
    var m = loadedModel()
    m.openForm()
    #expect(m.form?.focus == .firstName)
    _ = m.update(.key(.tab))
    m.typeInto(.lastName, "Nováková")
    #expect(m.update(.key(.function(2))).isEmpty)
    #expect(m.overlay == .confirmSave(lines: ["Last name: Last0 → Nováková"]))
    // The lost-update guard reads the candidate again first.
    #expect(m.update(.key(.char("y"))) == [.checkBeforeSave(id: candidate(0).id)])
    #expect(m.form?.saving == true)
    let effects = m.update(.checkedBeforeSave(candidate(0)))
    var expected = CandidatePatch(); expected[.lastName] = .string("Nováková")
    #expect(effects == [.save(over: candidate(0), patch: expected, fields: [.lastName])])
}

@Test func confirmNoKeepsEdits() {
    var m = loadedModel()
    m.openForm()
    m.typeInto(.firstName, "Jana")
    _ = m.update(.key(.ctrl("s")))
    _ = m.update(.key(.escape))
    #expect(m.overlay == nil)
    #expect(m.form?.draft.firstName == "Jana")
}

@Test func invalidPhoneFocusesFieldAndSendsNothing() {
    var m = loadedModel()
    m.openForm()
    m.typeInto(.phoneNumber, "0905 123")
    let effects = m.update(.key(.function(2)))
    #expect(effects.isEmpty)
    #expect(m.overlay == nil)
    #expect(m.form?.focus == .phoneNumber)
    #expect(m.form?.errors[.phoneNumber] != nil)
    #expect(m.flash?.kind == .error)
}

@Test func nothingToChange() {
    var m = loadedModel()
    m.openForm()
    #expect(m.update(.key(.function(2))).isEmpty)
    #expect(m.flash?.text == "Nothing to change")
}

@Test func serverErrorAttachesToNamedFieldAndKeepsEdits() {
    var m = loadedModel()
    m.openForm()
    m.typeInto(.email, "new@example.com")
    _ = m.update(.key(.function(2)))
    _ = m.update(.key(.char("y")))
    _ = m.update(.checkedBeforeSave(candidate(0)))
    let failure = HTTPFailure(status: 400, code: "VALIDATION_ERROR", messages: ["email is already used"], fields: [.email])
    _ = m.update(.saveFailed(.http(failure)))
    #expect(m.form?.errors[.email] == "email is already used")
    #expect(m.form?.focus == .email)
    #expect(m.form?.draft.email == "new@example.com")
    #expect(m.form?.saving == false)
}

@Test func escapeWithChangesAsksToDiscard() {
    var m = loadedModel()
    m.openForm()
    m.typeInto(.firstName, "X")
    _ = m.update(.key(.escape))
    #expect(m.overlay == .confirmDiscard)
    _ = m.update(.key(.char("n")))
    #expect(m.form != nil)
    _ = m.update(.key(.escape))
    _ = m.update(.key(.char("y")))
    #expect(m.screen == .list)
}

@Test func genderMenuClearsToAuto() throws {
    var c = candidate(0); c.gender = .female
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, Page(items: [c], total: 1, page: 1, limit: 50, totalPages: 1)))
    m.openForm(fetched: c)
    for _ in 0..<6 { _ = m.update(.key(.tab)) }
    #expect(m.form?.focus == .gender)
    _ = m.update(.key(.enter))
    #expect(m.overlay == .genderMenu)
    _ = m.update(.menuChosen(2))
    #expect(m.form?.draft.gender == nil)
    #expect(try m.form?.draft.makePatch(today: today).jsonObject == .object(["gender": .null]))
}

@Test func metadataAndCVOpenTheEditor() {
    var m = loadedModel()
    m.openForm()
    for _ in 0..<8 { _ = m.update(.key(.tab)) }
    #expect(m.form?.focus == .metadata)
    #expect(m.update(.key(.enter)) == [.openEditor(.metadata, text: "")])
    _ = m.update(.editorFinished(.metadata, text: "{\"source\": \"referral\"}\n", status: 0))
    #expect(m.form?.draft.isChanged(.metadata) == true)
    _ = m.update(.editorFinished(.metadata, text: "{broken", status: 0))
    #expect(m.form?.errors[.metadata] != nil)
}

@Test func listLayoutAlignsWideNamesByCells() {
    let layout = ListLayout(width: 100)
    var a = candidate(1); a.firstName = "王小明"; a.lastName = ""
    var b = candidate(2); b.firstName = "Šťastný"; b.lastName = "Jan"
    let la = layout.rowLine(a), lb = layout.rowLine(b)
    #expect(DisplayText.width(la) == DisplayText.width(lb))
    #expect(DisplayText.width(layout.headerLine()) == DisplayText.width(la))
}

@Test func listLayoutSanitizesControlCharacters() {
    var c = candidate(1); c.firstName = "Evil\u{1B}[2J"
    let line = ListLayout(width: 100).rowLine(c)
    #expect(!line.unicodeScalars.contains { $0.value == 0x1B })
}

@Test func listKeepsOnlyWhatItShows() {
    var full = candidate(0)
    full.cvText = "long CV"
    full.metadata = .object(["a": .int(1)])
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today)
    _ = m.start()
    _ = m.update(.pageLoaded(generation: 0, Page(items: [full], total: 1, page: 1, limit: 50, totalPages: 1)))
    #expect(m.list.row(0).cvText == nil)
    // The form edits the full copy fetched on open.
    _ = m.update(.key(.enter))
    _ = m.update(.candidateOpened(full))
    #expect(m.form?.draft.original.cvText == "long CV")
}

@Test func serverChangeMeanwhileShowsConflictAndSendsNothingUntilConfirmed() {
    var m = loadedModel()
    m.openForm()
    m.typeInto(.lastName, "Mine")
    m.typeInto(.email, "mine@example.com")
    _ = m.update(.key(.function(2)))
    _ = m.update(.key(.char("y")))
    var theirs = candidate(0)
    theirs.lastName = "Theirs"
    theirs.phoneNumber = "+421900000001"
    theirs.updatedAt = "2026-11-29T12:00:00.000Z"
    #expect(m.update(.checkedBeforeSave(theirs)).isEmpty, "nothing is sent")
    guard case .conflict(let conflict)? = m.overlay else { Issue.record("no conflict view"); return }
    let merge = conflict.merge
    #expect(merge.conflicts == [.lastName])
    #expect(merge.refreshed == [.phoneNumber])
    // Enter without a choice is refused.
    #expect(m.update(.key(.enter)).isEmpty)
    #expect(m.flash?.text.contains("Last name") == true)
    _ = m.update(.key(.char("t")))
    #expect(m.update(.key(.enter)).isEmpty)
    // Back to the confirm panel, now against the server's copy: only my email remains to send.
    #expect(m.overlay == .confirmSave(lines: ["Email: c0@example.com → mine@example.com"]))
    #expect(m.form?.draft.original == theirs)
    #expect(m.form?.draft.phoneNumber == "+421900000001")
}

@Test func unsentDraftsAreOfferedAndReviewedOneByOne() {
    var m = loadedModel()
    var d1 = CandidateDraft(candidate(1)); d1.lastName = "Draft1"
    var d2 = CandidateDraft(candidate(2)); d2.email = "d2@example.com"
    _ = m.update(.draftsFound([d1, d2]))
    #expect(m.overlay == .draftsPrompt)
    #expect(m.prompt()?.question == "2 unsent drafts — (r)eview, (d)iscard, (l)ater")
    #expect(m.update(.key(.char("r"))) == [.openDraft(d1)])
    _ = m.update(.draftOpened(d1))
    #expect(m.form?.draft.lastName == "Draft1")
    #expect(m.form?.focus == .lastName)
    _ = m.update(.key(.escape))
    _ = m.update(.key(.char("y")))  // discard
    #expect(m.overlay == .draftsPrompt, "the next draft is offered")
    #expect(m.update(.key(.char("d"))) == [.discardDrafts([d2.original.id])])
}
