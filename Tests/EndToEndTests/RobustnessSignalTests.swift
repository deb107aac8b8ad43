import CandidateCore
import Foundation
import Testing

extension Robustness {
    /// Teardown on every path: the terminal settings after the program are exactly those
    /// before it (`stty -g` in the same pane), the alternate screen and bracketed paste are
    /// left, and the exit status is the conventional 128+signal.
    @Suite struct Signals {
        enum Screen: String, CaseIterable { case list, form }

        static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS]

        func start(_ sandbox: SandboxProcess, screen: Screen) throws -> TUIRun {
            let run = try TUIRun(env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"])
            try run.session.waitForMatch(#"[0-9]+ candidates"#)
            if screen == .form {
                try run.session.keys("Enter")
                try run.session.waitFor("GDPR expiry")
                try run.session.type("typed")
                try run.session.waitFor("1 changed")
            }
            return run
        }

        @Test("a signal on the list and in the form restores the terminal and exits 128+signal", arguments: signals)
        func signal(_ sig: Int32) async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            for screen in Screen.allCases {
                let run = try start(sandbox, screen: screen)
                let pid = try run.pid()
                kill(pid, sig)
                let status = try run.exitStatus()
                #expect(status == 128 + sig, "signal \(sig) on the \(screen): exit \(status)")
                let stty = try run.sttyBeforeAfter()
                #expect(stty.before == stty.after, "signal \(sig) on the \(screen): tty settings changed")
                let raw = run.raw()
                // The modes turned on are turned off again, after the last time they were turned on.
                let pasteOn = raw.bytes.lastIndex(of: "\u{1B}[?2004h") ?? -1
                let pasteOff = raw.bytes.lastIndex(of: "\u{1B}[?2004l") ?? -1
                #expect(pasteOn >= 0 && pasteOff > pasteOn, "signal \(sig) on the \(screen): bracketed paste left on")
                let altOff = raw.bytes.lastIndex(of: "\u{1B}[?1049l") ?? -1
                #expect(altOff > pasteOff, "signal \(sig) on the \(screen): alternate screen not left last")
                // The shell's screen is back: no curses frame remains.
                #expect(!(try run.session.screen().contains("GDPR expiry")))
            }
            withExtendedLifetime(sandbox) {}
        }

        @Test("q quits with status 0 and the same tty settings")
        func quit() async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            let run = try start(sandbox, screen: .list)
            try run.session.keys("q")
            #expect(try run.exitStatus() == 0)
            let stty = try run.sttyBeforeAfter()
            #expect(stty.before == stty.after)
            withExtendedLifetime(sandbox) {}
        }

        @Test("Ctrl-Z suspends with the shell's tty settings, fg redraws the same screen, edits intact")
        func suspendAndResume() async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            let files = try TempDir()
            let before = files.file("before"), stopped = files.file("stopped"), after = files.file("after")
            let session = try TmuxSession(
                command: "exec bash --norc --noprofile -i",
                env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1", "PS1": "$ "])
            let q = TmuxSession.quote
            try session.waitFor("$")
            try session.type("stty -g > \(q(before)); \(q(Binary.path))")
            try session.keys("Enter")
            try session.waitForMatch(#"[0-9]+ candidates"#)
            try session.keys("Enter")
            try session.waitFor("GDPR expiry")
            try session.type("Zed")
            try session.waitFor("1 changed")
            try session.keys("C-z")
            try session.waitFor("Stopped")
            try session.type("stty -g > \(q(stopped))")
            try session.keys("Enter")
            try waitUntil("stty while stopped") { !(((try? String(contentsOfFile: stopped, encoding: .utf8)) ?? "").isEmpty) }
            #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: stopped, encoding: .utf8))
            try session.type("fg")
            try session.keys("Enter")
            try session.waitFor("GDPR expiry")
            try session.waitFor("1 changed")
            try session.waitFor("Zed")
            // Still working: Escape asks about the unsaved change.
            try session.keys("Escape")
            try session.waitFor("Discard changes? (y/N)")
            try session.keys("y")
            try session.waitFor("Changes discarded")
            try session.keys("q")
            // `$?` after `fg` is the job's exit status.
            try session.waitForAbsence("GDPR expiry")
            try session.type("echo EXIT=$?")
            try session.keys("Enter")
            try session.waitFor("EXIT=0")
            try session.type("stty -g > \(q(after))")
            try session.keys("Enter")
            try waitUntil("stty after") { !(((try? String(contentsOfFile: after, encoding: .utf8)) ?? "").isEmpty) }
            #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: after, encoding: .utf8))
            withExtendedLifetime((sandbox, session)) {}
        }
    }

    /// The terminal going away (SSH dropped): the program ends within 2 s, whether it gets a
    /// SIGHUP or only EIO/end of input.
    @Suite struct HangUp {
        @Test("closing the pty ends the program within 2 s", arguments: [false, true])
        func closePty(hangupIgnored: Bool) async throws {
            let dir = try TempDir()
            let (sandbox, _, _) = try await startSandbox(dir)
            // With SIGHUP ignored by the parent (nohup-style), only EIO / end of input is left.
            let program = hangupIgnored ? "sh -c \"trap '' HUP; exec \\\"\\$BIN\\\"\"" : "\"$BIN\""
            let run = try TUIRun(env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"],
                                 program: program)
            try run.session.waitForMatch(#"[0-9]+ candidates"#)
            try run.session.keys("Enter")
            try run.session.waitFor("GDPR expiry")
            let pid = try run.pid()
            if hangupIgnored {
                let ignored = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
                    .split(separator: "\n").first { $0.hasPrefix("SigIgn:") }
                let mask = UInt64(ignored?.split(separator: "\t").last ?? "0", radix: 16) ?? 0
                #expect(mask & (1 << UInt64(SIGHUP - 1)) != 0, "SIGHUP should stay ignored")
            }
            try run.session.tmux(["kill-pane", "-t", run.session.name + ":0"])
            let took = secondsUntilEnded(pid, limit: 2)
            #expect(took != nil, "the program still runs 2 s after its terminal closed")
            if took == nil { kill(pid, SIGKILL) }
            withExtendedLifetime(sandbox) {}
        }
    }
}
