import CandidateCore
import Foundation
import Testing

extension Robustness {
    /// What reaches the terminal: server text is data, never control; columns align; colour,
    /// TERM and locale are honoured.
    @Suite struct Display {
        func env(_ sandbox: SandboxProcess, _ extra: [String: String] = [:]) -> [String: String] {
            var e = ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"]
            e.merge(extra) { $1 }
            return e
        }

        /// Payloads a hostile or broken server could send; none may reach the terminal raw.
        static let payloads: [(name: String, text: String)] = [
            ("SGR blink", "\u{1B}[5;31mPWN1"),
            ("OSC title", "\u{1B}]0;PWN2\u{07}"),
            ("OSC 52 clipboard", "\u{1B}]52;c;UFdOMw==\u{1B}\\"),
            ("C1 CSI", "\u{9B}6nPWN4"),
            ("C1 OSC", "\u{9D}0;PWN5\u{9C}"),
            ("bidi override", "\u{202E}PWN6"),
            ("clear screen", "\u{1B}[3J\u{1B}cPWN7"),
            ("DEL and BEL", "\u{7F}\u{07}PWN8"),
        ]

        @Test("escape payloads in name, email, metadata and CV never reach the terminal")
        func payloadsStayData() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            let all = Self.payloads.map(\.text).joined(separator: " ")
            let metadata = JSONValue.object(["note": .string(all)]).compactText()
            _ = try SandboxRows.insert(sandbox, company: company, firstName: "Evil" + Self.payloads[0].text,
                                       lastName: Self.payloads[1].text + "Name", email: "x\(Self.payloads[3].text)@example.com",
                                       metadata: metadata, cvText: "CV " + all)
            let run = try TUIRun(env: env(sandbox))
            let s = run.session
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("Evil␛[5;31mPWN1")
            try s.keys("Enter")
            try s.waitFor("Edit Evil")
            try s.waitFor("GDPR expiry")
            // The flash line and the confirm panel show server text too: change the CV field's
            // neighbour and ask to save, so the panel lists a change.
            try s.keys("Tab")
            try s.type("x")
            try s.keys("F2")
            try s.waitFor("Send these changes? (y/N)")
            try s.keys("n")
            try s.keys("Escape")
            try s.waitFor("Discard changes? (y/N)")
            try s.keys("y")
            try s.keys("q")
            #expect(try run.exitStatus() == 0)
            let raw = run.raw()
            // The capture works and the payloads were drawn, as inert text.
            #expect(raw.contains("Evil␛[5;31mPWN1"))
            for (name, text) in Self.payloads {
                #expect(!raw.contains(text), "\(name) reached the terminal raw")
            }
            // No OSC, no C1 control and no bidi override at all, whatever surrounds them.
            #expect(!raw.contains("\u{1B}]"), "an OSC sequence reached the terminal")
            for c1 in 0x80...0x9F { #expect(!raw.contains(bytes: [0xC2, UInt8(c1)]), "C1 control U+00\(String(c1, radix: 16)) reached the terminal") }
            for bidi in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"] {
                #expect(!raw.contains(bidi))
            }
            #expect(!raw.contains("PWN2\u{07}"))
            withExtendedLifetime(sandbox) {}
        }

        @Test("columns align with CJK, combining marks and emoji sequences")
        func alignment() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            let names: [(String, String)] = [
                ("王小明", "王"), ("Zoë", "👩\u{200D}💻"), ("E\u{301}mile", "Zol\u{E0}"), ("Ana", "👍🏽 🇸🇰"), ("Jo", "❤\u{FE0F} 1\u{FE0F}\u{20E3}"),
                ("ｶﾀｶﾅ", "ＡＢＣ"), ("Plain", "Ascii"),
            ]
            for (i, n) in names.enumerated() {
                _ = try SandboxRows.insert(sandbox, company: company, firstName: n.0, lastName: n.1,
                                           email: "row\(i)@example.com", status: "IN_PROCESS", order: i)
            }
            let run = try TUIRun(env: env(sandbox))
            let s = run.session
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("row6@example.com")
            let lines = try s.lines()
            var statusColumns: [Int] = []
            var emailColumns: [Int] = []
            for i in names.indices {
                let line = try #require(lines.first { $0.contains("row\(i)@example.com") })
                let status = try #require(line.range(of: "IN_PROCESS"))
                let email = try #require(line.range(of: "row\(i)@"))
                statusColumns.append(DisplayText.width(String(line[..<status.lowerBound]), charset: .unicode))
                emailColumns.append(DisplayText.width(String(line[..<email.lowerBound]), charset: .unicode))
            }
            #expect(Set(statusColumns).count == 1, "Status column drifts: \(statusColumns)\n\(lines.joined(separator: "\n"))")
            #expect(Set(emailColumns).count == 1, "Email column drifts: \(emailColumns)\n\(lines.joined(separator: "\n"))")
            withExtendedLifetime(sandbox) {}
        }

        @Test("NO_COLOR: not one colour escape code; without it, colour is used")
        func noColor() async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            for noColor in [true, false] {
                var e = env(sandbox)
                if !noColor { e["NO_COLOR"] = "" }   // empty counts as unset (no-color.org)
                let run = try TUIRun(env: e)
                try run.session.waitForMatch(#"[0-9]+ candidates"#)
                try run.session.keys("s")
                try run.session.waitFor("── Other ──")
                try run.session.keys("Escape")
                try run.session.keys("q")
                #expect(try run.exitStatus() == 0)
                let colourParams = run.raw().bytes.sgrParameters().flatMap { $0 }.filter { (30...49).contains($0) || (90...107).contains($0) }
                if noColor {
                    #expect(colourParams.isEmpty, "colour codes with NO_COLOR: \(colourParams)")
                } else {
                    #expect(!colourParams.isEmpty, "no colour without NO_COLOR")
                }
            }
            withExtendedLifetime(sandbox) {}
        }

        @Test("TERM=dumb and no TERM exit 2 with a message that points to the subcommands")
        func dumbTerminal() throws {
            for term in ["dumb", ""] {
                let run = try TUIRun(env: ["TERM": term, "INSTAVIEW_BASE_URL": "http://127.0.0.1:9", "INSTAVIEW_API_KEY": "sk_test_x"])
                #expect(try run.exitStatus() == 2)
                let screen = try run.session.screen()
                #expect(screen.contains("cannot show the editor"), "\(screen)")
                #expect(screen.contains("candidates --help"))
                let stty = try run.sttyBeforeAfter()
                #expect(stty.before == stty.after)
            }
        }

        @Test("an unknown TERM falls back to a known entry with a warning and runs")
        func unknownTerm() async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            let run = try TUIRun(env: env(sandbox, ["TERM": "no-such-terminal-9000"]))
            try run.session.waitForMatch(#"[0-9]+ candidates"#)
            try run.session.waitFor("Unknown terminal type 'no-such-terminal-9000'")
            try run.session.keys("Enter")
            try run.session.waitFor("GDPR expiry")
            try run.session.keys("Escape")
            try run.session.waitForAbsence("GDPR expiry")
            try run.session.keys("q")
            #expect(try run.exitStatus() == 0)
            // The warning is also left on the shell's screen after the program.
            #expect(try run.session.screen().contains("candidates: Unknown terminal type"))
            let stty = try run.sttyBeforeAfter()
            #expect(stty.before == stty.after)
            withExtendedLifetime(sandbox) {}
        }

        @Test("LANG=C: runs in ASCII, ? for what cannot be shown, columns aligned, ASCII borders")
        func asciiLocale() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            let names: [(String, String)] = [("王小明", "王"), ("Šťastný", "Zoë"), ("Ana", "👩\u{200D}💻"), ("Plain", "Ascii")]
            for (i, n) in names.enumerated() {
                _ = try SandboxRows.insert(sandbox, company: company, firstName: n.0, lastName: n.1,
                                           email: "row\(i)@example.com", status: "IN_PROCESS", order: i)
            }
            let run = try TUIRun(env: env(sandbox, ["LANG": "C", "LC_ALL": "C"]))
            let s = run.session
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("row3@example.com")
            // One line says why names show ? and what to do.
            try s.waitFor("Locale LC_ALL=C is not UTF-8: ? marks what it cannot show")
            let lines = try s.lines()
            #expect(lines.contains { $0.contains("??? ?") }, "\(lines.joined(separator: "\n"))")
            #expect(lines.contains { $0.contains("??astn? Zo?") })
            let columns = try names.indices.map { i -> Int in
                let line = try #require(lines.first { $0.contains("row\(i)@example.com") })
                return line.distance(from: line.startIndex, to: try #require(line.range(of: "IN_PROCESS")).lowerBound)
            }
            #expect(Set(columns).count == 1, "Status column drifts: \(columns)")
            // A bordered menu, and the form with non-ASCII values in its fields.
            try s.keys("s")
            try s.waitFor(": IN_PROCESS ")  // the menu title names the candidate and the status
            try s.keys("Escape")
            try s.keys("Down", "Enter")
            try s.waitFor("GDPR expiry")
            // A field with text the widget cannot hold is not edited (it would be corrupted).
            try s.type("x")
            try s.waitFor("First name has characters this terminal cannot show")
            #expect(try s.screen().contains("no changes"))
            try s.keys("Escape")
            try s.waitForAbsence("GDPR expiry")
            try s.keys("q")
            #expect(try run.exitStatus() == 0)
            let raw = run.raw()
            let nonASCII = raw.bytes.filter { $0 >= 0x80 }
            #expect(nonASCII.isEmpty, "\(nonASCII.count) non-ASCII bytes written in the C locale")
            #expect(!raw.contains("\u{1B}(0"), "line drawing through the alternate character set")
            #expect(raw.contains("+-"))
            #expect(raw.contains("??astn?"))
            withExtendedLifetime(sandbox) {}
        }

        @Test("resize to 10x3 and back: the form, its unsaved edit and the focus survive")
        func resize() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            _ = try SandboxRows.insert(sandbox, company: company, firstName: "Rhea", lastName: "Size")
            let run = try TUIRun(env: env(sandbox))
            let s = run.session
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("Rhea")
            try s.keys("Enter")
            try s.waitFor("GDPR expiry")
            try s.keys("Tab")
            try s.keys("C-e")
            try s.type("Small")
            try s.waitFor("SizeSmall")
            try s.tmux(["resize-window", "-t", s.name + ":0", "-x", "10", "-y", "3"])
            try s.waitFor("Terminal")
            try s.tmux(["resize-window", "-t", s.name + ":0", "-x", "110", "-y", "32"])
            try s.waitFor("GDPR expiry")
            try s.waitFor("SizeSmall")
            try s.waitFor("1 changed")
            // The focus is still on Last name: typing goes there.
            try s.type("!")
            try s.waitFor("SizeSmall!")
            withExtendedLifetime(sandbox) {}
        }
    }
}
