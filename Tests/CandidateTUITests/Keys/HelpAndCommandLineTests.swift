import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// `?` help over any screen or panel, the `:` command line (completion, history, messages),
/// remapped keys driving the list and the form, and company switching.
@Suite("Help and the command line") struct HelpAndCommandLineTests {
    func typed(_ m: inout AppModel, _ text: String) {
        for ch in text { _ = m.update(.key(.char(ch))) }
    }

    @Test("? opens the help of where you are and closing it leaves that as it was")
    func helpIsPerContext() {
        var m = model([candidate(1), candidate(2)])
        _ = m.update(.key(.char("?")))
        #expect(m.help?.context == .list)
        #expect(m.helpLines(.list, width: 80).contains { $0.contains(":status STATUS") })
        _ = m.update(.key(.escape))
        #expect(m.help == nil && m.overlay == nil)
        _ = m.update(.key(.char("s")))
        _ = m.update(.key(.enter))
        guard case .confirmMove = m.overlay else { Issue.record("no question: \(String(describing: m.overlay))"); return }
        _ = m.update(.key(.char("?")))
        #expect(m.help?.context == .question, "? does not answer the question")
        _ = m.update(.key(.char("q")))
        guard case .confirmMove = m.overlay else { Issue.record("closing help answered the question"); return }
        #expect(m.keyHints().map(\.text) == ["y yes", "n/Esc no"])
    }

    @Test("where ? is typed (search, form), F1 opens help instead")
    func f1WhereQuestionMarkTypes() {
        var m = model([candidate(1)])
        _ = m.update(.key(.char("/")))
        _ = m.update(.key(.char("?")))
        #expect(m.help == nil && m.list.filter.search == "?")
        _ = m.update(.key(.function(1)))
        #expect(m.help?.context == .search)
        _ = m.update(.key(.function(1)))
        var f = model([candidate(1)])
        f.openForm()
        _ = f.update(.key(.char("?")))
        #expect(f.help == nil && f.form?.draft.firstName.hasSuffix("?") == true)
        _ = f.update(.key(.function(1)))
        #expect(f.help?.context == .form)
        #expect(f.helpLines(.form, width: 60).contains { $0.hasPrefix("F2, ^S") })
    }

    @Test(": completes commands and arguments, runs through the usual confirmation, keeps history")
    func commandLineCompletesAndRuns() {
        var m = model([candidate(1), candidate(2)])
        _ = m.update(.key(.char(":")))
        typed(&m, "sta")
        _ = m.update(.key(.tab))
        #expect(m.commandLine?.editor.text == "status ")
        typed(&m, "rej")
        _ = m.update(.key(.tab))
        #expect(m.commandLine?.editor.text == "status REJECTED ")
        _ = m.update(.key(.enter))
        #expect(m.commandLine == nil)
        #expect(m.overlay == .confirmMove(candidateId: candidateId(1), to: .rejected))
        _ = m.update(.key(.char("n")))
        _ = m.update(.key(.char(":")))
        _ = m.update(.key(.up))
        #expect(m.commandLine?.editor.text == "status REJECTED")
    }

    @Test("an unknown command or bad argument is a message on the command line; nothing else changes")
    func badCommandsOnlyTalk() {
        var m = model([candidate(1)])
        let before = (m.list.filter, m.list.sortColumn, m.list.count, m.list.cursor)
        for (text, message) in [("frobnicate", "Unknown command 'frobnicate' — :help lists them"),
                                ("status NOPE", "'NOPE' is not a status"),
                                ("sort height", "Usage: :sort name|status|updated|rating|server [asc|desc]"),
                                ("mark some", "Usage: :mark all|none"),
                                ("company x", "This profile has one company; several go in the profile's companies = [...]")] {
            _ = m.update(.key(.char(":")))
            typed(&m, text)
            let effects = m.update(.key(.enter))
            #expect(effects.isEmpty)
            #expect(m.commandLine?.message?.hasPrefix(message) == true, "\(text): \(String(describing: m.commandLine?.message))")
            #expect(m.commandLine?.editor.text == text, "the typing is kept")
            #expect(m.overlay == nil && m.list.filter == before.0 && m.list.sortColumn == before.1 && m.list.count == before.2 && m.list.cursor == before.3)
            _ = m.update(.key(.escape))
        }
    }

    @Test(":filter, :sort, :mark and :search do what their keys do")
    func commandsDoWhatKeysDo() {
        var m = model([candidate(1), candidate(2, status: .inProcess)])
        #expect(m.runCommand("sort rating asc") == .done([]))
        #expect(m.list.sortColumn == .rating && !m.list.sortDescending)
        #expect(m.runCommand("mark all") != .problem(""))
        #expect(m.marks.count == 2)
        _ = m.runCommand("mark none")
        #expect(m.marks.isEmpty)
        guard case .done(let effects) = m.runCommand("filter status=in_process") else { Issue.record("filter refused"); return }
        #expect(m.list.filter.status == .inProcess)
        #expect(effects.contains { if case .loadPage = $0 { true } else { false } })
        _ = m.runCommand("filter none")
        #expect(m.list.filter.status == nil)
        guard case .done = m.runCommand("search First2") else { Issue.record("search refused"); return }
        #expect(m.list.filter.search == "First2")
    }

    @Test("remapped keys drive the list and the form, and the old keys do nothing")
    func remappedKeysDrive() throws {
        var options = TUIOptions()
        options.keys = try KeyMap.standard.remapped([("status", ["S"]), ("save", ["f10"])])
        var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: options)
        _ = m.start()
        _ = m.update(.pageLoaded(generation: m.list.generation, Page(items: [candidate(1)], total: 1, page: 1, limit: 50, totalPages: 1)))
        _ = m.update(.key(.char("s")))
        #expect(m.overlay == nil)
        _ = m.update(.key(.char("S")))
        #expect(m.overlay == .statusMenu(candidateId: candidateId(1)))
        #expect(m.keyHints().contains(KeyHint("↑↓ move", 1)) && m.keyHints().contains(KeyHint("y yes", 0)) == false)
    }

    @Test("switching company keeps each company's marks and filter; a bulk change running refuses")
    func companiesKeepTheirOwnList() {
        var options = TUIOptions()
        let north = CompanyChoice(name: "Northwind", id: "11111111-1111-4111-8111-111111111111")
        let south = CompanyChoice(name: "Southwind", id: "22222222-2222-4222-8222-222222222222")
        options.companies = [north, south]
        options.company = north
        var m = AppModel(connection: ConnectionInfo(location: "t", company: "Northwind"), today: today, options: options)
        _ = m.start()
        _ = m.update(.pageLoaded(generation: m.list.generation, Page(items: [candidate(1), candidate(2)], total: 2, page: 1, limit: 50, totalPages: 1)))
        _ = m.update(.key(.char(" ")))
        #expect(m.marks.count == 1)
        guard case .done(let effects) = m.runCommand("company south") else { Issue.record("refused"); return }
        #expect(effects == [.connect(profile: nil, companyId: south.id)])
        var southOptions = options
        southOptions.company = south
        let client = CandidatesClient(configuration: try! APIConfiguration(baseURL: "http://127.0.0.1:9", apiKey: "k", companyId: south.id))
        let effects2 = m.update(.connected(TUIConnection(client: client, info: ConnectionInfo(location: "t", company: "Southwind"), drafts: nil, options: southOptions)))
        #expect(m.marks.isEmpty && m.list.count == 0 && m.connection.company == "Southwind")
        #expect(effects2.contains { if case .loadJobs = $0 { true } else { false } })
        var northOptions = options
        northOptions.company = north
        _ = m.update(.connected(TUIConnection(client: client, info: ConnectionInfo(location: "t", company: "Northwind"), drafts: nil, options: northOptions)))
        #expect(m.marks.count == 1, "Northwind's marks are back")
    }
}

/// The `:` history outlives the run: read at start, written after each command.
@Test func commandHistoryIsKeptBetweenRuns() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = CommandHistoryFile(path: dir + "/state/command-history")
    try file.save(["sort name", "mark all"])
    var options = TUIOptions()
    options.commandHistory = file
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: options)
    let start = m.start()
    #expect(start.contains(.loadCommandHistory(file)))
    _ = m.update(.commandHistoryLoaded(file.load()))
    _ = m.update(.pageLoaded(generation: m.list.generation, Page(items: [candidate(1)], total: 1, page: 1, limit: 50, totalPages: 1)))
    _ = m.update(.key(.char(":")))
    _ = m.update(.key(.up))
    #expect(m.commandLine?.editor.text == "mark all")
    _ = m.update(.key(.escape))
    _ = m.update(.key(.char(":")))
    for ch in "sort rating" { _ = m.update(.key(.char(ch))) }
    let effects = m.update(.key(.enter))
    guard case .keepCommandHistory(let f, let kept)? = effects.first else { Issue.record("\(effects)"); return }
    try f.save(kept)
    #expect(file.load() == ["sort name", "mark all", "sort rating"])
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
}

/// Privacy mode masks the detail pane's email and phone too.
@Test func detailPaneMasksContactsInPrivacyMode() {
    let c = Candidate(id: candidateId(1), firstName: "Jana", lastName: "Nováková", email: "jana@example.org", phoneNumber: "+421905123456")
    let lines = DetailView.lines(.candidate(c, note: nil), jobTitle: { _ in nil }, width: 60, height: 40,
                                 shown: { field, text in field == .email || field == .phoneNumber ? "MASKED" : text }).map(\.text)
    #expect(lines.contains { $0.hasPrefix("Email") && $0.hasSuffix("MASKED") })
    #expect(lines.contains { $0.hasPrefix("Phone") && $0.hasSuffix("MASKED") })
    #expect(!lines.joined().contains("jana@example.org"))
}

/// Control keys the terminal sends as other keys, or keeps, are refused in the config.
@Test func reservedControlKeysAreRefused() {
    for (name, reason) in [("ctrl-i", "Tab"), ("ctrl-m", "Enter"), ("ctrl-j", "Enter"), ("ctrl-h", "Backspace"), ("ctrl-c", "interrupts")] {
        do {
            _ = try KeyMap.standard.remapped([(action: "save", keys: [name])])
            Issue.record("\(name) accepted")
        } catch {
            #expect(error.message.contains(reason), "\(name): \(error.message)")
        }
    }
}

/// Help moved to F5 and `?` given to search: `?` searches, F5 helps.
@Test func helpMovedFreesQuestionMark() throws {
    var options = TUIOptions()
    options.keys = try KeyMap.standard.remapped([(action: "help", keys: ["f5"]), (action: "search", keys: ["?"])])
    var m = AppModel(connection: ConnectionInfo(location: "t", company: nil), today: today, options: options)
    _ = m.start()
    _ = m.update(.key(.char("?")))
    #expect(m.help == nil && m.search.isOpen)
    _ = m.update(.key(.escape))
    _ = m.update(.key(.function(5)))
    #expect(m.help?.context == .list)
}

/// A paste goes into the command line and the search prompt, on one line.
@Test func pasteTypesIntoPrompts() {
    var m = model([candidate(1)])
    _ = m.update(.key(.char(":")))
    _ = m.update(.key(.paste("sort\nname")))
    #expect(m.commandLine?.editor.text == "sort name")
    _ = m.update(.key(.escape))
    _ = m.update(.key(.char("/")))
    _ = m.update(.key(.paste("First1")))
    #expect(m.list.filter.search == "First1")
}

/// Tab completes job titles after `job=` and company names with spaces.
@Test func completionTakesArgumentsWithSpaces() {
    var m = model([candidate(1)])
    _ = m.update(.jobsLoaded([Job(id: "j1", title: "Data Analyst Intern"), Job(id: "j2", title: "Backend Developer")]))
    m.options.companies = [CompanyChoice(name: "Northwind Recruiting", id: "a"), CompanyChoice(name: "Northwind Labs", id: "b")]
    _ = m.update(.key(.char(":")))
    for ch in "filter job=Da" { _ = m.update(.key(.char(ch))) }
    _ = m.update(.key(.tab))
    #expect(m.commandLine?.editor.text == "filter job=Data Analyst Intern ")
    _ = m.update(.key(.escape))
    _ = m.update(.key(.char(":")))
    for ch in "company Northwind L" { _ = m.update(.key(.char(ch))) }
    _ = m.update(.key(.tab))
    #expect(m.commandLine?.editor.text == "company Northwind Labs ")
}
