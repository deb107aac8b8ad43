import CandidateCore
import Foundation
import Testing

/// The real binary in a real terminal (tmux) against `candidates serve` over HTTP on
/// 127.0.0.1, with a real SQLite file and the sandbox's request log as evidence.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIEndToEndTests {
    /// Runs the TUI against the sandbox; after it exits the shell prints its status and the tty settings.
    func startTUI(_ sandbox: SandboxProcess, key: String = "sk_test_northwind") throws -> TmuxSession {
        let bin = TmuxSession.quote(Binary.path)
        let session = try TmuxSession(
            command: "\(bin); echo \"EXIT=$?\"; stty -a; sleep 600",
            env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": key, "NO_COLOR": "1"])
        // The header shows the total once the first page is in.
        try session.waitForMatch(#"[0-9]+ candidates"#)
        return session
    }

    func firstCandidate(_ sandbox: SandboxProcess) async throws -> Candidate {
        let page = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value
        return try #require(page.items.first)
    }

    /// Quits with q and checks the exit status and that the terminal is back in cooked mode.
    func quitAndCheckTerminal(_ session: TmuxSession) throws {
        try session.keys("q")
        try session.waitFor("EXIT=0")
        try session.waitForMatch("[ -]icanon")  // stty -a has printed
        let screen = try session.screen()
        #expect(screen.contains(" icanon"), "terminal left in raw mode:\n\(screen)")
        #expect(screen.contains(" echo "), "echo left off:\n\(screen)")
        #expect(!screen.contains("-icanon"))
    }

    @Test func editLastNameSendsOnlyThatField() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.keys("Tab", "C-u")
        try session.type("Testová-Smith")
        try session.keys("F2")
        try session.waitFor("Send these changes? (y/N)")
        try session.waitFor("→ Testová-Smith")
        try session.keys("y")
        try session.waitFor("Saved Last name")

        #expect(try sandbox.column("lastName", candidate: first.id) == "Testová-Smith")
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 1)
        #expect(patches.first?["path"]?.stringValue == "/candidates/\(first.id)")
        #expect(patches.first?["body"] == .object(["lastName": .string("Testová-Smith")]))
        // The save is in the journal: the field before and after, sent.
        let folder = session.stateFolder + "/state/candidates/journal"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let changes = Journal(path: folder + "/" + (files.first ?? "")).changes().changes
        #expect(changes.count == 1)
        #expect(changes.first?.command == "form")
        #expect(changes.first?.outcome == .sent)
        #expect(changes.first?.fields == [JournalChange.Field(field: "lastName", before: .string(first.lastName), after: .string("Testová-Smith"))])
        try quitAndCheckTerminal(session)
    }

    /// `s`, Enter, `y` on the first candidate: moved to its first next step (else an override); returns where.
    func moveOneStep(_ session: TmuxSession, _ first: Candidate) throws -> CandidateStatus {
        let target = Pipeline.nextSteps(from: first.status).first ?? Pipeline.overrides(from: first.status)[0]
        try session.keys("s")
        try session.waitFor("\(first.fullName): \(first.status.rawValue)")
        try session.keys("Enter")
        try session.waitFor("to \(target.rawValue)? (y/N)")
        try session.keys("y")
        try session.waitFor("Moved ")
        return target
    }

    @Test func statusMenuMovesAlongThePipeline() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        let target = try moveOneStep(session, first)

        #expect(try sandbox.column("status", candidate: first.id) == target.rawValue)
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 1)
        #expect(patches.first?["body"] == .object(["status": .string(target.rawValue)]))
        try quitAndCheckTerminal(session)
    }

    @Test func undoTakesAStatusMoveBackAfterAPreview() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        let target = try moveOneStep(session, first)
        try session.keys("U")
        try session.waitFor("Status: \(target.rawValue) → \(first.status.rawValue)")
        try session.waitFor("Send 1 change back? (y/N)")
        try session.keys("y")
        try session.waitFor("Done: undone 1")
        #expect(try sandbox.column("status", candidate: first.id) == first.status.rawValue)
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 2)
        #expect(patches.last?["body"] == .object(["status": .string(first.status.rawValue)]))
        try session.keys("Escape")
        try quitAndCheckTerminal(session)
    }

    @Test func invalidPhoneShowsErrorAndSendsNothing() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await firstCandidate(sandbox)
        let session = try startTUI(sandbox)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.refusePhoneNumber()
        try session.waitFor("must be E.164")
        #expect(try sandbox.requests(method: "PATCH").isEmpty)
        #expect(try sandbox.column("phoneNumber", candidate: first.id) == first.phoneNumber)
        // The typing is kept: the field still shows it.
        #expect(try session.screen().contains("0905 12"))
        try session.discardForm()
        try quitAndCheckTerminal(session)
    }
}

/// Bulk status change through the TUI: marks, a filter that hides some, the preview, the result.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIBulkEndToEndTests {
    @Test func markThreeHideTwoMoveAllThree() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let firstThree = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 3)).value.items
        let target = CandidateStatus.rejected
        // A search that shows the first candidate only: its e-mail, or its full name.
        let needle = firstThree[0].email ?? firstThree[0].fullName
        let session = try TmuxSession.tui(sandbox, cols: 120, rows: 36)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.keys("Space", "Space", "Space")
        try session.waitFor("3 marked")
        try session.keys("/")
        try session.type(needle)
        try session.keys("Enter")
        try session.waitFor("3 marked (2 hidden by filter)")
        try session.keys("s")
        try session.waitFor("Move 3 marked to")
        // REJECTED is the fourth status in the enum order the bulk menu uses.
        try session.keys("Down", "Down", "Down", "Enter")
        try session.waitFor("Bulk status change")
        try session.waitFor("[hidden by filter]")
        let toSend = firstThree.filter { $0.status != target }
        try session.waitFor("Send \(toSend.count) change")
        try session.keys("y")
        try session.waitFor("Bulk result")
        try session.waitFor("moved \(toSend.count)")

        for c in firstThree {
            #expect(try sandbox.column("status", candidate: c.id) == target.rawValue)
        }
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == toSend.count)
        #expect(patches.allSatisfy { $0["body"] == .object(["status": .string(target.rawValue)]) })
        #expect(Set(patches.compactMap { $0["path"]?.stringValue }) == Set(toSend.map { "/candidates/\($0.id)" }))
        try session.keys("Escape")
        try session.waitForAbsence("Bulk result")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}

/// Search as you type in the real terminal.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUISearchEndToEndTests {
    /// The cursor is reverse video over the mark column and the name only (so a move rewrites a
    /// few cells of two rows, issue 5), and moves with ↓.
    @Test func cursorIsReverseVideoOverMarkAndName() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let session = try TmuxSession.tui(sandbox, cols: 80, rows: 24)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        let first = try #require(try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value.items.first)
        try session.waitFor(String(first.firstName.prefix(4)))
        // capture-pane -e: the cells with their attributes; reverse video starts with SGR 7.
        func rows() throws -> [String] {
            try session.tmux(["capture-pane", "-p", "-e", "-t", session.name]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        /// The text of the line's first reverse-video run (SGR with parameter 7, until 0 or 27).
        func reverseSpan(_ line: String) -> String? {
            var reverse = false, seen = false, span = ""
            var rest = Substring(line)
            while !rest.isEmpty {
                if rest.hasPrefix("\u{1B}["), let m = rest.firstIndex(where: { $0.isLetter }) {
                    let params = rest[rest.index(rest.startIndex, offsetBy: 2)..<m].split(separator: ";", omittingEmptySubsequences: false)
                    if rest[m] == "m" {
                        for p in params {
                            if p == "7" { reverse = true; seen = true }
                            if p == "0" || p == "" || p == "27" { if seen && reverse { return span }; reverse = false }
                        }
                    }
                    rest = rest[rest.index(after: m)...]
                } else {
                    if reverse { span.append(rest.first!) }
                    rest = rest.dropFirst()
                }
            }
            return seen ? span : nil
        }
        var screen = try rows()
        let span = try #require(reverseSpan(screen[2]), "row 1 is not in reverse video:\n\(screen.joined(separator: "\n"))")
        #expect(span.hasPrefix("  " + String(first.firstName.prefix(4))), "the cursor covers the mark column and the name: \(span.debugDescription)")
        #expect(!span.contains(first.status.rawValue), "the status column is not in the cursor: \(span.debugDescription)")
        #expect(screen[3..<20].allSatisfy { reverseSpan($0) == nil }, "one cursor row only")
        try session.keys("Down")
        try waitUntil("the cursor is on row 2") { screen = try rows(); return reverseSpan(screen[3]) != nil }
        #expect(reverseSpan(screen[2]) == nil, "the old cursor row is plain again: \(screen[2].debugDescription)")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }

    @Test func typedQueryFindsCandidateWithoutDiacriticsAndEscRestores() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        // Someone on a later page, with diacritics in the name, found by typing it without them.
        var all: [Candidate] = []
        for try await page in try sandbox.client().allCandidates(CandidateQuery(limit: 100)) { all += page.items }
        let person = try #require(all.dropFirst(60).first { SearchText.fold($0.lastName) != $0.lastName.lowercased() })
        let query = SearchText.fold(person.lastName)
        let session = try TmuxSession.tui(sandbox, cols: 120, rows: 36)
        try session.waitForMatch(#"[0-9]+ candidates"#)
        let firstRow = try #require(all.first).fullName
        try session.waitFor(firstRow)
        try session.keys("/")
        try session.type(query)
        // Found locally or by the server search after the pause, whichever comes first.
        try session.waitFor(person.lastName)
        try session.waitFor("/\(query)")
        try session.keys("Escape")
        try session.waitForAbsence("filter:")
        // The whole list is back, the cursor still on the candidate found.
        let screen = try session.screen()
        #expect(screen.contains(person.lastName))
        #expect(screen.split(separator: "\n").filter { $0.contains("+") || $0.contains("@") }.count >= 25)
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}

/// `$EDITOR` gets the terminal: it runs in the foreground process group and may change modes.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIEditorEndToEndTests {
    @Test func editorThatChangesTerminalModesRunsAndItsTextComesBack() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let first = try await sandbox.client().listCandidates(CandidateQuery(page: 1, limit: 1)).value.items[0]
        // An editor that touches the terminal (as vi does) would be stopped by SIGTTOU in a background group.
        let editor = dir.file("editor.sh")
        try """
        #!/bin/sh
        stty -echo </dev/tty && stty echo </dev/tty || exit 3
        printf '{"source": "referral"}' > "$1"
        """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let session = try TmuxSession.tui(sandbox, extraEnv: ["EDITOR": editor, "VISUAL": ""])
        try session.waitForMatch(#"[0-9]+ candidates"#)
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        for _ in 0..<8 { try session.keys("Tab") }
        try session.keys("Enter")
        try session.waitFor("Metadata changed", seconds: 10)
        try session.keys("F2")
        try session.waitFor("Send these changes? (y/N)")
        try session.keys("y")
        try session.waitFor("Saved Metadata")
        let patches = try sandbox.requests(method: "PATCH")
        #expect(patches.count == 1)
        #expect(patches.first?["body"] == .object(["metadata": .object(["source": .string("referral")])]))
        #expect(patches.first?["path"]?.stringValue == "/candidates/\(first.id)")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}

/// Editing wide (CJK) text in a form field changes exactly the character at the cursor.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct TUIWideTextEndToEndTests {
    @Test func backspaceAtTheEndOfACJKNameDeletesTheLastCharacter() async throws {
        let dir = try TempDir()
        let sandbox = try SandboxProcess(dir: dir)
        let client = try sandbox.client()
        let first = try await client.listCandidates(CandidateQuery(page: 1, limit: 1)).value.items[0]
        var patch = CandidatePatch()
        patch[.lastName] = .string("佐藤")
        _ = try await client.updateCandidate(id: first.id, patch: patch)
        let session = try TmuxSession.tui(sandbox)
        try session.waitFor("佐藤")
        try session.keys("Enter")
        try session.waitFor("GDPR expiry")
        try session.keys("Tab", "BSpace")
        try session.type("X")
        try session.keys("Home", "End")
        try session.type("木")
        try session.keys("F2")
        try session.waitFor("Send these changes? (y/N)")
        try session.keys("y")
        try session.waitFor("Saved Last name")
        #expect(try sandbox.column("lastName", candidate: first.id) == "佐X木")
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
