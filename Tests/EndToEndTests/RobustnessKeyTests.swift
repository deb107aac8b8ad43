import CandidateCore
import ChildProcess
import Foundation
import Testing

extension Robustness {
    /// Keys as real terminals send them: Backspace in its three forms, Home/End in every
    /// common encoding, ESC without the 1 s curses default, bracketed paste, Ctrl-S.
    @Suite struct Keys {
        /// The TUI in the form, and what must stay alive while it runs.
        struct Fixture {
            let run: TUIRun
            let sandbox: SandboxProcess
            let dir: TempDir

            /// Esc closes the form (it has no changes); the list shows.
            func leaveForm() throws {
                try run.session.keys("Escape")
                try run.session.waitForAbsence("GDPR expiry")
            }

            /// Leaves the form and quits; the program exits 0.
            func leaveFormAndQuit() throws {
                try leaveForm()
                try run.session.keys("q")
                #expect(try run.exitStatus() == 0)
            }
        }

        /// Runs the TUI on a sandbox whose newest candidate is `first last`, opens it in the form.
        func openForm(firstName: String = "Keyla", lastName: String = "Board") async throws -> Fixture {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            _ = try SandboxRows.insert(sandbox, company: company, firstName: firstName, lastName: lastName)
            let run = try TUIRun(env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"])
            try run.session.waitForMatch(#"[0-9]+ candidates"#)
            try run.session.waitFor(firstName)
            try run.session.keys("Enter")
            try run.session.waitFor("Edit \(firstName) \(lastName)")
            return Fixture(run: run, sandbox: sandbox, dir: dir)
        }

        @Test("Backspace works as ^H, as ^? and as the terminal's kbs key")
        func backspace() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            try s.keys("C-e")
            try s.type("xyz")
            // (capture-pane drops the field's trailing blanks: match at the end of the line)
            try s.waitForMatch("(?m)Keylaxyz$")
            try s.sendBytes([0x08])            // ^H
            try s.waitForMatch("(?m)Keylaxy$")
            try s.sendBytes([0x7F])            // ^?, which is also xterm's kbs: KEY_BACKSPACE
            try s.waitForMatch("(?m)Keylax$")
            try s.keys("BSpace")               // tmux's own Backspace key
            try s.waitFor("no changes")
            #expect(try s.screen().range(of: "(?m)Keyla$", options: .regularExpression) != nil)
            try f.leaveFormAndQuit()
            withExtendedLifetime(f) {}
        }

        @Test("Home and End work for xterm, xterm application mode, rxvt and tmux/screen sequences")
        func homeEnd() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            let pairs = [("\u{1B}[H", "\u{1B}[F"), ("\u{1B}OH", "\u{1B}OF"), ("\u{1B}[7~", "\u{1B}[8~"), ("\u{1B}[1~", "\u{1B}[4~")]
            for (i, (home, end)) in pairs.enumerated() {
                try s.keys("C-u")
                try s.type("mid\(i)")
                try s.sendBytes(home)
                try s.type("<")
                try s.sendBytes(end)
                try s.type(">")
                try s.waitFor("<mid\(i)>")
            }
            // tmux's own Home/End keys, whatever it sends for them.
            try s.keys("C-u")
            try s.type("tm")
            try s.keys("Home")
            try s.type("[")
            try s.keys("End")
            try s.type("]")
            try s.waitFor("[tm]")
            withExtendedLifetime(f) {}
        }

        /// The focused field's label line (`▸ Label`).
        func focusLine(_ s: TmuxSession) throws -> String? {
            try s.lines().first { $0.hasPrefix("▸") }
        }

        @Test("cursor, editing and function keys in CSI, SS3 and xterm-modifier forms are keys, never Esc plus text")
        func escapeSequencesAreKeys() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            let esc = "\u{1B}"
            // Left/Right in every form: "ab", Left, "<", Right, ">" gives "a<b>".
            let leftRight = [("[D", "[C"), ("OD", "OC"), ("[1;2D", "[1;2C"), ("[1;5D", "[1;5C"), ("[d", "[c"), ("Od", "Oc")]
            for (i, (left, right)) in leftRight.enumerated() {
                try s.keys("C-u")
                try s.type("a\(i)b")
                try s.sendBytes(esc + left)
                try s.type("<")
                try s.sendBytes(esc + right)
                try s.type(">")
                try s.waitForMatch("(?m)a\(i)<b>$")
            }
            // Delete: at the start of "xy" removes x.
            for (i, delete) in ["[3~", "[3;2~", "[3;5~"].enumerated() {
                try s.keys("C-u")
                try s.type("x\(i)y")
                try s.keys("C-a")
                try s.sendBytes(esc + delete)
                try s.waitForMatch("(?m)\(i)y$")
            }
            // Home/End with modifiers.
            try s.keys("C-u")
            try s.type("m")
            try s.sendBytes(esc + "[1;2H")
            try s.type("(")
            try s.sendBytes(esc + "[1;2F")
            try s.type(")")
            try s.waitForMatch("(?m)\\(m\\)$")
            // The field is changed: a sequence read as Esc would ask to discard (and type the rest).
            // Down/Up in every form move the focus from First name to Last name and back.
            for (down, up) in [("[B", "[A"), ("OB", "OA"), ("[1;2B", "[1;2A"), ("[b", "[a"), ("O1;5B", "O1;5A"), ("[1;9B", "[1;10A")] {
                try s.sendBytes(esc + down)
                try waitUntil("focus on Last name after ESC \(down)", seconds: 10) { try focusLine(s)?.contains("Last name") == true }
                try s.sendBytes(esc + up)
                try waitUntil("focus on First name after ESC \(up)", seconds: 10) { try focusLine(s)?.contains("First name") == true }
            }
            // F1 in every form opens the form's help; Esc closes it.
            for f1 in ["OP", "[11~", "[1;2P", "[[A", "O1;2P"] {
                try s.sendBytes(esc + f1)
                try s.waitFor("Keys — Form")
                try s.keys("Escape")
                try s.waitForAbsence("Keys — Form")
            }
            // Keys with nothing to do in a typed field: PgUp/PgDn, Insert, F3–F12, in each form.
            let inert = ["[5~", "[6~", "[5;5~", "[6;2~", "[2~", "OR", "OS", "[15~", "[17~",
                         "[18~", "[19~", "[20~", "[21~", "[23~", "[24~", "[24;2~", "[I", "[O"]
            for seq in inert { try s.sendBytes(esc + seq) }
            try s.type("!")
            try s.waitForMatch("(?m)\\(m\\)!$")
            #expect(try !s.screen().contains("Discard changes"))
            #expect(try s.screen().contains("Edit Keyla Board"))
            // F2 as SS3, CSI ~ and a modified form opens the save confirmation; n closes it.
            for f2 in ["OQ", "[12~", "[1;2Q", "O1;2Q"] {
                try s.sendBytes(esc + f2)
                try s.waitFor("Send these changes?")
                try s.keys("n")
                try s.waitForAbsence("Send these changes?")
            }
            #expect(try !s.screen().contains("Discard changes"))
            #expect(try f.sandbox.requests(method: "PATCH").isEmpty)
            withExtendedLifetime(f) {}
        }

        @Test("ESC reacts well within the curses default of one second")
        func escapeIsQuick() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            var best = Double.infinity
            for _ in 0..<3 {
                let start = Date()
                try s.keys("Escape")
                try s.waitForAbsence("GDPR expiry", seconds: 5)
                best = min(best, Date().timeIntervalSince(start))
                try s.keys("Enter")
                try s.waitFor("GDPR expiry")
            }
            // 25 ms escape delay + a frame + tmux round trips; the curses default alone is 1000 ms.
            #expect(best < 0.5, "Esc took \(best) s")
            withExtendedLifetime(f) {}
        }

        @Test("a paste goes into the focused field literally, newlines as spaces")
        func pasteIntoField() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            try s.keys("C-u")
            try s.paste("Line one\nline two\ttab q")
            try s.waitFor("Line one line two tab q")
            // Typed keys after the paste still work as keys.
            try s.keys("Tab")
            try s.waitFor("1 changed")
            #expect(try s.screen().contains("Line one line two tab q"))
            withExtendedLifetime(f) {}
        }

        @Test("a paste outside a field is ignored: pasted q does not quit, pasted j does not move")
        func pasteOutsideField() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            try f.leaveForm()
            try s.paste("qjjjjs")
            // Had the paste been keys, the program would have quit. It still answers keys:
            try s.keys("Enter")
            try s.waitFor("Edit Keyla Board")   // the cursor did not move either
            try f.leaveFormAndQuit()
            #expect(run.raw().contains("\u{1B}[?2004h"))
            withExtendedLifetime(f) {}
        }

        @Test("a paste that arrives in pieces, with a pause between them (a slow link), is still one paste")
        func pasteInPieces() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            try f.leaveForm()
            // A key and the start of a paste in one read (`g`: the first row, where the cursor is),
            // so the paste starts among keys already typed.
            try s.sendBytes("g\u{1B}[200~jjj")
            // The stimulus: the rest of the paste comes 300 ms later, as over a slow SSH link.
            usleep(300_000)
            try s.sendBytes("q\u{1B}[201~")
            // Had the paste ended at the pause, the q after it would have quit. It still answers keys:
            try s.keys("Enter")
            try s.waitFor("Edit Keyla Board")
            try f.leaveFormAndQuit()
            withExtendedLifetime(f) {}
        }

        @Test("Ctrl-S saves and never freezes: flow control is off while the editor runs")
        func ctrlS() async throws {
            let f = try await openForm()
            let run = f.run, s = run.session
            let tty = try run.paneTTY()
            let stty = try ChildProcess.run(["stty", "-a", "-F", tty])
            #expect(stty.output.contains("-ixon"), "flow control still on:\n\(stty.output)")
            try s.keys("Tab", "C-u")
            try s.type("Saved")
            try s.keys("C-s")
            try s.waitFor("Send these changes? (y/N)")
            try s.keys("y")
            try s.waitFor("Saved Last name")
            try waitUntil("the PATCH in the request log") { try f.sandbox.requests(method: "PATCH").count == 1 }
            withExtendedLifetime(f) {}
        }
    }
}
