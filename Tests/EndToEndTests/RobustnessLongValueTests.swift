import CandidateCore
import Foundation
import Testing

extension Robustness {
    /// Values far longer than the form's one-line fields: the longest CV the API allows, and an
    /// email only an odd server could send. Before the fix, focusing either field crashed the
    /// editor (ncurses cannot make a field window 32,767 or more columns wide).
    @Suite struct LongValues {
        /// Tabs through every field of the open form, checking after each step that the
        /// program still runs, then that the CV row shows `cvSummary`.
        func tabThroughEveryField(_ run: TUIRun, pid: pid_t, cvSummary: String) throws {
            let s = run.session
            for step in 1...CandidateField.allCases.count {
                try s.keys("Tab")
                // The focus marker moves to the next field (wrapping back to the first), unless the editor died.
                let field = CandidateField.allCases[step % CandidateField.allCases.count]
                let marker = "(?m)^▸" + NSRegularExpression.escapedPattern(for: field.label)
                var screen = ""
                try waitUntil("the focus on \(field.label)") {
                    screen = try s.screen()
                    return processEnded(pid) || screen.range(of: marker, options: .regularExpression) != nil
                }
                try #require(!processEnded(pid), "the editor ended after Tab onto \(field.label):\n\(screen)")
            }
            try s.waitFor(cvSummary)
        }

        @Test("a 50,000-character CV and a 40,000-character email: Tab through every field, no crash, nothing sent")
        func longCVAndEmailDoNotCrashTheForm() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            let cv = String(repeating: "Nurse in Bratislava. ", count: 2_500)   // 52,500: cut to the API's limit
            let longCV = String(cv.prefix(PatchValidator.Limits.cvTextMaxCharacters))
            let longEmail = String(repeating: "m", count: 40_000 - "@example.com".count) + "@example.com"
            _ = try SandboxRows.insert(sandbox, company: company, firstName: "Longcv", lastName: "Tester",
                                       email: "longcv@example.com", cvText: longCV, order: 0)
            let mailId = try SandboxRows.insert(sandbox, company: company, firstName: "Longmail", lastName: "Tester",
                                                email: longEmail, cvText: "Short CV", order: 1)
            let run = try TUIRun(env: ["INSTAVIEW_BASE_URL": sandbox.baseURL, "INSTAVIEW_API_KEY": "sk_test_northwind", "NO_COLOR": "1"])
            let s = run.session
            let pid = try run.pid()
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("Longmail")

            // The long CV: the editor survives a Tab onto every field and its row shows the summary.
            try s.keys("Enter")
            try s.waitFor("Edit Longcv Tester")
            try tabThroughEveryField(run, pid: pid, cvSummary: "50000 chars: Nurse in Bratislava.")
            try s.keys("Escape")
            try s.waitForAbsence("GDPR expiry")

            // The long email: shown as a summary with a note, never loaded into the widget.
            try s.keys("Down", "Enter")
            try s.waitFor("Edit Longmail Tester")
            try s.waitFor("8 chars: Short CV")
            try s.waitFor("40000 chars: mmmm")
            try s.waitFor("too long to edit here")
            try tabThroughEveryField(run, pid: pid, cvSummary: "8 chars: Short CV")
            // Typing on it changes nothing, and a save has nothing to send.
            try s.keys("Tab", "Tab")
            try s.waitForMatch("(?m)^▸Email")
            try s.type("x")
            try s.keys("BSpace", "C-u")
            try s.keys("F2")
            try s.waitFor("Nothing to change")
            #expect(!processEnded(pid))
            try s.keys("Escape")
            try s.waitForAbsence("GDPR expiry")
            try s.keys("q")
            #expect(try run.exitStatus() == 0)

            #expect(try sandbox.requests(method: "PATCH").isEmpty)
            #expect(try sandbox.column("email", candidate: mailId) == longEmail)
            withExtendedLifetime(sandbox) {}
        }
    }
}
