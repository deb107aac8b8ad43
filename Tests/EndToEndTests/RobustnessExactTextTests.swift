import CandidateCore
import Foundation
import Testing

extension Robustness {
    /// The form edits the server's exact text. Before the fix, appending one letter to a name
    /// with an emoji ZWJ sequence, a zero-width space and ESC stored the name as shown (the
    /// emoji cut to its first scalar, no zero-width space, `␛` for ESC), and typed combining
    /// marks and joiners were dropped.
    @Suite struct ExactText {
        /// F2, the confirmation (with `shows` in it), `y`, and the flash `Saved <label>`.
        func save(_ s: TmuxSession, shows: String = "Send these changes? (y/N)", saved label: String) throws {
            try s.keys("F2")
            try s.waitFor("Send these changes? (y/N)")
            try s.waitFor(shows)
            try s.keys("y")
            try s.waitFor("Saved \(label)")
        }

        @Test("appending x stores the name plus x exactly; typed decomposed letters and ZWJ sequences arrive whole")
        func appendAndTypeExactly() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            let lastName = "Doe👩\u{200D}💻\u{200B}\u{1B}"
            let id = try SandboxRows.insert(sandbox, company: company, firstName: "Zero", lastName: lastName, email: "zero@example.com")
            let run = try TUIRun(env: Display().env(sandbox))
            let s = run.session
            try s.waitForMatch(#"[0-9]+ candidates"#)
            try s.waitFor("zero@example.com")
            try s.keys("Enter")
            try s.waitFor("Edit Zero")
            // The form says what it cannot show: the joined emoji's tail, the zero-width space, ESC.
            try s.waitFor("⚠ 4 hidden: U+200D U+1F4BB U+200B U+001B")
            try s.keys("Tab")
            try s.type("x")
            try save(s, shows: "[4 hidden] →", saved: "Last name")
            let stored = try #require(try sandbox.column("lastName", candidate: id))
            #expect(Array(stored.unicodeScalars) == Array((lastName + "x").unicodeScalars))

            // Typed as the terminal delivers them: a decomposed ë and a ZWJ sequence, byte for byte.
            try s.keys("Enter")
            try s.waitFor("Edit Zero")
            try s.keys("C-u")
            try s.sendBytes("Zoe\u{308}👩\u{200D}🔬")
            try save(s, saved: "First name")
            let first = try #require(try sandbox.column("firstName", candidate: id))
            #expect(Array(first.unicodeScalars) == Array("Zoe\u{308}👩\u{200D}🔬".unicodeScalars))
            // Each save sent exactly one field.
            let bodies = try sandbox.requests(method: "PATCH").compactMap { $0["body"]?.objectValue.map { Array($0.keys) } }
            #expect(bodies == [["lastName"], ["firstName"]])
            try s.keys("q")
            #expect(try run.exitStatus() == 0)
            withExtendedLifetime(sandbox) {}
        }
    }
}
