import CandidateCore
import Testing
@testable import CandidateTUI

/// A message laid out in lines of a width: wrapped at spaces, cut with `…` beyond the lines it
/// may take, and the hint line offering `^G` exactly when something is cut.
@Suite("Message lines")
struct MessageLinesTests {
    @Test("a message that fits takes one line; a longer one wraps at spaces; beyond the limit the last line ends in …")
    func layout() {
        let short = MessageLines("Saved", width: 20)
        #expect(short.lines == ["Saved"] && !short.cut)
        let wrapped = MessageLines("one two three four", width: 9)
        #expect(wrapped.lines == ["one two", "three", "four"] && !wrapped.cut)
        let cut = MessageLines("one two three four five six", width: 9, maxLines: 2)
        #expect(cut.lines == ["one two", "three fo…"] && cut.cut)
        // Wide characters are measured in cells and never split.
        let wide = MessageLines("王小明王小明", width: 5, maxLines: 3)
        #expect(wide.lines == ["王小", "明王", "小明"] && !wide.cut)
        // Control characters never reach the screen.
        #expect(MessageLines("a\u{1B}[31mb", width: 20).lines == ["a␛[31mb"])
    }

    @Test("^G is offered on the list exactly while the message is cut at the terminal's size, and opens the panel")
    func hint() {
        var m = ScreenFixtures.list()
        _ = m.update(.terminalReady(utf8: true, rows: 24, cols: 80, keepsDrafts: false, warning: nil))
        m.flash = Flash(text: String(repeating: "word ", count: 40), kind: .info)
        #expect(!m.keyHints().contains { $0.text.hasPrefix("^G") }, "three lines of 78 cells hold it")
        m.flash = Flash(text: String(repeating: "word ", count: 60), kind: .info)
        #expect(m.keyHints().contains(KeyHint("^G whole message", 0)))
        _ = m.update(.key(.ctrl("g")))
        #expect(m.overlay == .messages)
        _ = m.update(.key(.down))
        #expect(m.overlayScroll == 1)
        _ = m.update(.key(.char("q")))
        #expect(m.overlay == nil && !m.quit)
        m.flash = nil
        _ = m.update(.key(.ctrl("g")))
        #expect(m.overlay == nil && m.flash?.text == "No message to show")
    }

    @Test("in the form Ctrl-G lists every field's message whole, and never types")
    func formMessages() {
        var m = ScreenFixtures.formWithError()
        _ = m.update(.terminalReady(utf8: true, rows: 24, cols: 80, keepsDrafts: false, warning: nil))
        let before = m.form?.draft
        _ = m.update(.key(.ctrl("g")))
        #expect(m.overlay == .messages && m.form?.draft == before)
        #expect(m.currentMessages().contains("Phone: must be E.164: + country code and digits, e.g. +421905123456"))
    }
}

/// A bulk change's progress with failures, a rate-limit wait and the cancelling note wraps like
/// any message instead of losing its end.
@Test func bulkProgressWraps() {
    var m = ScreenFixtures.bulkPreview()
    _ = m.update(.key(.char("y")))
    _ = m.update(.bulk(.progress(BulkProgress(total: 3, done: 1, moved: 0, failed: 1, waitingSeconds: 41.2))))
    _ = m.update(.key(.escape))
    let grid = renderScreen(m, cols: 80, rows: 24)
    #expect(grid.line(21) == " Moving to REJECTED [######..............] 1/3 · 1 failed · waiting 42s for")
    #expect(grid.line(22) == " rate limit · cancelling: waiting for requests in flight")
    #expect(grid.style(22, 1) == .bold)
    #expect(grid.line(23).hasSuffix("Esc cancel change"))
}

/// An empty list says what failed in full, wrapped under the column titles.
@Test func emptyListReasonWraps() {
    var m = AppModel(connection: ScreenFixtures.connection, today: today)
    _ = m.start()
    _ = m.update(.pageFailed(generation: 0, .http(HTTPFailure(status: 503, messages: [
        "the sandbox is restarting after a configuration change and answers again within a minute",
    ]))))
    let grid = renderScreen(m, cols: 80, rows: 24)
    let text = (3..<8).map { grid.line($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(text.contains("answers again within a minute"), "\(grid.text)")
    #expect(!text.contains("…"))
}
